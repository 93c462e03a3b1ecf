package org.huiying.server.storage;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Lets the embedded H2 database keep more changed pages in memory before it writes them out in the
 * middle of a transaction. H2 writes every changed B-tree page each time the changed pages add up to
 * 19 MB (its MVStore's {@code autoCommitMemory}, which only an MVStore builder can set, and H2 builds
 * its own). The journal's applier stores thousands of messages a transaction, each into the seq-index
 * leaf of its own conversation; at 19 MB H2 rewrote such a leaf about once a message, two thirds of the
 * applier's time and the ceiling of the whole embedded server (docs/benchmarks.md). Commits are not
 * affected: each one still writes every changed page and is forced to the disk ({@link ForcedCommits}).
 * <p>
 * The limit is set on H2's field by reflection. If an H2 upgrade renames it, the server warns and
 * runs with H2's own limit; {@code H2UnsavedPagesIntegrationTests} fails so the upgrade is noticed.
 */
@Component
class H2UnsavedPages implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(H2UnsavedPages.class);

    private final DataSource dataSource;
    private final String url;
    private final long wanted;

    H2UnsavedPages(DataSource dataSource, @Value("${spring.datasource.url}") String url,
                   @Value("${huiying.h2.unsaved-pages:64MB}") DataSize wanted) {
        this.dataSource = dataSource;
        this.url = url;
        this.wanted = wanted.toBytes();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (wanted <= 0 || !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")) {
            return;
        }
        long limit = limitFor(wanted, Runtime.getRuntime().maxMemory());
        try (Connection connection = dataSource.getConnection()) {
            raise(connection, limit);
            log.info("H2 writes changed pages out mid-transaction once they hold {} MB", limit >> 20);
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            log.warn("Could not raise H2's unsaved page limit; running with H2's own ({})", e.toString());
        }
    }

    /** An eighth of the heap at most: the pages stay in memory until written. */
    static long limitFor(long wanted, long maxHeap) {
        return Math.min(Math.min(wanted, maxHeap / 8), Integer.MAX_VALUE);
    }

    /** Sets the limit of the H2 file database {@code connection} belongs to; never lowers it. */
    static void raise(Connection connection, long bytes) throws SQLException, ReflectiveOperationException {
        MVStore store = storeOf(connection);
        if (store.getAutoCommitMemory() >= bytes) {
            return;
        }
        Field limit = MVStore.class.getDeclaredField("autoCommitMemory");
        limit.setAccessible(true);
        limit.setInt(store, (int) bytes);
    }

    static MVStore storeOf(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}
