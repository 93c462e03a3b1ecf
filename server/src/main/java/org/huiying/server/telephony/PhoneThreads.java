package org.huiying.server.telephony;

import org.huiying.server.phone.PhoneNumbers;
import java.time.Clock;
import java.util.Optional;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.storage.Timestamps;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One conversation per phone number on a telephone channel (SMS, voice): found, or opened for the
 * customer who has that number. Concurrent first contacts from a new number race on the
 * {@code <channel>_thread} table's primary key; the losers read the winner's conversation.
 */
public abstract class PhoneThreads {

    private static final int ATTEMPTS = 5;

    private final String channel;
    private final String table;
    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    protected PhoneThreads(String channel, JdbcClient jdbc, Conversations conversations,
                           PlatformTransactionManager transactions, Clock clock) {
        this.channel = channel;
        this.table = channel + "_thread";
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The conversation of this number (E.164), opened if it has none yet; committed on return. */
    public String conversationFor(String phone) {
        for (int attempt = 1; ; attempt++) {
            Optional<String> known = find(phone);
            if (known.isPresent()) {
                return known.get();
            }
            try {
                return ownTransaction.execute(status -> open(phone));
            } catch (DataIntegrityViolationException raced) {
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    public Optional<String> phoneOf(String conversationId) {
        return jdbc.sql("SELECT phone FROM " + table + " WHERE conversation_id = ?").param(conversationId)
                .query(String.class).optional();
    }

    /** The conversation of this number, if it ever used this channel. */
    public Optional<String> find(String phone) {
        return jdbc.sql("SELECT conversation_id FROM " + table + " WHERE phone = ?").param(phone)
                .query(String.class).optional();
    }

    private String open(String phone) {
        String id = conversations.openForPhone(channel, PhoneNumbers.spellings(phone));
        jdbc.sql("INSERT INTO " + table + " (phone, conversation_id, created_at) VALUES (?, ?, ?)")
                .params(phone, id, Timestamps.sql(Timestamps.now(clock))).update();
        return id;
    }
}
