package org.huiying.server.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.gateway.*} limits that keep one customer, or one address, from taking the gateway
 * down. Set a number to 0 to lift that limit (load tests from one address).
 *
 * <ul>
 * <li>{@code allowed-origins}: web origins whose pages may open a chat socket ({@code https://shop.example.com},
 * {@code https://*.example.com}, {@code *}). Empty: pages from the gateway's own host name (the
 * widget served by the HTTP port) and from localhost. Requests without an Origin are not from a
 * browser and are let through to the token check.</li>
 * <li>{@code first-message-timeout}: the upgrade request must arrive this soon after connecting.</li>
 * <li>{@code messages-per-second}/{@code message-burst}: per connection; {@code address-messages-per-second}/
 * {@code address-message-burst}: all connections of one address together.</li>
 * <li>{@code max-connections-per-address}, {@code max-connections}: open chat sockets.</li>
 * <li>{@code trusted-proxies}: CIDRs of the reverse proxies in front of the gateway, whose
 * {@code X-Forwarded-For} names the customer (see {@link TrustedProxies}); empty: the socket's peer is.</li>
 * </ul>
 */
@ConfigurationProperties("huiying.gateway")
record GatewayLimits(List<String> allowedOrigins, Duration firstMessageTimeout, Double messagesPerSecond,
                     Integer messageBurst, Double addressMessagesPerSecond, Integer addressMessageBurst,
                     Integer maxConnectionsPerAddress, Integer maxConnections, List<String> trustedProxies) {

    GatewayLimits {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        firstMessageTimeout = firstMessageTimeout == null ? Duration.ofSeconds(10) : firstMessageTimeout;
        messagesPerSecond = messagesPerSecond == null ? 10.0 : messagesPerSecond;
        messageBurst = messageBurst == null ? 30 : messageBurst;
        addressMessagesPerSecond = addressMessagesPerSecond == null ? 100.0 : addressMessagesPerSecond;
        addressMessageBurst = addressMessageBurst == null ? 300 : addressMessageBurst;
        maxConnectionsPerAddress = maxConnectionsPerAddress == null ? 100 : maxConnectionsPerAddress;
        maxConnections = maxConnections == null ? 50_000 : maxConnections;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
