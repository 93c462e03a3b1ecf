package org.huiying.server.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.huiying.routing.sla.SlaDeadline;
import org.huiying.routing.sla.SlaMonitor;
import org.huiying.routing.sla.SlaTimes;
import org.huiying.routing.sla.TrackedTicket;
import org.huiying.server.concurrent.TimingWheel;

/**
 * How late warnings fire: N tickets whose warning falls due within the next few seconds, watched
 * by the real SlaMonitor on the real timing wheel (store in memory, so only timing is measured).
 * Prints p50 / p99 / max lateness (goal: ≤ 1 s) and throughput.
 */
public final class SlaLatenessBenchmark {

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Duration spread = Duration.ofSeconds(10);
        Clock clock = Clock.systemUTC();
        Instant base = clock.instant().plusSeconds(2);
        SplittableRandom random = new SplittableRandom(7);
        Map<String, SlaTimes> times = new ConcurrentHashMap<>();
        for (int i = 0; i < tickets; i++) {
            Instant warn = base.plusMillis(random.nextLong(spread.toMillis()));
            times.put("t" + i, new SlaTimes(warn, warn.plus(Duration.ofHours(1)), null, warn.plus(Duration.ofDays(1)),
                    warn.plus(Duration.ofDays(2)), null, null));
        }
        long[] lateness = new long[tickets];
        AtomicInteger fired = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tickets);
        Map<String, Boolean> recorded = new ConcurrentHashMap<>();
        SlaMonitor.Store store = new SlaMonitor.Store() {
            @Override
            public void forEachTracked(Consumer<TrackedTicket> sink) {
                times.forEach((id, t) -> sink.accept(new TrackedTicket(id, t, Set.of())));
            }

            @Override
            public Optional<TrackedTicket> find(String id) {
                return Optional.of(new TrackedTicket(id, times.get(id), recorded.containsKey(id)
                        ? Set.of(new TrackedTicket.Crossing(org.huiying.routing.sla.SlaMetric.FIRST_RESPONSE,
                        org.huiying.routing.sla.SlaThreshold.WARNING)) : Set.of()));
            }

            @Override
            public boolean record(String id, SlaDeadline d, Instant now) {
                return recorded.putIfAbsent(id, Boolean.TRUE) == null;
            }
        };
        ExecutorService firing = Executors.newFixedThreadPool(2);
        try (TimingWheel wheel = new TimingWheel()) {
            SlaMonitor monitor = new SlaMonitor(clock, store, (id, d, at) -> {
                lateness[fired.getAndIncrement()] = Duration.between(d.at(), Instant.now()).toMillis();
                done.countDown();
            }, wheel, firing);
            long t0 = System.nanoTime();
            monitor.start();
            System.out.printf("scheduled %d tickets in %d ms%n", tickets, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            if (!done.await(60, TimeUnit.SECONDS)) {
                System.out.println("not all fired within 60 s: " + fired.get());
            }
        } finally {
            firing.shutdownNow();
        }
        long[] sorted = Arrays.copyOf(lateness, fired.get());
        Arrays.sort(sorted);
        System.out.printf("fired %d warnings spread over %d s: lateness p50 %d ms, p99 %d ms, max %d ms%n",
                sorted.length, spread.toSeconds(), sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)],
                sorted[sorted.length - 1]);
    }
}
