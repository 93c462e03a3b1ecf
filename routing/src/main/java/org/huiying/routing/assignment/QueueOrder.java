package org.huiying.routing.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

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
     * The tickets in the order they leave the queue, produced one at a
     * time: each one's effective priority is worked out once, the queue is heapified in linear time
     * and only as many tickets are taken off as the caller asks for. A pass goes over the whole
     * queue (thousands of tickets under load) each time a seat frees up, and usually places a few.
     */
    public Iterator<WaitingTicket> inOrder(Collection<WaitingTicket> waiting, Instant now) {
        List<Keyed> keyed = new ArrayList<>(waiting.size());
        for (WaitingTicket t : waiting) {
            keyed.add(new Keyed(effectivePriority(t, now), t));
        }
        PriorityQueue<Keyed> heap = new PriorityQueue<>(keyed);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heap.isEmpty();
            }

            @Override
            public WaitingTicket next() {
                Keyed next = heap.poll();
                if (next == null) {
                    throw new NoSuchElementException();
                }
                return next.ticket();
            }
        };
    }

    /** All of them in leaving order (see {@link #inOrder}). */
    public List<WaitingTicket> sorted(Collection<WaitingTicket> waiting, Instant now) {
        List<WaitingTicket> sorted = new ArrayList<>(waiting.size());
        inOrder(waiting, now).forEachRemaining(sorted::add);
        return sorted;
    }

    private record Keyed(long effectivePriority, WaitingTicket ticket) implements Comparable<Keyed> {
        @Override
        public int compareTo(Keyed other) {
            int byPriority = Long.compare(other.effectivePriority, effectivePriority);
            if (byPriority != 0) {
                return byPriority;
            }
            int bySince = ticket.waitingSince().compareTo(other.ticket.waitingSince());
            return bySince != 0 ? bySince : ticket.id().compareTo(other.ticket.id());
        }
    }
}
