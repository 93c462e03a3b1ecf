package org.huiying.server.ticket;

import java.time.Instant;
import java.util.Set;
import org.huiying.routing.sla.SlaState;
import org.huiying.routing.sla.SlaTimes;

/** A ticket as the API and the console show it. */
public record TicketView(String id, String type, String category, int priority, String status, String queue,
                         Long assignee, String conversationId, Set<String> skills, String vehicleModel, Instant openedAt,
                         Sla sla, String parentId) {

    /** The SLA clock as a supervisor reads it; {@code paused} while waiting on the customer. */
    public record Sla(Instant firstResponseDue, Instant resolutionDue, Instant firstRespondedAt, Instant resolvedAt,
                      boolean paused, SlaState state) {
    }

    static TicketView of(Ticket t, Instant now) {
        SlaTimes s = t.sla();
        return new TicketView(t.id(), t.type().name(), t.category() == null ? null : t.category().name(), t.priority(),
                t.status().name(), t.queue(), t.assigneeId(), t.conversationId(), t.skills(), t.vehicleModel(), t.openedAt(),
                new Sla(s.firstResponseDue(), s.resolutionDue(), s.firstRespondedAt(), s.resolvedAt(), s.paused(), s.stateAt(now)),
                t.parentId());
    }
}
