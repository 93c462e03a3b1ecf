package org.huiying.server.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.huiying.server.storage.RandomIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HMAC key that signs staff tokens: {@code huiying.security.jwt-secret} when configured,
 * otherwise created once and stored in the database (table {@code app_secret}), so tokens outlive a
 * restart and every node of a cluster accepts the tokens any node issued — a key in one node's
 * data directory would split the cluster. The key is never logged.
 */
@Component
class TokenKey {

    private static final String NAME = "jwt-hmac";
    private static final int MIN_BYTES = 32;

    private final SecretKey key;

    TokenKey(JdbcClient jdbc, SecurityProperties properties) {
        this.key = new SecretKeySpec(configured(properties.jwtSecret()).orElseGet(() -> stored(jdbc)), "HmacSHA256");
    }

    SecretKey key() {
        return key;
    }

    private static java.util.Optional<byte[]> configured(String secret) {
        if (secret == null || secret.isEmpty()) {
            return java.util.Optional.empty();
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            // Says how long, never what: the value must not reach a log.
            throw new IllegalStateException("huiying.security.jwt-secret must be at least " + MIN_BYTES + " bytes (HS256)");
        }
        return java.util.Optional.of(bytes);
    }

    private static byte[] stored(JdbcClient jdbc) {
        return Base64.getUrlDecoder().decode(loadOrCreate(jdbc));
    }

    private static String loadOrCreate(JdbcClient jdbc) {
        var existing = jdbc.sql("SELECT secret FROM app_secret WHERE name = ?").param(NAME).query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("INSERT INTO app_secret (name, secret) VALUES (?, ?)").params(NAME, RandomIds.token(32)).update();
        } catch (DuplicateKeyException anotherNodeWasFaster) {
            // fall through and read theirs
        }
        return jdbc.sql("SELECT secret FROM app_secret WHERE name = ?").param(NAME).query(String.class).single();
    }
}
