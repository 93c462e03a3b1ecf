package org.huiying.server.ticket;

import java.time.Instant;
import java.util.List;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which knowledge-base suggestions agents used on which tickets: once per ticket and article. */
@Repository
class SuggestionUses {

    record Usage(String articleId, long tickets) {
    }

    private final JdbcClient jdbc;

    SuggestionUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the use unless this article was already recorded for this ticket. */
    void record(String ticketId, String articleId, long staffId, Instant at) {
        jdbc.sql("""
                INSERT INTO kb_suggestion_use (ticket_id, article_id, staff_id, used_at)
                SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM kb_suggestion_use WHERE ticket_id = ? AND article_id = ?)""")
                .params(ticketId, articleId, staffId, Timestamps.sql(at), ticketId, articleId).update();
    }

    /** The 100 most used articles, by the number of tickets they were used on. */
    List<Usage> mostUsed() {
        return jdbc.sql("SELECT article_id, COUNT(*) AS n FROM kb_suggestion_use GROUP BY article_id ORDER BY n DESC, article_id LIMIT 100")
                .query((rs, i) -> new Usage(rs.getString("article_id"), rs.getLong("n"))).list();
    }
}
