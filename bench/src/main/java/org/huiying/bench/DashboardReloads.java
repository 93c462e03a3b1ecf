package org.huiying.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What each supervisor's dashboard (admin-ui {@code dashboard.js}) does when a board event arrives:
 * reload its ticket and staff lists over REST. Coalesced the way the page does it: at most one
 * reload in flight and at most one every {@code every} per supervisor; {@code every} of zero reloads
 * on every event, as the page did before it coalesced.
 */
final class DashboardReloads implements AutoCloseable {

    private static final List<String> LISTS = List.of("/api/tickets?status=OPEN", "/api/tickets?status=ASSIGNED",
            "/api/tickets?status=WAITING_CUSTOMER", "/api/staff");

    private final StaffAccounts api;
    private final List<StaffAccounts.Session> supervisors;
    private final long everyNanos;
    private final AtomicBoolean[] scheduled;
    private final AtomicLong[] lastStart;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-reloads");
        thread.setDaemon(true);
        return thread;
    });
    private final LongAdder reloads = new LongAdder();
    private final LongAdder failures = new LongAdder();

    DashboardReloads(StaffAccounts api, List<StaffAccounts.Session> supervisors, Duration every) {
        this.api = api;
        this.supervisors = supervisors;
        this.everyNanos = every.toNanos();
        scheduled = new AtomicBoolean[supervisors.size()];
        lastStart = new AtomicLong[supervisors.size()];
        for (int i = 0; i < supervisors.size(); i++) {
            scheduled[i] = new AtomicBoolean();
            lastStart[i] = new AtomicLong(System.nanoTime() - everyNanos);
        }
    }

    /** A board frame reached supervisor {@code s}. */
    void boardEvent(int s) {
        if (everyNanos == 0) {
            reload(s);
            return;
        }
        if (!scheduled[s].compareAndSet(false, true)) {
            return; // the reload already scheduled or running will show this event too
        }
        long wait = Math.max(0, lastStart[s].get() + everyNanos - System.nanoTime());
        timers.schedule(() -> {
            lastStart[s].set(System.nanoTime());
            reload(s).whenComplete((r, e) -> scheduled[s].set(false));
        }, wait, TimeUnit.NANOSECONDS);
    }

    private CompletableFuture<Void> reload(int s) {
        reloads.increment();
        return CompletableFuture.allOf(LISTS.stream().map(path -> api.get(supervisors.get(s), path).exceptionally(e -> {
            failures.increment();
            return null;
        })).toArray(CompletableFuture[]::new));
    }

    long reloads() {
        return reloads.sum();
    }

    long failures() {
        return failures.sum();
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
