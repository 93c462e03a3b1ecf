package org.huiying.server.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.huiying.routing.TicketType;
import org.huiying.routing.assignment.Priority;
import org.huiying.routing.sla.SlaMetric;
import org.huiying.routing.sla.SlaThreshold;
import org.huiying.server.sla.SlaCrossed;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.Tickets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed rule: an appointment request not answered within its 30 minutes escalates by itself. The
 * ticket jumps to the front of every queue and the supervisors hear of it.
 */
@Component
class AppointmentTimeouts {

    static final String KIND = "APPOINTMENT_TIMEOUT";

    private final Tickets tickets;
    private final Escalations escalations;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AppointmentTimeouts(Tickets tickets, Escalations escalations, TransactionTemplate tx,
                        ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.escalations = escalations;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void onCrossed(SlaCrossed crossed) {
        if (crossed.metric() != SlaMetric.FIRST_RESPONSE || crossed.threshold() != SlaThreshold.BREACH) {
            return;
        }
        var ticket = tickets.get(crossed.ticketId());
        if (ticket.type() != TicketType.APPOINTMENT) {
            return;
        }
        Instant now = Timestamps.now(clock);
        EscalationRaised raised = new EscalationRaised(RandomIds.id("es"), KIND, "预约超时未响应", List.of(ticket.id()), now);
        try {
            tx.executeWithoutResult(status -> {
                escalations.raise(raised);
                tickets.raisePriority(ticket.id(), Priority.URGENT);
            });
            events.publishEvent(raised);
        } catch (DuplicateKeyException escalatedBefore) {
            // the breach is recorded once, but a replayed event must not escalate twice either
        }
    }
}
