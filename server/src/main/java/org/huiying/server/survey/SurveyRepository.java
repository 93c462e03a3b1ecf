package org.huiying.server.survey;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huiying.server.storage.InLists;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SurveyRepository {

    record Survey(String id, String ticketId, String conversationId, String status, Instant dueAt, boolean reasked) {
    }

    private static final String COLUMNS = "id, ticket_id, conversation_id, status, due_at, reasked";

    private final JdbcClient jdbc;

    SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most one survey per ticket: a second insert for the same ticket changes nothing. */
    boolean insertOnce(String id, String ticketId, String conversationId, Long staffId, String category, String model,
                       Instant dueAt, Instant now) {
        return jdbc.sql("""
                INSERT INTO survey (id, ticket_id, conversation_id, staff_id, category, vehicle_model, status, due_at, created_at)
                SELECT ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ? WHERE NOT EXISTS (SELECT 1 FROM survey WHERE ticket_id = ?)""")
                .params(id, ticketId, conversationId, staffId, category, model, Timestamps.sql(dueAt), Timestamps.sql(now), ticketId)
                .update() == 1;
    }

    List<Survey> scheduled() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM survey WHERE status = 'SCHEDULED'").query(SurveyRepository::map).list();
    }

    List<Survey> dueBy(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM survey WHERE status = 'SCHEDULED' AND due_at <= ?")
                .param(Timestamps.sql(now)).query(SurveyRepository::map).list();
    }

    /** Claims a due survey for sending; only one caller wins. */
    boolean markSent(String id, Instant now) {
        return jdbc.sql("UPDATE survey SET status = 'SENT', sent_at = ? WHERE id = ? AND status = 'SCHEDULED' AND due_at <= ?")
                .params(Timestamps.sql(now), id, Timestamps.sql(now)).update() == 1;
    }

    /** The survey awaiting an answer on this conversation (where it was sent or answered), locked until commit. */
    Optional<Survey> lockAwaitingAnswer(String conversationId) {
        // Almost every customer message asks and almost none answers a survey. H2 parses a FOR UPDATE
        // query anew each time (it never caches them), and an OR defeats the indexes: two cached index
        // probes first, the locking read only when a survey waits (it then re-checks under the lock).
        if (!awaitsAnswer(conversationId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM survey WHERE (conversation_id = ? OR answer_conversation_id = ?) AND status = 'SENT' ORDER BY sent_at DESC LIMIT 1 FOR UPDATE")
                .params(conversationId, conversationId).query(SurveyRepository::map).optional();
    }

    /** Which of these conversations a sent survey awaits an answer on (where it was sent or will be answered). */
    Set<String> awaitingAmong(Collection<String> conversationIds) {
        return new HashSet<>(InLists.inChunks(conversationIds, ids -> jdbc.sql("""
                SELECT conversation_id FROM survey WHERE conversation_id IN (:ids) AND status = 'SENT'
                UNION SELECT answer_conversation_id FROM survey WHERE answer_conversation_id IN (:ids) AND status = 'SENT'""")
                .param("ids", ids).query(String.class).list()));
    }

    private boolean awaitsAnswer(String conversationId) {
        // one round trip, each count still through its own index
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM survey WHERE conversation_id = ? AND status = 'SENT')
                     + (SELECT COUNT(*) FROM survey WHERE answer_conversation_id = ? AND status = 'SENT')""")
                .params(conversationId, conversationId).query(Long.class).single() > 0;
    }

    /** The survey was sent on another conversation (a caller's SMS), where its answer will come. */
    void answerExpectedOn(String id, String conversationId) {
        jdbc.sql("UPDATE survey SET answer_conversation_id = ? WHERE id = ?").params(conversationId, id).update();
    }

    void markReasked(String id) {
        jdbc.sql("UPDATE survey SET reasked = TRUE WHERE id = ?").param(id).update();
    }

    void answer(String id, Integer score, String comment, String followUpTicketId, Instant now) {
        jdbc.sql("UPDATE survey SET status = 'ANSWERED', score = ?, comment = ?, follow_up_ticket_id = ?, answered_at = ? WHERE id = ?")
                .params(score, comment, followUpTicketId, Timestamps.sql(now), id).update();
    }

    private static Survey map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Survey(rs.getString("id"), rs.getString("ticket_id"), rs.getString("conversation_id"), rs.getString("status"),
                Timestamps.read(rs, "due_at"), rs.getBoolean("reasked"));
    }
}
