package org.huiying.server.bench;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.huiying.routing.sla.SlaMonitor;
import org.huiying.server.concurrent.TimingWheel;

/**
 * Cost of scheduling and cancelling one SLA timer while 10k or 2M others are live, on the
 * timing wheel we use and, as the baseline, on the JDK's heap-based ScheduledThreadPoolExecutor.
 * Prints ns per schedule+cancel pair (best of three rounds of 1M, after warm-up, so JIT and
 * other load on a 2-core machine distort less) and the 2M/10k ratio (goal: ≤ 1.2× for the wheel).
 */
public final class SlaTimerBenchmark {

    private static final int OPS = 1_000_000;
    private static final Runnable NOTHING = () -> { };

    interface Timers extends AutoCloseable {
        Runnable schedule(long delayMillis);

        @Override
        void close();
    }

    public static void main(String[] args) {
        int[] sizes = {10_000, 2_000_000};
        System.out.printf("%-28s %12s %14s%n", "timer", "live timers", "ns/sched+cancel");
        for (String impl : new String[] {"netty HashedWheelTimer", "ScheduledThreadPoolExecutor"}) {
            double[] result = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                try (Timers timers = impl.startsWith("netty") ? wheel() : heap()) {
                    result[i] = measure(timers, sizes[i]);
                }
                System.out.printf("%-28s %12d %14.0f%n", impl, sizes[i], result[i]);
            }
            System.out.printf("%-28s %12s %13.2fx%n", impl, "2M / 10k", result[1] / result[0]);
        }
    }

    private static double measure(Timers timers, int live) {
        SplittableRandom random = new SplittableRandom(42);
        long hour = Duration.ofHours(1).toMillis();
        for (int i = 0; i < live; i++) {
            timers.schedule(hour + random.nextLong(47 * hour));
        }
        for (int i = 0; i < 500_000; i++) { // warm-up
            timers.schedule(hour + random.nextLong(47 * hour)).run();
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < OPS; i++) {
                timers.schedule(hour + random.nextLong(47 * hour)).run();
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) OPS);
        }
        return best;
    }

    private static Timers wheel() {
        TimingWheel wheel = new TimingWheel();
        return new Timers() {
            @Override
            public Runnable schedule(long delayMillis) {
                SlaMonitor.Cancellable c = wheel.schedule(Duration.ofMillis(delayMillis), NOTHING);
                return c::cancel;
            }

            @Override
            public void close() {
                wheel.close();
            }
        };
    }

    private static Timers heap() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        executor.setRemoveOnCancelPolicy(true);
        return new Timers() {
            @Override
            public Runnable schedule(long delayMillis) {
                ScheduledFuture<?> f = executor.schedule(NOTHING, delayMillis, TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
