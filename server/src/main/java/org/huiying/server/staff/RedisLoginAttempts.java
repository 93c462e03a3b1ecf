package org.huiying.server.staff;

import java.time.Duration;
import java.util.List;
import org.huiying.server.cluster.ClusterProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The cluster's counts, shared by every node: one Redis counter per key that expires a window
 * after its first failure. Counted and given its expiry in one script, so a node dying in between
 * cannot leave a counter that never expires (and an account locked for good).
 */
@Component
@Profile("cluster")
class RedisLoginAttempts implements LoginAttempts {

    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""", Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisLoginAttempts(StringRedisTemplate redis, ClusterProperties cluster) {
        this.redis = redis;
        this.prefix = cluster.channelPrefix() + ":login-failures:";
    }

    @Override
    public int recent(String key, Duration window) {
        String n = redis.opsForValue().get(prefix + key);
        return n == null ? 0 : Integer.parseInt(n);
    }

    @Override
    public void failed(String key, Duration window) {
        redis.execute(COUNT, List.of(prefix + key), Long.toString(window.toMillis()));
    }

    @Override
    public void forget(String key) {
        redis.delete(prefix + key);
    }
}
