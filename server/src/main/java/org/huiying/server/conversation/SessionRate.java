package org.huiying.server.conversation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.huiying.server.concurrent.TokenBucket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Anonymous chat sessions per client address ({@code huiying.chat.sessions-per-minute}, default 30;
 * 0 lifts the limit): every session is a conversation row and a token, so one address must not be
 * able to fill the database. A token bucket with a minute's worth of burst, so a family or a
 * dealership behind one NAT opening a few at once is never refused. Per node; behind a reverse
 * proxy the address is the client's only with {@code server.forward-headers-strategy=native}.
 */
@Component
class SessionRate {

    /** Above this many remembered addresses, the ones whose bucket has refilled are forgotten (once a second at most). */
    private static final int TIDY_ABOVE = 10_000;
    private static final long TIDY_EVERY_NANOS = 1_000_000_000L;

    private final int perMinute;
    private final Map<String, TokenBucket> byAddress = new ConcurrentHashMap<>();
    private final AtomicLong lastTidy = new AtomicLong(System.nanoTime());

    SessionRate(@Value("${huiying.chat.sessions-per-minute:30}") int perMinute) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("huiying.chat.sessions-per-minute must be 0 (no limit) or more");
        }
        this.perMinute = perMinute;
    }

    /** Takes one session from the address's allowance; empty when granted, else how long until the next. */
    Optional<Duration> take(String address) {
        if (perMinute == 0) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        long last = lastTidy.get();
        if (byAddress.size() > TIDY_ABOVE && now - last > TIDY_EVERY_NANOS && lastTidy.compareAndSet(last, now)) {
            byAddress.values().removeIf(TokenBucket::full);
        }
        TokenBucket bucket = byAddress.computeIfAbsent(address, a -> new TokenBucket(perMinute / 60d, perMinute, System::nanoTime));
        return bucket.tryTake() ? Optional.empty() : Optional.of(bucket.untilNext());
    }
}
