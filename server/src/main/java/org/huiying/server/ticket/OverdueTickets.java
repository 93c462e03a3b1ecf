package org.huiying.server.ticket;

import java.time.Instant;
import java.util.List;
import org.huiying.routing.TicketType;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Unresolved tickets whose clock runs (nobody waits on the customer) well past their resolution deadline. */
@Component
public class OverdueTickets {

    public record Overdue(String ticketId, TicketType type, String model, Instant resolutionDue) {
    }

    private final JdbcClient jdbc;

    OverdueTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Those of {@code type} due at or before {@code dueBy}, longest overdue first, at most {@code limit},
     * after {@code after} in that order (null: from the first), so a caller can page through them all.
     */
    public List<Overdue> dueBy(TicketType type, Instant dueBy, Overdue after, int limit) {
        Instant afterDue = after == null ? Instant.EPOCH : after.resolutionDue();
        String afterId = after == null ? "" : after.ticketId();
        return jdbc.sql("""
                        SELECT id, type, vehicle_model, resolution_due FROM ticket
                        WHERE status IN ('OPEN', 'ASSIGNED') AND type = ? AND sla_paused_at IS NULL AND resolution_due <= ?
                          AND (resolution_due > ? OR resolution_due = ? AND id > ?)
                        ORDER BY resolution_due, id LIMIT ?""")
                .params(type.name(), Timestamps.sql(dueBy), Timestamps.sql(afterDue), Timestamps.sql(afterDue), afterId, limit)
                .query((rs, n) -> new Overdue(rs.getString("id"), TicketType.valueOf(rs.getString("type")),
                        rs.getString("vehicle_model"), Timestamps.read(rs, "resolution_due")))
                .list();
    }
}
