package org.huiying.server.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.gateway.*}. A silent connection gets a ping every {@code pingEvery}; one that has
 * sent nothing (not even a pong) for {@code deadAfter} is closed.
 */
@ConfigurationProperties("huiying.gateway")
record GatewayProperties(int port, int maxFrameBytes, Duration pingEvery, Duration deadAfter, int workerThreads) {

    GatewayProperties {
        maxFrameBytes = maxFrameBytes <= 0 ? 64 * 1024 : maxFrameBytes;
        pingEvery = pingEvery == null ? Duration.ofSeconds(25) : pingEvery;
        deadAfter = deadAfter == null ? Duration.ofSeconds(75) : deadAfter;
        workerThreads = workerThreads <= 0 ? 16 : workerThreads;
    }
}
