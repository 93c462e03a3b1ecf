package org.huiying.routing.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order tickets leave the queue: highest effective priority first, oldest first among equals.
 * Effective priority is the ticket's priority plus one for every {@code ageingStep} it has waited,
 * so a low-priority ticket rises and nothing starves behind a stream of urgent ones.
 */
public final class QueueOrder {

    private final Duration ageingStep;

    public QueueOrder(Duration ageingStep) {
        if (ageingStep.isNegative() || ageingStep.isZero()) {
            throw new IllegalArgumentException("ageing step must be positive");
        }
        this.ageingStep = ageingStep;
    }

    public long effectivePriority(WaitingTicket t, Instant now) {
        long waited = Math.max(0, Duration.between(t.waitingSince(), now).toMillis());
        return t.priority() + waited / ageingStep.toMillis();
    }

    public Comparator<WaitingTicket> at(Instant now) {
        return Comparator.comparingLong((WaitingTicket t) -> -effectivePriority(t, now))
                .thenComparing(WaitingTicket::waitingSince)
                .thenComparing(WaitingTicket::id);
    }
}
