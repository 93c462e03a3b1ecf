package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.huiying.routing.AgentPicker;
import org.huiying.routing.AgentSnapshot;
import org.huiying.server.staff.PresenceChanged;
import org.huiying.server.staff.Staff;
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
 * Hands waiting tickets to free staff whenever that could change: a ticket opened or was resolved,
 * someone came online, the server started. One thread does it, so two tickets never race for the
 * last free seat; requests arriving while it runs are folded into one more pass.
 */
@Component
class TicketDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TicketDispatcher.class);
    private static final int BATCH = 200;

    private final TicketRepository tickets;
    private final StaffRepository staff;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AgentPicker picker = new AgentPicker();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "ticket-dispatcher"));
    private final AtomicBoolean pending = new AtomicBoolean();

    TicketDispatcher(TicketRepository tickets, StaffRepository staff, TransactionTemplate tx,
                     ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.staff = staff;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onOpened(TicketEvents.TicketOpened e) {
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

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        request();
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
        List<Ticket> waiting = tickets.waiting(BATCH);
        if (waiting.isEmpty()) {
            return;
        }
        List<AgentSnapshot> agents = snapshots();
        for (Ticket ticket : waiting) {
            var chosen = picker.pick(agents, ticket.requiredRole(), ticket.skills());
            if (chosen.isEmpty()) {
                continue;
            }
            AgentSnapshot agent = chosen.get();
            Instant now = Timestamps.now(clock);
            Boolean assigned = tx.execute(status -> {
                if (!tickets.assignIfWaiting(ticket.id(), agent.id(), now)) {
                    return false;
                }
                staff.recordAssignment(agent.id(), now);
                events.publishEvent(new TicketEvents.TicketAssigned(ticket.id(), agent.id(), ticket.conversationId()));
                return true;
            });
            if (Boolean.TRUE.equals(assigned)) {
                agents = withOneMore(agents, agent, now);
            }
        }
    }

    private List<AgentSnapshot> snapshots() {
        Map<Long, Integer> load = tickets.loadByAssignee();
        List<AgentSnapshot> result = new ArrayList<>();
        for (Staff s : staff.findOnline()) {
            result.add(new AgentSnapshot(s.id(), true, s.roleNames(), s.skills(), load.getOrDefault(s.id(), 0),
                    s.maxConcurrent(), s.lastAssignedAt()));
        }
        return result;
    }

    private static List<AgentSnapshot> withOneMore(List<AgentSnapshot> agents, AgentSnapshot agent, Instant at) {
        List<AgentSnapshot> next = new ArrayList<>(agents.size());
        for (AgentSnapshot a : agents) {
            next.add(a.id() != agent.id() ? a : new AgentSnapshot(a.id(), a.online(), a.roles(), a.skills(),
                    a.openTickets() + 1, a.maxConcurrent(), at));
        }
        return next;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
