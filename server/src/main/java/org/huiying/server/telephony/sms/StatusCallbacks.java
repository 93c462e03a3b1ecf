package org.huiying.server.telephony.sms;

import java.time.Clock;
import java.util.Optional;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.storage.Timestamps;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a delivery status from Twilio. Statuses only move forward, so duplicates and callbacks
 * arriving out of order change nothing. A callback for a row we never saw accepted (the worker
 * died before recording it, or has not recorded it yet) proves Twilio has it: the row is marked
 * sent and will not be sent again.
 */
@Service
class StatusCallbacks {

    private final SmsOutbox outbox;
    private final Conversations conversations;
    private final OptOuts optOuts;
    private final Clock clock;

    StatusCallbacks(SmsOutbox outbox, Conversations conversations, OptOuts optOuts, Clock clock) {
        this.outbox = outbox;
        this.conversations = conversations;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    @Transactional
    public void apply(StatusCallback callback) {
        Optional<OutboxRow> found = find(callback);
        if (found.isEmpty()) {
            return; // not one of ours (another app on the account, or a message from before the outbox)
        }
        OutboxRow row = found.get();
        if (row.twilioSid() == null && callback.messageSid() != null) {
            outbox.markSent(row.id(), callback.messageSid(), Timestamps.now(clock));
        }
        Delivery delivery = Delivery.fromTwilio(callback.status());
        if (String.valueOf(TwilioMessages.OPTED_OUT).equals(callback.errorCode())) {
            // the recipient unsubscribed at Twilio: show it as blocked, and send them nothing more
            optOuts.optOut(row.toPhone(), "TWILIO_" + TwilioMessages.OPTED_OUT, Timestamps.now(clock));
            delivery = Delivery.BLOCKED;
        }
        if (delivery != null) {
            conversations.advanceDelivery(row.conversationId(), row.seq(), delivery.wire(), delivery.replaces());
        }
    }

    /** By the row named in our callback URL (when its SID agrees), else by the SID. */
    private Optional<OutboxRow> find(StatusCallback callback) {
        if (callback.outboxId() != null) {
            Optional<OutboxRow> row = outbox.find(callback.outboxId());
            if (row.isPresent() && (row.get().twilioSid() == null || row.get().twilioSid().equals(callback.messageSid()))) {
                return row;
            }
        }
        return callback.messageSid() == null ? Optional.empty() : outbox.findBySid(callback.messageSid());
    }
}
