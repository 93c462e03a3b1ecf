package org.huiying.server.ticket;

import static org.huiying.server.ticket.PausedTime.epoch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.huiying.server.storage.InstantRanges;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    ServiceFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per range of {@code ranges} (absent when no ticket opened in it). */
    public List<Row> rows(InstantRanges ranges, Duration window, Duration expertTarget) {
        String laterContact = """
                EXISTS (SELECT 1 FROM ticket n WHERE %s AND n.id <> t.id AND n.opened_at > t.opened_at
                        AND %s <= %s + ?)""";
        String back = epoch("n.opened_at");
        String resolvedAt = epoch("t.resolved_at");
        String sql = "WITH " + PausedTime.ctes("t.opened_at >= ? AND t.opened_at < ?") + """
                , d AS (
                  SELECT p.idx, t.type, t.resolved_at, %s AS fr_s, %s AS res_s,
                    CASE WHEN t.resolved_at IS NOT NULL AND NOT %s AND NOT %s AND NOT %s THEN 1 ELSE 0 END AS first_contact
                  FROM %s JOIN ticket t ON t.opened_at >= p.starts AND t.opened_at < p.ends
                  LEFT JOIN pauses ps ON ps.ticket_id = t.id
                )
                SELECT idx,
                  SUM(CASE WHEN type = 'COMPLAINT' THEN 1 ELSE 0 END) AS complaints,
                  SUM(CASE WHEN type = 'COMPLAINT' AND resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS complaints_resolved,
                  SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
                  COALESCE(SUM(res_s), 0) AS handling,
                  SUM(first_contact) AS first_contact,
                  SUM(CASE WHEN type = 'TECH_SUPPORT' AND fr_s IS NOT NULL THEN 1 ELSE 0 END) AS expert_answered,
                  SUM(CASE WHEN type = 'TECH_SUPPORT' AND fr_s <= ? THEN 1 ELSE 0 END) AS expert_within
                FROM d GROUP BY idx ORDER BY idx""".formatted(PausedTime.firstResponseSeconds(), PausedTime.resolutionSeconds(),
                laterContact.formatted("n.conversation_id = t.conversation_id", back, resolvedAt),
                laterContact.formatted("n.parent_id = t.id", back, resolvedAt),
                laterContact.formatted("n.rework_of = t.id", back, resolvedAt),
                ranges.table("p"));
        List<Object> params = new ArrayList<>();
        params.add(Timestamps.sql(ranges.start()));
        params.add(Timestamps.sql(ranges.end()));
        for (int i = 0; i < 3; i++) {
            params.add(window.toSeconds());
        }
        params.addAll(ranges.params());
        params.add(expertTarget.toSeconds());
        return jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getInt("idx"), rs.getLong("complaints"),
                rs.getLong("complaints_resolved"), rs.getLong("resolved"), rs.getDouble("handling"), rs.getLong("first_contact"),
                rs.getLong("expert_answered"), rs.getLong("expert_within"))).list();
    }
}
