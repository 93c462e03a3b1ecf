package org.huiying.server.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.huiying.routing.sla.SlaMonitor;
import org.huiying.server.cluster.ClusterBus;
import org.huiying.server.cluster.Leadership;
import org.huiying.server.concurrent.TimingWheel;
import org.huiying.server.ticket.TicketEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the SLA monitor on the leading node (the only node, or the holder of the cluster's lock).
 * Each time this node becomes the leader it loads every running clock from the database, recording
 * at once what fell due while nobody watched (the store records a crossing only once, so a deadline
 * that passed during a crash or a failover fires exactly once). It follows every clock change
 * committed on any node, sweeps now and then in case the wall clock jumped, and reloads everything
 * every {@code huiying.sla.resync-every} in case a change notice from another node was lost.
 */
@Component
class SlaWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);

    private final SlaMonitor.Store store;
    private final TimingWheel wheel;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Leadership leadership;
    private final ClusterBus bus;
    private final Duration sweepEvery;
    private final Duration resyncEvery;
    private final ExecutorService firing = Executors.newFixedThreadPool(2, r -> new Thread(r, "sla-firing"));
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "sla-sweep"));
    private volatile Term term;
    private Leadership.Candidacy candidacy;
    private volatile boolean running;

    SlaWatch(SlaMonitor.Store store, TimingWheel wheel, ApplicationEventPublisher events, Clock clock, SlaWatchProperties settings,
             Leadership leadership, ClusterBus bus) {
        this.store = store;
        this.wheel = wheel;
        this.events = events;
        this.clock = clock;
        this.leadership = leadership;
        this.bus = bus;
        this.sweepEvery = settings.sweepEvery();
        this.resyncEvery = settings.resyncEvery();
    }

    @Override
    public void start() {
        running = true;
        candidacy = leadership.stand(this::lead, this::standDown);
    }

    private void lead() {
        Term next = new Term();
        term = next; // clock changes arriving while we load are followed too
        long started = System.nanoTime();
        next.monitor.start();
        log.info("SLA monitor watching {} tickets (loaded in {} ms)", next.monitor.tracked(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        next.sweep = sweeper.scheduleWithFixedDelay(() -> next.safely(next.monitor::sweep),
                sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
        next.resync = sweeper.scheduleWithFixedDelay(() -> next.safely(next.monitor::start),
                resyncEvery.toMillis(), resyncEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void standDown() {
        Term ending = term;
        term = null;
        if (ending != null) {
            ending.end();
            log.info("SLA monitor stopped on this node (no longer the leader)");
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onClockChanged(TicketEvents.SlaClockChanged event) {
        if (running) {
            bus.publish(new SlaClockMoved(event.ticketId()));
        }
    }

    @EventListener
    void onClockMoved(SlaClockMoved moved) {
        Term current = term;
        if (current != null) {
            firing.execute(() -> current.safely(() -> current.monitor.refresh(moved.ticketId())));
        }
    }

    int tracked() {
        Term current = term;
        return current == null ? 0 : current.monitor.tracked();
    }

    boolean leading() {
        return term != null;
    }

    @Override
    public void stop() {
        running = false;
        if (candidacy != null) {
            candidacy.close();
        }
        sweeper.shutdownNow();
        firing.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the database and before the web server takes requests. */
    @Override
    public int getPhase() {
        return 0;
    }

    /** One stretch of leadership: its own monitor and timers, all called off when it ends. */
    private final class Term implements SlaMonitor.Timer {

        private final Set<SlaMonitor.Cancellable> timers = ConcurrentHashMap.newKeySet();
        private final SlaMonitor monitor;
        private volatile boolean active = true;
        private ScheduledFuture<?> sweep;
        private ScheduledFuture<?> resync;

        Term() {
            SlaMonitor.Listener listener = (ticketId, deadline, at) -> events.publishEvent(
                    new SlaCrossed(ticketId, deadline.metric(), deadline.threshold(), deadline.at(), at));
            this.monitor = new SlaMonitor(clock, store, listener, this, firing);
        }

        @Override
        public SlaMonitor.Cancellable schedule(Duration delay, Runnable task) {
            AtomicReference<SlaMonitor.Cancellable> self = new AtomicReference<>();
            SlaMonitor.Cancellable timer = wheel.schedule(delay, () -> {
                SlaMonitor.Cancellable spent = self.get();
                if (spent != null) {
                    timers.remove(spent);
                }
                if (active) {
                    task.run();
                }
            });
            self.set(timer);
            timers.add(timer);
            return () -> {
                timers.remove(timer);
                timer.cancel();
            };
        }

        void safely(Runnable work) {
            if (!active) {
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("SLA monitor step failed; the next sweep retries", e);
            }
        }

        void end() {
            active = false;
            if (sweep != null) {
                sweep.cancel(false);
            }
            if (resync != null) {
                resync.cancel(false);
            }
            timers.forEach(SlaMonitor.Cancellable::cancel);
            timers.clear();
        }
    }
}
