package org.huiying.routing.assignment;

import java.time.Instant;
import java.util.Set;

/**
 * What routing needs to know about one staff member at the moment of a decision.
 *
 * @param lastAssignedAt when this agent last received a ticket; null if never (counts as longest idle)
 */
public record AgentSnapshot(long id, boolean online, Set<String> roles, Set<String> skills,
                            int openTickets, int maxConcurrent, Instant lastAssignedAt) {

    public AgentSnapshot {
        roles = Set.copyOf(roles);
        skills = Set.copyOf(skills);
    }

    public boolean hasCapacity() {
        return openTickets < maxConcurrent;
    }

    /** The same agent after taking one more ticket at {@code at}. */
    public AgentSnapshot withOneMore(Instant at) {
        return new AgentSnapshot(id, online, roles, skills, openTickets + 1, maxConcurrent, at);
    }
}
