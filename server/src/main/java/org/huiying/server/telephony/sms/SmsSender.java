package org.huiying.server.telephony.sms;

import org.huiying.server.conversation.Appended;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Sender;
import org.huiying.server.web.ApiException;
import org.huiying.server.phone.PhoneNumbers;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features (surveys, callbacks) call to text a customer. The text is stored as a
 * SYSTEM message on the customer's SMS conversation and goes out through the outbox like an
 * agent's reply: durable, retried, never to an opted-out number (stored with delivery
 * {@code blocked} instead). Callers inside a transaction share its fate.
 */
@Service
@NamedInterface("sms")
public class SmsSender {

    private final Conversations conversations;
    private final SmsThreads threads;

    SmsSender(Conversations conversations, SmsThreads threads) {
        this.conversations = conversations;
        this.threads = threads;
    }

    /** Sends on an existing SMS conversation; 400 if it is another channel's. */
    @Transactional
    public Appended send(String conversationId, String text) {
        String channel = conversations.channel(conversationId).orElseThrow(() -> ApiException.notFound("conversation"));
        if (!SmsThreads.CHANNEL.equals(channel)) {
            throw ApiException.badRequest("not_sms", "Conversation " + conversationId + " is a " + channel + " conversation, not SMS.");
        }
        return conversations.append(conversationId, Sender.SYSTEM, null, null, text);
    }

    /**
     * Sends to a phone number (any common spelling), in that number's SMS conversation, opened if
     * needed (in a transaction of its own, committed even if the caller's later rolls back).
     */
    public Appended sendTo(String phone, String text) {
        String e164 = PhoneNumbers.e164(phone).orElseThrow(() -> ApiException.badRequest("invalid_phone", "Not a phone number: " + phone));
        return send(threads.conversationFor(e164), text);
    }
}
