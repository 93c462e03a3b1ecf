package org.huiying.server.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EscalationRepository {

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores it; the (kind, ticket) key makes a ticket count towards one escalation of a kind only. */
    void insert(EscalationRaised e) {
        jdbc.sql("INSERT INTO escalation (id, kind, subject, created_at) VALUES (?, ?, ?, ?)")
                .params(e.id(), e.kind(), e.subject(), Timestamps.sql(e.createdAt())).update();
        for (int i = 0; i < e.ticketIds().size(); i++) {
            jdbc.sql("INSERT INTO escalation_ticket (escalation_id, kind, ticket_id, position) VALUES (?, ?, ?, ?)")
                    .params(e.id(), e.kind(), e.ticketIds().get(i), i).update();
        }
    }

    /** Whether the ticket counts towards an escalation of this kind already. */
    boolean counts(String kind, String ticketId) {
        return jdbc.sql("SELECT COUNT(*) FROM escalation_ticket WHERE kind = ? AND ticket_id = ?").params(kind, ticketId)
                .query(Integer.class).single() > 0;
    }

    List<EscalationRaised> since(Instant from) {
        Map<String, EscalationRaised> byId = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.id, e.kind, e.subject, e.created_at, t.ticket_id FROM escalation e
                JOIN escalation_ticket t ON t.escalation_id = e.id
                WHERE e.created_at >= ? ORDER BY e.created_at DESC, e.id, t.position""")
                .param(Timestamps.sql(from))
                .query(rs -> {
                    String id = rs.getString("id");
                    EscalationRaised known = byId.get(id);
                    List<String> tickets = known == null ? new ArrayList<>() : new ArrayList<>(known.ticketIds());
                    tickets.add(rs.getString("ticket_id"));
                    byId.put(id, new EscalationRaised(id, rs.getString("kind"), rs.getString("subject"), tickets,
                            Timestamps.read(rs, "created_at")));
                });
        return new ArrayList<>(byId.values());
    }
}
