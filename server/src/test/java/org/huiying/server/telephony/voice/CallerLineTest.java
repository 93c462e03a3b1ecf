package org.huiying.server.telephony.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallerLineTest {

    private final VoiceProperties voice = new VoiceProperties(Duration.ofMinutes(5), Duration.ofMinutes(4), 0, 0, null, 0, null, null, false);

    @Test
    void nobodyOnlineIsNeverAWait() {
        assertThat(CallerLine.verdict(0, 0, voice)).isEqualTo(CallerLine.Verdict.NOBODY_ONLINE);
    }

    @Test
    void aWaitWithinTheLimitQueuesTheCaller() {
        assertThat(CallerLine.verdict(1, 1, voice)).isEqualTo(CallerLine.Verdict.WAIT);
        assertThat(CallerLine.verdict(2, 2, voice)).isEqualTo(CallerLine.Verdict.WAIT);
    }

    @Test
    void anEstimateBeyondMaxWaitIsALongWait() {
        assertThat(CallerLine.verdict(1, 2, voice)).isEqualTo(CallerLine.Verdict.LONG_WAIT);
        assertThat(CallerLine.verdict(2, 3, voice)).isEqualTo(CallerLine.Verdict.LONG_WAIT);
    }
}
