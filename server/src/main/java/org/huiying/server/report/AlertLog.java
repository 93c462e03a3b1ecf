package org.huiying.server.report;

import java.time.Instant;
import java.util.List;
import org.huiying.server.storage.InLists;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which threshold alerts were raised ({@code report_alert}), so each is raised once: a key per condition.
 * A condition that can clear (CSAT back on target) is raised again only after it cleared.
 */
@Repository
class AlertLog {

    /** An alert as the monthly report lists it. */
    record Raised(String kind, String key, String escalationId, Instant raisedAt) {
    }

    private final JdbcClient jdbc;

    AlertLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims {@code key} for raising now: true if it was never raised or has cleared since, in which case
     * the caller raises it in this transaction. Concurrent claims (two nodes) end with one true.
     */
    boolean claim(String key, String kind, Instant at) {
        int reactivated = jdbc.sql("UPDATE report_alert SET active = TRUE, raised_at = ?, cleared_at = NULL WHERE alert_key = ? AND active = FALSE")
                .params(Timestamps.sql(at), key).update();
        if (reactivated == 1) {
            return true;
        }
        // ON CONFLICT rather than a caught duplicate key: on PostgreSQL a failed statement ends the transaction
        return jdbc.sql("INSERT INTO report_alert (alert_key, kind, active, raised_at) VALUES (?, ?, TRUE, ?) ON CONFLICT DO NOTHING")
                .params(key, kind, Timestamps.sql(at)).update() == 1;
    }

    void raisedAs(String key, String escalationId) {
        jdbc.sql("UPDATE report_alert SET escalation_id = ? WHERE alert_key = ?").params(escalationId, key).update();
    }

    /** The condition no longer holds: the next crossing raises it again. */
    void clear(String key, Instant at) {
        jdbc.sql("UPDATE report_alert SET active = FALSE, cleared_at = ? WHERE alert_key = ? AND active = TRUE")
                .params(Timestamps.sql(at), key).update();
    }

    boolean isActive(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM report_alert WHERE alert_key = ? AND active = TRUE").param(key)
                .query(Integer.class).single() > 0;
    }

    /** Of {@code keys}, those raised before (active or not). */
    List<String> known(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return InLists.inChunks(keys, chunk -> jdbc.sql("SELECT alert_key FROM report_alert WHERE alert_key IN (:keys)")
                .param("keys", chunk).query(String.class).list());
    }

    /** Raised in {@code [from, to)}, oldest first. */
    List<Raised> raisedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT kind, alert_key, escalation_id, raised_at FROM report_alert WHERE raised_at >= ? AND raised_at < ?
                        ORDER BY raised_at, alert_key""")
                .params(Timestamps.sql(from), Timestamps.sql(to))
                .query((rs, n) -> new Raised(rs.getString("kind"), rs.getString("alert_key"), rs.getString("escalation_id"),
                        Timestamps.read(rs, "raised_at")))
                .list();
    }
}
