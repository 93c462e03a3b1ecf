package org.huiying.server.ticket;

import java.time.Duration;

/**
 * Spaces dispatch passes: a pass requested within {@code gap} of the last one's start waits for the
 * rest of the gap, so under load the requests of that time share one read of the queue, while an
 * idle node's pass starts at once. Times are {@link System#nanoTime()} readings: the gap is real
 * time, whatever the application clock says.
 */
final class PassGap {

    private final long gapNanos;
    private volatile long lastStart;
    private volatile boolean started;

    PassGap(Duration gap) {
        this.gapNanos = gap.toNanos();
    }

    /** How long a pass requested at {@code now} should wait before it starts. */
    long waitNanos(long now) {
        return started ? Math.max(0, lastStart + gapNanos - now) : 0;
    }

    void passStarted(long now) {
        lastStart = now;
        started = true;
    }
}
