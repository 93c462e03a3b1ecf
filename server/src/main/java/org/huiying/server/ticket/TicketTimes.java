package org.huiying.server.ticket;

import static org.huiying.server.ticket.PausedTime.epoch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.huiying.routing.TicketType;
import org.huiying.server.storage.InstantRanges;
import org.huiying.server.storage.ReportReads;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reports count of each ticket, read from its stored clock: how long it took to answer and to
 * resolve (milliseconds, the clock's pauses taken out: from each PAUSED line to the next RESUMED, or to
 * the resolution; a second PAUSED while paused starts nothing, as the clock ignores it), whether each
 * target has come due and was met, and whether the customer came back. Every ticket is judged against
 * its own recorded deadlines (set at opening from the policy then in force, moved only by pauses), so a
 * deadline that fell while the server was down counts exactly like one the monitor saw pass.
 */
@Component
public class TicketTimes {

    /**
     * One ticket opened in range {@code period}. {@code firstResponseMillis}, {@code resolutionMillis}: -1 until
     * answered, resolved. A target is judged once it has come due: answered (met when at or before its
     * deadline) or passed unanswered (a paused clock is read where it stopped). {@code overTarget}: unresolved
     * and past a deadline. {@code firstContact}: resolved, and no later ticket on its conversation, no
     * follow-up and no repeat visit opened within the window after the resolution. {@code settled}: none of
     * this can change any more (resolved, both deadlines and the window behind it or the customer back).
     */
    public record Times(int period, TicketType type, long firstResponseMillis, long resolutionMillis, boolean firstResponseJudged,
                        boolean firstResponseMet, boolean resolutionJudged, boolean resolutionMet, boolean overTarget,
                        boolean firstContact, boolean settled) {

        public boolean breached() {
            return firstResponseJudged && !firstResponseMet || resolutionJudged && !resolutionMet;
        }
    }

    private final JdbcTemplate streaming;
    private final ReportReads reads;

    TicketTimes(DataSource dataSource, ReportReads reads) {
        // a year of tickets is a million rows: fetched in pages (PostgreSQL pages only inside a transaction)
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(5_000);
        this.reads = reads;
    }

    /**
     * Each ticket opened in one of {@code ranges}, judged at {@code now}, the customer's coming back looked
     * for within {@code window} of each resolution: from the next ticket on the conversation (by opening) and
     * the earliest follow-up and repeat visit, among the tickets opened since the ranges start — one pass
     * each, not a look-up per ticket.
     */
    @Transactional(readOnly = true)
    public void forEach(InstantRanges ranges, Instant now, Duration window, Consumer<Times> sink) {
        reads.prepare();
        String came = "(%1$s IS NOT NULL AND " + epoch("%1$s") + " <= " + epoch("t.resolved_at") + " + ?)";
        String clock = "COALESCE(t.sla_paused_at, ?)";
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
                SELECT p.idx, t.type,
                  CAST(ROUND((%2$s) * 1000) AS BIGINT) AS fr_ms, CAST(ROUND((%3$s) * 1000) AS BIGINT) AS res_ms,
                  CASE WHEN t.first_responded_at IS NOT NULL OR t.first_response_due <= %4$s THEN 1 ELSE 0 END AS fr_judged,
                  CASE WHEN t.first_responded_at <= t.first_response_due THEN 1 ELSE 0 END AS fr_met,
                  CASE WHEN t.resolved_at IS NOT NULL OR t.resolution_due <= %4$s THEN 1 ELSE 0 END AS res_judged,
                  CASE WHEN t.resolved_at <= t.resolution_due THEN 1 ELSE 0 END AS res_met,
                  CASE WHEN t.resolved_at IS NULL AND (t.resolution_due <= %4$s
                    OR t.first_responded_at IS NULL AND t.first_response_due <= %4$s) THEN 1 ELSE 0 END AS over_target,
                  CASE WHEN %5$s OR %6$s OR %7$s THEN 1 ELSE 0 END AS came_back,
                  CASE WHEN %8$s <= %9$s THEN 1 ELSE 0 END AS window_behind
                FROM %1$s JOIN ticket t ON t.opened_at >= p.starts AND t.opened_at < p.ends
                LEFT JOIN pauses ps ON ps.ticket_id = t.id
                LEFT JOIN later l ON l.id = t.id
                LEFT JOIN followed f ON f.ticket_id = t.id
                LEFT JOIN reworked r ON r.ticket_id = t.id""".formatted(ranges.table("p"), PausedTime.firstResponseSeconds(),
                PausedTime.resolutionSeconds(), clock, came.formatted("l.next_opened"), came.formatted("f.opened"),
                came.formatted("r.opened"), epoch("t.resolved_at") + " + ?", epoch("CAST(? AS TIMESTAMP WITH TIME ZONE)"));
        Instant upToNow = now.plusNanos(1_000); // opened before the next microsecond: now included
        List<Object> params = new ArrayList<>();
        params.add(Timestamps.sql(ranges.start()));
        params.add(Timestamps.sql(ranges.start()));
        params.add(Timestamps.sql(ranges.end()));
        for (int i = 0; i < 3; i++) {
            params.add(Timestamps.sql(ranges.start()));
            params.add(Timestamps.sql(upToNow));
        }
        for (int i = 0; i < 4; i++) {
            params.add(Timestamps.sql(now));
        }
        for (int i = 0; i < 4; i++) {
            params.add(window.toSeconds());
        }
        params.add(Timestamps.sql(now));
        params.addAll(ranges.params());
        streaming.query(sql, (RowCallbackHandler) rs -> sink.accept(map(rs)), params.toArray());
    }

    private static Times map(ResultSet rs) throws SQLException {
        long fr = rs.getLong("fr_ms");
        boolean answered = !rs.wasNull();
        long res = rs.getLong("res_ms");
        boolean resolved = !rs.wasNull();
        boolean back = rs.getInt("came_back") == 1;
        boolean frJudged = rs.getInt("fr_judged") == 1;
        // resolved, the first response judged (answered, or its deadline behind: it stays missed), and first
        // contact decided (the customer came back, which stays so, or the window is over)
        boolean settled = resolved && frJudged && (back || rs.getInt("window_behind") == 1);
        return new Times(rs.getInt("idx"), TicketType.valueOf(rs.getString("type")), answered ? fr : -1, resolved ? res : -1,
                frJudged, rs.getInt("fr_met") == 1, rs.getInt("res_judged") == 1, rs.getInt("res_met") == 1,
                rs.getInt("over_target") == 1, resolved && !back, settled);
    }
}
