package org.huiying.server.ticket;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huiying.routing.Category;
import org.huiying.routing.TicketType;
import org.huiying.routing.escalation.RepeatedProblemDetector;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Repeat visits (返修): a complaint or technical problem about a vehicle that already had one about the
 * same system within {@code huiying.routing.rework-window}. The ticket is linked to the earliest of them
 * (the visit whose fix did not hold), so rework is counted once per original problem.
 */
@Component
class ReworkVisits {

    private final JdbcClient jdbc;
    private final RoutingProperties routing;

    ReworkVisits(JdbcClient jdbc, RoutingProperties routing) {
        this.jdbc = jdbc;
        this.routing = routing;
    }

    static boolean counts(TicketType type, Category category) {
        return type == TicketType.COMPLAINT || category == Category.TECHNICAL;
    }

    /** The earlier ticket {@code ticketId} (opened at {@code at}) comes back to, if any. */
    Optional<String> earlierVisit(String ticketId, Long vehicleId, TicketType type, Category category, Set<String> skills,
                                  Instant at) {
        List<String> systems = systems(skills);
        if (vehicleId == null || !counts(type, category) || systems.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, skills FROM ticket
                WHERE vehicle_id = ? AND id <> ? AND opened_at >= ? AND opened_at <= ?
                  AND (type = 'COMPLAINT' OR category = 'TECHNICAL')
                ORDER BY opened_at, id LIMIT 200""")
                .params(vehicleId, ticketId, Timestamps.sql(at.minus(routing.reworkWindow())), Timestamps.sql(at))
                .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("skills")})
                .list().stream()
                .filter(row -> Arrays.stream(row[1].split(",")).anyMatch(systems::contains))
                .map(row -> row[0])
                .findFirst();
    }

    void link(String ticketId, String reworkOf) {
        jdbc.sql("UPDATE ticket SET rework_of = ? WHERE id = ?").params(reworkOf, ticketId).update();
    }

    /** The skills naming a vehicle system (not appointment, complaint, general), in their order. */
    static List<String> systems(Set<String> skills) {
        return skills.stream().filter(s -> !RepeatedProblemDetector.NOT_SYSTEMS.contains(s)).toList();
    }
}
