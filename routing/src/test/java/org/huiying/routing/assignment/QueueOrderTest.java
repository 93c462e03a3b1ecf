package org.huiying.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final QueueOrder order = new QueueOrder(Duration.ofMinutes(10));

    private static WaitingTicket waiting(String id, int priority, Duration waited) {
        return new WaitingTicket(id, priority, NOW.minus(waited), "AGENT", Set.of(), null);
    }

    private List<String> sorted(WaitingTicket... tickets) {
        return order.sorted(List.of(tickets), NOW).stream().map(WaitingTicket::id).toList();
    }

    @Test
    void higherPriorityGoesFirst() {
        assertThat(sorted(waiting("inquiry", 0, Duration.ofMinutes(1)), waiting("complaint", 2, Duration.ZERO)))
                .containsExactly("complaint", "inquiry");
    }

    @Test
    void amongEqualsTheOldestGoesFirst() {
        assertThat(sorted(waiting("new", 1, Duration.ofMinutes(1)), waiting("old", 1, Duration.ofMinutes(5))))
                .containsExactly("old", "new");
    }

    @Test
    void anInquiryThatWaitedLongEnoughOvertakesAFreshComplaint() {
        assertThat(sorted(waiting("complaint", 2, Duration.ZERO), waiting("inquiry", 0, Duration.ofMinutes(19))))
                .containsExactly("complaint", "inquiry");
        assertThat(sorted(waiting("complaint", 2, Duration.ZERO), waiting("inquiry", 0, Duration.ofMinutes(30))))
                .containsExactly("inquiry", "complaint");
    }

    @Test
    void aLongQueueLeavesByEffectivePriorityThenWaitThenId() {
        java.util.Random random = new java.util.Random(12);
        List<WaitingTicket> queue = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // few distinct priorities and waits, so effective priorities and waiting times tie often
            queue.add(waiting("tk-" + random.nextInt(100_000), random.nextInt(4), Duration.ofMinutes(random.nextInt(60))));
        }

        List<WaitingTicket> sorted = order.sorted(queue, NOW);

        assertThat(sorted).hasSameSizeAs(queue).containsExactlyInAnyOrderElementsOf(queue);
        for (int i = 1; i < sorted.size(); i++) {
            WaitingTicket before = sorted.get(i - 1);
            WaitingTicket after = sorted.get(i);
            long first = order.effectivePriority(before, NOW);
            long second = order.effectivePriority(after, NOW);
            assertThat(first).isGreaterThanOrEqualTo(second);
            if (first == second) {
                assertThat(before.waitingSince()).isBeforeOrEqualTo(after.waitingSince());
                if (before.waitingSince().equals(after.waitingSince())) {
                    assertThat(before.id()).isLessThanOrEqualTo(after.id());
                }
            }
        }
    }
}
