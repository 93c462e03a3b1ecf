package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerCardTest {

    @Test
    void aMobileNumberKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(CustomerCard.mask("13812345678")).isEqualTo("138****5678");
        assertThat(CustomerCard.mask("+8613812345678")).isEqualTo("138****5678");
    }

    @Test
    void aShortNumberShowsOnlyItsLastTwoDigits() {
        assertThat(CustomerCard.mask("12345")).isEqualTo("***45");
    }

    @Test
    void noNumberStaysNone() {
        assertThat(CustomerCard.mask(null)).isNull();
        assertThat(CustomerCard.of("王先生", "  ", null, null).phone()).isNull();
    }
}
