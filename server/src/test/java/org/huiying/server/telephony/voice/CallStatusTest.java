package org.huiying.server.telephony.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallStatusTest {

    @Test
    void readsTwiliosSpelling() {
        assertThat(CallStatus.of("in-progress")).contains(CallStatus.IN_PROGRESS);
        assertThat(CallStatus.of("no-answer")).contains(CallStatus.NO_ANSWER);
        assertThat(CallStatus.of("answered")).isEmpty();
        assertThat(CallStatus.NO_ANSWER.wire()).isEqualTo("no-answer");
    }

    @Test
    void aCallOnlyMovesForward() {
        assertThat(CallStatus.RINGING.rank).isGreaterThan(CallStatus.INITIATED.rank);
        assertThat(CallStatus.IN_PROGRESS.rank).isGreaterThan(CallStatus.RINGING.rank);
        assertThat(CallStatus.COMPLETED.rank).isGreaterThan(CallStatus.IN_PROGRESS.rank);
        assertThat(CallStatus.NO_ANSWER.rank).isEqualTo(CallStatus.COMPLETED.rank);
    }
}
