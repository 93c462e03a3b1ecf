package org.huiying.server.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The single node's counts: a sliding window of failure times per key. */
@Component
@Profile("!cluster")
class MemoryLoginAttempts implements LoginAttempts {

    /** More than any limit needs; bounds what one key can make us hold. */
    private static final int KEEP = 2 * LoginThrottle.MAX_PER_ADDRESS;

    private final Clock clock;
    private final Map<String, Deque<Instant>> byKey = new ConcurrentHashMap<>();

    MemoryLoginAttempts(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int reserve(String key, Duration window) {
        Deque<Instant> attempts = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant now = clock.instant();
        Instant since = now.minus(window);
        synchronized (attempts) {
            while (!attempts.isEmpty() && attempts.peekFirst().isBefore(since)) {
                attempts.pollFirst();
            }
            attempts.addLast(now);
            if (attempts.size() > KEEP) {
                attempts.pollFirst();
            }
            return attempts.size();
        }
    }

    @Override
    public void refund(String key) {
        Deque<Instant> attempts = byKey.get(key);
        if (attempts != null) {
            synchronized (attempts) {
                attempts.pollLast();
            }
        }
    }

    @Override
    public void forget(String key) {
        byKey.remove(key);
    }
}
