package org.huiying.server.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.storage.InLists;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The escalations that count given tickets, as a customer's history shows them. */
@Component
public class EscalationHistory {

    /** An escalation, where it stands (OPEN, ACKNOWLEDGED, RESOLVED, REJECTED) and which of the given tickets it counts. */
    public record PastEscalation(String id, String kind, String subject, String status, Instant createdAt, List<String> ticketIds) {
    }

    private final JdbcClient jdbc;

    EscalationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(String id, String kind, String subject, String status, Instant createdAt, String ticketId) {
    }

    public List<PastEscalation> ofTickets(Collection<String> ticketIds) {
        List<Row> rows = InLists.inChunks(ticketIds, chunk -> jdbc.sql("""
                        SELECT e.id, e.kind, e.subject, e.status, e.created_at, t.ticket_id FROM escalation e
                        JOIN escalation_ticket t ON t.escalation_id = e.id
                        WHERE t.ticket_id IN (:ids)""")
                .param("ids", chunk)
                .query((rs, n) -> new Row(rs.getString("id"), rs.getString("kind"), rs.getString("subject"), rs.getString("status"),
                        Timestamps.read(rs, "created_at"), rs.getString("ticket_id")))
                .list());
        Map<String, PastEscalation> byId = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(Row::createdAt).reversed().thenComparing(Row::id)).forEach(r -> byId
                .computeIfAbsent(r.id(), k -> new PastEscalation(r.id(), r.kind(), r.subject(), r.status(), r.createdAt(), new ArrayList<>()))
                .ticketIds().add(r.ticketId()));
        return List.copyOf(byId.values());
    }
}
