package org.huiying.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.huiying.routing.assignment.RoutingPipeline.Assignment;
import org.junit.jupiter.api.Test;

class RoutingPipelineTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final RoutingPipeline pipeline = RoutingPipeline.standard(new QueueOrder(Duration.ofMinutes(10)));

    private static AgentSnapshot agent(long id, boolean online, int open, int max, Set<String> skills, Instant last) {
        return new AgentSnapshot(id, online, Set.of("AGENT"), skills, open, max, last);
    }

    private static WaitingTicket ticket(String id, int priority, Duration waited, Set<String> skills) {
        return new WaitingTicket(id, priority, NOW.minus(waited), "AGENT", skills, null);
    }

    private static WaitingTicket simple(String id) {
        return ticket(id, 0, Duration.ZERO, Set.of());
    }

    @Test
    void nobodyOnlineMeansTheTicketWaits() {
        assertThat(pipeline.route(simple("t"), List.of(agent(1, false, 0, 3, Set.of(), null)))).isEmpty();
    }

    @Test
    void fullAgentsAreSkipped() {
        var full = agent(1, true, 3, 3, Set.of(), null);
        var free = agent(2, true, 2, 3, Set.of(), null);
        assertThat(pipeline.route(simple("t"), List.of(full, free))).contains(free);
        assertThat(pipeline.route(simple("t"), List.of(full))).isEmpty();
    }

    @Test
    void leastBusyWinsThenLongestIdle() {
        var busy = agent(1, true, 2, 5, Set.of(), null);
        var recentlyServed = agent(2, true, 1, 5, Set.of(), NOW.minusSeconds(60));
        var idleLonger = agent(3, true, 1, 5, Set.of(), NOW.minusSeconds(3600));
        assertThat(pipeline.route(simple("t"), List.of(busy, recentlyServed, idleLonger))).contains(idleLonger);
    }

    @Test
    void skilledAgentPreferredEvenWhenBusier() {
        var generalist = agent(1, true, 0, 3, Set.of(), null);
        var chargingAgent = agent(2, true, 1, 3, Set.of("charging"), null);
        assertThat(pipeline.route(ticket("t", 0, Duration.ZERO, Set.of("charging")), List.of(generalist, chargingAgent)))
                .contains(chargingAgent);
    }

    @Test
    void withoutAFreeSkilledAgentAnyoneFreeTakesTheTicket() {
        var generalist = agent(1, true, 0, 3, Set.of(), null);
        var fullSpecialist = agent(2, true, 3, 3, Set.of("charging"), null);
        assertThat(pipeline.route(ticket("t", 0, Duration.ZERO, Set.of("charging")), List.of(generalist, fullSpecialist)))
                .contains(generalist);
    }

    @Test
    void staffWithoutTheRoleAreNotEligible() {
        var expert = new AgentSnapshot(1, true, Set.of("EXPERT"), Set.of(), 0, 3, null);
        assertThat(pipeline.route(simple("t"), List.of(expert))).isEmpty();
        var techQuestion = new WaitingTicket("q", 3, NOW, "EXPERT", Set.of(), null);
        assertThat(pipeline.route(techQuestion, List.of(expert))).contains(expert);
    }

    @Test
    void aTicketDoesNotGoBackToWhoeverLetItGoUnanswered() {
        var slow = agent(1, true, 0, 3, Set.of(), null);
        var other = agent(2, true, 2, 3, Set.of(), null);
        var bounced = new WaitingTicket("t", 0, NOW, "AGENT", Set.of(), 1L);
        assertThat(pipeline.route(bounced, List.of(slow, other))).contains(other);
        assertThat(pipeline.route(bounced, List.of(slow))).isEmpty();
    }

    @Test
    void technicalProblemsAreServedBeforeInquiriesWhenCapacityIsShort() {
        var onlyOne = agent(1, true, 0, 1, Set.of(), null);
        List<Assignment> done = pipeline.assign(List.of(ticket("inquiry", 0, Duration.ofMinutes(5), Set.of()),
                ticket("technical", 2, Duration.ZERO, Set.of())), List.of(onlyOne), NOW);
        assertThat(done).containsExactly(new Assignment("technical", 1));
    }

    @Test
    void capacityIsCountedAsTicketsAreHandedOut() {
        var a = agent(1, true, 0, 2, Set.of(), null);
        var b = agent(2, true, 0, 1, Set.of(), null);
        List<Assignment> done = pipeline.assign(List.of(simple("t1"), simple("t2"), simple("t3"), simple("t4")), List.of(a, b), NOW);
        assertThat(done).hasSize(3);
        assertThat(done.stream().filter(d -> d.staffId() == 1)).hasSize(2);
        assertThat(done.stream().filter(d -> d.staffId() == 2)).hasSize(1);
    }
}
