package org.huiying.routing.assignment;

import java.time.Instant;
import java.util.Set;

/**
 * A ticket waiting for someone.
 *
 * @param waitingSince when it entered the queue (ageing counts from here)
 * @param notTo        a staff member it must not go back to (they let it go unanswered); null for none
 */
public record WaitingTicket(String id, int priority, Instant waitingSince, String requiredRole, Set<String> skills,
                            Long notTo) {

    public WaitingTicket {
        skills = Set.copyOf(skills);
    }
}
