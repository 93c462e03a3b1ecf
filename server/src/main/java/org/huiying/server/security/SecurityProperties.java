package org.huiying.server.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.security.*}: how long access and refresh tokens live, and the optional JWT signing
 * secret ({@code HUIYING_SECURITY_JWT_SECRET}, at least 32 bytes). Without it a random key is
 * generated once and kept in the database, which every node of a cluster shares.
 */
@ConfigurationProperties("huiying.security")
record SecurityProperties(Duration accessTokenTtl, Duration refreshTokenTtl, String jwtSecret) {

    SecurityProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(12) : refreshTokenTtl;
    }

    /** Never prints the secret (records print every component by default, and properties get logged). */
    @Override
    public String toString() {
        return "SecurityProperties[accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", jwtSecret=" + (jwtSecret == null || jwtSecret.isEmpty() ? "(generated)" : "(configured)") + "]";
    }
}
