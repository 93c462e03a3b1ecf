package org.huiying.server.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The leader is the node holding a session-level PostgreSQL advisory lock on a connection of its
 * own, outside the pool. When the leader dies its session ends and PostgreSQL frees the lock; a
 * standby, trying every {@code huiying.cluster.leader-retry-every}, takes it. The leader checks
 * the same interval that its connection is alive and steps down if not, since with the session
 * it may have lost the lock. The key is derived from the database and schema, so clusters (or
 * tests) in different schemas of one database never contend.
 *
 * <p>Right after a network split two nodes may both act for up to one interval; everything the
 * leader does is a compare-and-set in the database, so that costs nothing but a duplicate read.
 */
@Component
@Profile("cluster")
class AdvisoryLockLeadership implements Leadership {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLockLeadership.class);
    static final String KEY = "hashtext(current_database() || '/' || current_schema() || '/huiying-leader')";

    private final String url;
    private final String username;
    private final String password;
    private final long retryMillis;

    AdvisoryLockLeadership(@Value("${spring.datasource.url}") String url,
                           @Value("${spring.datasource.username:}") String username,
                           @Value("${spring.datasource.password:}") String password, ClusterProperties properties) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("The cluster profile needs PostgreSQL (profile postgres), not " + url);
        }
        this.url = url;
        this.username = username;
        this.password = password;
        this.retryMillis = properties.leaderRetryEvery().toMillis();
    }

    @Override
    public Candidacy stand(Runnable elected, Runnable deposed) {
        Candidate candidate = new Candidate(elected, deposed);
        candidate.attempt();
        candidate.schedule(retryMillis);
        return candidate;
    }

    private final class Candidate implements Candidacy {

        private final Runnable elected;
        private final Runnable deposed;
        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "leader-election"));
        private Connection connection;
        private boolean leading;
        private boolean closed;

        Candidate(Runnable elected, Runnable deposed) {
            this.elected = elected;
            this.deposed = deposed;
        }

        void schedule(long every) {
            thread.scheduleWithFixedDelay(this::attempt, every, every, TimeUnit.MILLISECONDS);
        }

        synchronized void attempt() {
            if (closed) {
                return;
            }
            try {
                if (leading) {
                    if (!connection.isValid(2)) {
                        log.warn("Lost the leader's database session; stepping down");
                        stepDown();
                    }
                    return;
                }
                if (connection == null || !connection.isValid(2)) {
                    closeConnection();
                    connection = DriverManager.getConnection(url, username, password);
                }
                try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        leading = true;
                        log.info("This node is now the leader (runs the SLA monitor)");
                        elected.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("Leader election attempt failed: {}", e.toString());
                if (leading) {
                    stepDown();
                }
                closeConnection();
            }
        }

        private void stepDown() {
            leading = false;
            try {
                deposed.run();
            } finally {
                closeConnection();
            }
        }

        private void closeConnection() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the session is gone either way, and with it the lock
                }
                connection = null;
            }
        }

        @Override
        public synchronized boolean leading() {
            return leading;
        }

        @Override
        public void close() {
            thread.shutdownNow();
            synchronized (this) {
                closed = true;
                if (leading) {
                    stepDown();
                } else {
                    closeConnection();
                }
            }
        }
    }
}
