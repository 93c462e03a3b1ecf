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
    /** Never below zero, and never creates a key (which would then never expire). */
    private static final RedisScript<Long> REFUND = RedisScript.of("""
            local n = tonumber(redis.call('GET', KEYS[1]) or '0')
            if n > 0 then return redis.call('DECR', KEYS[1]) end
            return 0""", Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final MemoryLoginAttempts fallback;

    RedisLoginAttempts(StringRedisTemplate redis, ClusterProperties cluster, Clock clock) {
        this.redis = redis;
        this.prefix = cluster.channelPrefix() + ":login-failures:";
        this.fallback = new MemoryLoginAttempts(clock);
    }

    @Override
    public int reserve(String key, Duration window) {
        return orFallback(() -> {
            Long n = redis.execute(COUNT, List.of(prefix + key), Long.toString(window.toMillis()));
            return n == null ? 0 : n.intValue();
        }, () -> fallback.reserve(key, window));
    }

    @Override
    public void refund(String key) {
        fallback.refund(key);
        orFallback(() -> redis.execute(REFUND, List.of(prefix + key)), () -> null);
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
