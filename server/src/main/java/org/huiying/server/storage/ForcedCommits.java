package org.huiying.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Transactions on the embedded H2 file database whose commit is on the disk before anyone hears of
 * it. H2 writes a commit to its file but leaves it in the operating system's cache (it forces the
 * file only when it closes or compacts): a killed process loses nothing, a power cut or a kernel
 * crash can lose what was already acknowledged. So after each commit the file is forced
 * ({@code CHECKPOINT SYNC}) before the commit returns — before the gateway's acks and every other
 * after-commit step — which is what PostgreSQL does with {@code fsync} on. Commits that finish
 * while a force runs share the next one, so a busy server forces far less often than it commits.
 * A commit that cannot be forced is reported as failed (never acknowledged; the client retries).
 */
final class ForcedCommits extends JdbcTransactionManager {

    private final Object lock = new Object();
    private long requested; // guarded by lock
    private long forced;    // guarded by lock
    private boolean forcing; // guarded by lock

    ForcedCommits(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(obtainDataSource());
        force(holder.getConnection());
    }

    /** Returns once a force that started after this commit has finished (this thread's or another's). */
    private void force(Connection connection) {
        long mine;
        long covers;
        synchronized (lock) {
            mine = ++requested;
            while (forced < mine && forcing) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransactionSystemException("Interrupted while the commit was being forced to disk");
                }
            }
            if (forced >= mine) {
                return;
            }
            forcing = true;
            covers = requested; // every commit counted so far finished before it was counted
        }
        boolean done = false;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
            done = true;
        } catch (SQLException e) {
            throw new TransactionSystemException("Committed, but the database file could not be forced to disk", e);
        } finally {
            synchronized (lock) {
                forcing = false;
                if (done) {
                    forced = Math.max(forced, covers);
                }
                lock.notifyAll();
            }
        }
    }
}
