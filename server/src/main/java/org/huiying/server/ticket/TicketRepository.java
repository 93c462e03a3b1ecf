package org.huiying.server.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.huiying.routing.Category;
import org.huiying.routing.TicketType;
import org.huiying.routing.assignment.WaitingTicket;
import org.huiying.routing.sla.SlaTimes;
import org.huiying.server.storage.InLists;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TicketRepository {

    static final String COLUMNS = """
            id, conversation_id, type, category, skills, priority, status, queue, vehicle_model, assignee_id, opened_at,
            waiting_since, not_to, assigned_at, answer_due, first_response_warn_at, first_response_due,
            first_responded_at, resolution_warn_at, resolution_due, resolved_at, sla_paused_at, parent_id, vehicle_id, rework_of""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    TicketRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** {@code requestedBy}: the staff member who asked (a technician's question), or null. */
    void insert(Ticket t, Long requestedBy) {
        SlaTimes s = t.sla();
        jdbc.sql("INSERT INTO ticket (" + COLUMNS + ", updated_at, requested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.id(), t.conversationId(), t.type().name(), t.category() == null ? null : t.category().name(),
                        String.join(",", t.skills()), t.priority(), t.status().name(), t.queue(), t.vehicleModel(),
                        t.assigneeId(), ts(t.openedAt()), ts(t.waitingSince()), t.notTo(), ts(t.assignedAt()),
                        ts(t.answerDue()), ts(s.firstResponseWarnAt()), ts(s.firstResponseDue()), ts(s.firstRespondedAt()),
                        ts(s.resolutionWarnAt()), ts(s.resolutionDue()), ts(s.resolvedAt()), ts(s.pausedAt()),
                        t.parentId(), t.vehicleId(), t.reworkOf(), ts(t.openedAt()), requestedBy)
                .update();
    }

    long countOpenCustomerTicketsAtOrAbove(String exceptId, int priority) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM ticket WHERE status = 'OPEN' AND id <> ? AND priority >= ?
                AND type <> 'TECH_SUPPORT'""")
                .params(exceptId, priority).query(Long.class).single();
    }

    /** Whether any ticket matching {@code condition} (on alias {@code t}, one parameter) is visible. */
    boolean anyVisible(String condition, Object param, TicketVisibility visibility) {
        List<Object> params = new ArrayList<>();
        params.add(param);
        params.addAll(visibility.params());
        return jdbc.sql("SELECT COUNT(*) FROM ticket t WHERE " + condition + " AND " + visibility.sql())
                .params(params).query(Long.class).single() > 0;
    }

    Optional<Ticket> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE id = ?").param(id).query(TicketRepository::map).optional();
    }

    /** Locks the ticket row until commit, so two changes to one ticket never interleave. */
    Optional<Ticket> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE id = ? FOR UPDATE").param(id).query(TicketRepository::map).optional();
    }

    Optional<Ticket> findUnresolvedForConversation(String conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE conversation_id = ? AND status <> 'RESOLVED' ORDER BY opened_at DESC LIMIT 1")
                .param(conversationId).query(TicketRepository::map).optional();
    }

    Optional<Long> findRequester(String conversationId) {
        return jdbc.sql("SELECT requested_by FROM ticket WHERE conversation_id = ? AND requested_by IS NOT NULL ORDER BY opened_at LIMIT 1")
                .param(conversationId).query(Long.class).optional();
    }

    /** Many tickets in one read, by id. */
    Map<String, Ticket> findByIds(Collection<String> ids) {
        Map<String, Ticket> found = new HashMap<>();
        InLists.inChunks(ids, chunk -> jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE id IN (:ids)")
                        .param("ids", chunk).query(TicketRepository::map).list())
                .forEach(t -> found.put(t.id(), t));
        return found;
    }

    /** {@link #findUnresolvedForConversation} for many conversations in one read; conversations without one are absent. */
    /** Every ticket of these conversations, newest first, at most {@code limit}. */
    List<Ticket> findForConversations(Collection<String> conversationIds, int limit) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE conversation_id IN (:ids) ORDER BY opened_at DESC, id LIMIT :limit")
                .param("ids", InLists.padded(conversationIds)).param("limit", limit)
                .query(TicketRepository::map).list();
    }

    Map<String, Ticket> findUnresolvedForConversations(Collection<String> conversationIds) {
        Map<String, Ticket> newest = new HashMap<>();
        InLists.inChunks(conversationIds, ids -> jdbc.sql("SELECT " + COLUMNS
                        + " FROM ticket WHERE conversation_id IN (:ids) AND status <> 'RESOLVED'")
                        .param("ids", ids).query(TicketRepository::map).list())
                .forEach(t -> newest.merge(t.conversationId(), t, (a, b) -> a.openedAt().isAfter(b.openedAt()) ? a : b));
        return newest;
    }

    List<Ticket> find(TicketStatus status, String queue, Long assigneeId, TicketVisibility visibleTo, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ticket t WHERE " + visibleTo.sql());
        List<Object> params = new ArrayList<>(visibleTo.params());
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

    /** A waiting ticket as the dispatcher plans it: what routing reads, and the conversation for the push. */
    record Queued(WaitingTicket routing, String conversationId) {
    }

    /**
     * The queue, most urgent first by stored priority, with only the columns routing reads: the
     * dispatcher reads it on every pass, and mapping every column of thousands of waiting tickets
     * (a dozen timestamps each) was most of a pass.
     */
    List<Queued> queued(int limit) {
        return jdbc.sql("""
                SELECT id, conversation_id, type, skills, priority, opened_at, waiting_since, not_to FROM ticket
                WHERE status = 'OPEN' ORDER BY priority DESC, waiting_since LIMIT ?""")
                .param(limit).query((rs, n) -> {
                    long notTo = rs.getLong("not_to");
                    Long notToId = rs.wasNull() ? null : notTo;
                    Instant waitingSince = Timestamps.read(rs, "waiting_since");
                    String type = rs.getString("type");
                    return new Queued(new WaitingTicket(rs.getString("id"), rs.getInt("priority"),
                            waitingSince == null ? Timestamps.read(rs, "opened_at") : waitingSince,
                            Ticket.requiredRole(TicketType.valueOf(type)), skillSet(rs.getString("skills")).forRouting(), notToId),
                            rs.getString("conversation_id"));
                }).list();
    }

    /** Tickets whose assignee has not answered since taking them. */
    List<Ticket> unansweredAssigned() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE status = 'ASSIGNED' AND answer_due IS NOT NULL")
                .query(TicketRepository::map).list();
    }

    List<Ticket> overdueUnanswered(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE status = 'ASSIGNED' AND answer_due IS NOT NULL AND answer_due <= ?")
                .param(ts(now)).query(TicketRepository::map).list();
    }

    List<Ticket> unansweredAssignedTo(long staffId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE status = 'ASSIGNED' AND answer_due IS NOT NULL AND assignee_id = ?")
                .param(staffId).query(TicketRepository::map).list();
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

    /**
     * Each locked agent's free seats: their capacity ({@code capacities}, read under the staff module's
     * row locks, which every dispatcher claim for an agent waits on) less the tickets they hold, counted
     * under those locks so loads counted by two nodes at once can never both take the last seat.
     */
    Map<Long, Integer> freeSeats(Map<Long, Integer> capacities) {
        Map<Long, Integer> free = new HashMap<>(capacities);
        if (free.isEmpty()) {
            return free;
        }
        List<Object> locked = new ArrayList<>(free.keySet());
        jdbc.sql("SELECT assignee_id, COUNT(*) AS n FROM ticket WHERE assignee_id IN (" + placeholders(locked.size())
                        + ") AND status IN ('ASSIGNED', 'WAITING_CUSTOMER') GROUP BY assignee_id")
                .params(locked).query(rs -> {
                    free.merge(rs.getLong("assignee_id"), -rs.getInt("n"), Integer::sum);
                });
        return free;
    }

    /**
     * Locks those of these tickets not being claimed by another node right now; the ids of those still
     * waiting. The status is checked here rather than in the statement: with it in the statement,
     * PostgreSQL may find the few tickets its statistics count as waiting through the status index and
     * filter them by id, which costs a scan of every waiting ticket exactly when many wait.
     */
    Set<String> claimWaiting(Collection<String> ids) {
        Set<String> claimed = new HashSet<>();
        jdbc.sql("SELECT id, status FROM ticket WHERE id IN (" + placeholders(ids.size()) + ") FOR UPDATE SKIP LOCKED")
                .params(new ArrayList<Object>(ids)).query(rs -> {
                    if (TicketStatus.OPEN.name().equals(rs.getString("status"))) {
                        claimed.add(rs.getString("id"));
                    }
                });
        return claimed;
    }

    /** One claimed assignment. */
    record Claim(String ticketId, long staffId) {
    }

    /**
     * Assigns tickets {@link #claimWaiting claimed} in this transaction in one batch (by id alone: they are
     * locked and were waiting, so no concurrent assignment can be overwritten), and records the
     * participants of those assigned in a second batch; returns those assigned.
     */
    List<Claim> assignClaimed(List<Claim> claims, Instant at, Instant answerDue) {
        int[] counts = jdbcTemplate.batchUpdate("""
                UPDATE ticket SET status = 'ASSIGNED', assignee_id = ?, assigned_at = ?, answer_due = ?, waiting_since = NULL,
                updated_at = ? WHERE id = ?""", claims.stream()
                .map(c -> new Object[] {c.staffId(), ts(at), ts(answerDue), ts(at), c.ticketId()}).toList());
        List<Claim> assigned = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            if (counts[i] == 1) {
                assigned.add(claims.get(i));
            }
        }
        if (!assigned.isEmpty()) {
            jdbcTemplate.batchUpdate("INSERT INTO ticket_participant (ticket_id, staff_id, assigned_at) VALUES (?, ?, ?)",
                    assigned.stream().map(c -> new Object[] {c.ticketId(), c.staffId(), ts(at)}).toList());
        }
        return assigned;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    void assign(String id, long staffId, Instant at, Instant answerDue) {
        jdbc.sql("""
                UPDATE ticket SET status = 'ASSIGNED', assignee_id = ?, assigned_at = ?, answer_due = ?, waiting_since = NULL,
                updated_at = ? WHERE id = ?""")
                .params(staffId, ts(at), ts(answerDue), ts(at), id).update();
        recordParticipant(id, staffId, at);
    }

    /** Whoever was ever assigned may read the ticket later (see {@code TicketVisibility}). */
    private void recordParticipant(String id, long staffId, Instant at) {
        jdbc.sql("INSERT INTO ticket_participant (ticket_id, staff_id, assigned_at) VALUES (?, ?, ?)")
                .params(id, staffId, ts(at)).update();
    }

    void requeue(String id, String queue, Long notTo, Instant at) {
        jdbc.sql("""
                UPDATE ticket SET status = 'OPEN', assignee_id = NULL, assigned_at = NULL, answer_due = NULL, queue = ?,
                not_to = ?, waiting_since = ?, updated_at = ? WHERE id = ?""")
                .params(queue, notTo, ts(at), ts(at), id).update();
    }

    /** Returns an unanswered ticket to its queue, only if it is still with {@code staffId} and still unanswered. */
    boolean releaseUnanswered(String id, long staffId, Instant at, boolean dueOnly) {
        return jdbc.sql("""
                UPDATE ticket SET status = 'OPEN', assignee_id = NULL, assigned_at = NULL, answer_due = NULL, not_to = ?,
                waiting_since = ?, updated_at = ?
                WHERE id = ? AND status = 'ASSIGNED' AND assignee_id = ? AND answer_due IS NOT NULL""" + (dueOnly ? " AND answer_due <= ?" : ""))
                .params(dueOnly ? List.of(staffId, ts(at), ts(at), id, staffId, ts(at)) : List.of(staffId, ts(at), ts(at), id, staffId))
                .update() == 1;
    }

    List<Ticket> heldBy(long staffId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE assignee_id = ? AND status IN ('ASSIGNED', 'WAITING_CUSTOMER')")
                .param(staffId).query(TicketRepository::map).list();
    }

    /**
     * Takes a ticket off {@code staffId}, answered or not: an assigned one returns to its queue, one
     * waiting on the customer keeps waiting, with nobody, and is queued when the customer writes back.
     * Conditional like {@link #releaseUnanswered}, so a ticket that moved on meanwhile is left alone.
     */
    boolean releaseHeld(String id, long staffId, Instant at) {
        return jdbc.sql("""
                UPDATE ticket SET status = CASE WHEN status = 'ASSIGNED' THEN 'OPEN' ELSE status END,
                waiting_since = CASE WHEN status = 'ASSIGNED' THEN ? ELSE waiting_since END,
                assignee_id = NULL, assigned_at = NULL, answer_due = NULL, not_to = ?, updated_at = ?
                WHERE id = ? AND assignee_id = ? AND status IN ('ASSIGNED', 'WAITING_CUSTOMER')""")
                .params(ts(at), staffId, ts(at), id, staffId).update() == 1;
    }

    void answered(String id, Instant at) {
        jdbc.sql("UPDATE ticket SET answer_due = NULL, updated_at = ? WHERE id = ?").params(ts(at), id).update();
    }

    void updateStatus(String id, TicketStatus status, Instant at) {
        jdbc.sql("UPDATE ticket SET status = ?, updated_at = ? WHERE id = ?").params(status.name(), ts(at), id).update();
    }

    void updatePriority(String id, int priority, Instant at) {
        jdbc.sql("UPDATE ticket SET priority = ?, updated_at = ? WHERE id = ?").params(priority, ts(at), id).update();
    }

    /** Stores a changed SLA clock. Crossing flags are left alone: a crossing once reported stays reported. */
    void updateSla(String id, SlaTimes s, Instant at) {
        jdbc.sql("""
                UPDATE ticket SET first_response_warn_at = ?, first_response_due = ?, first_responded_at = ?,
                resolution_warn_at = ?, resolution_due = ?, resolved_at = ?, sla_paused_at = ?, updated_at = ? WHERE id = ?""")
                .params(ts(s.firstResponseWarnAt()), ts(s.firstResponseDue()), ts(s.firstRespondedAt()),
                        ts(s.resolutionWarnAt()), ts(s.resolutionDue()), ts(s.resolvedAt()), ts(s.pausedAt()), ts(at), id)
                .update();
    }

    void logSla(String ticketId, String kind, String metric, Instant dueAt, Instant at) {
        jdbc.sql("INSERT INTO sla_event (ticket_id, kind, metric, due_at, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(ticketId, kind, metric, ts(dueAt), ts(at)).update();
    }

    private static java.time.OffsetDateTime ts(Instant i) {
        return Timestamps.sql(i);
    }

    static Ticket map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category");
        long assignee = rs.getLong("assignee_id");
        Long assigneeId = rs.wasNull() ? null : assignee;
        long notTo = rs.getLong("not_to");
        Long notToId = rs.wasNull() ? null : notTo;
        Set<String> skillSet = skills(rs.getString("skills"));
        long vehicle = rs.getLong("vehicle_id");
        boolean noVehicle = rs.wasNull();
        SlaTimes sla = new SlaTimes(Timestamps.read(rs, "first_response_warn_at"), Timestamps.read(rs, "first_response_due"),
                Timestamps.read(rs, "first_responded_at"), Timestamps.read(rs, "resolution_warn_at"),
                Timestamps.read(rs, "resolution_due"), Timestamps.read(rs, "resolved_at"), Timestamps.read(rs, "sla_paused_at"));
        return new Ticket(rs.getString("id"), rs.getString("conversation_id"), TicketType.valueOf(rs.getString("type")),
                category == null ? null : Category.valueOf(category), skillSet, rs.getInt("priority"),
                TicketStatus.valueOf(rs.getString("status")), rs.getString("queue"), rs.getString("vehicle_model"), assigneeId,
                Timestamps.read(rs, "opened_at"), Timestamps.read(rs, "waiting_since"), notToId,
                Timestamps.read(rs, "assigned_at"), Timestamps.read(rs, "answer_due"), sla, rs.getString("parent_id"),
                noVehicle ? null : vehicle, rs.getString("rework_of"));
    }

    /**
     * Tickets carry a handful of distinct skill lists, and a dispatch pass maps every waiting ticket
     * (thousands under load): each list is parsed once and shared, unmodifiable.
     */
    private static final Map<String, SkillSet> SKILL_SETS = new ConcurrentHashMap<>();
    private static final int MAX_SKILL_SETS = 4_096;

    /** A skill list in the order it was stored (for views), and as the immutable set routing copies for free. */
    private record SkillSet(Set<String> inOrder, Set<String> forRouting) {
    }

    private static SkillSet skillSet(String csv) {
        SkillSet known = SKILL_SETS.get(csv);
        if (known != null) {
            return known;
        }
        Set<String> inOrder = csv.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(csv.split(","))));
        SkillSet parsed = new SkillSet(inOrder, Set.copyOf(inOrder));
        if (SKILL_SETS.size() < MAX_SKILL_SETS) {
            SKILL_SETS.putIfAbsent(csv, parsed);
        }
        return parsed;
    }

    private static Set<String> skills(String csv) {
        return skillSet(csv).inOrder();
    }
}
