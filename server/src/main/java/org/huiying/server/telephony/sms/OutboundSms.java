package org.huiying.server.telephony.sms;

import java.time.Clock;
import java.time.Instant;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Message;
import org.huiying.server.conversation.MessageAppended;
import org.huiying.server.conversation.Sender;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.phone.PhoneNumbers;
import org.huiying.server.telephony.TwilioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every staff or system message stored on an SMS conversation goes into the outbox in the same
 * transaction: stored message and outbox row commit together or not at all. A text longer than
 * Twilio accepts is refused here, which rolls the message back.
 */
@Component
public class OutboundSms {

    /** Twilio's limit for one message body; it segments anything longer than one SMS itself. */
    static final int MAX_CHARS = 1600;
    private static final Logger log = LoggerFactory.getLogger(OutboundSms.class);

    private final SmsThreads threads;
    private final SmsOutbox outbox;
    private final OptOuts optOuts;
    private final Conversations conversations;
    private final TwilioProperties twilio;
    private final OutboxWorker worker;
    private final Clock clock;

    OutboundSms(SmsThreads threads, SmsOutbox outbox, OptOuts optOuts, Conversations conversations,
                TwilioProperties twilio, OutboxWorker worker, Clock clock) {
        this.threads = threads;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.conversations = conversations;
        this.twilio = twilio;
        this.worker = worker;
        this.clock = clock;
    }

    @EventListener
    void onMessage(MessageAppended event) {
        Message m = event.message();
        if (!isOutbound(m)) {
            return;
        }
        queue(m, threads.phoneOf(m.conversationId())
                .orElseThrow(() -> new IllegalStateException("SMS conversation without a number: " + m.conversationId())));
    }

    /**
     * Texts a stored message to {@code phone} through the outbox, in the caller's transaction (the
     * message's delivery state follows the outbox row): how an agent's reply on another channel without
     * a text path of its own, the hotline, reaches the caller. Never to an opted-out number.
     */
    public void queue(Message m, String phone) {
        int length = m.text().codePointCount(0, m.text().length());
        if (length > MAX_CHARS) {
            throw ApiException.badRequest("sms_too_long", "An SMS reply can be at most " + MAX_CHARS
                    + " characters (this one has " + length + "); shorten it or split it into several replies.");
        }
        Instant now = Timestamps.now(clock);
        if (optOuts.isOptedOut(phone)) {
            outbox.insert(m.conversationId(), m.seq(), phone, m.text(), OutboxRow.State.BLOCKED, now);
            conversations.advanceDelivery(m.conversationId(), m.seq(), Delivery.BLOCKED.wire(), Delivery.BLOCKED.replaces());
            return;
        }
        boolean dryRun = !twilio.canSend();
        outbox.insert(m.conversationId(), m.seq(), phone, m.text(), dryRun ? OutboxRow.State.DRY_RUN : OutboxRow.State.PENDING, now);
        conversations.advanceDelivery(m.conversationId(), m.seq(), Delivery.QUEUED.wire(), Delivery.QUEUED.replaces());
        if (dryRun) {
            log.info("SMS dry-run (no Twilio account configured): to {}, {} characters, kept in the outbox",
                    PhoneNumbers.mask(phone), length);
        }
    }

    /** Starts the worker now rather than at its next poll (call after the outbox row committed). */
    public void wakeWorker() {
        if (twilio.canSend()) {
            worker.wake();
        }
    }

    /** Start sending as soon as the row is committed, rather than at the next poll. */
    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(MessageAppended event) {
        if (isOutbound(event.message()) && twilio.canSend()) {
            worker.wake();
        }
    }

    /** Staff and system messages on SMS conversations; inbound notes (client id = Twilio's MessageSid) stay here. */
    static boolean isOutbound(Message m) {
        return SmsThreads.CHANNEL.equals(m.channel()) && m.sender() != Sender.CUSTOMER
                && !TwilioSids.isInboundMessageSid(m.clientMessageId());
    }
}
