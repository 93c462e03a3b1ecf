package org.huiying.server.ticket;

import java.time.Instant;
import java.util.List;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the append-only {@code sla_event} log: crossings for the supervisors' board, one ticket's history. */
@Repository
class SlaLog {

    /** Crossing as listed: {@code state} WARNING or BREACHED, with the ticket's current status and assignee. */
    record Crossing(String id, String state, String metric, Instant dueAt, Instant recordedAt, String type,
                    String status, Long assignee) {
    }

    /** One line of a ticket's SLA history. */
    record LogEntry(String kind, String metric, Instant dueAt, Instant at) {
    }

    private final JdbcClient jdbc;

    SlaLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Warnings and breaches recorded since {@code from}, newest first, at most 1,000. */
    List<Crossing> crossingsSince(Instant from) {
        return jdbc.sql("""
                SELECT e.ticket_id, e.kind, e.metric, e.due_at, e.recorded_at, t.type, t.status, t.assignee_id
                FROM sla_event e JOIN ticket t ON t.id = e.ticket_id
                WHERE e.kind IN ('WARNING', 'BREACH') AND e.recorded_at >= ?
                ORDER BY e.recorded_at DESC, e.id DESC LIMIT 1000""")
                .param(Timestamps.sql(from))
                .query((rs, n) -> {
                    long assignee = rs.getLong("assignee_id");
                    return new Crossing(rs.getString("ticket_id"), rs.getString("kind").equals("WARNING") ? "WARNING" : "BREACHED",
                            rs.getString("metric"), Timestamps.read(rs, "due_at"), Timestamps.read(rs, "recorded_at"),
                            rs.getString("type"), rs.getString("status"), rs.wasNull() ? null : assignee);
                })
                .list();
    }

    /** A ticket's SLA history, oldest first: STARTED, MET, PAUSED, RESUMED, WARNING, BREACH, RESOLVED. */
    List<LogEntry> history(String ticketId) {
        return jdbc.sql("SELECT kind, metric, due_at, recorded_at FROM sla_event WHERE ticket_id = ? ORDER BY id")
                .param(ticketId)
                .query((rs, n) -> new LogEntry(rs.getString("kind"), rs.getString("metric"), Timestamps.read(rs, "due_at"),
                        Timestamps.read(rs, "recorded_at")))
                .list();
    }
}
