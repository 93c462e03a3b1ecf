package org.huiying.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentPickerTest {

    private final AgentPicker picker = new AgentPicker();

    private static AgentSnapshot agent(long id, boolean online, int open, int max, Set<String> skills, Instant last) {
        return new AgentSnapshot(id, online, Set.of("AGENT"), skills, open, max, last);
    }

    @Test
    void nobodyOnlineMeansTheTicketWaits() {
        assertThat(picker.pick(List.of(agent(1, false, 0, 3, Set.of(), null)), "AGENT", Set.of())).isEmpty();
    }

    @Test
    void fullAgentsAreSkipped() {
        var full = agent(1, true, 3, 3, Set.of(), null);
        var free = agent(2, true, 2, 3, Set.of(), null);
        assertThat(picker.pick(List.of(full, free), "AGENT", Set.of())).contains(free);
        assertThat(picker.pick(List.of(full), "AGENT", Set.of())).isEmpty();
    }

    @Test
    void leastBusyWinsThenLongestIdle() {
        var busy = agent(1, true, 2, 5, Set.of(), null);
        var recentlyServed = agent(2, true, 1, 5, Set.of(), Instant.parse("2026-11-23T10:00:00Z"));
        var idleLonger = agent(3, true, 1, 5, Set.of(), Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(picker.pick(List.of(busy, recentlyServed, idleLonger), "AGENT", Set.of())).contains(idleLonger);
    }

    @Test
    void skilledAgentPreferredEvenWhenBusier() {
        var generalist = agent(1, true, 0, 3, Set.of(), null);
        var chargingExpert = agent(2, true, 1, 3, Set.of("charging"), null);
        assertThat(picker.pick(List.of(generalist, chargingExpert), "AGENT", Set.of("charging"))).contains(chargingExpert);
    }

    @Test
    void withoutASkilledAgentFreeAnyoneTakesTheTicket() {
        var generalist = agent(1, true, 0, 3, Set.of(), null);
        assertThat(picker.pick(List.of(generalist), "AGENT", Set.of("charging"))).contains(generalist);
    }

    @Test
    void staffWithoutTheRoleAreNotEligible() {
        var expert = new AgentSnapshot(1, true, Set.of("EXPERT"), Set.of(), 0, 3, null);
        assertThat(picker.pick(List.of(expert), "AGENT", Set.of())).isEmpty();
    }
}
