package org.huiying.server.ticket;

import static org.huiying.server.ticket.PausedTime.epoch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huiying.server.storage.InstantRanges;
import org.huiying.server.storage.ReportReads;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service manager's ticket counts per period the tickets opened in: complaints closed, handling
 * time, first-contact resolution and the experts' answers. Counts and sums, so periods add up to
 * their total exactly; the rates are the caller's division.
 */
@Component
public class ServiceFigures {

    /**
     * {@code handlingSeconds}: the sum over {@code resolved} tickets of opening to resolution, pauses
     * excluded. {@code firstContactResolved}: resolved tickets the customer did not come back about —
     * no later ticket on the same conversation, no follow-up and no repeat visit opened before
     * {@code window} after the resolution. {@code expertAnswered}: TECH_SUPPORT tickets answered;
     * {@code expertWithinTarget}: of them, answered within the target (pauses excluded).
     */
    public record Row(int period, long complaintsOpened, long complaintsResolved, long resolved, double handlingSeconds,
                      long firstContactResolved, long expertAnswered, long expertWithinTarget) {
    }

    private final JdbcClient jdbc;
    private final ReportReads reads;

    ServiceFigures(JdbcClient jdbc, ReportReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /**
     * One row per range of {@code ranges} (absent when no ticket opened in it). Whether a customer came
     * back is read from the next ticket on the conversation (by opening) and the earliest follow-up and
     * repeat visit of each ticket, among those opened since the ranges start (up to {@code now}: a ticket
     * may be resolved, and come back to, long after its period): one pass each, instead of a look-up
     * per ticket.
     */
    @Transactional(readOnly = true)
    public List<Row> rows(InstantRanges ranges, Duration window, Duration expertTarget, Instant now) {
        reads.prepare();
        String came = "(%s IS NOT NULL AND " + epoch("%s") + " <= " + epoch("t.resolved_at") + " + ?)";
        String sql = "WITH " + PausedTime.ctes("t.opened_at >= ? AND t.opened_at < ?") + """
                , later AS (
                  SELECT id, LEAD(opened_at) OVER (PARTITION BY conversation_id ORDER BY opened_at, id) AS next_opened
                  FROM ticket WHERE opened_at >= ? AND opened_at < ?
                ), followed AS (
                  SELECT parent_id AS ticket_id, MIN(opened_at) AS opened FROM ticket
                  WHERE parent_id IS NOT NULL AND opened_at >= ? AND opened_at < ? GROUP BY parent_id
                ), reworked AS (
                  SELECT rework_of AS ticket_id, MIN(opened_at) AS opened FROM ticket
                  WHERE rework_of IS NOT NULL AND opened_at >= ? AND opened_at < ? GROUP BY rework_of
                )
                SELECT p.idx,
                  SUM(CASE WHEN t.type = 'COMPLAINT' THEN 1 ELSE 0 END) AS complaints,
                  SUM(CASE WHEN t.type = 'COMPLAINT' AND t.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS complaints_resolved,
                  SUM(CASE WHEN t.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
                  COALESCE(SUM(%s), 0) AS handling,
                  SUM(CASE WHEN t.resolved_at IS NOT NULL AND NOT %s AND NOT %s AND NOT %s THEN 1 ELSE 0 END) AS first_contact,
                  SUM(CASE WHEN t.type = 'TECH_SUPPORT' AND t.first_responded_at IS NOT NULL THEN 1 ELSE 0 END) AS expert_answered,
                  SUM(CASE WHEN t.type = 'TECH_SUPPORT' AND %s <= ? THEN 1 ELSE 0 END) AS expert_within
                FROM %s JOIN ticket t ON t.opened_at >= p.starts AND t.opened_at < p.ends
                LEFT JOIN pauses ps ON ps.ticket_id = t.id
                LEFT JOIN later l ON l.id = t.id
                LEFT JOIN followed f ON f.ticket_id = t.id
                LEFT JOIN reworked r ON r.ticket_id = t.id
                GROUP BY p.idx ORDER BY p.idx""".formatted(PausedTime.resolutionSeconds(),
                came.formatted("l.next_opened", "l.next_opened"), came.formatted("f.opened", "f.opened"),
                came.formatted("r.opened", "r.opened"), PausedTime.firstResponseSeconds(), ranges.table("p"));
        List<Object> params = new ArrayList<>();
        params.add(Timestamps.sql(ranges.start()));
        params.add(Timestamps.sql(ranges.start()));
        params.add(Timestamps.sql(ranges.end()));
        Instant upToNow = now.plusNanos(1_000); // opened before the next microsecond: now included
        for (int i = 0; i < 3; i++) {
            params.add(Timestamps.sql(ranges.start()));
            params.add(Timestamps.sql(upToNow));
        }
        for (int i = 0; i < 3; i++) {
            params.add(window.toSeconds());
        }
        params.add(expertTarget.toSeconds());
        params.addAll(ranges.params());
        return jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getInt("idx"), rs.getLong("complaints"),
                rs.getLong("complaints_resolved"), rs.getLong("resolved"), rs.getDouble("handling"), rs.getLong("first_contact"),
                rs.getLong("expert_answered"), rs.getLong("expert_within"))).list();
    }
}
