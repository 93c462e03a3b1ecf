package org.huiying.server.sla;

import java.time.Instant;
import org.huiying.routing.sla.SlaMetric;
import org.huiying.routing.sla.SlaThreshold;

/**
 * A ticket's SLA metric crossed a threshold (warning or breach). Published once per crossing,
 * after it was recorded.
 */
public record SlaCrossed(String ticketId, SlaMetric metric, SlaThreshold threshold, Instant dueAt, Instant recordedAt) {

    /** The state as the contract names it: WARNING or BREACHED. */
    public String state() {
        return threshold == SlaThreshold.WARNING ? "WARNING" : "BREACHED";
    }
}
