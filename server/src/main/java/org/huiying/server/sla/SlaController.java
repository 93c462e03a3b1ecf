package org.huiying.server.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.web.ApiException;
import org.huiying.server.web.InstantParam;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervisor's list of warned and breached tickets, from the SLA event log. */
@RestController
class SlaController {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RecordAccess access;

    SlaController(JdbcClient jdbc, Clock clock, RecordAccess access) {
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Crossing as listed: {@code state} WARNING or BREACHED, with the ticket's current status and assignee. */
    record Crossing(String id, String state, String metric, Instant dueAt, Instant recordedAt, String type,
                    String status, Long assignee) {
    }

    @GetMapping("/api/sla/breaches")
    List<Crossing> breaches(@RequestParam(required = false) String since, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Only supervisors and admins see the SLA board.");
        }
        Instant from = InstantParam.parse("since", since, clock.instant().minus(Duration.ofDays(1)));
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

    /** One line of a ticket's SLA history. */
    record LogEntry(String kind, String metric, Instant dueAt, Instant at) {
    }

    /** A ticket's SLA history, oldest first: STARTED, MET, PAUSED, RESUMED, WARNING, BREACH, RESOLVED. */
    @GetMapping("/api/tickets/{id}/sla-events")
    List<LogEntry> log(@PathVariable String id, Authentication auth) {
        access.requireTicket(id, CurrentStaff.of(auth));
        List<LogEntry> entries = jdbc.sql("SELECT kind, metric, due_at, recorded_at FROM sla_event WHERE ticket_id = ? ORDER BY id")
                .param(id)
                .query((rs, n) -> new LogEntry(rs.getString("kind"), rs.getString("metric"), Timestamps.read(rs, "due_at"),
                        Timestamps.read(rs, "recorded_at")))
                .list();
        if (entries.isEmpty()) {
            throw ApiException.notFound("ticket");
        }
        return entries;
    }

}
