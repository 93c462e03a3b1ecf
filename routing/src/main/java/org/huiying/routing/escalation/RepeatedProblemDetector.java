package org.huiying.routing.escalation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the same technical problem reported {@code threshold} times (default 3) within a window:
 * same vehicle system, and the same model when the new report names one. Each report counts
 * towards one escalation only; the caller passes the reports not escalated yet.
 */
public final class RepeatedProblemDetector {

    /** Skills that describe work, not a vehicle system: they never make problems "the same". */
    public static final Set<String> NOT_SYSTEMS = Set.of("appointment", "complaint", "general");

    private final int threshold;
    private final Duration window;

    public RepeatedProblemDetector(int threshold, Duration window) {
        if (threshold < 2) {
            throw new IllegalArgumentException("threshold must be at least 2");
        }
        this.threshold = threshold;
        this.window = window;
    }

    /** Whether {@code newest}, together with earlier unescalated reports, makes a repeated problem. */
    public Optional<RepeatedProblem> check(ProblemReport newest, List<ProblemReport> earlierUnescalated) {
        for (String system : newest.systems().stream().sorted().toList()) {
            if (NOT_SYSTEMS.contains(system)) {
                continue;
            }
            List<ProblemReport> same = new ArrayList<>();
            for (ProblemReport r : earlierUnescalated) {
                if (!r.ticketId().equals(newest.ticketId()) && r.systems().contains(system)
                        && Objects.equals(r.model(), newest.model())
                        && !r.at().isBefore(newest.at().minus(window)) && !r.at().isAfter(newest.at())) {
                    same.add(r);
                }
            }
            if (same.size() + 1 >= threshold) {
                same.sort(Comparator.comparing(ProblemReport::at));
                List<String> ids = new ArrayList<>();
                same.subList(same.size() - (threshold - 1), same.size()).forEach(r -> ids.add(r.ticketId()));
                ids.add(newest.ticketId());
                return Optional.of(new RepeatedProblem(system, newest.model(), ids));
            }
        }
        return Optional.empty();
    }
}
