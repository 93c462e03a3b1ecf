package org.huiying.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency of pushed frames from the event time they carry (a JSON timestamp field such as the SLA
 * board's {@code dueAt} or a ticket's {@code openedAt}) to their arrival here, by the wall clock
 * both sides share on this machine.
 */
final class EventLatency {

    private final String field;
    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toNanos(5), 3);
    private final LongAdder unstamped = new LongAdder();
    /** The slowest frame per second of event time: tells a start-up backlog from a steady tail. */
    private volatile java.util.concurrent.atomic.AtomicLongArray slowestPerSecond = new java.util.concurrent.atomic.AtomicLongArray(0);
    private volatile Instant timelineFrom = Instant.MAX;

    /** {@code field}: the name of the JSON string field holding the event's ISO-8601 instant. */
    EventLatency(String field) {
        this.field = "\"" + field + "\":\"";
    }

    void record(String body) {
        Instant now = Instant.now();
        int at = body.indexOf(field);
        if (at < 0) {
            unstamped.increment();
            return;
        }
        int from = at + field.length();
        Instant event = Instant.parse(body.substring(from, body.indexOf('"', from)));
        long nanos = (now.getEpochSecond() - event.getEpochSecond()) * 1_000_000_000L + now.getNano() - event.getNano();
        long second = java.time.Duration.between(timelineFrom, event).toSeconds();
        java.util.concurrent.atomic.AtomicLongArray slowest = slowestPerSecond;
        if (!event.isBefore(timelineFrom) && second < slowest.length()) {
            slowest.accumulateAndGet((int) second, nanos, Math::max);
        }
        // the event time is rounded by whoever stamped it: a frame can seem to arrive a little early
        recorder.recordValue(Math.min(TimeUnit.MINUTES.toNanos(5), Math.max(0, nanos)));
    }

    /** Keeps the slowest frame per second for events in the {@code seconds} after {@code from}. */
    void startTimeline(Instant from, int seconds) {
        slowestPerSecond = new java.util.concurrent.atomic.AtomicLongArray(seconds);
        timelineFrom = from;
    }

    /** The slowest latency (ms) per second of event time since {@link #startTimeline}, space-separated. */
    String timeline() {
        java.util.concurrent.atomic.AtomicLongArray slowest = slowestPerSecond;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < slowest.length(); i++) {
            line.append(i == 0 ? "" : " ").append(slowest.get(i) / 1_000_000);
        }
        return line.toString();
    }

    /** Frames that carried no timestamp (counted, not timed). */
    long unstamped() {
        return unstamped.sum();
    }

    /** Everything recorded since the last call. */
    Histogram take() {
        return recorder.getIntervalHistogram();
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : GatewayBench.round3(h.getValueAtPercentile(percentile) / 1e6);
    }

    static double maxMs(Histogram h) {
        return h.getTotalCount() == 0 ? Double.NaN : GatewayBench.round3(h.getMaxValue() / 1e6);
    }
}
