package org.huiying.routing.sla;

import java.time.Instant;

/** One instant at which a metric crosses a threshold unless the target is met first. */
public record SlaDeadline(SlaMetric metric, SlaThreshold threshold, Instant at) {
}
