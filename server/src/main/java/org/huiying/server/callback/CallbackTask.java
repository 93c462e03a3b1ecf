package org.huiying.server.callback;

import java.time.Instant;
import java.util.Set;

/**
 * A follow-up call to make, as listed for staff; {@code overdue} when it is open past its due time.
 * {@code dialledAt}/{@code dialMode} (VOICE, MANUAL) say that the current attempt was placed,
 * {@code reachedAt} that the customer answered a voice call and the outcome is still to be recorded;
 * {@code escalationId} names the escalation whose fix this call checks. {@code ticket} is what the call is
 * about, where the list shows it.
 */
record CallbackTask(String id, String ticketId, String reason, Instant dueAt, Long ownerId, String status, int attempts,
                    String outcome, String note, String followUpTicketId, Instant completedAt, boolean overdue,
                    Instant dialledAt, Long dialledBy, String dialMode, Instant reachedAt, String escalationId, TicketSummary ticket) {

    /** The ticket a callback follows up, without anything about the customer ({@code conversationId} is an id, for its history). */
    record TicketSummary(String type, String category, String vehicleModel, Set<String> skills, String status,
                         Instant openedAt, Instant resolvedAt, String conversationId) {
    }

    CallbackTask withTicket(TicketSummary summary) {
        return new CallbackTask(id, ticketId, reason, dueAt, ownerId, status, attempts, outcome, note, followUpTicketId,
                completedAt, overdue, dialledAt, dialledBy, dialMode, reachedAt, escalationId, summary);
    }

    boolean open() {
        return status.equals("OPEN");
    }
}
