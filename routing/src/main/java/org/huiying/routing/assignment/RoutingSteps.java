package org.huiying.routing.assignment;

import java.util.List;

/** The stock steps of the routing pipeline, each small enough to read at a glance. */
public final class RoutingSteps {

    private RoutingSteps() {
    }

    /** Online staff holding the role the ticket needs (EXPERT for technicians' questions, else AGENT). */
    public static RoutingStep eligible() {
        return (ticket, candidates) -> candidates.stream()
                .filter(a -> a.online() && a.roles().contains(ticket.requiredRole()))
                .toList();
    }

    /** Not the person who just let this ticket go unanswered. */
    public static RoutingStep notReturnedTo() {
        return (ticket, candidates) -> ticket.notTo() == null ? candidates
                : candidates.stream().filter(a -> a.id() != ticket.notTo()).toList();
    }

    /** Below their {@code maxConcurrent}. */
    public static RoutingStep capacity() {
        return (ticket, candidates) -> candidates.stream().filter(AgentSnapshot::hasCapacity).toList();
    }

    /**
     * Those holding every skill the ticket needs, when anyone free does; otherwise everyone left,
     * because a customer waiting on a skill label is worse than a generalist answering.
     */
    public static RoutingStep preferSkilled() {
        return (ticket, candidates) -> {
            List<AgentSnapshot> skilled = candidates.stream().filter(a -> a.skills().containsAll(ticket.skills())).toList();
            return skilled.isEmpty() ? candidates : skilled;
        };
    }
}
