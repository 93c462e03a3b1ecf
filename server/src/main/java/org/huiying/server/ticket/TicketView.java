package org.huiying.server.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.huiying.kb.Suggestion;
import org.huiying.routing.sla.SlaState;
import org.huiying.routing.sla.SlaTimes;

/** A ticket as the API and the console show it; {@code suggestions} (knowledge-base articles) only where asked for. */
public record TicketView(String id, String type, String category, int priority, String status, String queue,
                         Long assignee, String conversationId, Set<String> skills, String vehicleModel, Instant openedAt,
                         Sla sla, String parentId, Long vehicleId, String reworkOf, List<Suggestion> suggestions) {

    /** The SLA clock as a supervisor reads it; {@code paused} while waiting on the customer. */
    public record Sla(Instant firstResponseDue, Instant resolutionDue, Instant firstRespondedAt, Instant resolvedAt,
                      boolean paused, SlaState state) {
    }

    TicketView withSuggestions(List<Suggestion> found) {
        return new TicketView(id, type, category, priority, status, queue, assignee, conversationId, skills, vehicleModel,
                openedAt, sla, parentId, vehicleId, reworkOf, found);
    }

    static TicketView of(Ticket t, Instant now) {
        SlaTimes s = t.sla();
        return new TicketView(t.id(), t.type().name(), t.category() == null ? null : t.category().name(), t.priority(),
                t.status().name(), t.queue(), t.assigneeId(), t.conversationId(), t.skills(), t.vehicleModel(), t.openedAt(),
                new Sla(s.firstResponseDue(), s.resolutionDue(), s.firstRespondedAt(), s.resolvedAt(), s.paused(), s.stateAt(now)),
                t.parentId(), t.vehicleId(), t.reworkOf(), null);
    }
}
