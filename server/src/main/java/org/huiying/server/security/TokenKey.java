package org.huiying.server.security;

import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.huiying.server.system.RandomIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HMAC key that signs staff tokens. Created once and stored, so tokens outlive a restart and
 * every node of a cluster accepts the same tokens.
 */
@Component
class TokenKey {

    private static final String NAME = "jwt-hmac";

    private final SecretKey key;

    TokenKey(JdbcClient jdbc) {
        this.key = new SecretKeySpec(Base64.getUrlDecoder().decode(loadOrCreate(jdbc)), "HmacSHA256");
    }

    SecretKey key() {
        return key;
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
