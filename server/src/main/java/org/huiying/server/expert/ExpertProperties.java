package org.huiying.server.expert;

import java.nio.file.Path;
import org.huiying.server.runtime.HuiyingProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.expert.*}.
 *
 * @param photoDir where technicians' photos are kept; empty: {@code <data dir>/tech-photos}. Nodes of a
 *                 cluster must all point at one shared volume, since any node may be asked for a photo.
 */
@ConfigurationProperties("huiying.expert")
record ExpertProperties(Path photoDir) {

    Path photoDirUnder(HuiyingProperties huiying) {
        return (photoDir == null ? huiying.dataDir().resolve("tech-photos") : photoDir).toAbsolutePath().normalize();
    }
}
