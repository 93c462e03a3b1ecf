package org.huiying.server.escalation;

import java.util.List;
import java.util.Set;

/**
 * Which queue works an escalation, by its kind: R&D ({@code RND}) takes technical problems that keep
 * coming back; the supervisors everything else. A new kind for R&D is one more entry in {@link #RND_KINDS}.
 */
final class EscalationQueues {

    static final String RND = "RND";
    static final String SUPERVISORS = "SUPERVISORS";

    static final Set<String> RND_KINDS = Set.of(
            RepeatedProblemWatch.KIND, ReworkEscalations.KIND);

    private EscalationQueues() {
    }

    static String of(String kind) {
        return RND_KINDS.contains(kind) ? RND : SUPERVISORS;
    }

    static boolean isRnd(String kind) {
        return RND_KINDS.contains(kind);
    }

    static List<String> rndKinds() {
        return List.copyOf(RND_KINDS);
    }
}
