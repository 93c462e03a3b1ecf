package org.huiying.server.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.huiying.server.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: 5 failed logins for one username within 15 minutes lock that username
 * for 15 minutes (423), 20 failures from one address within 15 minutes refuse that address for the
 * rest of the window (429). A successful login clears the username's failures. Kept per node.
 */
@Component
class LoginThrottle {

    static final int MAX_PER_USER = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses the attempt before any password is checked, when either limit is reached. */
    void check(String username, String address) {
        Instant now = clock.instant();
        if (recent(byAddress, address, now) >= MAX_PER_ADDRESS) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                    "登录尝试过多，请稍后再试。Too many login attempts from this address; try again later.");
        }
        if (recent(byUser, username, now) >= MAX_PER_USER) {
            throw new ApiException(HttpStatus.LOCKED, "account_locked",
                    "密码错误次数过多，账号已暂时锁定 15 分钟。Too many wrong passwords; the account is locked for 15 minutes.");
        }
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        record(byUser, username, now);
        record(byAddress, address, now);
    }

    void succeeded(String username) {
        byUser.remove(username);
    }

    private static int recent(Map<String, Deque<Instant>> map, String key, Instant now) {
        Deque<Instant> attempts = map.get(key);
        if (attempts == null) {
            return 0;
        }
        synchronized (attempts) {
            while (!attempts.isEmpty() && attempts.peekFirst().isBefore(now.minus(WINDOW))) {
                attempts.pollFirst();
            }
            return attempts.size();
        }
    }

    private static void record(Map<String, Deque<Instant>> map, String key, Instant now) {
        Deque<Instant> attempts = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (attempts) {
            attempts.addLast(now);
            if (attempts.size() > MAX_PER_ADDRESS * 2) {
                attempts.pollFirst();
            }
        }
    }
}
