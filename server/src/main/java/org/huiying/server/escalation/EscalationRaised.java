package org.huiying.server.escalation;

import java.time.Instant;
import java.util.List;

/** An escalation was stored. */
public record EscalationRaised(String id, String kind, String subject, List<String> ticketIds, Instant createdAt) {
}
