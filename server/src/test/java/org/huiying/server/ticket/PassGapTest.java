package org.huiying.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PassGapTest {

    private static final long MS = 1_000_000L;
    private final PassGap gap = new PassGap(Duration.ofMillis(50));

    @Test
    void theFirstPassStartsAtOnce() {
        assertThat(gap.waitNanos(123 * MS)).isZero();
    }

    @Test
    void aPassRequestedWithinTheGapWaitsForTheRestOfIt() {
        gap.passStarted(1_000 * MS);

        assertThat(gap.waitNanos(1_000 * MS)).isEqualTo(50 * MS);
        assertThat(gap.waitNanos(1_030 * MS)).isEqualTo(20 * MS);
    }

    @Test
    void aPassRequestedAfterTheGapStartsAtOnce() {
        gap.passStarted(1_000 * MS);

        assertThat(gap.waitNanos(1_050 * MS)).isZero();
        assertThat(gap.waitNanos(5_000 * MS)).isZero();
    }
}
