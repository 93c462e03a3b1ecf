package org.huiying.server.telephony;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.public-base-url}: how Twilio reaches this server from outside, e.g.
 * {@code https://hotline.example.com} behind a TLS-terminating proxy. Webhook signatures are
 * checked against it, never against the Host or X-Forwarded-* headers a caller could forge.
 */
@ConfigurationProperties("huiying")
public record PublicBaseUrl(String publicBaseUrl) {

    public PublicBaseUrl {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.strip().replaceAll("/+$", "");
    }

    /** The external URL of {@code path} (with its query, if any), or null when not configured. */
    public String of(String pathAndQuery) {
        return publicBaseUrl == null ? null : publicBaseUrl + pathAndQuery;
    }
}
