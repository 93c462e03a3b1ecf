package org.huiying.server.telephony.sms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Delivery of an outbound SMS as the agent sees it. States only move forward: queued → sent →
 * delivered | undelivered | failed; blocked (opted out) is final too. A late or repeated status
 * never moves one back.
 */
enum Delivery {
    QUEUED(0), SENT(1), DELIVERED(2), UNDELIVERED(2), FAILED(2), BLOCKED(2);

    private final int rank;

    Delivery(int rank) {
        this.rank = rank;
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The states this one may replace ({@code null}: not set yet). */
    Collection<String> replaces() {
        List<String> earlier = new ArrayList<>();
        earlier.add(null);
        for (Delivery d : values()) {
            if (d.rank < rank) {
                earlier.add(d.wire());
            }
        }
        return earlier;
    }

    /** Twilio's message status (API response or callback) in our terms; null for statuses we do not track. */
    static Delivery fromTwilio(String status) {
        if (status == null) {
            return null;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued", "sending" -> QUEUED;
            case "sent" -> SENT;
            case "delivered", "read" -> DELIVERED;
            case "undelivered" -> UNDELIVERED;
            case "failed", "canceled" -> FAILED;
            default -> null;
        };
    }
}
