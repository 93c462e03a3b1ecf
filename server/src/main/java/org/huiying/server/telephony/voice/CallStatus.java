package org.huiying.server.telephony.voice;

import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's call statuses in the order a call goes through them. A callback reporting an earlier
 * status than the call has reached arrived late, and changes nothing.
 */
enum CallStatus {
    QUEUED(0), INITIATED(1), RINGING(2), IN_PROGRESS(3),
    COMPLETED(4), BUSY(4), NO_ANSWER(4), FAILED(4), CANCELED(4),
    /** Not placed: no Twilio account configured. */
    DRY_RUN(4);

    final int rank;

    CallStatus(int rank) {
        this.rank = rank;
    }

    /** As Twilio writes it: {@code in-progress}, {@code no-answer}… */
    String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<CallStatus> of(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(wire.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The customer picked up: in-progress, or completed (a call only completes once answered). */
    boolean answered() {
        return this == IN_PROGRESS || this == COMPLETED;
    }

    boolean unanswered() {
        return this == BUSY || this == NO_ANSWER || this == FAILED || this == CANCELED;
    }
}
