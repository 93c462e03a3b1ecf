package org.huiying.server.escalation;

import java.time.Instant;
import java.util.List;

/**
 * An escalation as the API, the pages and the webhook show it: where it is in its life, who owns it, how it
 * ended; {@code acknowledgeOverdue} when it is still OPEN past {@code huiying.escalation.acknowledge-within}.
 */
record EscalationView(String id, String kind, String queue, String subject, List<String> ticketIds, Instant createdAt,
                      String status, Long ownerId, String ownerName, Instant acknowledgedAt, Instant closedAt,
                      String rootCause, String fix, String rejectReason, boolean acknowledgeOverdue) {
}
