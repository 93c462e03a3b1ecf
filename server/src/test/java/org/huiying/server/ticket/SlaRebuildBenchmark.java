package org.huiying.server.ticket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.huiying.routing.sla.SlaMonitor;
import org.huiying.server.concurrent.TimingWheel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time to rebuild the SLA timers of N unresolved tickets from the database at start-up (goal:
 * 1M in ≤ 30 s), with the real store and the real timing wheel. Argument: {@code h2} (default,
 * a file database like the embedded default) or {@code postgres} (127.0.0.1:5432/test), then N.
 */
public final class SlaRebuildBenchmark {

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        DataSource ds;
        String schema = "bench_" + System.nanoTime();
        if (db.equals("postgres")) {
            ds = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema, "postgres", "");
            Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true).load().migrate();
        } else {
            Path dir = Files.createTempDirectory("huiying-bench");
            ds = new DriverManagerDataSource("jdbc:h2:file:" + dir + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
            Flyway.configure().dataSource(ds).load().migrate();
        }
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO customer (id, created_at) VALUES (1, ?)", now);
        jdbc.update("INSERT INTO conversation (id, customer_id, channel, created_at) VALUES ('cv', 1, 'chat', ?)", now);
        long t0 = System.nanoTime();
        Instant opened = Instant.now();
        int batch = 5_000;
        for (int start = 0; start < n; start += batch) {
            List<Object[]> rows = new ArrayList<>(batch);
            for (int i = start; i < Math.min(n, start + batch); i++) {
                Instant o = opened.plusMillis(i);
                rows.add(new Object[] {"tk" + i, ts(o), ts(o.plus(Duration.ofMinutes(90))), ts(o.plus(Duration.ofHours(2))),
                        ts(o.plus(Duration.ofHours(36))), ts(o.plus(Duration.ofHours(48))), ts(o)});
            }
            jdbc.batchUpdate("""
                    INSERT INTO ticket (id, conversation_id, type, skills, priority, status, queue, opened_at,
                    first_response_warn_at, first_response_due, resolution_warn_at, resolution_due, updated_at)
                    VALUES (?, 'cv', 'COMPLAINT', '', 2, 'OPEN', 'complaint', ?, ?, ?, ?, ?, ?)""", rows);
        }
        System.out.printf("%s: inserted %,d tickets in %d s%n", db, n, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));

        TicketSlaClocks store = new TicketSlaClocks(ds, new TransactionTemplate(new DataSourceTransactionManager(ds)));
        try (TimingWheel wheel = new TimingWheel()) {
            SlaMonitor monitor = new SlaMonitor(Clock.systemUTC(), store, (id, d, at) -> { }, wheel, Runnable::run);
            long start = System.nanoTime();
            monitor.start();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("%s: rebuilt timers for %,d tickets in %,d ms (%,.0f tickets/s); wheel holds %,d timers%n",
                    db, monitor.tracked(), ms, monitor.tracked() / (ms / 1000.0), wheel.pending());
        }
        if (db.equals("postgres")) {
            jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
