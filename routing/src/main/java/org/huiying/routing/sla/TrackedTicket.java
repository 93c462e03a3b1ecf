package org.huiying.routing.sla;

import java.util.List;
import java.util.Set;

/**
 * What the monitor needs to know of one unresolved ticket: its clock, and which crossings are
 * recorded already (so a restart never reports one twice).
 */
public record TrackedTicket(String ticketId, SlaTimes times, Set<Crossing> recorded) {

    /** A metric crossing a threshold. */
    public record Crossing(SlaMetric metric, SlaThreshold threshold) {
    }

    public TrackedTicket {
        recorded = Set.copyOf(recorded);
    }

    /** Pending deadlines that have not been recorded yet, earliest first. */
    public List<SlaDeadline> unrecorded() {
        return times.pendingDeadlines().stream()
                .filter(d -> !recorded.contains(new Crossing(d.metric(), d.threshold())))
                .toList();
    }
}
