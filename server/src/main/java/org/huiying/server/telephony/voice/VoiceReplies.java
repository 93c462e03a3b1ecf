package org.huiying.server.telephony.voice;

import org.huiying.server.conversation.Message;
import org.huiying.server.conversation.MessageAppended;
import org.huiying.server.conversation.Sender;
import org.huiying.server.telephony.sms.OutboundSms;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An agent's written reply on a hotline ticket reaches the caller as a text message to the number they
 * called from: written to the SMS outbox in the transaction that stores the reply, so the reply shows
 * its delivery state like any SMS (and an opted-out number gets nothing: {@code blocked}).
 */
@Component
class VoiceReplies {

    private final VoiceThreads threads;
    private final OutboundSms sms;

    VoiceReplies(VoiceThreads threads, OutboundSms sms) {
        this.threads = threads;
        this.sms = sms;
    }

    @EventListener
    void onMessage(MessageAppended event) {
        Message m = event.message();
        if (isReply(m)) {
            threads.phoneOf(m.conversationId()).ifPresent(phone -> sms.queue(m, phone));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(MessageAppended event) {
        if (isReply(event.message())) {
            sms.wakeWorker();
        }
    }

    private static boolean isReply(Message m) {
        return VoiceThreads.CHANNEL.equals(m.channel()) && m.sender() == Sender.AGENT;
    }
}
