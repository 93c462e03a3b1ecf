package org.huiying.server.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.huiying.routing.escalation.ProblemReport;
import org.huiying.routing.escalation.RepeatedProblem;
import org.huiying.routing.escalation.RepeatedProblemDetector;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.RepeatCandidates;
import org.huiying.server.ticket.RoutingProperties;
import org.huiying.server.ticket.TicketEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
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

    private final RepeatCandidates candidates;
    private final Escalations escalations;
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

    RepeatedProblemWatch(RepeatCandidates candidates, Escalations escalations, TransactionTemplate tx,
                         ApplicationEventPublisher events, Clock clock, RoutingProperties routing) {
        this.candidates = candidates;
        this.escalations = escalations;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.routing = routing;
        this.detector = new RepeatedProblemDetector(routing.repeatThreshold(), routing.repeatWindow());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onOpened(TicketEvents.TicketOpened event) {
        checkLater(event.ticketId());
    }

    /** A corrected category or system may make a ticket count now (one already counted stays counted). */
    @TransactionalEventListener(fallbackExecution = true)
    void onReclassified(TicketEvents.TicketReclassified event) {
        checkLater(event.ticketId());
    }

    private void checkLater(String ticketId) {
        checks.execute(() -> {
            try {
                check(ticketId);
            } catch (RuntimeException e) {
                log.warn("Repeated-problem check of ticket {} failed", ticketId, e);
            }
        });
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }

    private void check(String ticketId) {
        Optional<ProblemReport> found = candidates.report(ticketId);
        if (found.isEmpty()) {
            return;
        }
        ProblemReport report = found.get();
        List<String> systems = report.systems().stream().filter(s -> !RepeatedProblemDetector.NOT_SYSTEMS.contains(s)).sorted().toList();
        if (systems.isEmpty()) {
            return;
        }
        // only candidates the detector could count: same model, sharing a system, inside the window
        detector.check(report, candidates.uncounted(report.ticketId(), report.at().minus(routing.repeatWindow()), report.at(),
                report.model(), systems)).ifPresent(this::raise);
    }

    private void raise(RepeatedProblem problem) {
        Instant now = Timestamps.now(clock);
        String subject = problem.system() + (problem.model() == null ? "" : " / " + problem.model());
        EscalationRaised raised = new EscalationRaised(RandomIds.id("es"), KIND, subject, problem.ticketIds(), now);
        try {
            tx.executeWithoutResult(status -> {
                escalations.raise(raised);
                candidates.markCounted(problem.ticketIds());
            });
            events.publishEvent(raised);
        } catch (DuplicateKeyException alreadyCounted) {
            log.debug("A ticket of {} was escalated concurrently; not escalating twice", problem.ticketIds());
        }
    }
}
