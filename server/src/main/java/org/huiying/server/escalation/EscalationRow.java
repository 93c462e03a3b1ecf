package org.huiying.server.escalation;

import java.time.Instant;
import java.util.List;

/** An escalation as stored, with its tickets in the order they counted. */
record EscalationRow(String id, String kind, String subject, List<String> ticketIds, Instant createdAt,
                     EscalationStatus status, Long ownerId, Instant acknowledgedAt, Instant closedAt, String rootCause,
                     String fix, String rejectReason) {

    EscalationRow withTickets(List<String> tickets) {
        return new EscalationRow(id, kind, subject, tickets, createdAt, status, ownerId, acknowledgedAt, closedAt, rootCause,
                fix, rejectReason);
    }
}
