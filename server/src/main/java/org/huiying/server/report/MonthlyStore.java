package org.huiying.server.report;

import java.time.Instant;
import java.util.Optional;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kept monthly reports ({@code report_monthly}): written once per month, never changed. */
@Repository
class MonthlyStore {

    private final JdbcClient jdbc;

    MonthlyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> body(String month) {
        return jdbc.sql("SELECT body FROM report_monthly WHERE report_month = ?").param(month).query(String.class).optional();
    }

    boolean has(String month) {
        return jdbc.sql("SELECT COUNT(*) FROM report_monthly WHERE report_month = ?").param(month).query(Integer.class).single() > 0;
    }

    /** False when another node (or request) kept this month first; its report stands. */
    boolean keep(String month, Instant generatedAt, String body) {
        return jdbc.sql("INSERT INTO report_monthly (report_month, generated_at, body) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(month, Timestamps.sql(generatedAt), body).update() == 1;
    }
}
