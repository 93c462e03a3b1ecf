package org.huiying.routing.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides who gets which waiting ticket: the queue in {@link QueueOrder}, each ticket through the
 * steps (eligible → not returned to → capacity → prefer skilled), then the pick: least busy, then
 * longest idle, then lowest id so the result is deterministic. Pure: it decides, the caller stores.
 */
public final class RoutingPipeline {

    /** One decision: give {@code ticketId} to {@code staffId}. */
    public record Assignment(String ticketId, long staffId) {
    }

    private static final Comparator<AgentSnapshot> LEAST_BUSY_THEN_LONGEST_IDLE = Comparator
            .comparingInt(AgentSnapshot::openTickets)
            .thenComparing(a -> a.lastAssignedAt() == null ? Instant.MIN : a.lastAssignedAt())
            .thenComparingLong(AgentSnapshot::id);

    private final List<RoutingStep> steps;
    private final QueueOrder order;

    public RoutingPipeline(List<RoutingStep> steps, QueueOrder order) {
        this.steps = List.copyOf(steps);
        this.order = order;
    }

    /** The standard pipeline. */
    public static RoutingPipeline standard(QueueOrder order) {
        return new RoutingPipeline(List.of(RoutingSteps.eligible(), RoutingSteps.notReturnedTo(),
                RoutingSteps.capacity(), RoutingSteps.preferSkilled()), order);
    }

    /** The best person for one ticket now, if anyone fits. */
    public Optional<AgentSnapshot> route(WaitingTicket ticket, Collection<AgentSnapshot> agents) {
        List<AgentSnapshot> candidates = List.copyOf(agents);
        for (RoutingStep step : steps) {
            candidates = step.narrow(ticket, candidates);
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
        }
        return candidates.stream().min(LEAST_BUSY_THEN_LONGEST_IDLE);
    }

    /**
     * Assigns as many waiting tickets as the agents can take, most urgent first, counting each
     * assignment against the agent's capacity as it goes.
     */
    public List<Assignment> assign(Collection<WaitingTicket> waiting, Collection<AgentSnapshot> agents, Instant now) {
        Map<Long, AgentSnapshot> current = new HashMap<>();
        agents.forEach(a -> current.put(a.id(), a));
        List<Assignment> decisions = new ArrayList<>();
        // once every seat is taken no later ticket can be placed: stop, rather than order and route
        // the rest of a long queue through every agent for nothing
        int withRoom = (int) current.values().stream().filter(a -> a.online() && a.hasCapacity()).count();
        for (Iterator<WaitingTicket> queue = order.inOrder(waiting, now); queue.hasNext() && withRoom > 0; ) {
            WaitingTicket ticket = queue.next();
            Optional<AgentSnapshot> picked = route(ticket, current.values());
            if (picked.isPresent()) {
                AgentSnapshot agent = picked.get();
                decisions.add(new Assignment(ticket.id(), agent.id()));
                AgentSnapshot after = agent.withOneMore(now);
                current.put(agent.id(), after);
                if (!after.hasCapacity()) {
                    withRoom--;
                }
            }
        }
        return decisions;
    }
}
