package org.huiying.server.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VinTest {

    @Test
    void aVinWhoseNinthCharacterIsTheCheckDigitOfTheOthersIsValid() {
        assertThat(Vin.valid("1M8GDM9AXKP042788")).contains("1M8GDM9AXKP042788");
        assertThat(Vin.valid(" lgxce4cb" + Vin.checkDigit("LGXCE4CB0P0002002") + "p0002002 "))
                .contains("LGXCE4CB" + Vin.checkDigit("LGXCE4CB0P0002002") + "P0002002");
    }

    @Test
    void aTypoChangesTheCheckDigitAndIsRefused() {
        assertThat(Vin.valid("1M8GDM9AXKP042789")).isEmpty();
        assertThat(Vin.valid("1M8GDM9A1KP042788")).isEmpty();
    }

    @Test
    void lettersIOAndQAndWrongLengthsAreRefused() {
        assertThat(Vin.valid("1M8GDM9AXKP04278")).isEmpty();
        assertThat(Vin.valid("IM8GDM9AXKP042788")).isEmpty();
        assertThat(Vin.valid("1M8GDM9AXKQ042788")).isEmpty();
        assertThat(Vin.valid(null)).isEmpty();
    }

    @Test
    void aCheckValueOfTenIsWrittenX() {
        for (int serial = 0; serial < 10_000; serial++) {
            String vin = String.format("1HGCM8263A%07d", serial);
            if (Vin.checkDigit(vin) == 'X') {
                String withX = vin.substring(0, 8) + 'X' + vin.substring(9);
                assertThat(Vin.valid(withX)).contains(withX);
                return;
            }
        }
        throw new AssertionError("no VIN with check value 10 among 10,000 serials");
    }
}
