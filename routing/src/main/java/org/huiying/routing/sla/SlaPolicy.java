package org.huiying.routing.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * The promised times for one ticket type. Deadlines are fixed from the policy in force when a
 * ticket opens, so a later configuration change never rewrites an open ticket's clock.
 */
public record SlaPolicy(Duration firstResponse, Duration resolution) {

    public SlaPolicy {
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
        if (firstResponse.isNegative() || firstResponse.isZero() || resolution.isNegative() || resolution.isZero()) {
            throw new IllegalArgumentException("SLA durations must be positive");
        }
        if (resolution.compareTo(firstResponse) < 0) {
            throw new IllegalArgumentException("resolution target must not be shorter than first response");
        }
    }
}
