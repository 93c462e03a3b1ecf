package org.huiying.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaTimesTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T19:00:00Z");
    private static final SlaPolicy COMPLAINT = SlaPolicies.defaults().forType(TicketType.COMPLAINT);

    private static SlaTimes open() {
        SlaDeadlines d = COMPLAINT.deadlinesFrom(OPENED);
        return new SlaTimes(OPENED, d.firstResponseDue(), null, d.resolutionDue(), null);
    }

    private static Instant after(Duration d) {
        return OPENED.plus(d);
    }

    @Test
    void freshComplaintIsOk() {
        assertThat(open().stateAt(after(Duration.ofMinutes(89)), 0.75)).isEqualTo(SlaState.OK);
    }

    @Test
    void warnsAtSeventyFivePercentOfTheFirstResponseTime() {
        assertThat(open().stateAt(after(Duration.ofMinutes(90)), 0.75)).isEqualTo(SlaState.WARNING);
    }

    @Test
    void breachesWhenNobodyAnswersWithinTwoHours() {
        assertThat(open().stateAt(after(Duration.ofHours(2).minusMillis(1)), 0.75)).isEqualTo(SlaState.WARNING);
        assertThat(open().stateAt(after(Duration.ofHours(2)), 0.75)).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void answeredInTimeThenResolvedInTimeIsMet() {
        SlaTimes t = open();
        SlaTimes done = new SlaTimes(OPENED, t.firstResponseDue(), after(Duration.ofMinutes(30)), t.resolutionDue(),
                after(Duration.ofHours(5)));
        assertThat(done.stateAt(after(Duration.ofDays(10)), 0.75)).isEqualTo(SlaState.MET);
    }

    @Test
    void lateFirstAnswerStaysBreachedEvenAfterResolution() {
        SlaTimes t = open();
        SlaTimes late = new SlaTimes(OPENED, t.firstResponseDue(), after(Duration.ofHours(3)), t.resolutionDue(),
                after(Duration.ofHours(4)));
        assertThat(late.stateAt(after(Duration.ofHours(4)), 0.75)).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void answeredButUnresolvedWarnsNearTheResolutionDeadline() {
        SlaTimes t = open();
        SlaTimes answered = new SlaTimes(OPENED, t.firstResponseDue(), after(Duration.ofMinutes(5)), t.resolutionDue(), null);
        assertThat(answered.stateAt(after(Duration.ofHours(35)), 0.75)).isEqualTo(SlaState.OK);
        assertThat(answered.stateAt(after(Duration.ofHours(36)), 0.75)).isEqualTo(SlaState.WARNING);
        assertThat(answered.stateAt(after(Duration.ofHours(48)), 0.75)).isEqualTo(SlaState.BREACHED);
    }
}
