package org.huiying.routing.escalation;

import java.util.List;

/** Enough reports of the same problem to send it to R&D (seed rule: three of the same technical type). */
public record RepeatedProblem(String system, String model, List<String> ticketIds) {

    public RepeatedProblem {
        ticketIds = List.copyOf(ticketIds);
    }
}
