package org.huiying.server.cannedreply;

import java.time.Instant;
import java.util.List;

/** A shared phrase as listed: its category, its text with placeholders, and the placeholders it uses. */
record CannedReply(long id, String category, String text, List<String> placeholders, Instant updatedAt) {
}
