package org.huiying.server.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huiying.routing.TicketType;
import org.huiying.server.storage.InstantRanges;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    SlaFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows for tickets opened in {@code ranges}, of {@code type} (null: every type, plus an all-types row per period), judged at {@code now}. */
    public List<Row> rows(InstantRanges ranges, TicketType type, Instant now) {
        String typeFilter = type == null ? "" : " AND t.type = ?";
        String sql = "WITH " + PausedTime.ctes("t.opened_at >= ? AND t.opened_at < ?" + typeFilter) + """
                , d AS (
                  SELECT p.idx, t.type,
                    %s AS fr_s, %s AS res_s,
                    CASE WHEN t.first_responded_at IS NOT NULL OR t.first_response_due <= COALESCE(t.sla_paused_at, ?) THEN 1 ELSE 0 END AS fr_judged,
                    CASE WHEN t.first_responded_at <= t.first_response_due THEN 1 ELSE 0 END AS fr_met,
                    CASE WHEN t.resolved_at IS NOT NULL OR t.resolution_due <= COALESCE(t.sla_paused_at, ?) THEN 1 ELSE 0 END AS res_judged,
                    CASE WHEN t.resolved_at <= t.resolution_due THEN 1 ELSE 0 END AS res_met,
                    CASE WHEN t.resolved_at IS NULL AND (t.resolution_due <= COALESCE(t.sla_paused_at, ?)
                      OR t.first_responded_at IS NULL AND t.first_response_due <= COALESCE(t.sla_paused_at, ?)) THEN 1 ELSE 0 END AS over_target
                  FROM %s JOIN ticket t ON t.opened_at >= p.starts AND t.opened_at < p.ends%s
                  LEFT JOIN pauses ps ON ps.ticket_id = t.id
                )
                """.formatted(PausedTime.firstResponseSeconds(), PausedTime.resolutionSeconds(), ranges.table("p"), typeFilter)
                + select("type") + " GROUP BY idx, type"
                + (type == null ? " UNION ALL " + select("NULL") + " GROUP BY idx" : "")
                + " ORDER BY 1, 2";
        List<Object> params = new ArrayList<>();
        params.add(Timestamps.sql(ranges.start()));
        params.add(Timestamps.sql(ranges.end()));
        if (type != null) {
            params.add(type.name());
        }
        for (int i = 0; i < 4; i++) {
            params.add(Timestamps.sql(now));
        }
        params.addAll(ranges.params());
        if (type != null) {
            params.add(type.name());
        }
        return jdbc.sql(sql).params(params).query(SlaFigures::map).list();
    }

    private static String select(String type) {
        return """
                SELECT idx, %s AS type, COUNT(*) AS opened,
                  SUM(fr_judged) AS fr_judged, SUM(fr_judged * fr_met) AS fr_met,
                  SUM(res_judged) AS res_judged, SUM(res_judged * res_met) AS res_met,
                  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY fr_s) AS fr_median,
                  PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY fr_s) AS fr_p90,
                  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY res_s) AS res_median,
                  PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY res_s) AS res_p90,
                  SUM(CASE WHEN fr_judged = 1 AND fr_met = 0 OR res_judged = 1 AND res_met = 0 THEN 1 ELSE 0 END) AS breaches,
                  SUM(over_target) AS over_target
                FROM d""".formatted(type);
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
