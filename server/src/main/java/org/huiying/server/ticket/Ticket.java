package org.huiying.server.ticket;

import java.time.Instant;
import java.util.Set;
import org.huiying.routing.Category;
import org.huiying.routing.TicketType;
import org.huiying.routing.sla.SlaTimes;

/**
 * A ticket as stored.
 *
 * @param waitingSince when it last entered a queue (ageing counts from here); null while assigned
 * @param notTo        who let it go unanswered last, so it is not handed straight back
 * @param answerDue    when the assignee must have answered, or it returns to the queue
 * @param parentId     the ticket this one follows up (a low survey score, a fix that did not hold)
 * @param vehicleId    the customer's vehicle it is about, when known
 * @param reworkOf     the earlier ticket about the same vehicle and system this one comes back to
 */
public record Ticket(String id, String conversationId, TicketType type, Category category, Set<String> skills,
                     int priority, TicketStatus status, String queue, String vehicleModel, Long assigneeId,
                     Instant openedAt, Instant waitingSince, Long notTo, Instant assignedAt, Instant answerDue,
                     SlaTimes sla, String parentId, Long vehicleId, String reworkOf) {

    /** Experts answer technicians; everyone else is served by agents. */
    public String requiredRole() {
        return requiredRole(type);
    }

    static String requiredRole(TicketType type) {
        return type == TicketType.TECH_SUPPORT ? "EXPERT" : "AGENT";
    }
}
