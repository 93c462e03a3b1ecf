package org.huiying.server.escalation;

import java.time.Instant;
import java.util.List;
import org.huiying.server.privacy.PersonalData;
import org.huiying.server.storage.InLists;
import org.huiying.server.ticket.ConversationTickets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A low-satisfaction escalation quotes the customer's survey comment in its subject: the words go,
 * the escalation (and so the score's consequences) stays.
 */
@Component
class EscalationPersonalData implements PersonalData {

    static final String SUBJECT_ERASED = "满意度低（评价内容已删除）";

    private final JdbcClient jdbc;
    private final ConversationTickets tickets;

    EscalationPersonalData(JdbcClient jdbc, ConversationTickets tickets) {
        this.jdbc = jdbc;
        this.tickets = tickets;
    }

    /** Before tickets: an escalation points at its tickets. It exports nothing (its subject repeats the survey). */
    @Override
    public int getOrder() {
        return 400;
    }

    @Override
    public int eraseConversation(String conversationId, Instant now) {
        List<String> ticketIds = tickets.idsOn(List.of(conversationId));
        if (!ticketIds.isEmpty()) {
            jdbc.sql("""
                    UPDATE escalation SET subject = :subject WHERE kind = 'LOW_SATISFACTION'
                    AND id IN (SELECT escalation_id FROM escalation_ticket WHERE ticket_id IN (:tickets))""")
                    .param("subject", SUBJECT_ERASED).param("tickets", InLists.padded(ticketIds)).update();
        }
        return 0;
    }
}
