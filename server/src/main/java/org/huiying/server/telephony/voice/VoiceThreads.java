package org.huiying.server.telephony.voice;

import java.time.Clock;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.telephony.PhoneThreads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** One voice conversation per caller number ({@code voice_thread}). */
@Component
class VoiceThreads extends PhoneThreads {

    static final String CHANNEL = "voice";

    VoiceThreads(JdbcClient jdbc, Conversations conversations, PlatformTransactionManager transactions, Clock clock) {
        super(CHANNEL, jdbc, conversations, transactions, clock);
    }
}
