package org.huiying.server.ticket;

import java.time.Clock;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Message;
import org.huiying.server.conversation.Sender;
import org.huiying.server.knowledge.KnowledgeSuggestions;
import org.springframework.stereotype.Component;

/** Renders tickets with their SLA state as of now. */
@Component
public class TicketViews {

    /** How many articles an agent sees beside a ticket. */
    static final int SUGGESTIONS = 3;
    private static final int MAX_QUERY_CHARS = 400;

    private final Tickets tickets;
    private final Conversations conversations;
    private final KnowledgeSuggestions knowledge;
    private final Clock clock;

    TicketViews(Tickets tickets, Conversations conversations, KnowledgeSuggestions knowledge, Clock clock) {
        this.tickets = tickets;
        this.conversations = conversations;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    /** The ticket with the articles that best match what the customer (or technician) has written on it. */
    public TicketView withSuggestions(String id) {
        Ticket t = tickets.get(id);
        StringBuilder asked = new StringBuilder();
        for (Message m : conversations.after(t.conversationId(), 0, 50)) {
            boolean asker = m.sender() == Sender.CUSTOMER || m.sender() == Sender.TECHNICIAN;
            if (asker && !m.at().isBefore(t.openedAt()) && asked.length() < MAX_QUERY_CHARS) {
                asked.append(m.text()).append('\n');
            }
        }
        String query = asked.length() > MAX_QUERY_CHARS ? asked.substring(0, MAX_QUERY_CHARS) : asked.toString();
        return of(t).withSuggestions(knowledge.suggest(query, SUGGESTIONS));
    }

    public TicketView of(Ticket t) {
        return TicketView.of(t, clock.instant());
    }

    public TicketView byId(String id) {
        return of(tickets.get(id));
    }
}
