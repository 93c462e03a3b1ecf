package org.huiying.server.ticket;

import java.time.Instant;
import java.util.Set;
import org.huiying.routing.SlaState;

/** A ticket as the API and the console show it. */
public record TicketView(String id, String type, String category, int priority, String status, String queue,
                         Long assignee, String conversationId, Set<String> skills, Instant openedAt, Sla sla) {

    public record Sla(Instant firstResponseDue, Instant resolutionDue, SlaState state) {
    }

    static TicketView of(Ticket t, Instant now, double warnAt) {
        return new TicketView(t.id(), t.type().name(), t.category() == null ? null : t.category().name(), t.priority(),
                t.status().name(), t.queue(), t.assigneeId(), t.conversationId(), t.skills(), t.openedAt(),
                new Sla(t.firstResponseDue(), t.resolutionDue(), t.slaTimes().stateAt(now, warnAt)));
    }
}
