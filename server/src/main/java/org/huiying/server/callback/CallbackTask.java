package org.huiying.server.callback;

import java.time.Instant;

/** A follow-up call to make, as listed for staff; {@code overdue} when it is open past its due time. */
record CallbackTask(String id, String ticketId, String reason, Instant dueAt, Long ownerId, String status, int attempts,
                    String outcome, String note, String followUpTicketId, Instant completedAt, boolean overdue) {
}
