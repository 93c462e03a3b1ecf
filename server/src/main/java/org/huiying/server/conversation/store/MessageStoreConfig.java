package org.huiying.server.conversation.store;

import java.io.IOException;
import java.time.Clock;
import org.huiying.server.runtime.HuiyingProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Picks the {@link MessageStore}: the message journal on the embedded, single-node server
 * ({@code huiying.appends.journal=true}), the group commit otherwise. The journal is off with
 * PostgreSQL: its numbering lives in one process's memory, and PostgreSQL commits the group
 * commit's batches side by side anyway.
 */
@Configuration(proxyBeanMethods = false)
class MessageStoreConfig {

    static final String JOURNAL = "huiying.appends.journal";

    @Bean
    @ConditionalOnProperty(name = JOURNAL, havingValue = "true")
    JournalStore journalStore(MessageStoreProperties properties, HuiyingProperties huiying, MessageTable table,
                              PlatformTransactionManager transactions, JdbcClient jdbc, Clock clock) throws IOException {
        ConversationHeads heads = new ConversationHeads(table::findHead, properties.readWait());
        JournalApplier applier = new JournalApplier(table, heads, new TransactionTemplate(transactions), jdbc,
                properties.applyBatch());
        JournalSegments segments = JournalSegments.open(huiying.dataDir().resolve("journal"), properties.segmentBytes(),
                applier.appliedPosition());
        MessageJournal journal = new MessageJournal(segments, heads, applier, table, clock, properties.maxBatch(),
                properties.maxBacklog(), properties.clientIdsInMemory());
        return new JournalStore(journal, heads, applier);
    }

    @Bean
    @Conditional(WithoutJournal.class)
    GroupCommit groupCommit(MessageStoreProperties properties, MessageTable table, PlatformTransactionManager transactions) {
        return new GroupCommit(table, new TransactionTemplate(transactions), properties.writers(), properties.maxBatch());
    }

    /** Exactly when the journal's condition does not hold: any value but {@code true}, or none. */
    static final class WithoutJournal extends NoneNestedConditions {

        WithoutJournal() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = JOURNAL, havingValue = "true")
        static final class Journal {
        }
    }
}
