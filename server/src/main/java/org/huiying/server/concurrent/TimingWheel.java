package org.huiying.server.concurrent;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.huiying.routing.sla.SlaMonitor;
import org.springframework.stereotype.Component;

/**
 * One hashed timing wheel for every deadline in the process (SLA crossings, answer deadlines):
 * scheduling and cancelling are O(1) whether ten or two million timers are live. 100 ms ticks,
 * so a timer fires at most about a tick late. Timer tasks must hand real work to an executor.
 */
@Component
public class TimingWheel implements SlaMonitor.Timer, AutoCloseable {

    private final HashedWheelTimer wheel = new HashedWheelTimer(r -> {
        Thread t = new Thread(r, "timing-wheel");
        t.setDaemon(true);
        return t;
    }, 100, TimeUnit.MILLISECONDS, 1024);

    @Override
    public SlaMonitor.Cancellable schedule(Duration delay, Runnable task) {
        Timeout timeout = wheel.newTimeout(t -> task.run(), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        return timeout::cancel;
    }

    public long pending() {
        return wheel.pendingTimeouts();
    }

    @Override
    public void close() {
        wheel.stop();
    }
}
