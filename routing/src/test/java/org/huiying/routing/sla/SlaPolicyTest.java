package org.huiying.routing.sla;

import org.huiying.routing.TicketType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    private final Instant opened = Instant.parse("2026-11-23T19:00:00Z");

    @Test
    void complaintsMustBeAnsweredInTwoHoursAndSolvedInFortyEight() {
        SlaTimes d = SlaTimes.start(SlaPolicies.defaults().forType(TicketType.COMPLAINT), opened, 0.75);
        assertThat(d.firstResponseDue()).isEqualTo(Instant.parse("2026-11-23T21:00:00Z"));
        assertThat(d.resolutionDue()).isEqualTo(Instant.parse("2026-11-25T19:00:00Z"));
    }

    @Test
    void appointmentsAndExpertAnswersHaveShortFirstResponseTargets() {
        SlaPolicies p = SlaPolicies.defaults();
        assertThat(p.forType(TicketType.APPOINTMENT).firstResponse()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.forType(TicketType.TECH_SUPPORT).firstResponse()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void configuredPolicyReplacesOnlyItsOwnType() {
        SlaPolicies p = new SlaPolicies(Map.of(TicketType.INQUIRY,
                new SlaPolicy(Duration.ofMinutes(10), Duration.ofHours(2))));
        assertThat(p.forType(TicketType.INQUIRY).firstResponse()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.forType(TicketType.COMPLAINT).firstResponse()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void rejectsNonPositiveOrInvertedTargets() {
        assertThatThrownBy(() -> new SlaPolicy(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
