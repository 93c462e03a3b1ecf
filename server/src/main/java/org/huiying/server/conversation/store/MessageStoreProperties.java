package org.huiying.server.conversation.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code huiying.appends.*}: how customers' messages are batched. Which store is used,
 * {@code huiying.appends.journal}, is not here: it chooses the beans, so {@link MessageStoreConfig}'s
 * conditions read it before any bean exists. Counts below 1 count as 1.
 *
 * @param writers           the group commit's writer threads (H2 serialises commits: one; PostgreSQL commits side by side)
 * @param maxBatch          appends per group commit transaction, and per journal write
 * @param maxBacklog        journaled messages that may wait for the database before the journal stops taking more
 * @param applyBatch        journaled messages the applier stores per transaction
 * @param segmentBytes      size after which the journal starts a new file
 * @param clientIdsInMemory client message ids the journal keeps in memory to tell a resend from a new message
 * @param readWait          how long a history read waits for journaled messages to reach the database
 */
@ConfigurationProperties("huiying.appends")
record MessageStoreProperties(@DefaultValue("1") int writers,
                              @DefaultValue("500") int maxBatch,
                              @DefaultValue("20000") int maxBacklog,
                              @DefaultValue("5000") int applyBatch,
                              @DefaultValue("67108864") long segmentBytes,
                              @DefaultValue("2000000") long clientIdsInMemory,
                              @DefaultValue("PT5S") Duration readWait) {

    MessageStoreProperties {
        writers = Math.max(1, writers);
        maxBatch = Math.max(1, maxBatch);
        maxBacklog = Math.max(1, maxBacklog);
        applyBatch = Math.max(1, applyBatch);
    }
}
