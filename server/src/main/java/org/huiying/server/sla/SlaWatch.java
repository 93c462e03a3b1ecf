package org.huiying.server.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.huiying.routing.sla.SlaMonitor;
import org.huiying.server.system.TimingWheel;
import org.huiying.server.ticket.TicketEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the SLA monitor in this process: on start it loads every running clock from the database
 * (recording at once what fell due while the server was down), follows every clock change after
 * it is committed, and sweeps now and then in case the wall clock jumped.
 */
@Component
class SlaWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);

    private final SlaMonitor monitor;
    private final Duration sweepEvery;
    private final ExecutorService firing = Executors.newFixedThreadPool(2, r -> new Thread(r, "sla-firing"));
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "sla-sweep"));
    private volatile boolean running;

    SlaWatch(SlaStore store, TimingWheel wheel, ApplicationEventPublisher events, Clock clock, SlaSettings settings) {
        SlaMonitor.Listener listener = (ticketId, deadline, at) -> events.publishEvent(
                new SlaCrossed(ticketId, deadline.metric(), deadline.threshold(), deadline.at(), at));
        this.monitor = new SlaMonitor(clock, store, listener, wheel, firing);
        this.sweepEvery = settings.sweepEvery();
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        monitor.start();
        log.info("SLA monitor watching {} tickets (loaded in {} ms)", monitor.tracked(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        sweeper.scheduleWithFixedDelay(monitor::sweep, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onClockChanged(TicketEvents.SlaClockChanged event) {
        if (running) {
            firing.execute(() -> monitor.refresh(event.ticketId()));
        }
    }

    int tracked() {
        return monitor.tracked();
    }

    @Override
    public void stop() {
        running = false;
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
}
