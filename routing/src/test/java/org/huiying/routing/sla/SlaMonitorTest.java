package org.huiying.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.huiying.routing.TicketType;
import org.huiying.routing.sla.TrackedTicket.Crossing;
import org.huiying.routing.support.TestClock;
import org.junit.jupiter.api.Test;

class SlaMonitorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T19:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final MemoryStore store = new MemoryStore();
    private final ManualTimer timer = new ManualTimer();
    private final List<String> heard = new ArrayList<>();

    private SlaMonitor monitor() {
        return new SlaMonitor(clock, store, (id, d, at) -> heard.add(id + " " + d.metric() + " " + d.threshold()),
                timer, Runnable::run);
    }

    private void advance(Duration d) {
        clock.advance(d);
        timer.runDue();
    }

    @Test
    void warnsThenBreachesAnUnansweredComplaintOnceEach() {
        SlaMonitor monitor = monitor();
        store.open("tk1", TicketType.COMPLAINT);
        monitor.refresh("tk1");

        advance(Duration.ofMinutes(89));
        assertThat(heard).isEmpty();
        advance(Duration.ofMinutes(1));
        assertThat(heard).containsExactly("tk1 FIRST_RESPONSE WARNING");
        advance(Duration.ofMinutes(30));
        assertThat(heard).containsExactly("tk1 FIRST_RESPONSE WARNING", "tk1 FIRST_RESPONSE BREACH");
        advance(Duration.ofMinutes(30));
        assertThat(heard).hasSize(2);
    }

    @Test
    void answeringInTimeCancelsTheFirstResponseDeadlines() {
        SlaMonitor monitor = monitor();
        store.open("tk1", TicketType.COMPLAINT);
        monitor.refresh("tk1");
        advance(Duration.ofMinutes(10));
        store.update("tk1", t -> t.respondedAt(clock.instant()));
        monitor.refresh("tk1");

        advance(Duration.ofHours(3));
        assertThat(heard).isEmpty();
        advance(Duration.ofHours(33));
        assertThat(heard).containsExactly("tk1 RESOLUTION WARNING");
    }

    @Test
    void resolvingStopsEverything() {
        SlaMonitor monitor = monitor();
        store.open("tk1", TicketType.APPOINTMENT);
        monitor.refresh("tk1");
        store.update("tk1", t -> t.respondedAt(clock.instant()).resolvedAt(clock.instant()));
        monitor.refresh("tk1");
        assertThat(monitor.tracked()).isZero();
        advance(Duration.ofDays(3));
        assertThat(heard).isEmpty();
    }

    @Test
    void aPausedClockNeverFiresAndResumesWithItsDeadlinesMoved() {
        SlaMonitor monitor = monitor();
        store.open("tk1", TicketType.APPOINTMENT);
        monitor.refresh("tk1");
        advance(Duration.ofMinutes(10));
        store.update("tk1", t -> t.pausedAt(clock.instant()));
        monitor.refresh("tk1");
        advance(Duration.ofHours(5));
        assertThat(heard).isEmpty();

        store.update("tk1", t -> t.resumedAt(clock.instant()));
        monitor.refresh("tk1");
        advance(Duration.ofMinutes(12));
        assertThat(heard).isEmpty();
        advance(Duration.ofMinutes(1)); // 10 + 13 = 23 of 30 minutes: past 75 %
        assertThat(heard).containsExactly("tk1 FIRST_RESPONSE WARNING");
    }

    @Test
    void onStartEverythingThatFellDueWhileDownIsRecordedOnceAndNothingTwice() {
        store.open("late", TicketType.COMPLAINT);
        store.open("fresh", TicketType.COMPLAINT);
        store.update("fresh", t -> SlaTimes.start(SlaPolicies.defaults().forType(TicketType.COMPLAINT), T0.plus(Duration.ofHours(3)), 0.75));
        clock.advance(Duration.ofHours(3));

        monitor().start();
        timer.runDue();
        assertThat(heard).containsExactly("late FIRST_RESPONSE WARNING", "late FIRST_RESPONSE BREACH");

        heard.clear();
        SlaMonitor afterRestart = monitor();
        afterRestart.start();
        timer.runDue();
        assertThat(heard).isEmpty();
        assertThat(afterRestart.tracked()).isEqualTo(2);
    }

    @Test
    void aSecondMonitorOnTheSameStoreDoesNotReportAgain() {
        SlaMonitor a = monitor();
        SlaMonitor b = monitor();
        store.open("tk1", TicketType.TECH_SUPPORT);
        a.refresh("tk1");
        b.refresh("tk1");
        advance(Duration.ofMinutes(5));
        assertThat(heard).containsExactly("tk1 FIRST_RESPONSE WARNING", "tk1 FIRST_RESPONSE BREACH");
    }

    @Test
    void sweepCatchesUpWhenTheClockJumpsAheadOfTheTimers() {
        SlaMonitor monitor = monitor();
        store.open("tk1", TicketType.TECH_SUPPORT);
        monitor.refresh("tk1");
        clock.advance(Duration.ofMinutes(6)); // no timer runs: the wall clock jumped
        monitor.sweep();
        assertThat(heard).containsExactly("tk1 FIRST_RESPONSE WARNING", "tk1 FIRST_RESPONSE BREACH");
    }

    @Test
    void aTimerFiringEarlyIsRescheduledNotLost() {
        SlaMonitor monitor = monitor();
        store.open("tk1", TicketType.TECH_SUPPORT);
        monitor.refresh("tk1");
        monitor.fire("tk1"); // too early: nothing due yet
        assertThat(heard).isEmpty();
        advance(Duration.ofMinutes(4));
        assertThat(heard).containsExactly("tk1 FIRST_RESPONSE WARNING");
    }

    /** A store kept in memory with the same record-once rule as the database's conditional update. */
    private final class MemoryStore implements SlaMonitor.Store {

        private final Map<String, SlaTimes> times = new HashMap<>();
        private final Map<String, Set<Crossing>> recorded = new HashMap<>();

        void open(String id, TicketType type) {
            times.put(id, SlaTimes.start(SlaPolicies.defaults().forType(type), clock.instant(), 0.75));
            recorded.put(id, new HashSet<>());
        }

        void update(String id, UnaryOperator<SlaTimes> change) {
            times.computeIfPresent(id, (k, t) -> change.apply(t));
        }

        @Override
        public void forEachTracked(Consumer<TrackedTicket> sink) {
            times.keySet().stream().sorted().forEach(id -> find(id).ifPresent(sink));
        }

        @Override
        public Optional<TrackedTicket> find(String id) {
            SlaTimes t = times.get(id);
            return t == null || t.resolvedAt() != null ? Optional.empty() : Optional.of(new TrackedTicket(id, t, recorded.get(id)));
        }

        @Override
        public boolean record(String id, SlaDeadline d, Instant now) {
            SlaTimes t = times.get(id);
            boolean stillTrue = t.pendingDeadlines().contains(d) && !d.at().isAfter(now);
            return stillTrue && recorded.get(id).add(new Crossing(d.metric(), d.threshold()));
        }
    }

    /** Runs timers whose time has come by the test clock. */
    private final class ManualTimer implements SlaMonitor.Timer {

        private record Task(Instant at, Runnable run, boolean[] cancelled) {
        }

        private final List<Task> tasks = new ArrayList<>();

        @Override
        public SlaMonitor.Cancellable schedule(Duration delay, Runnable run) {
            boolean[] cancelled = {false};
            tasks.add(new Task(clock.instant().plus(delay), run, cancelled));
            return () -> cancelled[0] = true;
        }

        void runDue() {
            while (true) {
                Optional<Task> next = tasks.stream().filter(t -> !t.cancelled()[0] && !t.at().isAfter(clock.instant()))
                        .min(Comparator.comparing(Task::at));
                if (next.isEmpty()) {
                    return;
                }
                tasks.remove(next.get());
                next.get().run().run();
            }
        }
    }
}
