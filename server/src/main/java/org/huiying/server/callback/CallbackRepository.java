package org.huiying.server.callback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CallbackRepository {

    private static final String COLUMNS = """
            id, ticket_id, reason, due_at, owner_id, status, attempts, outcome, note, follow_up_ticket_id, completed_at,
            dialled_at, dialled_by, dial_mode, reached_at, cause""";
    /** The ticket's own callbacks; an escalation's fix check names the escalation instead. */
    static final String NO_CAUSE = "";

    /** Open tasks due by a moment, per owner (null: nobody's yet). */
    record OwnerCount(Long ownerId, int due, int overdue) {
    }

    private final JdbcClient jdbc;

    CallbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One task per ticket and reason, however often a resolution is reported. */
    void insertOnce(String id, String ticketId, String reason, Instant dueAt, Long ownerId, Instant now) {
        insertOnce(id, ticketId, reason, NO_CAUSE, dueAt, ownerId, now);
    }

    /** One task per ticket, reason and cause (an escalation checks each of its tickets once). */
    void insertOnce(String id, String ticketId, String reason, String cause, Instant dueAt, Long ownerId, Instant now) {
        jdbc.sql("""
                INSERT INTO callback_task (id, ticket_id, reason, cause, due_at, owner_id, status, created_at)
                SELECT ?, ?, ?, ?, ?, ?, 'OPEN', ? WHERE NOT EXISTS
                (SELECT 1 FROM callback_task WHERE ticket_id = ? AND reason = ? AND cause = ?)""")
                .params(id, ticketId, reason, cause, Timestamps.sql(dueAt), ownerId, Timestamps.sql(now), ticketId, reason, cause)
                .update();
    }

    Optional<String> idFor(String ticketId, String reason) {
        return jdbc.sql("SELECT id FROM callback_task WHERE ticket_id = ? AND reason = ? AND cause = ?")
                .params(ticketId, reason, NO_CAUSE).query(String.class).optional();
    }

    Optional<CallbackTask> lock(String id, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM callback_task WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> map(rs, now)).optional();
    }

    Optional<CallbackTask> find(String id, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM callback_task WHERE id = ?").param(id)
                .query((rs, n) -> map(rs, now)).optional();
    }

    /**
     * Tasks by status: OPEN, DONE, OVERDUE (open and past due), DUE (open and due before {@code dueBefore}),
     * anything else all. {@code ownerId} null: everyone's; else that owner's, and with {@code andUnowned}
     * the open ones nobody owns yet too.
     */
    List<CallbackTask> list(String status, Long ownerId, boolean andUnowned, Instant now, Instant dueBefore) {
        String where = switch (status == null ? "" : status) {
            case "OPEN" -> " WHERE status = 'OPEN'";
            case "DONE" -> " WHERE status = 'DONE'";
            case "OVERDUE" -> " WHERE status = 'OPEN' AND due_at < ?";
            case "DUE" -> " WHERE status = 'OPEN' AND due_at < ?";
            default -> " WHERE 1 = 1";
        };
        List<Object> params = new ArrayList<>();
        if ("OVERDUE".equals(status)) {
            params.add(Timestamps.sql(now));
        } else if ("DUE".equals(status)) {
            params.add(Timestamps.sql(dueBefore));
        }
        if (ownerId != null) {
            where += andUnowned ? " AND (owner_id = ? OR (owner_id IS NULL AND status = 'OPEN'))" : " AND owner_id = ?";
            params.add(ownerId);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM callback_task" + where + " ORDER BY due_at, id LIMIT 1000")
                .params(params).query((rs, n) -> map(rs, now)).list();
    }

    /** Open tasks due before {@code dueBefore}, counted per owner, with how many of them are past {@code now}. */
    List<OwnerCount> countDue(Instant now, Instant dueBefore) {
        return jdbc.sql("""
                SELECT owner_id, COUNT(*) AS due, SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END) AS overdue
                FROM callback_task WHERE status = 'OPEN' AND due_at < ? GROUP BY owner_id""")
                .params(Timestamps.sql(now), Timestamps.sql(dueBefore))
                .query((rs, n) -> {
                    long owner = rs.getLong("owner_id");
                    return new OwnerCount(rs.wasNull() ? null : owner, rs.getInt("due"), rs.getInt("overdue"));
                }).list();
    }

    void retry(String id, Instant dueAt, int attempts, String note) {
        jdbc.sql("""
                UPDATE callback_task SET due_at = ?, attempts = ?, outcome = 'NO_ANSWER', note = ?,
                                         dialled_at = NULL, dialled_by = NULL, dial_mode = NULL, reached_at = NULL
                WHERE id = ?""")
                .params(Timestamps.sql(dueAt), attempts, note, id).update();
    }

    void complete(String id, String outcome, String note, int attempts, String followUp, Instant now) {
        jdbc.sql("UPDATE callback_task SET status = 'DONE', outcome = ?, note = ?, attempts = ?, follow_up_ticket_id = ?, completed_at = ? WHERE id = ?")
                .params(outcome, note, attempts, followUp, Timestamps.sql(now), id).update();
    }

    void setOwner(String id, long ownerId) {
        jdbc.sql("UPDATE callback_task SET owner_id = ? WHERE id = ?").params(ownerId, id).update();
    }

    /** The current attempt is being placed: by whom, how, since when. Null values undo a mark. */
    void dialled(String id, Instant at, Long by, String mode) {
        jdbc.sql("UPDATE callback_task SET dialled_at = ?, dialled_by = ?, dial_mode = ?, reached_at = NULL WHERE id = ?")
                .params(Timestamps.sql(at), by, mode, id).update();
    }

    /** The customer answered the voice call; the agent records what they said. */
    void reached(String id, Instant at, String note) {
        jdbc.sql("UPDATE callback_task SET reached_at = ?, note = ? WHERE id = ?").params(Timestamps.sql(at), note, id).update();
    }

    private static Long dialledBy(ResultSet rs) throws SQLException {
        long by = rs.getLong("dialled_by");
        return rs.wasNull() ? null : by;
    }

    private static CallbackTask map(ResultSet rs, Instant now) throws SQLException {
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        Instant due = Timestamps.read(rs, "due_at");
        String status = rs.getString("status");
        String cause = rs.getString("cause");
        return new CallbackTask(rs.getString("id"), rs.getString("ticket_id"), rs.getString("reason"), due, ownerId, status,
                rs.getInt("attempts"), rs.getString("outcome"), rs.getString("note"), rs.getString("follow_up_ticket_id"),
                Timestamps.read(rs, "completed_at"), status.equals("OPEN") && due.isBefore(now),
                Timestamps.read(rs, "dialled_at"), dialledBy(rs), rs.getString("dial_mode"), Timestamps.read(rs, "reached_at"),
                cause == null || cause.isEmpty() ? null : cause, null);
    }
}
