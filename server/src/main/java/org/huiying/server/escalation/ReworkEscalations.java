package org.huiying.server.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.TicketEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A repeat visit (the same vehicle back with the same system within the rework window) goes to R&D as a
 * {@code REWORK} escalation of the original ticket (in the R&D queue); later visits for the same original join it, so
 * each fix that did not hold is one escalation listing every return.
 */
@Component
class ReworkEscalations {

    static final String KIND = "REWORK";

    private final JdbcClient jdbc;
    private final Escalations escalations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReworkEscalations(JdbcClient jdbc, Escalations escalations, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.escalations = escalations;
        this.events = events;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onRework(TicketEvents.ReworkDetected rework) {
        if (escalations.counts(KIND, rework.ticketId())) {
            return;
        }
        Optional<String> existing = jdbc.sql("SELECT escalation_id FROM escalation_ticket WHERE kind = ? AND ticket_id = ?")
                .params(KIND, rework.firstTicketId()).query(String.class).optional();
        if (existing.isPresent()) {
            int next = jdbc.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM escalation_ticket WHERE escalation_id = ?")
                    .param(existing.get()).query(Integer.class).single();
            jdbc.sql("INSERT INTO escalation_ticket (escalation_id, kind, ticket_id, position) VALUES (?, ?, ?, ?)")
                    .params(existing.get(), KIND, rework.ticketId(), next).update();
            return;
        }
        Instant now = Timestamps.now(clock);
        String subject = "返修" + (rework.vehicleModel() == null ? "" : " / " + rework.vehicleModel());
        EscalationRaised raised = new EscalationRaised(RandomIds.id("es"), KIND, subject,
                List.of(rework.firstTicketId(), rework.ticketId()), now);
        escalations.raise(raised);
        events.publishEvent(raised);
    }
}
