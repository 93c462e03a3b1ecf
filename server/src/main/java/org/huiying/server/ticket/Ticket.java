package org.huiying.server.ticket;

import java.time.Instant;
import java.util.Set;
import org.huiying.routing.Category;
import org.huiying.routing.SlaTimes;
import org.huiying.routing.TicketType;

/** A ticket as stored. */
public record Ticket(String id, String conversationId, TicketType type, Category category, Set<String> skills,
                     int priority, TicketStatus status, String queue, Long assigneeId, Instant openedAt,
                     Instant assignedAt, Instant firstResponseDue, Instant resolutionDue, Instant firstRespondedAt,
                     Instant resolvedAt) {

    public SlaTimes slaTimes() {
        return new SlaTimes(openedAt, firstResponseDue, firstRespondedAt, resolutionDue, resolvedAt);
    }

    /** Experts answer technicians; everyone else is served by agents. */
    public String requiredRole() {
        return type == TicketType.TECH_SUPPORT ? "EXPERT" : "AGENT";
    }
}
