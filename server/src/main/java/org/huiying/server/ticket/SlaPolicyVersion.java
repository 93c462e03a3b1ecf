package org.huiying.server.ticket;

import java.time.Duration;
import java.time.Instant;

/** One version of a ticket type's SLA policy; {@code createdBy} is null for the version the configuration seeded. */
public record SlaPolicyVersion(long version, String type, Duration firstResponse, Duration resolution, Instant effectiveAt,
                               Long createdBy, Instant createdAt) {
}
