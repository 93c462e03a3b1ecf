package org.huiying.server.survey;

import java.time.Instant;
import java.util.List;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Satisfaction counted from answered surveys (a score of 4 or 5 is satisfied), overall or per group. */
@Repository
class CsatFigures {

    /** What the answers are grouped by; {@code ALL} is one overall group. */
    enum By {
        ALL("'all'"), AGENT("CAST(staff_id AS VARCHAR(20))"), CATEGORY("category"), MODEL("vehicle_model");

        private final String column;

        By(String column) {
            this.column = column;
        }
    }

    record Group(String key, long responses, long satisfied, double csat) {
    }

    private final JdbcClient jdbc;

    CsatFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers in {@code [start, end)} per value of {@code by}, largest group first. */
    List<Group> groups(By by, Instant start, Instant end) {
        String groupBy = by == By.ALL ? "" : " GROUP BY " + by.column + " ORDER BY n DESC";
        return jdbc.sql("SELECT " + by.column + " AS k, COUNT(*) AS n, COALESCE(SUM(CASE WHEN score >= 4 THEN 1 ELSE 0 END), 0) AS ok "
                        + "FROM survey WHERE score IS NOT NULL AND answered_at >= ? AND answered_at < ?" + groupBy)
                .params(Timestamps.sql(start), Timestamps.sql(end))
                .query((rs, i) -> {
                    long n = rs.getLong("n");
                    long ok = rs.getLong("ok");
                    return new Group(rs.getString("k"), n, ok, n == 0 ? 0 : Math.round(ok * 1000.0 / n) / 1000.0);
                })
                .list();
    }
}
