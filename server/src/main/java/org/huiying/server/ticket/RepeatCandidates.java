package org.huiying.server.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.huiying.routing.escalation.ProblemReport;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Technical tickets as the repeated-problem rule counts them (the escalation module asks): only those
 * not yet part of a repeated-problem escalation, which the flag {@code repeat_escalated} says — set
 * with the escalation, in its transaction, and read through the index {@code ticket_repeat_candidates}
 * (V13), so escalated history is never walked again.
 */
@Component
public class RepeatCandidates {

    private final JdbcClient jdbc;

    RepeatCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ticket as a problem report, if it is technical and not counted yet. */
    public Optional<ProblemReport> report(String ticketId) {
        return reports("t.id = ?", List.of(ticketId)).stream().findFirst();
    }

    /**
     * Technical tickets not counted yet, other than {@code exceptId}, opened in {@code [from, to]}, of
     * {@code model} (null: model unknown), sharing one of {@code systems}; oldest first, at most 5,000.
     */
    public List<ProblemReport> uncounted(String exceptId, Instant from, Instant to, String model, List<String> systems) {
        StringBuilder where = new StringBuilder("t.id <> ? AND t.opened_at >= ? AND t.opened_at <= ? AND ");
        List<Object> params = new ArrayList<>(List.of(exceptId, Timestamps.sql(from), Timestamps.sql(to)));
        if (model == null) {
            where.append("t.vehicle_model IS NULL");
        } else {
            where.append("t.vehicle_model = ?");
            params.add(model);
        }
        where.append(" AND (");
        for (int i = 0; i < systems.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("(',' || t.skills || ',') LIKE ?");
            params.add("%," + systems.get(i) + ",%");
        }
        where.append(")");
        return reports(where.toString(), params);
    }

    /** Flags the tickets as counted; call inside the transaction that stores the escalation. */
    public void markCounted(List<String> ticketIds) {
        for (String id : ticketIds) {
            jdbc.sql("UPDATE ticket SET repeat_escalated = TRUE WHERE id = ?").param(id).update();
        }
    }

    private List<ProblemReport> reports(String where, List<Object> params) {
        return jdbc.sql("SELECT t.id, t.skills, t.vehicle_model, t.opened_at FROM ticket t WHERE t.category = 'TECHNICAL'"
                        + " AND t.repeat_escalated = FALSE AND " + where + " ORDER BY t.opened_at LIMIT 5000").params(params)
                .query((rs, n) -> new ProblemReport(rs.getString("id"), skills(rs.getString("skills")),
                        rs.getString("vehicle_model"), Timestamps.read(rs, "opened_at"))).list();
    }

    private static Set<String> skills(String csv) {
        return csv.isEmpty() ? Set.of() : Arrays.stream(csv.split(",")).collect(Collectors.toSet());
    }
}
