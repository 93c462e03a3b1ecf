package org.huiying.routing.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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

    /**
     * The tickets in the order they leave the queue, as {@link #at} sorts them, with each one's
     * effective priority worked out once instead of in every comparison: a pass sorts the whole
     * queue (thousands of tickets under load) each time a seat frees up.
     */
    public List<WaitingTicket> sorted(Collection<WaitingTicket> waiting, Instant now) {
        List<Keyed> keyed = new ArrayList<>(waiting.size());
        for (WaitingTicket t : waiting) {
            keyed.add(new Keyed(effectivePriority(t, now), t));
        }
        keyed.sort(Keyed.ORDER);
        List<WaitingTicket> sorted = new ArrayList<>(keyed.size());
        keyed.forEach(k -> sorted.add(k.ticket()));
        return sorted;
    }

    private record Keyed(long effectivePriority, WaitingTicket ticket) {
        static final Comparator<Keyed> ORDER = Comparator.comparingLong((Keyed k) -> -k.effectivePriority())
                .thenComparing(k -> k.ticket().waitingSince())
                .thenComparing(k -> k.ticket().id());
    }

    public Comparator<WaitingTicket> at(Instant now) {
        return Comparator.comparingLong((WaitingTicket t) -> -effectivePriority(t, now))
                .thenComparing(WaitingTicket::waitingSince)
                .thenComparing(WaitingTicket::id);
    }
}
