package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.huiying.server.staff.Presence;
import org.huiying.server.staff.PresenceChanged;
import org.huiying.server.staff.StaffDisabled;
import org.huiying.server.concurrent.TimingWheel;
import org.huiying.server.storage.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A ticket must not sit with someone who does not answer: when the assignee has not replied by
 * {@code huiying.routing.answer-within}, or goes offline before replying, the ticket returns to
 * its queue for someone else. A disabled account gives back everything it holds, answered or not.
 * The deadline is stored on the ticket; the timer only acts on it,
 * and the release is a conditional update, so a stale timer changes nothing.
 */
@Component
class AnswerWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnswerWatch.class);

    private final TicketRepository tickets;
    private final TimingWheel wheel;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration sweepEvery;
    private final ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "answer-watch"));

    AnswerWatch(TicketRepository tickets, TimingWheel wheel, TransactionTemplate tx, ApplicationEventPublisher events,
                Clock clock, RoutingProperties routing) {
        this.tickets = tickets;
        this.wheel = wheel;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.sweepEvery = routing.sweepEvery();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        tickets.unansweredAssigned().forEach(this::watch);
        work.scheduleWithFixedDelay(this::sweep, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            for (Ticket t : tickets.overdueUnanswered(Timestamps.now(clock))) {
                release(t.id(), t.assigneeId(), true, "unanswered");
            }
        } catch (RuntimeException e) {
            log.warn("Answer-deadline sweep failed; the next one retries", e);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAssigned(TicketEvents.TicketAssigned e) {
        watch(e.ticketId(), e.staffId(), e.answerDue());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPresence(PresenceChanged e) {
        if (e.presence() == Presence.OFFLINE) {
            work.execute(() -> tickets.unansweredAssignedTo(e.staffId())
                    .forEach(t -> release(t.id(), e.staffId(), false, "offline")));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onDisabled(StaffDisabled e) {
        work.execute(() -> tickets.heldBy(e.staffId()).forEach(t -> {
            Instant now = Timestamps.now(clock);
            tx.executeWithoutResult(status -> {
                if (tickets.releaseHeld(t.id(), e.staffId(), now)) {
                    events.publishEvent(new TicketEvents.TicketReleased(t.id(), e.staffId(), "disabled"));
                    if (t.status() == TicketStatus.ASSIGNED) {
                        events.publishEvent(new TicketEvents.TicketQueued(t.id()));
                    }
                }
            });
        }));
    }

    private void watch(Ticket t) {
        if (t.answerDue() != null && t.assigneeId() != null) {
            watch(t.id(), t.assigneeId(), t.answerDue());
        }
    }

    private void watch(String ticketId, long staffId, Instant answerDue) {
        Duration delay = Duration.between(clock.instant(), answerDue);
        wheel.schedule(delay, () -> work.execute(() -> release(ticketId, staffId, true, "unanswered")));
    }

    private void release(String ticketId, long staffId, boolean onlyWhenDue, String reason) {
        Instant now = Timestamps.now(clock);
        tx.executeWithoutResult(status -> {
            if (tickets.releaseUnanswered(ticketId, staffId, now, onlyWhenDue)) {
                events.publishEvent(new TicketEvents.TicketReleased(ticketId, staffId, reason));
                events.publishEvent(new TicketEvents.TicketQueued(ticketId));
            }
        });
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
