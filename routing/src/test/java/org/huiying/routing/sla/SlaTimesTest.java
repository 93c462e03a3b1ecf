package org.huiying.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.huiying.routing.TicketType;
import org.junit.jupiter.api.Test;

class SlaTimesTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T19:00:00Z");
    private static final SlaPolicy COMPLAINT = SlaPolicies.defaults().forType(TicketType.COMPLAINT);

    private static SlaTimes open() {
        return SlaTimes.start(COMPLAINT, OPENED, 0.75);
    }

    private static Instant after(Duration d) {
        return OPENED.plus(d);
    }

    @Test
    void complaintsMustBeAnsweredInTwoHoursAndSolvedInFortyEight() {
        assertThat(open().firstResponseDue()).isEqualTo(after(Duration.ofHours(2)));
        assertThat(open().resolutionDue()).isEqualTo(after(Duration.ofHours(48)));
        assertThat(open().firstResponseWarnAt()).isEqualTo(after(Duration.ofMinutes(90)));
    }

    @Test
    void freshComplaintIsOk() {
        assertThat(open().stateAt(after(Duration.ofMinutes(89)))).isEqualTo(SlaState.OK);
    }

    @Test
    void warnsAtSeventyFivePercentOfTheFirstResponseTime() {
        assertThat(open().stateAt(after(Duration.ofMinutes(90)))).isEqualTo(SlaState.WARNING);
    }

    @Test
    void breachesWhenNobodyAnswersWithinTwoHours() {
        assertThat(open().stateAt(after(Duration.ofHours(2).minusMillis(1)))).isEqualTo(SlaState.WARNING);
        assertThat(open().stateAt(after(Duration.ofHours(2)))).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void answeredInTimeThenResolvedInTimeIsMet() {
        SlaTimes done = open().respondedAt(after(Duration.ofMinutes(30))).resolvedAt(after(Duration.ofHours(5)));
        assertThat(done.stateAt(after(Duration.ofDays(10)))).isEqualTo(SlaState.MET);
        assertThat(done.pendingDeadlines()).isEmpty();
    }

    @Test
    void lateFirstAnswerStaysBreachedEvenAfterResolution() {
        SlaTimes late = open().respondedAt(after(Duration.ofHours(3))).resolvedAt(after(Duration.ofHours(4)));
        assertThat(late.stateAt(after(Duration.ofHours(4)))).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void onlyTheFirstReplyCountsAsFirstResponse() {
        SlaTimes t = open().respondedAt(after(Duration.ofMinutes(10))).respondedAt(after(Duration.ofHours(3)));
        assertThat(t.firstRespondedAt()).isEqualTo(after(Duration.ofMinutes(10)));
    }

    @Test
    void answeredButUnresolvedWarnsNearTheResolutionDeadline() {
        SlaTimes answered = open().respondedAt(after(Duration.ofMinutes(5)));
        assertThat(answered.stateAt(after(Duration.ofHours(35)))).isEqualTo(SlaState.OK);
        assertThat(answered.stateAt(after(Duration.ofHours(36)))).isEqualTo(SlaState.WARNING);
        assertThat(answered.stateAt(after(Duration.ofHours(48)))).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void waitingOnTheCustomerStopsTheClockAndMovesEveryPendingDeadline() {
        SlaTimes paused = open().respondedAt(after(Duration.ofMinutes(5))).pausedAt(after(Duration.ofHours(1)));
        assertThat(paused.pendingDeadlines()).isEmpty();
        assertThat(paused.stateAt(after(Duration.ofHours(100)))).isEqualTo(SlaState.OK);

        SlaTimes resumed = paused.resumedAt(after(Duration.ofHours(25)));
        assertThat(resumed.resolutionDue()).isEqualTo(after(Duration.ofHours(72)));
        assertThat(resumed.resolutionWarnAt()).isEqualTo(after(Duration.ofHours(60)));
        assertThat(resumed.firstResponseDue()).as("met targets do not move").isEqualTo(after(Duration.ofHours(2)));
        assertThat(resumed.stateAt(after(Duration.ofHours(59)))).isEqualTo(SlaState.OK);
        assertThat(resumed.stateAt(after(Duration.ofHours(72)))).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void pauseBeforeTheFirstAnswerMovesTheFirstResponseDeadlineToo() {
        SlaTimes resumed = open().pausedAt(after(Duration.ofMinutes(30))).resumedAt(after(Duration.ofMinutes(90)));
        assertThat(resumed.firstResponseDue()).isEqualTo(after(Duration.ofHours(3)));
    }

    @Test
    void pendingDeadlinesComeEarliestFirst() {
        assertThat(open().pendingDeadlines()).extracting(SlaDeadline::at).isSorted();
        assertThat(open().pendingDeadlines()).hasSize(4);
        assertThat(open().respondedAt(after(Duration.ofMinutes(1))).pendingDeadlines())
                .extracting(SlaDeadline::metric).containsOnly(SlaMetric.RESOLUTION);
    }

    @Test
    void aReclassifiedClockTakesTheNewTargetsFromTheOriginalStartWithPausesStillExcluded() {
        SlaPolicy inquiry = SlaPolicies.defaults().forType(TicketType.INQUIRY);
        SlaTimes asInquiry = SlaTimes.start(inquiry, OPENED, 0.75)
                .pausedAt(after(Duration.ofMinutes(10))).resumedAt(after(Duration.ofMinutes(40)));

        SlaTimes asComplaint = asInquiry.retargeted(inquiry, COMPLAINT, 0.75);

        assertThat(asComplaint.firstResponseDue()).isEqualTo(after(Duration.ofMinutes(150)));
        assertThat(asComplaint.firstResponseWarnAt()).isEqualTo(after(Duration.ofMinutes(120)));
        assertThat(asComplaint.resolutionDue()).isEqualTo(after(Duration.ofHours(48).plusMinutes(30)));
    }

    @Test
    void aReclassifiedClockKeepsWhatWasAlreadyMet() {
        SlaPolicy inquiry = SlaPolicies.defaults().forType(TicketType.INQUIRY);
        SlaTimes answered = SlaTimes.start(inquiry, OPENED, 0.75).respondedAt(after(Duration.ofMinutes(3)));

        SlaTimes roadside = answered.retargeted(inquiry, SlaPolicies.defaults().forType(TicketType.ROADSIDE), 0.75);

        assertThat(roadside.firstRespondedAt()).isEqualTo(after(Duration.ofMinutes(3)));
        assertThat(roadside.firstResponseDue()).isEqualTo(after(Duration.ofMinutes(5)));
        assertThat(roadside.resolutionDue()).isEqualTo(after(Duration.ofHours(2)));
    }
}
