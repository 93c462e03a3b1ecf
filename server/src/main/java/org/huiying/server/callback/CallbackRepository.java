package org.huiying.server.callback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CallbackRepository {

    private static final String COLUMNS = "id, ticket_id, reason, due_at, owner_id, status, attempts, outcome, note, follow_up_ticket_id, completed_at";

    private final JdbcClient jdbc;

    CallbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One task per ticket and reason, however often a resolution is reported. */
    void insertOnce(String id, String ticketId, String reason, Instant dueAt, Long ownerId, Instant now) {
        jdbc.sql("""
                INSERT INTO callback_task (id, ticket_id, reason, due_at, owner_id, status, created_at)
                SELECT ?, ?, ?, ?, ?, 'OPEN', ? WHERE NOT EXISTS (SELECT 1 FROM callback_task WHERE ticket_id = ? AND reason = ?)""")
                .params(id, ticketId, reason, Timestamps.sql(dueAt), ownerId, Timestamps.sql(now), ticketId, reason).update();
    }

    Optional<String> idFor(String ticketId, String reason) {
        return jdbc.sql("SELECT id FROM callback_task WHERE ticket_id = ? AND reason = ?").params(ticketId, reason)
                .query(String.class).optional();
    }

    Optional<CallbackTask> lock(String id, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM callback_task WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> map(rs, now)).optional();
    }

    List<CallbackTask> list(String status, Long ownerId, Instant now) {
        String where = switch (status == null ? "" : status) {
            case "OPEN" -> " WHERE status = 'OPEN'";
            case "DONE" -> " WHERE status = 'DONE'";
            case "OVERDUE" -> " WHERE status = 'OPEN' AND due_at < ?";
            default -> " WHERE 1 = 1";
        };
        var params = new java.util.ArrayList<Object>();
        if ("OVERDUE".equals(status)) {
            params.add(Timestamps.sql(now));
        }
        if (ownerId != null) {
            where += " AND owner_id = ?";
            params.add(ownerId);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM callback_task" + where + " ORDER BY due_at LIMIT 1000")
                .params(params).query((rs, n) -> map(rs, now)).list();
    }

    void retry(String id, Instant dueAt, int attempts, String note) {
        jdbc.sql("UPDATE callback_task SET due_at = ?, attempts = ?, outcome = 'NO_ANSWER', note = ? WHERE id = ?")
                .params(Timestamps.sql(dueAt), attempts, note, id).update();
    }

    void complete(String id, String outcome, String note, int attempts, String followUp, Instant now) {
        jdbc.sql("UPDATE callback_task SET status = 'DONE', outcome = ?, note = ?, attempts = ?, follow_up_ticket_id = ?, completed_at = ? WHERE id = ?")
                .params(outcome, note, attempts, followUp, Timestamps.sql(now), id).update();
    }

    private static CallbackTask map(ResultSet rs, Instant now) throws SQLException {
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        Instant due = Timestamps.read(rs, "due_at");
        String status = rs.getString("status");
        return new CallbackTask(rs.getString("id"), rs.getString("ticket_id"), rs.getString("reason"), due, ownerId, status,
                rs.getInt("attempts"), rs.getString("outcome"), rs.getString("note"), rs.getString("follow_up_ticket_id"),
                Timestamps.read(rs, "completed_at"), status.equals("OPEN") && due.isBefore(now));
    }
}
