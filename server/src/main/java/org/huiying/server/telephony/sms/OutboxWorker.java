package org.huiying.server.telephony.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.privacy.LogSafe;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.phone.PhoneNumbers;
import org.huiying.server.telephony.TwilioProperties;
import org.huiying.server.telephony.sms.TwilioMessages.SendFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. A row is claimed (compare-and-set) before the call to Twilio and
 * its outcome recorded after it, each in its own short transaction, never holding one open across
 * the network. Transient failures (429, 5xx, I/O) come back after a growing delay; permanent ones
 * (21610 opted out → blocked, 21211 invalid number and other 4xx → failed) are final.
 *
 * <p>Twilio's Messages API has no idempotency key, so an attempt whose outcome we do not know is
 * never simply repeated: a claim whose lease ran out (the process died between the call and the
 * record) and an attempt that got no answer or a 5xx are "in doubt", and before sending again
 * the worker looks for the message among the number's latest ones at Twilio and adopts it if it
 * is there. The status callback, which names the outbox row, settles it too. The residual window:
 * Twilio accepted the message but does not list it yet when we look, and no callback has
 * arrived — then it is sent twice.
 */
@Component
public class OutboxWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 50;

    private final SmsOutbox outbox;
    private final TwilioMessages twilioMessages;
    private final OptOuts optOuts;
    private final Conversations conversations;
    private final TwilioProperties twilio;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "sms-outbox"));
    private final AtomicBoolean pending = new AtomicBoolean();

    OutboxWorker(SmsOutbox outbox, TwilioMessages twilioMessages, OptOuts optOuts, Conversations conversations,
                 TwilioProperties twilio, PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.twilioMessages = twilioMessages;
        this.optOuts = optOuts;
        this.conversations = conversations;
        this.twilio = twilio;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The same worker on another clock: tests drive backoff and leases with it, no sleeping. */
    OutboxWorker withClock(Clock other) {
        return new OutboxWorker(outbox, twilioMessages, optOuts, conversations, twilio, tx.getTransactionManager(), other);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!twilio.canSend()) {
            log.info("No Twilio account configured: outbound SMS stay in the outbox as dry-run");
            return;
        }
        if (twilio.outbox().autostart()) {
            long every = twilio.outbox().pollEvery().toMillis();
            thread.scheduleWithFixedDelay(this::wake, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs a pass soon; calls while one is pending fold into it. */
    void wake() {
        if (twilio.outbox().autostart() && pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                try {
                    runDue();
                } catch (RuntimeException e) {
                    log.error("SMS outbox pass failed; rows stay in the outbox for the next pass", e);
                }
            });
        }
    }

    /**
     * Settles expired claims, then sends every row that is due now, stopping the pass at the first
     * transient failure (Twilio is down or asks us to slow down: the rest waits for the next pass).
     * Returns how many rows it sent or settled.
     */
    public int runDue() {
        if (!twilio.canSend()) {
            return 0;
        }
        int handled = 0;
        for (OutboxRow row : outbox.inDoubt(now(), BATCH)) {
            handled += settleExpiredClaim(row) ? 1 : 0;
        }
        for (OutboxRow row : outbox.due(now(), BATCH)) {
            Instant now = now();
            if (!outbox.claim(row.id(), now, now.plus(twilio.outbox().lease()))) {
                continue;
            }
            handled++;
            if (!send(row)) {
                break;
            }
        }
        return handled;
    }

    /** One attempt for a claimed row ({@code row} as it was before the claim); false on a transient failure. */
    private boolean send(OutboxRow row) {
        int attempt = row.attempts() + 1;
        if (optOuts.isOptedOut(row.toPhone())) {
            finish(row, OutboxRow.State.BLOCKED, Delivery.BLOCKED, "opted out before sending");
            return true;
        }
        try {
            if (row.inDoubt()) {
                Optional<String> earlier = twilioMessages.findSent(row.toPhone(), row.body(), row.claimedAt(), this::notYetOurs);
                if (earlier.isPresent()) {
                    sent(row, earlier.get(), Delivery.QUEUED);
                    return true;
                }
            }
            TwilioMessages.Accepted accepted = twilioMessages.send(row);
            sent(row, accepted.sid(), Delivery.fromTwilio(accepted.status()));
            return true;
        } catch (SendFailure failure) {
            switch (failure.kind) {
                case TRANSIENT -> {
                    retryOrGiveUp(row, attempt, failure.getMessage(), row.inDoubt() || failure.mayHaveArrived);
                    return false;
                }
                case OPTED_OUT -> {
                    log.info("SMS {} to {} blocked: the number opted out at Twilio", row.id(), PhoneNumbers.mask(row.toPhone()));
                    optOuts.optOut(row.toPhone(), "TWILIO_" + TwilioMessages.OPTED_OUT, now());
                    finish(row, OutboxRow.State.BLOCKED, Delivery.BLOCKED, failure.getMessage());
                }
                case PERMANENT -> {
                    log.warn("SMS {} to {} refused for good: {}", row.id(), PhoneNumbers.mask(row.toPhone()), LogSafe.text(failure.getMessage()));
                    finish(row, OutboxRow.State.FAILED, Delivery.FAILED, failure.getMessage());
                }
            }
            return true;
        }
    }

    private void retryOrGiveUp(OutboxRow row, int attempt, String error, boolean inDoubt) {
        if (attempt >= twilio.outbox().maxAttempts()) {
            log.warn("SMS to {} failed after {} attempts: {}", PhoneNumbers.mask(row.toPhone()), attempt, LogSafe.text(error));
            finish(row, OutboxRow.State.FAILED, Delivery.FAILED, error);
            return;
        }
        Instant now = now();
        outbox.retryLater(row.id(), now.plus(backoff(attempt)), error, inDoubt, now);
    }

    /** First retry after {@code firstRetry}, then doubling, never more than {@code maxRetry} apart. */
    Duration backoff(int attempt) {
        Duration first = twilio.outbox().firstRetry();
        Duration max = twilio.outbox().maxRetry();
        int doublings = Math.min(attempt - 1, 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }

    /** A worker died mid-send: look for the message at Twilio before sending it again. */
    private boolean settleExpiredClaim(OutboxRow row) {
        Instant now = now();
        if (!outbox.reclaim(row, now, now.plus(twilio.outbox().lease()))) {
            return false;
        }
        Optional<String> earlier;
        try {
            earlier = twilioMessages.findSent(row.toPhone(), row.body(), row.claimedAt(), this::notYetOurs);
        } catch (SendFailure cannotTell) {
            // keep the claim: it is in doubt again when the new lease ends, and checked again then
            log.warn("Cannot tell whether SMS {} reached Twilio yet: {}", row.id(), LogSafe.text(cannotTell.getMessage()));
            return false;
        }
        if (earlier.isPresent()) {
            sent(row, earlier.get(), Delivery.QUEUED);
        } else {
            outbox.retryLater(row.id(), now, "interrupted attempt not found at Twilio; sending again", false, now);
        }
        return true;
    }

    private boolean notYetOurs(String sid) {
        return outbox.findBySid(sid).isEmpty();
    }

    private void sent(OutboxRow row, String sid, Delivery delivery) {
        Instant now = now();
        tx.executeWithoutResult(status -> {
            if (outbox.markSent(row.id(), sid, now) && delivery != null) {
                conversations.advanceDelivery(row.conversationId(), row.seq(), delivery.wire(), delivery.replaces());
            }
        });
    }

    private void finish(OutboxRow row, OutboxRow.State state, Delivery delivery, String error) {
        Instant now = now();
        tx.executeWithoutResult(status -> {
            if (outbox.finish(row.id(), state, error, now)) {
                conversations.advanceDelivery(row.conversationId(), row.seq(), delivery.wire(), delivery.replaces());
            }
        });
    }

    private Instant now() {
        return Timestamps.now(clock);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
