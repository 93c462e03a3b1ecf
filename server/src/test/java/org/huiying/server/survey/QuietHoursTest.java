package org.huiying.server.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours night = QuietHours.parse("21:00-08:00", SHANGHAI);

    private static Instant shanghai(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void daytimeIsAllowedAsIs() {
        assertThat(night.nextAllowed(shanghai("2026-11-23T15:30:00"))).isEqualTo(shanghai("2026-11-23T15:30:00"));
        assertThat(night.nextAllowed(shanghai("2026-11-23T08:00:00"))).isEqualTo(shanghai("2026-11-23T08:00:00"));
    }

    @Test
    void lateEveningWaitsForNextMorning() {
        assertThat(night.nextAllowed(shanghai("2026-11-23T21:00:00"))).isEqualTo(shanghai("2026-11-24T08:00:00"));
        assertThat(night.nextAllowed(shanghai("2026-11-23T23:59:00"))).isEqualTo(shanghai("2026-11-24T08:00:00"));
    }

    @Test
    void earlyMorningWaitsForEightTheSameDay() {
        assertThat(night.nextAllowed(shanghai("2026-11-24T03:00:00"))).isEqualTo(shanghai("2026-11-24T08:00:00"));
    }

    @Test
    void aWindowWithinOneDayWorksToo() {
        QuietHours lunch = QuietHours.parse("12:00-13:30", SHANGHAI);
        assertThat(lunch.nextAllowed(shanghai("2026-11-23T12:10:00"))).isEqualTo(shanghai("2026-11-23T13:30:00"));
        assertThat(lunch.nextAllowed(shanghai("2026-11-23T14:00:00"))).isEqualTo(shanghai("2026-11-23T14:00:00"));
    }

    @Test
    void emptyMeansNoQuietHoursAndGarbageIsRefused() {
        Instant at = shanghai("2026-11-23T23:00:00");
        assertThat(QuietHours.parse("", SHANGHAI).nextAllowed(at)).isEqualTo(at);
        assertThatThrownBy(() -> QuietHours.parse("nightly", SHANGHAI)).hasMessageContaining("21:00-08:00");
    }
}
