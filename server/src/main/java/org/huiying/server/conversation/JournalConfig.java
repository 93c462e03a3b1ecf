package org.huiying.server.conversation;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.huiying.server.runtime.HuiyingProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The message journal of the embedded, single-node server ({@code huiying.appends.journal}). Off
 * with PostgreSQL: its numbering lives in one process's memory, and PostgreSQL commits the group
 * commit's batches side by side anyway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "huiying.appends.journal", havingValue = "true")
class JournalConfig {

    @Bean
    ConversationHeads conversationHeads(ConversationRepository conversations,
                                        @Value("${huiying.appends.read-wait:PT5S}") Duration readWait) {
        return new ConversationHeads(conversations::findHead, readWait);
    }

    @Bean
    JournalApplier journalApplier(Conversations store, ConversationRepository conversations, ConversationHeads heads,
                                  PlatformTransactionManager transactions, JdbcClient jdbc,
                                  @Value("${huiying.appends.apply-batch:5000}") int applyBatch) {
        return new JournalApplier(store, conversations, heads, new TransactionTemplate(transactions), jdbc,
                Math.max(1, applyBatch));
    }

    @Bean
    MessageJournal messageJournal(HuiyingProperties huiying, ConversationHeads heads, JournalApplier applier,
                                  MessageRepository messages, Clock clock,
                                  @Value("${huiying.appends.max-batch:500}") int maxBatch,
                                  @Value("${huiying.appends.max-backlog:20000}") int maxBacklog,
                                  @Value("${huiying.appends.segment-bytes:67108864}") long segmentBytes,
                                  @Value("${huiying.appends.client-ids-in-memory:2000000}") long maxClientIds) throws IOException {
        JournalSegments segments = JournalSegments.open(huiying.dataDir().resolve("journal"), segmentBytes,
                applier.appliedPosition());
        return new MessageJournal(segments, heads, applier, messages, clock, Math.max(1, maxBatch), Math.max(1, maxBacklog),
                maxClientIds);
    }

    /** The applier starts before anything else (events need their listeners) and stops after everything. */
    @Bean
    SmartLifecycle journalLifecycle(MessageJournal journal, JournalApplier applier) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                applier.start();
                running = true;
            }

            @Override
            public void stop() {
                try {
                    journal.stop();
                    applier.stop(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MIN_VALUE + 1000;
            }
        };
    }
}
