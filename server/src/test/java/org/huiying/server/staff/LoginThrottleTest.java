package org.huiying.server.staff;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
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
            throttle.check("li.na", "10.0.0." + i);
            throttle.failed("li.na", "10.0.0." + i);
        }
        assertThatThrownBy(() -> throttle.check("li.na", "10.9.9.9"))
                .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(HttpStatus.LOCKED));
        assertThatCode(() -> throttle.check("wang.fang", "10.9.9.9")).doesNotThrowAnyException();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThatCode(() -> throttle.check("li.na", "10.9.9.9")).doesNotThrowAnyException();
    }

    @Test
    void oneAddressGuessingManyAccountsIsRefused() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }
        assertThatThrownBy(() -> throttle.check("someone.new", "203.0.113.7"))
                .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
        assertThatCode(() -> throttle.check("someone.new", "198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessfulLoginForgetsEarlierMistakes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("li.na", "10.0.0.1");
        }
        throttle.succeeded("li.na");
        throttle.failed("li.na", "10.0.0.1");
        assertThatCode(() -> throttle.check("li.na", "10.0.0.1")).doesNotThrowAnyException();
    }
}
