package org.huiying.server.security;

import java.nio.file.Path;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.security.*}: how long access and refresh tokens live, and the JWT signing secret
 * ({@code HUIYING_SECURITY_JWT_SECRET}, at least 32 bytes, or a file holding it,
 * {@code huiying.security.jwt-secret-file}). Required on PostgreSQL and in a cluster; only the embedded
 * default generates a key and keeps it in its own database.
 */
@ConfigurationProperties("huiying.security")
record SecurityProperties(Duration accessTokenTtl, Duration refreshTokenTtl, String jwtSecret, Path jwtSecretFile) {

    SecurityProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(12) : refreshTokenTtl;
    }

    /** Never prints the secret (records print every component by default, and properties get logged). */
    @Override
    public String toString() {
        return "SecurityProperties[accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", jwtSecret=" + (jwtSecret == null || jwtSecret.isEmpty() ? "(none)" : "(configured)")
                + ", jwtSecretFile=" + jwtSecretFile + "]";
    }
}
