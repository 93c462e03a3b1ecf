package org.huiying.server.ticket;

import org.huiying.server.conversation.Conversations;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordVisibility;
import org.springframework.stereotype.Component;

/** Answers record access from the ticket table by {@link TicketVisibility}'s rules. */
@Component
class TicketRecordVisibility implements RecordVisibility {

    private final TicketRepository tickets;
    private final Conversations conversations;

    TicketRecordVisibility(TicketRepository tickets, Conversations conversations) {
        this.tickets = tickets;
        this.conversations = conversations;
    }

    @Override
    public boolean ticketVisible(String ticketId, CurrentStaff me) {
        return tickets.anyVisible("t.id = ?", ticketId, TicketVisibility.of(me));
    }

    @Override
    public boolean conversationVisible(String conversationId, CurrentStaff me) {
        return me.has("SUPERVISOR") || me.has("ADMIN")
                ? conversations.exists(conversationId)
                : tickets.anyVisible("t.conversation_id = ?", conversationId, TicketVisibility.of(me));
    }
}
