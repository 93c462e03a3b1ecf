package org.huiying.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database keeps a big transaction's changed pages in memory until it commits, instead
 * of writing them all out every 19 MB of changes (H2's own limit).
 */
class H2UnsavedPagesIntegrationTests {

    private static final long MB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void theEmbeddedServersDatabaseGetsTheConfiguredLimitCappedByTheHeap() throws Exception {
        try (RunningServer server = new RunningServer(dir.resolve("a")).start();
             Connection connection = server.bean(DataSource.class).getConnection()) {
            assertThat(H2UnsavedPages.storeOf(connection).getAutoCommitMemory())
                    .isEqualTo(H2UnsavedPages.limitFor(64 * MB, Runtime.getRuntime().maxMemory()));
        }
        try (RunningServer server = new RunningServer(dir.resolve("b"), "--huiying.h2.unsaved-pages=0").start();
             Connection connection = server.bean(DataSource.class).getConnection()) {
            assertThat(H2UnsavedPages.storeOf(connection).getAutoCommitMemory()).isLessThanOrEqualTo((int) (19 * MB));
        }
    }

    @Test
    void theLimitIsAnEighthOfTheHeapAtMost() {
        assertThat(H2UnsavedPages.limitFor(256 * MB, 8L << 30)).isEqualTo(256 * MB);
        assertThat(H2UnsavedPages.limitFor(256 * MB, 1L << 30)).isEqualTo(128 * MB);
    }

    @Test
    void aTransactionScatteringRowsOverAnIndexIsNotWrittenOutMidwayOnceRaised() throws Exception {
        long h2Default = storesDuringOneBigTransaction(dir.resolve("h2-default"), 0);
        long raised = storesDuringOneBigTransaction(dir.resolve("raised"), 64 * MB);
        System.out.println("stores during the transaction: H2's limit " + h2Default + ", raised " + raised);
        assertThat(h2Default).isGreaterThanOrEqualTo(2);
        assertThat(raised).isZero();
    }

    /** Stores H2 makes while one transaction inserts 40,000 messages of 2,000 conversations in random order. */
    private static long storesDuringOneBigTransaction(Path where, long limit) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + where.resolve("db") + ";WRITE_DELAY=0", "sa", "")) {
            if (limit > 0) {
                H2UnsavedPages.raise(c, limit);
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE message (id BIGINT PRIMARY KEY, conversation_id VARCHAR(32), seq BIGINT, text VARCHAR(200))");
                s.execute("CREATE UNIQUE INDEX message_seq ON message (conversation_id, seq)");
            }
            MVStore store = H2UnsavedPages.storeOf(c);
            c.setAutoCommit(false);
            long before = store.getCurrentVersion();
            Random random = new Random(7);
            long[] seqs = new long[2_000];
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO message VALUES (?, ?, ?, ?)")) {
                for (int id = 1; id <= 40_000; id++) {
                    int conversation = random.nextInt(seqs.length);
                    insert.setLong(1, id);
                    insert.setString(2, "cv" + Long.toString(1_000_000_000_000L + conversation * 7_919L, 36) + "x".repeat(15));
                    insert.setLong(3, ++seqs[conversation]);
                    insert.setString(4, "仪表盘显示充电系统故障，第" + id + "条");
                    insert.addBatch();
                    if (id % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            long during = store.getCurrentVersion() - before;
            c.commit();
            return during;
        }
    }
}
