package org.huiying.server.survey;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.huiying.server.storage.InLists;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The survey answers of given tickets, as a customer's history shows them. */
@Component
public class SurveyHistory {

    /** A ticket's survey: its status and, once answered, the score (1–5). */
    public record PastSurvey(String ticketId, String status, Integer score, Instant answeredAt) {
    }

    private final JdbcClient jdbc;

    SurveyHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PastSurvey> ofTickets(Collection<String> ticketIds) {
        return InLists.inChunks(ticketIds, chunk -> jdbc.sql(
                        "SELECT ticket_id, status, score, answered_at FROM survey WHERE ticket_id IN (:ids)")
                .param("ids", chunk)
                .query((rs, n) -> {
                    int score = rs.getInt("score");
                    return new PastSurvey(rs.getString("ticket_id"), rs.getString("status"), rs.wasNull() ? null : score,
                            Timestamps.read(rs, "answered_at"));
                })
                .list());
    }
}
