package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.huiying.routing.assignment.AgentSnapshot;
import org.huiying.routing.assignment.QueueOrder;
import org.huiying.routing.assignment.RoutingPipeline;
import org.huiying.server.staff.PresenceChanged;
import org.huiying.server.staff.StaffRepository;
import org.huiying.server.system.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands waiting tickets to free staff whenever that could change: a ticket entered a queue or was
 * resolved, someone's presence changed, the server started. One thread per node plans a pass;
 * requests arriving meanwhile fold into one more pass. Each planned assignment is then claimed
 * under row locks, so dispatchers on several nodes never give one ticket to two agents nor an
 * agent more than their capacity.
 */
@Component
class TicketDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TicketDispatcher.class);
    private static final int MAX_WAITING = 10_000;

    private final TicketRepository tickets;
    private final StaffRepository staff;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RoutingProperties routing;
    private final RoutingPipeline pipeline;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ticket-dispatcher"));
    private final AtomicBoolean pending = new AtomicBoolean();

    TicketDispatcher(TicketRepository tickets, StaffRepository staff, TransactionTemplate tx,
                     ApplicationEventPublisher events, Clock clock, RoutingProperties routing) {
        this.tickets = tickets;
        this.staff = staff;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.routing = routing;
        this.pipeline = RoutingPipeline.standard(new QueueOrder(routing.ageingStep()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onOpened(TicketEvents.TicketOpened e) {
        request();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onQueued(TicketEvents.TicketQueued e) {
        request();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onResolved(TicketEvents.TicketResolved e) {
        request();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onReleased(TicketEvents.TicketReleased e) {
        request();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPresence(PresenceChanged e) {
        request();
    }

    /**
     * A pass now, and one every {@code huiying.routing.sweep-every} behind the events: a trigger
     * lost with a node that died between a commit and its pass never strands a waiting ticket.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        request();
        long every = routing.sweepEvery().toMillis();
        worker.scheduleWithFixedDelay(this::request, every, every, TimeUnit.MILLISECONDS);
    }

    void request() {
        if (pending.compareAndSet(false, true)) {
            worker.execute(this::runPass);
        }
    }

    private void runPass() {
        pending.set(false);
        try {
            dispatchWaiting();
        } catch (RuntimeException e) {
            log.error("Dispatch pass failed; tickets stay queued until the next trigger", e);
        }
    }

    private void dispatchWaiting() {
        List<AgentSnapshot> agents = snapshots();
        if (agents.stream().noneMatch(AgentSnapshot::hasCapacity)) {
            // nobody could take a ticket: reading the queue (up to MAX_WAITING rows, on every ticket
            // opened while all agents are busy or away) would only burn the CPU the customers need
            return;
        }
        List<Ticket> waiting = tickets.waiting(MAX_WAITING);
        if (waiting.isEmpty()) {
            return;
        }
        Instant now = Timestamps.now(clock);
        Map<String, Ticket> byId = new java.util.HashMap<>();
        waiting.forEach(t -> byId.put(t.id(), t));
        boolean stale = false;
        for (RoutingPipeline.Assignment decision : pipeline.assign(waiting.stream().map(Ticket::asWaiting).toList(), agents, now)) {
            Ticket ticket = byId.get(decision.ticketId());
            stale |= !Boolean.TRUE.equals(tx.execute(status -> claim(ticket, decision.staffId(), now)));
        }
        if (stale) {
            // another node got there first: the seat or the ticket this plan counted on is gone, and
            // whatever it freed up (a seat, a ticket) is planned anew on fresh data
            request();
        }
    }

    /**
     * The decision was made on a snapshot; other nodes may have acted since. The agent's row is
     * locked first (every claim for them queues here, so their load is counted under the lock and
     * never exceeds their capacity), then the ticket is claimed with SKIP LOCKED: a ticket another
     * node is claiming right now is simply left to it. Only row waits are on agents, one per
     * transaction, so two dispatchers cannot deadlock.
     */
    private boolean claim(Ticket ticket, long staffId, Instant now) {
        if (!tickets.lockAgentWithRoom(staffId) || !tickets.claimWaiting(ticket.id())
                || !tickets.assignIfWaiting(ticket.id(), staffId, now, now.plus(routing.answerWithin()))) {
            return false;
        }
        staff.recordAssignment(staffId, now);
        events.publishEvent(new TicketEvents.TicketAssigned(ticket.id(), staffId, ticket.conversationId()));
        return true;
    }

    private List<AgentSnapshot> snapshots() {
        var online = staff.findOnline();
        if (online.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> load = tickets.loadByAssignee();
        return online.stream()
                .map(s -> new AgentSnapshot(s.id(), true, s.roleNames(), s.skills(), load.getOrDefault(s.id(), 0),
                        s.maxConcurrent(), s.lastAssignedAt()))
                .toList();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
