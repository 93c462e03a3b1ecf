package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerCardTest {

    @Test
    void theCardShowsPhoneAndNameMasked() {
        CustomerCard card = CustomerCard.masked(7, "王先生", "+8613812345678", "LGXCE4CB0N0000001", "海豹 EV", false);

        assertThat(card.phone()).isEqualTo("138****5678");
        assertThat(card.name()).isEqualTo("王*");
        assertThat(card.revealed()).isFalse();
        assertThat(card.vin()).isEqualTo("LGXCE4CB0N0000001");
    }

    @Test
    void noNumberOrNameStaysNone() {
        CustomerCard card = CustomerCard.masked(7, null, "  ", null, null, true);

        assertThat(card.phone()).isNull();
        assertThat(card.name()).isNull();
        assertThat(card.canReveal()).isTrue();
    }
}
