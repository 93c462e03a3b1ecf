package org.huiying.server.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.sla.*} as the monitor reads it (the per-type policies under the same prefix are the
 * ticket module's, which starts the clocks).
 *
 * @param sweepEvery  how often the monitor checks for timers a jumping wall clock left behind
 * @param resyncEvery how often every running clock is reloaded, in case a change notice from another
 *                    node was lost
 */
@ConfigurationProperties("huiying.sla")
record SlaWatchProperties(Duration sweepEvery, Duration resyncEvery) {

    SlaWatchProperties {
        sweepEvery = sweepEvery == null ? Duration.ofSeconds(30) : sweepEvery;
        resyncEvery = resyncEvery == null ? Duration.ofMinutes(5) : resyncEvery;
    }
}
