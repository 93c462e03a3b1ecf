package org.huiying.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void aMobileNumberKeepsItsFirstThreeAndLastFourDigitsInEverySpelling() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("+8613812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("138-1234-5678")).isEqualTo("138****5678");
    }

    @Test
    void anEightDigitOrShorterNumberKeepsAtMostHalfItsDigits() {
        assertThat(Masking.phone("91234567")).isEqualTo("91****67");
        assertThat(Masking.phone("6123 4567")).isEqualTo("61****67");
        assertThat(Masking.phone("12345")).isEqualTo("1***5");
        assertThat(Masking.phone("+6591234567")).isEqualTo("65*****567");
        for (String n : new String[] {"1234", "1234567", "12345678", "1234567890"}) {
            String masked = Masking.phone(n);
            assertThat(masked.chars().filter(Character::isDigit).count()).as(masked).isLessThanOrEqualTo(n.length() / 2);
        }
    }

    @Test
    void aNameKeepsItsFirstCharacterAndHidesTheRestAndItsLength() {
        assertThat(Masking.name("王先生")).isEqualTo("王*");
        assertThat(Masking.name("王小明")).isEqualTo("王*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧*");
        assertThat(Masking.name("王")).isEqualTo("*");
        assertThat(Masking.name("𠀀先生")).isEqualTo("𠀀*");
    }

    @Test
    void nothingStaysNothing() {
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.phone(" ")).isNull();
        assertThat(Masking.name(null)).isNull();
        assertThat(Masking.name("")).isNull();
    }
}
