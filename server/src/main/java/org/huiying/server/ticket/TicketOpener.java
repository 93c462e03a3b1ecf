package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.huiying.routing.Classification;
import org.huiying.routing.KeywordClassifier;
import org.huiying.routing.Priority;
import org.huiying.routing.SlaDeadlines;
import org.huiying.server.conversation.MessageAppended;
import org.huiying.server.conversation.Sender;
import org.huiying.server.sla.SlaSettings;
import org.huiying.server.system.RandomIds;
import org.huiying.server.system.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer message either joins the conversation's unresolved ticket or opens a new one. Runs
 * inside the transaction that stores the message, so there is never a stored message without its
 * ticket, nor a ticket without its message.
 */
@Component
class TicketOpener {

    private final TicketRepository tickets;
    private final KeywordClassifier classifier = new KeywordClassifier();
    private final SlaSettings sla;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketOpener(TicketRepository tickets, SlaSettings sla, ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.sla = sla;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void onMessage(MessageAppended event) {
        var message = event.message();
        if (message.sender() != Sender.CUSTOMER
                || tickets.findUnresolvedForConversation(message.conversationId()).isPresent()) {
            return;
        }
        Instant now = Timestamps.now(clock);
        Classification c = classifier.classify(message.text());
        SlaDeadlines due = sla.policies().forType(c.type()).deadlinesFrom(now);
        Ticket ticket = new Ticket(RandomIds.id("tk"), message.conversationId(), c.type(), c.category(), c.skills(),
                Priority.of(c.type(), c.category()), TicketStatus.OPEN, queueFor(c), null, now, null,
                due.firstResponseDue(), due.resolutionDue(), null, null);
        tickets.insert(ticket);
        events.publishEvent(new TicketEvents.TicketOpened(ticket.id(), ticket.conversationId()));
    }

    private static String queueFor(Classification c) {
        return c.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
