package org.huiying.server.escalation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.escalation.*}.
 *
 * @param acknowledgeWithin   an escalation still OPEN this long after it was raised is flagged on the dashboard
 * @param webhookUrl          where each state change of an R&D escalation is POSTed (an R&D tracker); empty: none
 * @param webhookSecret       the HMAC-SHA256 key of the {@code X-Huiying-Signature} header; required with a URL
 * @param webhookPollEvery    how often the delivery worker looks for due deliveries
 * @param webhookFirstRetry   the delay before the second attempt, doubling after each failure ...
 * @param webhookMaxRetry     ... up to this
 * @param webhookMaxAttempts  attempts before a delivery is given up (FAILED)
 * @param webhookTimeout      how long one attempt may take
 */
@ConfigurationProperties("huiying.escalation")
record EscalationProperties(Duration acknowledgeWithin, String webhookUrl, String webhookSecret, Duration webhookPollEvery,
                            Duration webhookFirstRetry, Duration webhookMaxRetry, int webhookMaxAttempts,
                            Duration webhookTimeout) {

    EscalationProperties {
        acknowledgeWithin = acknowledgeWithin == null ? Duration.ofDays(2) : acknowledgeWithin;
        webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        webhookPollEvery = webhookPollEvery == null ? Duration.ofSeconds(5) : webhookPollEvery;
        webhookFirstRetry = webhookFirstRetry == null ? Duration.ofSeconds(10) : webhookFirstRetry;
        webhookMaxRetry = webhookMaxRetry == null ? Duration.ofMinutes(30) : webhookMaxRetry;
        webhookMaxAttempts = webhookMaxAttempts <= 0 ? 12 : webhookMaxAttempts;
        webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
        if (webhookUrl != null) {
            validUrl(webhookUrl);
            if (webhookSecret == null) {
                throw new IllegalArgumentException("huiying.escalation.webhook-secret is required with webhook-url: "
                        + "every delivery is signed with it (X-Huiying-Signature) so the receiver can tell it came from us");
            }
        }
    }

    /** An absolute http:// or https:// URL with a host; anything else stops the start with this message. */
    static URI validUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("huiying.escalation.webhook-url must be an http:// or https:// URL, not '"
                + url + "'");
    }

    boolean webhookEnabled() {
        return webhookUrl != null;
    }

    /** The secret signs deliveries: never let a log line print it. */
    @Override
    public String toString() {
        return "EscalationProperties[acknowledgeWithin=" + acknowledgeWithin + ", webhookUrl=" + webhookUrl
                + ", webhookSecret=" + (webhookSecret == null ? "unset" : "***") + ", webhookPollEvery=" + webhookPollEvery
                + ", webhookFirstRetry=" + webhookFirstRetry + ", webhookMaxRetry=" + webhookMaxRetry
                + ", webhookMaxAttempts=" + webhookMaxAttempts + ", webhookTimeout=" + webhookTimeout + "]";
    }
}
