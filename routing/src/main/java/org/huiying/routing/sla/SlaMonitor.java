package org.huiying.routing.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Watches every running SLA clock and reports each warning and breach exactly once.
 *
 * <p>The store is the truth: the monitor keeps one timer per ticket, for its earliest unrecorded
 * deadline, and when it fires it re-reads the ticket and asks the store to record each crossing
 * that is due. The store records a crossing only if it is still true and not yet recorded, so a
 * stale timer, a duplicate timer, a restart or a second node can never report one twice. On
 * {@link #start()} every tracked ticket is loaded; what fell due while nobody watched fires at once.
 */
public final class SlaMonitor {

    /** Where clocks are kept. */
    public interface Store {

        /** Streams every unresolved ticket's clock. */
        void forEachTracked(Consumer<TrackedTicket> sink);

        Optional<TrackedTicket> find(String ticketId);

        /**
         * Records that {@code deadline} was crossed, if the ticket's stored clock still says so at
         * {@code now} and it was not recorded before. Returns whether this call recorded it.
         */
        boolean record(String ticketId, SlaDeadline deadline, Instant now);
    }

    /** Told of each crossing after it is recorded. */
    public interface Listener {
        void crossed(String ticketId, SlaDeadline deadline, Instant recordedAt);
    }

    /** A timer facility, e.g. a hashed timing wheel. */
    public interface Timer {
        Cancellable schedule(Duration delay, Runnable task);
    }

    /** A scheduled task that may be called off. */
    public interface Cancellable {
        void cancel();
    }

    private record Scheduled(Instant at, Cancellable timer) {
    }

    private final Clock clock;
    private final Store store;
    private final Listener listener;
    private final Timer timer;
    private final Executor firing;
    private final ConcurrentHashMap<String, Scheduled> scheduled = new ConcurrentHashMap<>();

    /**
     * @param firing runs the store and listener work of a fired timer, so a slow database never
     *               delays the timer thread and with it every other deadline
     */
    public SlaMonitor(Clock clock, Store store, Listener listener, Timer timer, Executor firing) {
        this.clock = clock;
        this.store = store;
        this.listener = listener;
        this.timer = timer;
        this.firing = firing;
    }

    /** Loads every running clock; records at once whatever fell due before. */
    public void start() {
        store.forEachTracked(this::schedule);
    }

    /** The ticket's clock changed (opened, answered, paused, resumed, resolved): re-read and reschedule. */
    public void refresh(String ticketId) {
        store.find(ticketId).ifPresentOrElse(this::schedule, () -> forget(ticketId));
    }

    /**
     * Fires every timer whose instant has passed by the clock. Called now and then, so that a
     * clock that jumped forward (or a lost timer) is caught up with.
     */
    public void sweep() {
        Instant now = clock.instant();
        scheduled.forEach((ticketId, s) -> {
            if (!s.at().isAfter(now)) {
                firing.execute(() -> fire(ticketId));
            }
        });
    }

    /** How many tickets have a timer. */
    public int tracked() {
        return scheduled.size();
    }

    public void forget(String ticketId) {
        Scheduled old = scheduled.remove(ticketId);
        if (old != null) {
            old.timer().cancel();
        }
    }

    void fire(String ticketId) {
        scheduled.remove(ticketId); // this timer is spent; whatever comes next gets a new one
        Optional<TrackedTicket> ticket = store.find(ticketId);
        if (ticket.isEmpty()) {
            forget(ticketId);
            return;
        }
        Instant now = clock.instant();
        for (SlaDeadline due : ticket.get().unrecorded()) {
            if (due.at().isAfter(now)) {
                break;
            }
            if (store.record(ticketId, due, now)) {
                listener.crossed(ticketId, due, now);
            }
        }
        refresh(ticketId);
    }

    private void schedule(TrackedTicket ticket) {
        List<SlaDeadline> next = ticket.unrecorded();
        if (next.isEmpty()) {
            forget(ticket.ticketId());
            return;
        }
        Instant at = next.get(0).at();
        Duration delay = Duration.between(clock.instant(), at);
        String id = ticket.ticketId();
        scheduled.compute(id, (key, old) -> {
            if (old != null) {
                if (old.at().equals(at)) {
                    return old;
                }
                old.timer().cancel();
            }
            Runnable task = () -> firing.execute(() -> fire(id));
            return new Scheduled(at, timer.schedule(delay.isNegative() ? Duration.ZERO : delay, task));
        });
    }
}
