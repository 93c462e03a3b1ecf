package org.huiying.server.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The last Twilio webhook this node received per channel and whether its signature held: what an admin
 * checks after pasting the webhook URLs into Twilio's console. Kept in memory, per node.
 */
@Component
public class WebhookLog {

    /** One webhook: when, which path (no query, no parameters) and whether Twilio's signature matched. */
    public record Seen(Instant at, String path, boolean signatureValid) {
    }

    private final ConcurrentMap<String, Seen> lastByChannel = new ConcurrentHashMap<>();
    private final Clock clock;

    WebhookLog(Clock clock) {
        this.clock = clock;
    }

    void record(String path, boolean valid) {
        lastByChannel.put(channelOf(path), new Seen(clock.instant(), path, valid));
    }

    public Optional<Seen> last(String channel) {
        return Optional.ofNullable(lastByChannel.get(channel));
    }

    static String channelOf(String path) {
        return path.startsWith("/twilio/voice") ? "voice" : "sms";
    }
}
