package org.huiying.server.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Frames received by a test client, awaited by condition rather than by sleeping. */
final class FrameQueue<T> {

    private final LinkedBlockingQueue<T> frames = new LinkedBlockingQueue<>();
    private final List<T> skipped = new ArrayList<>();

    void add(T frame) {
        frames.add(frame);
    }

    /**
     * The first frame matching {@code wanted}, looking first at frames an earlier await passed
     * over; frames that do not match are kept aside for later awaits.
     */
    synchronized T await(Predicate<T> wanted, Duration timeout) {
        for (int i = 0; i < skipped.size(); i++) {
            if (wanted.test(skipped.get(i))) {
                return skipped.remove(i);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            T frame;
            try {
                frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            if (frame == null) {
                throw new AssertionError("No matching frame within " + timeout + "; received meanwhile: " + skipped);
            }
            if (wanted.test(frame)) {
                return frame;
            }
            skipped.add(frame);
        }
    }

    /** Frames that arrived within {@code window} (and any passed over before), for asserting that something did NOT arrive. */
    synchronized List<T> drain(Duration window) {
        List<T> out = new ArrayList<>(skipped);
        skipped.clear();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T f = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (f != null) {
                    out.add(f);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return out;
    }
}
