package org.huiying.server.telephony.sms;

import java.time.Clock;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.telephony.PhoneThreads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** One SMS conversation per phone number ({@code sms_thread}). */
@Component
class SmsThreads extends PhoneThreads {

    static final String CHANNEL = "sms";

    SmsThreads(JdbcClient jdbc, Conversations conversations, PlatformTransactionManager transactions, Clock clock) {
        super(CHANNEL, jdbc, conversations, transactions, clock);
    }
}
