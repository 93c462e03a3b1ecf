package org.huiying.server.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.huiying.server.cluster.ClusterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The cluster's counts, shared by every node: one Redis counter per key that expires a window
 * after its first failure. Counted and given its expiry in one script, so a node dying in between
 * cannot leave a counter that never expires (and an account locked for good). While Redis cannot
 * be reached, each node counts on its own rather than refusing every login: still throttled, only
 * per node, as a single node would be.
 */
@Component
@Profile("cluster")
class RedisLoginAttempts implements LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(RedisLoginAttempts.class);
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""", Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final MemoryLoginAttempts fallback;

    RedisLoginAttempts(StringRedisTemplate redis, ClusterProperties cluster, Clock clock) {
        this.redis = redis;
        this.prefix = cluster.channelPrefix() + ":login-failures:";
        this.fallback = new MemoryLoginAttempts(clock);
    }

    @Override
    public int recent(String key, Duration window) {
        return orFallback(() -> {
            String n = redis.opsForValue().get(prefix + key);
            return Math.max(n == null ? 0 : Integer.parseInt(n), fallback.recent(key, window));
        }, () -> fallback.recent(key, window));
    }

    @Override
    public void failed(String key, Duration window) {
        orFallback(() -> redis.execute(COUNT, List.of(prefix + key), Long.toString(window.toMillis())),
                () -> {
                    fallback.failed(key, window);
                    return null;
                });
    }

    @Override
    public void forget(String key) {
        fallback.forget(key);
        orFallback(() -> redis.delete(prefix + key), () -> null);
    }

    private static <T> T orFallback(Supplier<T> viaRedis, Supplier<T> local) {
        try {
            return viaRedis.get();
        } catch (DataAccessException e) {
            log.warn("Redis unreachable for the login throttle; counting on this node meanwhile: {}", e.toString());
            return local.get();
        }
    }
}
