package org.huiying.server.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.huiying.routing.TicketType;
import org.huiying.server.storage.InstantRanges;
import org.huiying.server.storage.ReportReads;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How tickets kept their SLA promises, per period they opened in and per type, counted from the
 * stored clocks: every ticket is judged against its own recorded deadlines (set at opening from the
 * policy then in force, moved only by pauses), so a deadline that fell while the server was down
 * counts exactly like one the monitor saw pass. A target is judged once it has come due: met or
 * missed by the answer, or passed unanswered (a paused clock is read where it stopped).
 */
@Component
public class SlaFigures {

    /**
     * One period (its index in the ranges) and type (null: all types together). Durations are seconds
     * with pauses taken out, percentiles interpolated between neighbours (PERCENTILE_CONT); null when
     * no ticket of the row has the instant.
     */
    public record Row(int period, TicketType type, long opened, long firstResponseJudged, long firstResponseMet,
                      long resolutionJudged, long resolutionMet, Double medianFirstResponseSeconds,
                      Double p90FirstResponseSeconds, Double medianResolutionSeconds, Double p90ResolutionSeconds,
                      long breaches, long openOverTarget) {
    }

    private final JdbcClient jdbc;
    private final ReportReads reads;

    SlaFigures(JdbcClient jdbc, ReportReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /**
     * Rows for tickets opened in {@code ranges}, of {@code type} (null: every type, plus an all-types row
     * per period), judged at {@code now}; by period, then type (all types last).
     */
    @Transactional(readOnly = true)
    public List<Row> rows(InstantRanges ranges, TicketType type, Instant now) {
        reads.prepare();
        List<Row> rows = new ArrayList<>(rows(ranges, type, now, true));
        if (type == null) {
            // an aggregate of its own, not a second pass over a materialised set: a year of tickets is a million rows
            rows.addAll(rows(ranges, null, now, false));
        }
        rows.sort(Comparator.comparingInt(Row::period).thenComparing(r -> r.type() == null ? "~" : r.type().name()));
        return rows;
    }

    private List<Row> rows(InstantRanges ranges, TicketType type, Instant now, boolean byType) {
        String typeFilter = type == null ? "" : " AND t.type = ?";
        String fr = PausedTime.firstResponseSeconds();
        String res = PausedTime.resolutionSeconds();
        String sql = "WITH " + PausedTime.ctes("t.opened_at >= ? AND t.opened_at < ?" + typeFilter) + """
                SELECT p.idx, %s AS type, COUNT(*) AS opened,
                  SUM(CASE WHEN t.first_responded_at IS NOT NULL OR t.first_response_due <= COALESCE(t.sla_paused_at, ?) THEN 1 ELSE 0 END) AS fr_judged,
                  SUM(CASE WHEN t.first_responded_at <= t.first_response_due THEN 1 ELSE 0 END) AS fr_met,
                  SUM(CASE WHEN t.resolved_at IS NOT NULL OR t.resolution_due <= COALESCE(t.sla_paused_at, ?) THEN 1 ELSE 0 END) AS res_judged,
                  SUM(CASE WHEN t.resolved_at <= t.resolution_due THEN 1 ELSE 0 END) AS res_met,
                  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %s) AS fr_median,
                  PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %s) AS fr_p90,
                  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %s) AS res_median,
                  PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %s) AS res_p90,
                  SUM(CASE WHEN t.first_responded_at > t.first_response_due OR t.resolved_at > t.resolution_due
                    OR t.first_responded_at IS NULL AND t.first_response_due <= COALESCE(t.sla_paused_at, ?)
                    OR t.resolved_at IS NULL AND t.resolution_due <= COALESCE(t.sla_paused_at, ?) THEN 1 ELSE 0 END) AS breaches,
                  SUM(CASE WHEN t.resolved_at IS NULL AND (t.resolution_due <= COALESCE(t.sla_paused_at, ?)
                    OR t.first_responded_at IS NULL AND t.first_response_due <= COALESCE(t.sla_paused_at, ?)) THEN 1 ELSE 0 END) AS over_target
                FROM %s JOIN ticket t ON t.opened_at >= p.starts AND t.opened_at < p.ends%s
                LEFT JOIN pauses ps ON ps.ticket_id = t.id
                GROUP BY p.idx%s""".formatted(byType ? "t.type" : "NULL", fr, fr, res, res, ranges.table("p"), typeFilter,
                byType ? ", t.type" : "");
        List<Object> params = new ArrayList<>();
        params.add(Timestamps.sql(ranges.start()));
        params.add(Timestamps.sql(ranges.start()));
        params.add(Timestamps.sql(ranges.end()));
        if (type != null) {
            params.add(type.name());
        }
        for (int i = 0; i < 6; i++) {
            params.add(Timestamps.sql(now));
        }
        params.addAll(ranges.params());
        if (type != null) {
            params.add(type.name());
        }
        return jdbc.sql(sql).params(params).query(SlaFigures::map).list();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        String type = rs.getString("type");
        return new Row(rs.getInt("idx"), type == null ? null : TicketType.valueOf(type), rs.getLong("opened"),
                rs.getLong("fr_judged"), rs.getLong("fr_met"), rs.getLong("res_judged"), rs.getLong("res_met"),
                number(rs, "fr_median"), number(rs, "fr_p90"), number(rs, "res_median"), number(rs, "res_p90"),
                rs.getLong("breaches"), rs.getLong("over_target"));
    }

    static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
