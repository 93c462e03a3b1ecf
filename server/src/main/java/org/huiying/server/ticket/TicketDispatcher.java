package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.huiying.routing.assignment.AgentSnapshot;
import org.huiying.routing.assignment.QueueOrder;
import org.huiying.routing.assignment.RoutingPipeline;
import org.huiying.server.staff.PresenceChanged;
import org.huiying.server.staff.StaffRepository;
import org.huiying.server.storage.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands waiting tickets to free staff whenever that could change: a ticket entered a queue or was
 * resolved, someone's presence changed, the server started. One thread per node plans a pass;
 * requests arriving meanwhile fold into one more pass, which starts no sooner than
 * {@code huiying.routing.pass-gap} after the last one. Each planned assignment is then claimed
 * under row locks, so dispatchers on several nodes never give one ticket to two agents nor an
 * agent more than their capacity.
 */
@Component
class TicketDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TicketDispatcher.class);
    private static final int MAX_WAITING = 10_000;
    private static final int CLAIMS_PER_TRANSACTION = 200;

    private final TicketRepository tickets;
    private final StaffRepository staff;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RoutingProperties routing;
    private final RoutingPipeline pipeline;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ticket-dispatcher"));
    private final AtomicBoolean pending = new AtomicBoolean();
    private final PassGap gap;
    private final ObjectProvider<WaitingOnTheLine> lines;

    TicketDispatcher(TicketRepository tickets, StaffRepository staff, TransactionTemplate tx,
                     ApplicationEventPublisher events, Clock clock, RoutingProperties routing,
                     ObjectProvider<WaitingOnTheLine> lines) {
        this.lines = lines;
        this.tickets = tickets;
        this.staff = staff;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.routing = routing;
        this.gap = new PassGap(routing.passGap());
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
            worker.schedule(this::runPass, gap.waitNanos(System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void runPass() {
        gap.passStarted(System.nanoTime());
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
            return; // nobody could take a ticket: no need to read the queue (a seat freeing up triggers a pass)
        }
        List<TicketRepository.Queued> waiting = notOnTheLine(tickets.queued(MAX_WAITING));
        if (waiting.isEmpty()) {
            return;
        }
        Instant now = Timestamps.now(clock);
        boolean stale = false;
        List<RoutingPipeline.Assignment> decisions = pipeline.assign(waiting.stream().map(TicketRepository.Queued::routing).toList(),
                agents, now);
        if (decisions.isEmpty()) {
            return;
        }
        // only the decided tickets' conversations: a pass usually places a few tickets of a long queue
        Set<String> decided = new HashSet<>();
        decisions.forEach(d -> decided.add(d.ticketId()));
        Map<String, String> conversationOf = new HashMap<>();
        for (TicketRepository.Queued q : waiting) {
            if (decided.contains(q.routing().id())) {
                conversationOf.put(q.routing().id(), q.conversationId());
            }
        }
        for (int from = 0; from < decisions.size(); from += CLAIMS_PER_TRANSACTION) {
            List<RoutingPipeline.Assignment> batch = decisions.subList(from, Math.min(decisions.size(), from + CLAIMS_PER_TRANSACTION));
            stale |= !Boolean.TRUE.equals(tx.execute(status -> claim(batch, conversationOf, now)));
        }
        if (stale) {
            // another node got there first: the seat or the ticket this plan counted on is gone, and
            // whatever it freed up (a seat, a ticket) is planned anew on fresh data
            request();
        }
    }

    /**
     * The decisions were made on a snapshot; other nodes may have acted since. Up to
     * {@value #CLAIMS_PER_TRANSACTION} decisions are claimed in one transaction, so a commit (a disk
     * flush) and the round trips are shared instead of paid per ticket. The agents' rows are locked
     * first, in id order (every claim for an agent queues there, so their load is counted under the
     * lock and never exceeds their capacity; the order keeps two dispatchers from deadlocking), then
     * the tickets with SKIP LOCKED: a ticket another node is claiming right now is simply left to it.
     * A decision whose agent is full or gone, or whose ticket is taken, is dropped and planned anew.
     */
    private boolean claim(List<RoutingPipeline.Assignment> decisions, Map<String, String> conversationOf, Instant now) {
        Map<Long, Integer> free = tickets.freeSeats(staff.lockOnlineCapacities(decisions.stream().map(RoutingPipeline.Assignment::staffId).toList()));
        Set<String> claimable = tickets.claimWaiting(decisions.stream().map(RoutingPipeline.Assignment::ticketId).toList());
        List<TicketRepository.Claim> claims = new ArrayList<>();
        for (RoutingPipeline.Assignment d : decisions) {
            int seats = free.getOrDefault(d.staffId(), 0);
            if (seats > 0 && claimable.contains(d.ticketId())) {
                free.put(d.staffId(), seats - 1);
                claims.add(new TicketRepository.Claim(d.ticketId(), d.staffId()));
            }
        }
        if (claims.isEmpty()) {
            return false;
        }
        Instant answerDue = now.plus(routing.answerWithin());
        List<TicketRepository.Claim> assigned = tickets.assignClaimed(claims, now, answerDue);
        assigned.stream().map(TicketRepository.Claim::staffId).distinct().forEach(staffId -> staff.recordAssignment(staffId, now));
        Map<String, Ticket> asAssigned = tickets.findByIds(assigned.stream().map(TicketRepository.Claim::ticketId).toList());
        for (TicketRepository.Claim c : assigned) {
            events.publishEvent(new TicketEvents.TicketAssigned(c.ticketId(), c.staffId(), conversationOf.get(c.ticketId()),
                    answerDue, asAssigned.get(c.ticketId())));
        }
        return assigned.size() == decisions.size();
    }

    /** Leaves out the tickets whose customer waits on a live line: that channel offers them itself. */
    private List<TicketRepository.Queued> notOnTheLine(List<TicketRepository.Queued> waiting) {
        if (waiting.isEmpty()) {
            return waiting;
        }
        Set<String> held = new HashSet<>();
        lines.forEach(line -> held.addAll(line.ticketIds()));
        return held.isEmpty() ? waiting : waiting.stream().filter(q -> !held.contains(q.routing().id())).toList();
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
