package org.huiying.routing;

import java.time.Instant;

/** The two instants a ticket's SLA clock is measured against. */
public record SlaDeadlines(Instant firstResponseDue, Instant resolutionDue) {
}
