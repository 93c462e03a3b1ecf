package org.huiying.server.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionRateTest {

    @Test
    void eachAddressHasItsOwnAllowance() {
        SessionRate rate = new SessionRate(2);
        assertThat(rate.take("10.0.0.1")).isEmpty();
        assertThat(rate.take("10.0.0.1")).isEmpty();
        assertThat(rate.take("10.0.0.1")).hasValueSatisfying(wait -> assertThat(wait.toSeconds()).isBetween(29L, 30L));
        assertThat(rate.take("10.0.0.2")).isEmpty();
    }

    @Test
    void zeroLiftsTheLimit() {
        SessionRate rate = new SessionRate(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(rate.take("10.0.0.1")).isEmpty();
        }
    }
}
