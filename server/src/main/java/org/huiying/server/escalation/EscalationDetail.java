package org.huiying.server.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One escalation with its discussion and the tickets behind it (without anything about their customers). */
record EscalationDetail(EscalationView escalation, List<Comment> comments, List<LinkedTicket> tickets) {

    record Comment(long id, long authorId, String authorName, String text, Instant createdAt) {
    }

    record LinkedTicket(String id, String type, String category, String status, String vehicleModel, Set<String> skills,
                        Instant openedAt, Instant resolvedAt, Long assigneeId, String assigneeName) {
    }
}
