package org.huiying.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses who gets a ticket, as a pipeline of small steps: eligible (online, has the role) →
 * capacity → skill match → pick (least busy, then longest idle, then lowest id for determinism).
 * Agents holding every required skill are preferred; when none of them is free, any eligible agent
 * with capacity takes the ticket rather than letting a customer wait on a skill label.
 * Returns empty when nobody fits; the ticket then waits in its queue.
 */
public final class AgentPicker {

    private static final Comparator<AgentSnapshot> LEAST_BUSY_THEN_LONGEST_IDLE = Comparator
            .comparingInt(AgentSnapshot::openTickets)
            .thenComparing(a -> a.lastAssignedAt() == null ? Instant.MIN : a.lastAssignedAt())
            .thenComparingLong(AgentSnapshot::id);

    public Optional<AgentSnapshot> pick(Collection<AgentSnapshot> agents, String requiredRole, Set<String> requiredSkills) {
        List<AgentSnapshot> free = agents.stream()
                .filter(a -> a.online() && a.roles().contains(requiredRole))
                .filter(AgentSnapshot::hasCapacity)
                .toList();
        Optional<AgentSnapshot> skilled = free.stream()
                .filter(a -> a.skills().containsAll(requiredSkills))
                .min(LEAST_BUSY_THEN_LONGEST_IDLE);
        return skilled.isPresent() ? skilled : free.stream().min(LEAST_BUSY_THEN_LONGEST_IDLE);
    }
}
