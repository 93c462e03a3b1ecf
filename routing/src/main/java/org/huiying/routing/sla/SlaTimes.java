package org.huiying.routing.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stored facts of one ticket's SLA clock: for each metric the instant it warns, the instant
 * it is due and the instant it was met (null while pending), and whether the clock is paused
 * (waiting on the customer). Immutable; every change returns a new value to store.
 */
public record SlaTimes(Instant firstResponseWarnAt, Instant firstResponseDue, Instant firstRespondedAt,
                       Instant resolutionWarnAt, Instant resolutionDue, Instant resolvedAt, Instant pausedAt) {

    public SlaTimes {
        Objects.requireNonNull(firstResponseWarnAt);
        Objects.requireNonNull(firstResponseDue);
        Objects.requireNonNull(resolutionWarnAt);
        Objects.requireNonNull(resolutionDue);
    }

    /** Starts the clock for a ticket opened at {@code openedAt}; warnings at {@code warnAt} (0–1) of each target. */
    public static SlaTimes start(SlaPolicy policy, Instant openedAt, double warnAt) {
        if (!(warnAt > 0 && warnAt < 1)) {
            throw new IllegalArgumentException("warnAt must be between 0 and 1");
        }
        return new SlaTimes(openedAt.plus(share(policy.firstResponse(), warnAt)), openedAt.plus(policy.firstResponse()), null,
                openedAt.plus(share(policy.resolution(), warnAt)), openedAt.plus(policy.resolution()), null, null);
    }

    public boolean paused() {
        return pausedAt != null;
    }

    /** The state at {@code now}; a paused clock is read at the moment it stopped. */
    public SlaState stateAt(Instant now) {
        Instant clock = paused() ? pausedAt : now;
        SlaState first = metric(firstResponseWarnAt, firstResponseDue, firstRespondedAt, clock);
        SlaState resolution = metric(resolutionWarnAt, resolutionDue, resolvedAt, clock);
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

    /** The deadlines still ahead of a running clock, earliest first; none while paused or resolved. */
    public List<SlaDeadline> pendingDeadlines() {
        List<SlaDeadline> pending = new ArrayList<>(4);
        if (paused() || resolvedAt != null) {
            return pending;
        }
        if (firstRespondedAt == null) {
            pending.add(new SlaDeadline(SlaMetric.FIRST_RESPONSE, SlaThreshold.WARNING, firstResponseWarnAt));
            pending.add(new SlaDeadline(SlaMetric.FIRST_RESPONSE, SlaThreshold.BREACH, firstResponseDue));
        }
        pending.add(new SlaDeadline(SlaMetric.RESOLUTION, SlaThreshold.WARNING, resolutionWarnAt));
        pending.add(new SlaDeadline(SlaMetric.RESOLUTION, SlaThreshold.BREACH, resolutionDue));
        pending.sort(java.util.Comparator.comparing(SlaDeadline::at));
        return pending;
    }

    /** Records the first staff reply; later replies change nothing. */
    public SlaTimes respondedAt(Instant at) {
        if (firstRespondedAt != null) {
            return this;
        }
        return new SlaTimes(firstResponseWarnAt, firstResponseDue, at, resolutionWarnAt, resolutionDue, resolvedAt, pausedAt);
    }

    /** Stops the clock for good; a paused clock resolves at the moment it was paused. */
    public SlaTimes resolvedAt(Instant at) {
        if (resolvedAt != null) {
            return this;
        }
        SlaTimes running = paused() ? resumedAt(at) : this;
        return new SlaTimes(running.firstResponseWarnAt, running.firstResponseDue, running.firstRespondedAt,
                running.resolutionWarnAt, running.resolutionDue, at, null);
    }

    /** The customer owes us an answer: the clock stops. */
    public SlaTimes pausedAt(Instant at) {
        if (paused() || resolvedAt != null) {
            return this;
        }
        return new SlaTimes(firstResponseWarnAt, firstResponseDue, firstRespondedAt, resolutionWarnAt, resolutionDue, null, at);
    }

    /** The customer answered: every pending instant moves later by the time spent waiting on them. */
    public SlaTimes resumedAt(Instant at) {
        if (!paused()) {
            return this;
        }
        Duration waited = Duration.between(pausedAt, at);
        if (waited.isNegative()) {
            waited = Duration.ZERO;
        }
        boolean firstPending = firstRespondedAt == null;
        return new SlaTimes(
                firstPending ? firstResponseWarnAt.plus(waited) : firstResponseWarnAt,
                firstPending ? firstResponseDue.plus(waited) : firstResponseDue,
                firstRespondedAt,
                resolutionWarnAt.plus(waited), resolutionDue.plus(waited), resolvedAt, null);
    }

    /**
     * The clock of a ticket whose type changed from policy {@code from} to policy {@code to}: the new
     * targets count from the original start, and time the clock was paused stays excluded (each due
     * instant keeps its distance from the start plus pauses); instants already met stay as they were.
     */
    public SlaTimes retargeted(SlaPolicy from, SlaPolicy to, double warnAt) {
        Instant firstStart = firstResponseDue.minus(from.firstResponse());
        Instant resolutionStart = resolutionDue.minus(from.resolution());
        return new SlaTimes(firstStart.plus(share(to.firstResponse(), warnAt)), firstStart.plus(to.firstResponse()),
                firstRespondedAt, resolutionStart.plus(share(to.resolution(), warnAt)), resolutionStart.plus(to.resolution()),
                resolvedAt, pausedAt);
    }

    private static SlaState metric(Instant warnAt, Instant due, Instant doneAt, Instant now) {
        if (doneAt != null) {
            return doneAt.isAfter(due) ? SlaState.BREACHED : SlaState.MET;
        }
        if (!now.isBefore(due)) {
            return SlaState.BREACHED;
        }
        return now.isBefore(warnAt) ? SlaState.OK : SlaState.WARNING;
    }

    private static Duration share(Duration target, double fraction) {
        return Duration.ofMillis(Math.round(target.toMillis() * fraction));
    }
}
