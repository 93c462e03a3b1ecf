package org.huiying.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * The stored facts of one ticket's SLA: when it opened, the two due times and when each target
 * was met (null while pending).
 */
public record SlaTimes(Instant openedAt, Instant firstResponseDue, Instant firstRespondedAt,
                       Instant resolutionDue, Instant resolvedAt) {

    /** The state at {@code now}, warning once {@code warnAt} (0–1) of a pending target's time has passed. */
    public SlaState stateAt(Instant now, double warnAt) {
        SlaState first = metric(firstResponseDue, firstRespondedAt, now, warnAt);
        SlaState resolution = metric(resolutionDue, resolvedAt, now, warnAt);
        if (first == SlaState.BREACHED || resolution == SlaState.BREACHED) {
            return SlaState.BREACHED;
        }
        if (first == SlaState.MET && resolution == SlaState.MET) {
            return SlaState.MET;
        }
        if (first == SlaState.WARNING || resolution == SlaState.WARNING) {
            return SlaState.WARNING;
        }
        return SlaState.OK;
    }

    private SlaState metric(Instant due, Instant doneAt, Instant now, double warnAt) {
        if (doneAt != null) {
            return doneAt.isAfter(due) ? SlaState.BREACHED : SlaState.MET;
        }
        if (!now.isBefore(due)) {
            return SlaState.BREACHED;
        }
        return now.isBefore(warningAt(due, warnAt)) ? SlaState.OK : SlaState.WARNING;
    }

    private Instant warningAt(Instant due, double warnAt) {
        long total = Duration.between(openedAt, due).toMillis();
        return openedAt.plusMillis(Math.round(total * warnAt));
    }
}
