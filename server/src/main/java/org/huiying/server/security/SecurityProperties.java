package org.huiying.server.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code huiying.security.*}: how long a staff token lives. */
@ConfigurationProperties("huiying.security")
record SecurityProperties(Duration tokenTtl) {

    SecurityProperties {
        tokenTtl = tokenTtl == null ? Duration.ofHours(12) : tokenTtl;
    }
}
