package org.huiying.server.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.huiying.routing.escalation.ProblemReport;
import org.huiying.routing.escalation.RepeatedProblem;
import org.huiying.routing.escalation.RepeatedProblemDetector;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.RoutingProperties;
import org.huiying.server.ticket.TicketEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed rule: three technical problems of the same kind go to R&D. Each new technical ticket is
 * checked against the recent ones not escalated yet (same system, same model when known).
 * Checks run one at a time on a thread of their own after the ticket's commit: the chat writer
 * that opened the ticket goes on to its next batch, and two checks never escalate the same tickets at once.
 */
@Component
class RepeatedProblemWatch implements AutoCloseable {

    static final String KIND = "REPEATED_TECHNICAL_PROBLEM";
    private static final Logger log = LoggerFactory.getLogger(RepeatedProblemWatch.class);

    private final JdbcClient jdbc;
    private final EscalationRepository escalations;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RoutingProperties routing;
    private final RepeatedProblemDetector detector;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "repeated-problem-watch");
        thread.setDaemon(true);
        return thread;
    });

    RepeatedProblemWatch(JdbcClient jdbc, EscalationRepository escalations, TransactionTemplate tx,
                         ApplicationEventPublisher events, Clock clock, RoutingProperties routing) {
        this.jdbc = jdbc;
        this.escalations = escalations;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.routing = routing;
        this.detector = new RepeatedProblemDetector(routing.repeatThreshold(), routing.repeatWindow());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onOpened(TicketEvents.TicketOpened event) {
        checks.execute(() -> {
            try {
                check(event.ticketId());
            } catch (RuntimeException e) {
                log.warn("Repeated-problem check of ticket {} failed", event.ticketId(), e);
            }
        });
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }

    private void check(String ticketId) {
        List<ProblemReport> newest = reports("t.id = ?", List.of(ticketId));
        if (newest.isEmpty()) {
            return;
        }
        ProblemReport report = newest.get(0);
        List<String> systems = report.systems().stream().filter(s -> !RepeatedProblemDetector.NOT_SYSTEMS.contains(s)).sorted().toList();
        if (systems.isEmpty()) {
            return;
        }
        // only candidates the detector could count: same model, sharing a system, inside the window
        StringBuilder where = new StringBuilder("t.id <> ? AND t.opened_at >= ? AND t.opened_at <= ? AND ");
        List<Object> params = new ArrayList<>(List.of(report.ticketId(), Timestamps.sql(report.at().minus(routing.repeatWindow())),
                Timestamps.sql(report.at())));
        if (report.model() == null) {
            where.append("t.vehicle_model IS NULL");
        } else {
            where.append("t.vehicle_model = ?");
            params.add(report.model());
        }
        where.append(" AND (");
        for (int i = 0; i < systems.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("(',' || t.skills || ',') LIKE ?");
            params.add("%," + systems.get(i) + ",%");
        }
        where.append(")");
        detector.check(report, reports(where.toString(), params)).ifPresent(this::raise);
    }

    private void raise(RepeatedProblem problem) {
        Instant now = Timestamps.now(clock);
        String subject = problem.system() + (problem.model() == null ? "" : " / " + problem.model());
        EscalationRaised raised = new EscalationRaised(RandomIds.id("es"), KIND, subject, problem.ticketIds(), now);
        try {
            tx.executeWithoutResult(status -> {
                escalations.insert(raised);
                markEscalated(problem.ticketIds());
            });
            events.publishEvent(raised);
        } catch (DuplicateKeyException alreadyCounted) {
            log.debug("A ticket of {} was escalated concurrently; not escalating twice", problem.ticketIds());
        }
    }

    /**
     * Flags the tickets as counted, in the escalation's transaction: the candidate query reads only
     * unflagged tickets through {@code ticket_repeat_candidates} (V13), so escalated history is never
     * walked again. {@code escalation_ticket} stays the rule: its unique key refuses counting a ticket twice.
     */
    private void markEscalated(List<String> ticketIds) {
        for (String id : ticketIds) {
            jdbc.sql("UPDATE ticket SET repeat_escalated = TRUE WHERE id = ?").param(id).update();
        }
    }

    /** Technical tickets matching {@code where}, not yet part of a repeated-problem escalation. */
    private List<ProblemReport> reports(String where, List<Object> params) {
        return jdbc.sql("SELECT t.id, t.skills, t.vehicle_model, t.opened_at FROM ticket t WHERE t.category = 'TECHNICAL'"
                + " AND t.repeat_escalated = FALSE AND " + where + " AND NOT EXISTS (SELECT 1 FROM escalation_ticket x WHERE x.kind = '" + KIND
                + "' AND x.ticket_id = t.id) ORDER BY t.opened_at LIMIT 5000").params(params)
                .query((rs, n) -> new ProblemReport(rs.getString("id"), skills(rs.getString("skills")),
                        rs.getString("vehicle_model"), Timestamps.read(rs, "opened_at"))).list();
    }

    private static Set<String> skills(String csv) {
        return csv.isEmpty() ? Set.of() : Arrays.stream(csv.split(",")).collect(Collectors.toSet());
    }
}
