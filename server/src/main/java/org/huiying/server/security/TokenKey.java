package org.huiying.server.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.huiying.server.storage.RandomIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The HMAC key that signs staff tokens: {@code huiying.security.jwt-secret}, or the file
 * {@code huiying.security.jwt-secret-file} names. On PostgreSQL or in a cluster one of them is required
 * and the server refuses to start without: a key kept in a shared database is readable by everyone
 * who can read the database (a backup, a reporting replica), and lets them mint an admin's token. Only
 * the embedded default, whose database is a file in its own data directory, creates a key once and
 * stores it there (table {@code app_secret}) so tokens outlive a restart. The key is never logged.
 */
@Component
class TokenKey {

    private static final String NAME = "jwt-hmac";
    private static final int MIN_BYTES = 32;

    private final SecretKey key;

    TokenKey(JdbcClient jdbc, SecurityProperties properties, Environment environment) {
        java.util.Optional<byte[]> configured = configured(properties.jwtSecret()).or(() -> fromFile(properties.jwtSecretFile()));
        if (configured.isEmpty() && environment.matchesProfiles("postgres | cluster")) {
            throw new IllegalStateException("Set HUIYING_SECURITY_JWT_SECRET (huiying.security.jwt-secret, at least " + MIN_BYTES
                    + " bytes) or huiying.security.jwt-secret-file: on PostgreSQL and in a cluster the token signing key is"
                    + " not kept in the database.");
        }
        this.key = new SecretKeySpec(configured.orElseGet(() -> stored(jdbc)), "HmacSHA256");
    }

    private static java.util.Optional<byte[]> fromFile(java.nio.file.Path file) {
        if (file == null) {
            return java.util.Optional.empty();
        }
        try {
            return configured(java.nio.file.Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("huiying.security.jwt-secret-file cannot be read: " + file, e);
        }
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
