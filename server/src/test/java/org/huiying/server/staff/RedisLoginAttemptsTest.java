package org.huiying.server.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.huiying.routing.support.TestClock;
import org.huiying.server.cluster.ClusterProperties;
import org.huiying.server.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;

/** A cluster node whose Redis is gone still throttles logins (per node) instead of refusing them all. */
class RedisLoginAttemptsTest {

    @Test
    void withRedisUnreachableFiveFailuresStillLockTheAccountOnThisNode() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        factory.afterPropertiesSet();
        try {
            var attempts = new RedisLoginAttempts(new StringRedisTemplate(factory), new ClusterProperties("it-down", Duration.ofSeconds(5)),
                    new TestClock(Instant.parse("2026-11-23T02:00:00Z")));
            LoginThrottle throttle = new LoginThrottle(attempts);
            for (int i = 0; i < 5; i++) {
                throttle.reserve("li.na", "10.0.0.1");
            }
            assertThatThrownBy(() -> throttle.reserve("li.na", "10.0.0.1"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.LOCKED));
            throttle.succeeded("li.na", "10.0.0.1");
            assertThatCode(() -> throttle.reserve("li.na", "10.0.0.1")).doesNotThrowAnyException();
        } finally {
            factory.destroy();
        }
    }
}
