package org.huiying.routing.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepeatedProblemDetectorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final RepeatedProblemDetector detector = new RepeatedProblemDetector(3, Duration.ofDays(30));

    private static ProblemReport report(String id, String system, String model, Duration ago) {
        return new ProblemReport(id, Set.of(system), model, NOW.minus(ago));
    }

    @Test
    void thirdChargingFaultOnTheSameModelEscalates() {
        var found = detector.check(report("t3", "charging", "A8", Duration.ZERO), List.of(
                report("t1", "charging", "A8", Duration.ofDays(3)), report("t2", "charging", "A8", Duration.ofDays(1))));
        assertThat(found).contains(new RepeatedProblem("charging", "A8", List.of("t1", "t2", "t3")));
    }

    @Test
    void twoAreNotEnough() {
        assertThat(detector.check(report("t2", "charging", "A8", Duration.ZERO),
                List.of(report("t1", "charging", "A8", Duration.ofDays(1))))).isEmpty();
    }

    @Test
    void differentSystemsOrModelsDoNotAddUp() {
        assertThat(detector.check(report("t3", "charging", "A8", Duration.ZERO), List.of(
                report("t1", "battery", "A8", Duration.ofDays(1)), report("t2", "charging", "B6", Duration.ofDays(1))))).isEmpty();
    }

    @Test
    void reportsOutsideTheWindowDoNotCount() {
        assertThat(detector.check(report("t3", "motor", null, Duration.ZERO), List.of(
                report("t1", "motor", null, Duration.ofDays(31)), report("t2", "motor", null, Duration.ofDays(2))))).isEmpty();
    }

    @Test
    void workSkillsAreNotVehicleSystems() {
        assertThat(detector.check(report("t3", "appointment", null, Duration.ZERO), List.of(
                report("t1", "appointment", null, Duration.ofDays(1)), report("t2", "appointment", null, Duration.ofDays(1))))).isEmpty();
    }

    @Test
    void theMostRecentEarlierReportsAreTheOnesEscalated() {
        var found = detector.check(report("t4", "thermal", null, Duration.ZERO), List.of(
                report("t1", "thermal", null, Duration.ofDays(9)), report("t2", "thermal", null, Duration.ofDays(5)),
                report("t3", "thermal", null, Duration.ofDays(1))));
        assertThat(found.orElseThrow().ticketIds()).containsExactly("t2", "t3", "t4");
    }
}
