package org.huiying.server.telephony.sms;

import java.time.Clock;
import java.util.concurrent.CompletionException;
import org.huiying.server.conversation.Appended;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Sender;
import org.huiying.server.privacy.MediaLinks;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.phone.PhoneNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one incoming SMS in its sender's SMS conversation, once per MessageSid however often
 * Twilio delivers the webhook. A customer message opens or joins the ticket (the ticket feature
 * listens); STOP/退订 and START/订阅 change the number's opt-out instead and are kept as a system
 * note, so they neither open a ticket nor are lost.
 */
@Service
class IncomingSmsService {

    private final SmsThreads threads;
    private final Conversations conversations;
    private final OptOuts optOuts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MediaLinks mediaLinks;

    IncomingSmsService(SmsThreads threads, Conversations conversations, OptOuts optOuts, JdbcClient jdbc,
                       PlatformTransactionManager transactions, Clock clock, MediaLinks mediaLinks) {
        this.mediaLinks = mediaLinks;
        this.threads = threads;
        this.conversations = conversations;
        this.optOuts = optOuts;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * The conversation is found or opened first, in a transaction of its own, so a request never
     * holds one database connection while waiting for a second (a pool deadlock under load).
     */
    public Appended receive(InboundSms received) {
        InboundSms sms = received.withTrustedMedia(mediaLinks::trusted);
        if (sms.messageSid() == null || sms.messageSid().isBlank() || sms.from() == null || sms.from().isBlank()) {
            throw ApiException.badRequest("invalid_webhook", "MessageSid and From are required");
        }
        String phone = PhoneNumbers.identity(sms.from());
        String conversationId = threads.conversationFor(phone);
        if (OptOutKeywords.of(sms.body()) == OptOutKeywords.NONE && sms.media().isEmpty() && sms.text() != null && !sms.text().isBlank()) {
            return joinGroupCommit(conversationId, sms);
        }
        return tx.execute(status -> store(phone, conversationId, sms));
    }

    /**
     * A plain text shares a transaction with the texts and chat messages queued beside it (see
     * {@link Conversations#appendCustomerMessage}): the request thread waits for that commit without holding a database
     * connection, so a burst of webhooks no longer queues on the pool and on H2's serialised commits.
     */
    private Appended joinGroupCommit(String conversationId, InboundSms sms) {
        try {
            return conversations.appendCustomerMessage(conversationId, sms.messageSid(), sms.text()).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Appended store(String phone, String conversationId, InboundSms sms) {
        return switch (OptOutKeywords.of(sms.body())) {
            case OPT_OUT -> {
                optOuts.optOut(phone, sms.body().strip(), Timestamps.now(clock));
                yield note(conversationId, sms, "客户回复「" + sms.body().strip() + "」，已退订短信：此后不再向该号码发送任何短信（客户回复 START 或 订阅 可恢复）。");
            }
            case OPT_IN -> {
                optOuts.optIn(phone);
                yield note(conversationId, sms, "客户回复「" + sms.body().strip() + "」，已恢复接收短信。");
            }
            case NONE -> customerMessage(conversationId, sms);
        };
    }

    private Appended customerMessage(String conversationId, InboundSms sms) {
        Appended appended = conversations.append(conversationId, Sender.CUSTOMER, null, sms.messageSid(), sms.text());
        if (!appended.duplicate()) {
            for (int i = 0; i < sms.media().size(); i++) {
                InboundSms.Media m = sms.media().get(i);
                jdbc.sql("INSERT INTO message_media (conversation_id, seq, position, url, content_type) VALUES (?, ?, ?, ?, ?)")
                        .params(conversationId, appended.message().seq(), i, m.url(), m.contentType()).update();
            }
        }
        return appended;
    }

    /** The MessageSid as client id keeps the note single and marks it as inbound: it is never sent back out. */
    private Appended note(String conversationId, InboundSms sms, String text) {
        return conversations.append(conversationId, Sender.SYSTEM, null, sms.messageSid(), text);
    }
}
