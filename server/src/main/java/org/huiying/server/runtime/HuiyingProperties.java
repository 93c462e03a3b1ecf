package org.huiying.server.runtime;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings shared by all features: where data lives and the local time zone. */
@ConfigurationProperties("huiying")
public record HuiyingProperties(Path dataDir, ZoneId zone) {

    public HuiyingProperties {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
