package org.huiying.server.customer;

import java.time.Instant;
import java.util.List;

/** Two records of one person made one: what moved, so that it can be moved back until {@code undoUntil}. */
public record CustomerMerge(String id, long intoId, long fromId, long mergedBy, Instant mergedAt, List<String> conversationIds,
                            List<Long> vehicleIds, Instant undoUntil, Instant undoneAt) {
}
