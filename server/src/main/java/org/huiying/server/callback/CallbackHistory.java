package org.huiying.server.callback;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.huiying.server.storage.InLists;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The callbacks of given tickets, as a customer's history shows them. */
@Component
public class CallbackHistory {

    /** One callback: why, when due, where it stands and how it ended. */
    public record PastCallback(String id, String ticketId, String reason, Instant dueAt, String status, String outcome,
                               Instant completedAt) {
    }

    private final JdbcClient jdbc;

    CallbackHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PastCallback> ofTickets(Collection<String> ticketIds) {
        return InLists.inChunks(ticketIds, chunk -> jdbc.sql("""
                        SELECT id, ticket_id, reason, due_at, status, outcome, completed_at FROM callback_task
                        WHERE ticket_id IN (:ids) ORDER BY due_at DESC""")
                .param("ids", chunk)
                .query((rs, n) -> new PastCallback(rs.getString("id"), rs.getString("ticket_id"), rs.getString("reason"),
                        Timestamps.read(rs, "due_at"), rs.getString("status"), rs.getString("outcome"),
                        Timestamps.read(rs, "completed_at")))
                .list());
    }
}
