package org.huiying.server.telephony;

import org.huiying.server.phone.PhoneNumbers;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.twilio.*}. Without {@code accountSid} and {@code authToken} nothing is sent: the
 * outbox keeps outbound SMS as dry-run. {@code apiBaseUrl} points the SDK at Twilio (default) or a
 * proxy or stand-in. Outbound comes from {@code from}, or from {@code messagingServiceSid} when set.
 */
@ConfigurationProperties("huiying.twilio")
public record TwilioProperties(String accountSid, String authToken, String from, String messagingServiceSid,
                               URI apiBaseUrl, Outbox outbox) {

    public static final URI TWILIO_API = URI.create("https://api.twilio.com");

    public TwilioProperties {
        accountSid = blankToNull(accountSid);
        authToken = blankToNull(authToken);
        from = blankToNull(from);
        messagingServiceSid = blankToNull(messagingServiceSid);
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.toString().isBlank() ? TWILIO_API : apiBaseUrl;
        outbox = outbox == null ? new Outbox(null, null, null, null, 0, null) : outbox;
    }

    /** Outbound SMS can really be sent: an account, its token and a sender are configured. */
    public boolean canSend() {
        return accountSid != null && authToken != null && (from != null || messagingServiceSid != null);
    }

    /**
     * The outbox worker: polls every {@code pollEvery} (and at once after a new message), retries
     * transient failures after {@code firstRetry}, doubling up to {@code maxRetry}, at most
     * {@code maxAttempts} times; a claim not finished within {@code lease} is in doubt (the process
     * died mid-send). {@code autostart=false} leaves running it to the caller (tests drive it).
     */
    public record Outbox(Duration pollEvery, Duration firstRetry, Duration maxRetry, Duration lease, int maxAttempts,
                         Boolean autostart) {

        public Outbox {
            pollEvery = pollEvery == null ? Duration.ofSeconds(2) : pollEvery;
            firstRetry = firstRetry == null ? Duration.ofSeconds(10) : firstRetry;
            maxRetry = maxRetry == null ? Duration.ofMinutes(10) : maxRetry;
            lease = lease == null ? Duration.ofMinutes(2) : lease;
            maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
            autostart = autostart == null ? Boolean.TRUE : autostart;
        }
    }

    /** The auth token signs webhooks and authenticates to Twilio: never let a log line print it. */
    @Override
    public String toString() {
        return "TwilioProperties[accountSid=" + accountSid + ", authToken=" + (authToken == null ? "unset" : "***")
                + ", from=" + (from == null ? null : PhoneNumbers.mask(from)) + ", messagingServiceSid=" + messagingServiceSid
                + ", apiBaseUrl=" + apiBaseUrl + ", outbox=" + outbox + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
