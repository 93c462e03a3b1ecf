package org.huiying.server.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.huiying.routing.Category;
import org.huiying.routing.TicketType;
import org.huiying.server.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TicketRepository {

    private static final String COLUMNS = """
            id, conversation_id, type, category, skills, priority, status, queue, assignee_id, opened_at, assigned_at,
            first_response_due, resolution_due, first_responded_at, resolved_at""";

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Ticket t) {
        jdbc.sql("INSERT INTO ticket (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.id(), t.conversationId(), t.type().name(), t.category() == null ? null : t.category().name(),
                        String.join(",", t.skills()), t.priority(), t.status().name(), t.queue(), t.assigneeId(),
                        Timestamps.sql(t.openedAt()), Timestamps.sql(t.assignedAt()), Timestamps.sql(t.firstResponseDue()),
                        Timestamps.sql(t.resolutionDue()), Timestamps.sql(t.firstRespondedAt()),
                        Timestamps.sql(t.resolvedAt()), Timestamps.sql(t.openedAt()))
                .update();
    }

    Optional<Ticket> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE id = ?").param(id).query(TicketRepository::map).optional();
    }

    Optional<Ticket> findUnresolvedForConversation(String conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE conversation_id = ? AND status <> 'RESOLVED' ORDER BY opened_at DESC LIMIT 1")
                .param(conversationId).query(TicketRepository::map).optional();
    }

    List<Ticket> find(TicketStatus status, String queue, Long assigneeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ticket WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (queue != null) {
            sql.append(" AND queue = ?");
            params.add(queue);
        }
        if (assigneeId != null) {
            sql.append(" AND assignee_id = ?");
            params.add(assigneeId);
        }
        sql.append(" ORDER BY priority DESC, opened_at LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(TicketRepository::map).list();
    }

    /** Tickets waiting for someone: most urgent first, then oldest. */
    List<Ticket> waiting(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE status = 'OPEN' ORDER BY priority DESC, opened_at LIMIT ?")
                .param(limit).query(TicketRepository::map).list();
    }

    /** How many unresolved tickets each staff member holds. */
    Map<Long, Integer> loadByAssignee() {
        Map<Long, Integer> load = new HashMap<>();
        jdbc.sql("SELECT assignee_id, COUNT(*) AS n FROM ticket WHERE assignee_id IS NOT NULL AND status IN ('ASSIGNED', 'WAITING_CUSTOMER') GROUP BY assignee_id")
                .query(rs -> {
                    load.put(rs.getLong("assignee_id"), rs.getInt("n"));
                });
        return load;
    }

    /** Assigns only if still waiting, so a concurrent assignment can never be overwritten. */
    boolean assignIfWaiting(String id, long staffId, Instant at) {
        return jdbc.sql("UPDATE ticket SET status = 'ASSIGNED', assignee_id = ?, assigned_at = ?, updated_at = ? WHERE id = ? AND status = 'OPEN'")
                .params(staffId, Timestamps.sql(at), Timestamps.sql(at), id).update() == 1;
    }

    void assign(String id, long staffId, Instant at) {
        jdbc.sql("UPDATE ticket SET status = 'ASSIGNED', assignee_id = ?, assigned_at = ?, updated_at = ? WHERE id = ?")
                .params(staffId, Timestamps.sql(at), Timestamps.sql(at), id).update();
    }

    void requeue(String id, String queue, Instant at) {
        jdbc.sql("UPDATE ticket SET status = 'OPEN', assignee_id = NULL, assigned_at = NULL, queue = ?, updated_at = ? WHERE id = ?")
                .params(queue, Timestamps.sql(at), id).update();
    }

    void recordFirstResponse(String id, Instant at) {
        jdbc.sql("UPDATE ticket SET first_responded_at = ?, updated_at = ? WHERE id = ? AND first_responded_at IS NULL")
                .params(Timestamps.sql(at), Timestamps.sql(at), id).update();
    }

    boolean resolve(String id, Instant at) {
        return jdbc.sql("UPDATE ticket SET status = 'RESOLVED', resolved_at = ?, updated_at = ? WHERE id = ? AND status <> 'RESOLVED'")
                .params(Timestamps.sql(at), Timestamps.sql(at), id).update() == 1;
    }

    private static Ticket map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category");
        long assignee = rs.getLong("assignee_id");
        Long assigneeId = rs.wasNull() ? null : assignee;
        String skills = rs.getString("skills");
        Set<String> skillSet = skills.isEmpty() ? Set.of()
                : Arrays.stream(skills.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
        return new Ticket(rs.getString("id"), rs.getString("conversation_id"), TicketType.valueOf(rs.getString("type")),
                category == null ? null : Category.valueOf(category), skillSet, rs.getInt("priority"),
                TicketStatus.valueOf(rs.getString("status")), rs.getString("queue"), assigneeId,
                Timestamps.read(rs, "opened_at"), Timestamps.read(rs, "assigned_at"),
                Timestamps.read(rs, "first_response_due"), Timestamps.read(rs, "resolution_due"),
                Timestamps.read(rs, "first_responded_at"), Timestamps.read(rs, "resolved_at"));
    }
}
