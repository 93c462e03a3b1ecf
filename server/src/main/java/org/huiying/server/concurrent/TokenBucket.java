package org.huiying.server.concurrent;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each message
 * (or request) takes one. A rate of 0 means no limit. Thread-safe: one address's bucket is shared
 * by its connections, which live on different event loops.
 */
public final class TokenBucket {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
        this.perNano = perSecond / 1_000_000_000d;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
        this.tokens = this.burst;
        this.last = nanoTime.getAsLong();
    }

    public synchronized boolean tryTake() {
        if (perNano <= 0) {
            return true;
        }
        refill();
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** How long until the next token: zero when one is there (or there is no limit). */
    public synchronized Duration untilNext() {
        if (perNano <= 0) {
            return Duration.ZERO;
        }
        refill();
        return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }

    /** Refilled to its burst: forgetting it would change nothing, so a map of buckets may drop it. */
    public synchronized boolean full() {
        if (perNano <= 0) {
            return true;
        }
        refill();
        return tokens >= burst;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
    }
}
