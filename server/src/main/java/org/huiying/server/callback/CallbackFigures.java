package org.huiying.server.callback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huiying.server.storage.InstantRanges;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.huiying.server.storage.ReportReads;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callbacks (回访) in numbers, per period they fell due in (only those due by now): how many were due,
 * how many reached the customer with a result (REACHED, FIXED, NOT_FIXED), and how many of those
 * confirmed the problem fixed.
 */
@Component
public class CallbackFigures {

    public record Row(int period, long due, long completed, long fixed) {
    }

    private final JdbcClient jdbc;
    private final ReportReads reads;

    CallbackFigures(JdbcClient jdbc, ReportReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    @Transactional(readOnly = true)
    public List<Row> rows(InstantRanges ranges, Instant now) {
        reads.prepare();
        List<Object> params = new ArrayList<>(ranges.params());
        params.add(Timestamps.sql(now));
        return jdbc.sql("""
                        SELECT p.idx, COUNT(*) AS due,
                          SUM(CASE WHEN c.status = 'DONE' AND c.outcome IN ('REACHED', 'FIXED', 'NOT_FIXED') THEN 1 ELSE 0 END) AS completed,
                          SUM(CASE WHEN c.status = 'DONE' AND c.outcome = 'FIXED' THEN 1 ELSE 0 END) AS fixed
                        FROM %s JOIN callback_task c ON c.due_at >= p.starts AND c.due_at < p.ends
                        WHERE c.due_at <= ? GROUP BY p.idx ORDER BY p.idx""".formatted(ranges.table("p")))
                .params(params)
                .query((rs, n) -> new Row(rs.getInt("idx"), rs.getLong("due"), rs.getLong("completed"), rs.getLong("fixed")))
                .list();
    }
}
