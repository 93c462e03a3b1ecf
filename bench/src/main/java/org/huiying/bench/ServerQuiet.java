package org.huiying.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waits until a server has finished the work a phase left behind (tickets opened by first messages
 * go on being routed and checked for repeated problems after their acks), so the next phase
 * measures its own load: quiet means the process used under {@code maxCores} over a whole window.
 */
final class ServerQuiet {

    private ServerQuiet() {
    }

    /** Returns how long it took; gives up (and says so) after {@code atMost}. */
    static Duration await(LongSupplier cpuNanos, double maxCores, Duration window, Duration atMost) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < atMost.toNanos()) {
            long cpu = cpuNanos.getAsLong();
            long at = System.nanoTime();
            Thread.sleep(window.toMillis()); // a bench pacing itself, not a test waiting for timing
            double cores = (cpuNanos.getAsLong() - cpu) / (double) (System.nanoTime() - at);
            if (cores < maxCores) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
        }
        GatewayBench.log("the server did not become quiet within " + atMost.toSeconds() + " s; measuring anyway");
        return atMost;
    }
}
