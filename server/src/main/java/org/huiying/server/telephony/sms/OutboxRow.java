package org.huiying.server.telephony.sms;

import java.time.Instant;

/** One outbound SMS in the outbox. */
record OutboxRow(long id, String conversationId, long seq, String toPhone, String body, State state, int attempts,
                 Instant nextAttemptAt, Instant claimedAt, Instant claimedUntil, String twilioSid, String lastError,
                 boolean inDoubt) {

    enum State {
        /** Waiting for its next attempt at {@code nextAttemptAt}. */
        PENDING,
        /** Claimed by a worker until {@code claimedUntil}; past that, the worker died mid-send (in doubt). */
        SENDING,
        /** Twilio accepted it ({@code twilioSid}); delivery goes on through status callbacks. */
        SENT,
        /** Permanently refused, or out of attempts. */
        FAILED,
        /** The number opted out; never sent. */
        BLOCKED,
        /** No Twilio account configured: kept, logged, not sent. */
        DRY_RUN
    }
}
