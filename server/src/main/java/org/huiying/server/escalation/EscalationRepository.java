package org.huiying.server.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huiying.server.storage.InLists;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class EscalationRepository {

    private static final String COLUMNS = """
            e.id, e.kind, e.subject, e.created_at, e.status, e.owner_id, e.acknowledged_at, e.closed_at, e.root_cause,
            e.fix, e.reject_reason""";

    /**
     * Which escalations a list shows: created at or after {@code since} (null: any time), in one of
     * {@code statuses} (empty: any), of {@code kinds} or — with {@code otherKinds} — of any kind but those.
     */
    record Filter(Instant since, List<EscalationStatus> statuses, List<String> kinds, boolean otherKinds) {
    }

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores it; the (kind, ticket) key makes a ticket count towards one escalation of a kind only. */
    void insert(EscalationRaised e) {
        jdbc.sql("INSERT INTO escalation (id, kind, subject, created_at, status) VALUES (?, ?, ?, ?, 'OPEN')")
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

    /** Newest first, at most 1,000. */
    List<EscalationRow> list(Filter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.since() != null) {
            where.add("e.created_at >= :since");
            params.put("since", Timestamps.sql(filter.since()));
        }
        if (!filter.statuses().isEmpty()) {
            where.add("e.status IN (:statuses)");
            params.put("statuses", InLists.padded(filter.statuses().stream().map(Enum::name).toList()));
        }
        if (!filter.kinds().isEmpty()) {
            where.add("e.kind " + (filter.otherKinds() ? "NOT IN" : "IN") + " (:kinds)");
            params.put("kinds", InLists.padded(filter.kinds()));
        }
        List<EscalationRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM escalation e"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY e.created_at DESC, e.id LIMIT 1000")
                .params(params).query(EscalationRepository::map).list();
        return withTickets(rows);
    }

    Optional<EscalationRow> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation e WHERE e.id = ?").param(id)
                .query(EscalationRepository::map).optional().map(r -> r.withTickets(ticketsOf(id)));
    }

    /** Holds the row until commit: two people moving one escalation at once are taken one after the other. */
    Optional<EscalationRow> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation e WHERE e.id = ? FOR UPDATE").param(id)
                .query(EscalationRepository::map).optional().map(r -> r.withTickets(ticketsOf(id)));
    }

    void acknowledge(String id, long ownerId, Instant at) {
        jdbc.sql("UPDATE escalation SET status = 'ACKNOWLEDGED', owner_id = ?, acknowledged_at = ? WHERE id = ?")
                .params(ownerId, Timestamps.sql(at), id).update();
    }

    void resolve(String id, String rootCause, String fix, Instant at) {
        jdbc.sql("UPDATE escalation SET status = 'RESOLVED', root_cause = ?, fix = ?, closed_at = ? WHERE id = ?")
                .params(rootCause, fix, Timestamps.sql(at), id).update();
    }

    void reject(String id, String reason, Instant at) {
        jdbc.sql("UPDATE escalation SET status = 'REJECTED', reject_reason = ?, closed_at = ? WHERE id = ?")
                .params(reason, Timestamps.sql(at), id).update();
    }

    long addComment(String escalationId, long authorId, String text, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO escalation_comment (escalation_id, author_id, text, created_at) VALUES (?, ?, ?, ?)")
                .params(escalationId, authorId, text, Timestamps.sql(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Oldest first. */
    List<EscalationDetail.Comment> comments(String escalationId) {
        return jdbc.sql("SELECT id, author_id, text, created_at FROM escalation_comment WHERE escalation_id = ? ORDER BY id")
                .param(escalationId)
                .query((rs, n) -> new EscalationDetail.Comment(rs.getLong("id"), rs.getLong("author_id"), null,
                        rs.getString("text"), Timestamps.read(rs, "created_at")))
                .list();
    }

    private List<String> ticketsOf(String id) {
        return jdbc.sql("SELECT ticket_id FROM escalation_ticket WHERE escalation_id = ? ORDER BY position").param(id)
                .query(String.class).list();
    }

    private List<EscalationRow> withTickets(List<EscalationRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> tickets = new LinkedHashMap<>();
        InLists.inChunks(rows.stream().map(EscalationRow::id).toList(), ids -> jdbc.sql("""
                        SELECT escalation_id, ticket_id FROM escalation_ticket WHERE escalation_id IN (:ids)
                        ORDER BY escalation_id, position""")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list())
                .forEach(e -> tickets.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> r.withTickets(tickets.getOrDefault(r.id(), List.of()))).toList();
    }

    private static EscalationRow map(ResultSet rs, int n) throws SQLException {
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        return new EscalationRow(rs.getString("id"), rs.getString("kind"), rs.getString("subject"), List.of(),
                Timestamps.read(rs, "created_at"), EscalationStatus.valueOf(rs.getString("status")), ownerId,
                Timestamps.read(rs, "acknowledged_at"), Timestamps.read(rs, "closed_at"), rs.getString("root_cause"),
                rs.getString("fix"), rs.getString("reject_reason"));
    }
}
