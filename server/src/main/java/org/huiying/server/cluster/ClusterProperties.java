package org.huiying.server.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code huiying.cluster.*}: the Redis channel prefix (so several clusters, or parallel test runs,
 * can share one Redis without hearing each other) and how often a standby node tries to become
 * the leader.
 */
@ConfigurationProperties("huiying.cluster")
public record ClusterProperties(@DefaultValue("huiying") String channelPrefix,
                                @DefaultValue("PT5S") Duration leaderRetryEvery) {

    String eventsChannel() {
        return channelPrefix + ":events";
    }
}
