package org.huiying.server.survey;

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
 * Satisfaction in numbers, for reports and alerts: per period, surveys sent and how many of them were
 * answered (the response rate), and answers given with how many were satisfied (a score of 4 or 5:
 * CSAT); and the target CSAT is judged against ({@code huiying.survey.target}).
 */
@Component
public class SurveyFigures {

    /** {@code sent}: surveys sent in the period; {@code sentAnswered}: of those, answered (at any time); {@code responses}, {@code satisfied}: answers given in the period. */
    public record Row(int period, long sent, long sentAnswered, long responses, long satisfied) {
    }

    /** Answers in a window, with the tickets of the dissatisfied ones (score 1–3), oldest first. */
    public record Window(long responses, long satisfied, List<String> dissatisfiedTickets) {
    }

    private final JdbcClient jdbc;
    private final ReportReads reads;
    private final SurveyProperties properties;

    SurveyFigures(JdbcClient jdbc, SurveyProperties properties, ReportReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.properties = properties;
    }

    /** The CSAT the centre aims for, 0–1. */
    public double target() {
        return properties.target();
    }

    /** One row per range that has any of the four counts. */
    @Transactional(readOnly = true)
    public List<Row> rows(InstantRanges ranges) {
        reads.prepare();
        long[][] counts = new long[ranges.size()][4];
        jdbc.sql("SELECT p.idx, COUNT(*) AS n, SUM(CASE WHEN s.score IS NOT NULL THEN 1 ELSE 0 END) AS answered FROM "
                        + ranges.table("p") + " JOIN survey s ON s.sent_at >= p.starts AND s.sent_at < p.ends GROUP BY p.idx")
                .params(ranges.params())
                .query(rs -> {
                    counts[rs.getInt("idx")][0] = rs.getLong("n");
                    counts[rs.getInt("idx")][1] = rs.getLong("answered");
                });
        jdbc.sql("SELECT p.idx, COUNT(*) AS n, SUM(CASE WHEN s.score >= 4 THEN 1 ELSE 0 END) AS ok FROM " + ranges.table("p")
                        + " JOIN survey s ON s.answered_at >= p.starts AND s.answered_at < p.ends WHERE s.score IS NOT NULL GROUP BY p.idx")
                .params(ranges.params())
                .query(rs -> {
                    counts[rs.getInt("idx")][2] = rs.getLong("n");
                    counts[rs.getInt("idx")][3] = rs.getLong("ok");
                });
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            long[] c = counts[i];
            if (c[0] + c[2] > 0) {
                rows.add(new Row(i, c[0], c[1], c[2], c[3]));
            }
        }
        return rows;
    }

    /** Answers given after {@code from} up to and including {@code to} (now); at most {@code limit} dissatisfied tickets listed. */
    public Window window(Instant from, Instant to, int limit) {
        long[] counts = jdbc.sql("""
                        SELECT COUNT(*) AS n, SUM(CASE WHEN score >= 4 THEN 1 ELSE 0 END) AS ok FROM survey
                        WHERE score IS NOT NULL AND answered_at > ? AND answered_at <= ?""")
                .params(Timestamps.sql(from), Timestamps.sql(to))
                .query((rs, n) -> new long[] {rs.getLong("n"), rs.getLong("ok")}).single();
        List<String> dissatisfied = jdbc.sql("""
                        SELECT ticket_id FROM survey WHERE score <= 3 AND answered_at > ? AND answered_at <= ?
                        ORDER BY answered_at, id LIMIT ?""")
                .params(Timestamps.sql(from), Timestamps.sql(to), limit).query(String.class).list();
        return new Window(counts[0], counts[1], dissatisfied);
    }
}
