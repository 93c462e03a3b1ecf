package org.huiying.server.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.huiying.routing.support.TestClock;
import org.huiying.server.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class LoginThrottleTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new MemoryLoginAttempts(clock));

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            throttle.reserve("li.na", "10.0.0." + i);
        }
        assertThatThrownBy(() -> throttle.reserve("li.na", "10.9.9.9"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.LOCKED));
        assertThatCode(() -> throttle.reserve("wang.fang", "10.9.9.9")).doesNotThrowAnyException();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThatCode(() -> throttle.reserve("li.na", "10.9.9.9")).doesNotThrowAnyException();
    }

    @Test
    void oneAddressGuessingManyAccountsIsRefused() {
        for (int i = 0; i < 20; i++) {
            throttle.reserve("user" + i, "203.0.113.7");
        }
        assertThatThrownBy(() -> throttle.reserve("someone.new", "203.0.113.7"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
        assertThatCode(() -> throttle.reserve("someone.new", "198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessfulLoginForgetsEarlierMistakes() {
        for (int i = 0; i < 4; i++) {
            throttle.reserve("li.na", "10.0.0.1");
        }
        throttle.reserve("li.na", "10.0.0.1");
        throttle.succeeded("li.na", "10.0.0.1");
        throttle.reserve("li.na", "10.0.0.1");
        assertThatCode(() -> throttle.reserve("li.na", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void fiftyParallelGuessesGetFiveTriesBetweenThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger locked = new AtomicInteger();
        List<Future<?>> guesses = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                String address = "10.1.0." + i;
                guesses.add(pool.submit(() -> {
                    start.await();
                    try {
                        throttle.reserve("li.na", address);
                        passed.incrementAndGet();
                    } catch (ApiException e) {
                        locked.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> g : guesses) {
                g.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(passed.get()).isEqualTo(5);
        assertThat(locked.get()).isEqualTo(45);
    }
}
