package org.huiying.routing.escalation;

import java.time.Instant;
import java.util.Set;

/**
 * A technical problem as the repeated-problem detector sees it.
 *
 * @param systems the vehicle systems involved (the ticket's technical skills: charging, battery, …)
 * @param model   the vehicle model when known, else null
 */
public record ProblemReport(String ticketId, Set<String> systems, String model, Instant at) {

    public ProblemReport {
        systems = Set.copyOf(systems);
    }
}
