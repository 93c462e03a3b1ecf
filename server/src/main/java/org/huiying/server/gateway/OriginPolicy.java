package org.huiying.server.gateway;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Which web pages may open a chat socket. A page on another site could otherwise open one with a
 * token it got hold of, or probe the gateway from a visitor's browser (cross-site WebSocket
 * hijacking). Configured patterns are matched by Spring's {@link CorsConfiguration}; without any,
 * the gateway's own host name (the widget is served by the HTTP port of the same host) and
 * localhost are allowed.
 */
final class OriginPolicy {

    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final CorsConfiguration configured;

    OriginPolicy(List<String> allowedOrigins) {
        if (allowedOrigins.isEmpty()) {
            this.configured = null;
        } else {
            this.configured = new CorsConfiguration();
            this.configured.setAllowedOriginPatterns(allowedOrigins);
        }
    }

    /** {@code origin} null: not a browser, nothing to check here (the token still is). */
    boolean allows(String origin, String hostHeader) {
        if (origin == null) {
            return true;
        }
        if (configured != null) {
            return configured.checkOrigin(origin) != null;
        }
        String originHost = hostOf(origin);
        if (originHost == null) {
            return false;
        }
        return LOCAL.contains(originHost) || originHost.equalsIgnoreCase(hostOnly(hostHeader));
    }

    private static String hostOf(String origin) {
        try {
            URI uri = URI.create(origin);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                return null;
            }
            return uri.getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String hostOnly(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
        }
        int colon = hostHeader.indexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }
}
