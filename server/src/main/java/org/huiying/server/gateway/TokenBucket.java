package org.huiying.server.gateway;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each message
 * takes one. A rate of 0 means no limit. Thread-safe: one address's bucket is shared by its
 * connections, which live on different event loops.
 */
final class TokenBucket {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
        this.perNano = perSecond / 1_000_000_000d;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
        this.tokens = this.burst;
        this.last = nanoTime.getAsLong();
    }

    synchronized boolean tryTake() {
        if (perNano <= 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
