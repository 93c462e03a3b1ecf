package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huiying.routing.classification.Classification;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.CustomerMessagesBatched;
import org.huiying.server.conversation.CustomerMessagesStored;
import org.huiying.server.conversation.Message;
import org.huiying.server.conversation.MessageAppended;
import org.huiying.server.conversation.Sender;
import org.huiying.server.storage.PerTransaction;
import org.huiying.server.storage.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a customer's message does to tickets: opens one when the conversation has none unresolved
 * (classified, SLA clock started, queued), restarts the clock of one waiting on the customer,
 * and otherwise simply joins the open one. Runs inside the transaction that stores the message:
 * there is never a stored message without its ticket.
 */
@Component
class TicketIntake {

    private final TicketRepository tickets;
    private final Classifier classifier;
    private final TicketOpening opening;
    private final Conversations conversations;
    private final List<CustomerMessageClaim> claims;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /**
     * The unresolved ticket of each conversation of the batch being stored (an empty value: none), read
     * once for the batch; a conversation leaves it as soon as anything opens or changes a ticket on it.
     */
    private final PerTransaction<Map<String, Optional<Ticket>>> unresolved = new PerTransaction<>();

    TicketIntake(TicketRepository tickets, Classifier classifier, TicketOpening opening, Conversations conversations,
                 List<CustomerMessageClaim> claims, ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.claims = claims;
        this.classifier = classifier;
        this.opening = opening;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void onBatched(CustomerMessagesBatched batch) {
        Map<String, Ticket> found = tickets.findUnresolvedForConversations(batch.conversationIds());
        Map<String, Optional<Ticket>> known = new HashMap<>();
        batch.conversationIds().forEach(id -> known.put(id, Optional.ofNullable(found.get(id))));
        unresolved.set(known);
    }

    /** Whatever opened it (a follow-up of a survey answer, say), the conversation's read is stale now. */
    @EventListener
    void onOpened(TicketEvents.TicketOpened opened) {
        forget(opened.conversationId());
    }

    @EventListener
    void onMessage(MessageAppended event) {
        intake(event.message());
    }

    @EventListener
    void onStored(CustomerMessagesStored batch) {
        batch.messages().forEach(this::intake);
    }

    private void intake(Message message) {
        boolean customer = message.sender() == Sender.CUSTOMER;
        if (!customer && message.sender() != Sender.TECHNICIAN || customer && claims.stream().anyMatch(c -> c.claims(message))) {
            return;
        }
        var open = unresolvedFor(message.conversationId());
        if (open.isEmpty() && customer) {
            openTicket(message.conversationId(), message.text(), message.at());
        } else if (open.isPresent() && open.get().status() == TicketStatus.WAITING_CUSTOMER) {
            resume(open.get()); // the asker (customer or technician) wrote back
        }
    }

    /** Opens at the instant the customer wrote: that is when their SLA clock starts. */
    private void openTicket(String conversationId, String text, Instant now) {
        Classification c = classifier.classify(text);
        opening.open(NewTicket.of(conversationId, c.type(), now).withCategory(c.category()).withSkills(c.skills())
                .withVehicleModel(conversations.vehicleModel(conversationId).orElse(null)));
    }

    private Optional<Ticket> unresolvedFor(String conversationId) {
        Optional<Ticket> known = unresolved.get().map(m -> m.get(conversationId)).orElse(null);
        return known != null ? known : tickets.findUnresolvedForConversation(conversationId);
    }

    private void forget(String conversationId) {
        unresolved.get().ifPresent(m -> m.remove(conversationId));
    }

    private void resume(Ticket waiting) {
        forget(waiting.conversationId());
        Ticket ticket = tickets.lock(waiting.id()).orElseThrow();
        if (ticket.status() != TicketStatus.WAITING_CUSTOMER) {
            return;
        }
        Instant now = Timestamps.now(clock);
        tickets.updateSla(ticket.id(), ticket.sla().resumedAt(now), now);
        tickets.logSla(ticket.id(), "RESUMED", null, null, now);
        if (ticket.assigneeId() != null) {
            tickets.updateStatus(ticket.id(), TicketStatus.ASSIGNED, now);
        } else {
            tickets.requeue(ticket.id(), ticket.queue(), null, now);
            events.publishEvent(new TicketEvents.TicketQueued(ticket.id()));
        }
        events.publishEvent(new TicketEvents.SlaClockChanged(ticket.id()));
    }

}
