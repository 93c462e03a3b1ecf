package org.huiying.server.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void chineseMobileNumbersInEveryCommonSpellingBecomeOneE164Number() {
        assertThat(PhoneNumbers.e164("13812345678")).contains("+8613812345678");
        assertThat(PhoneNumbers.e164("138 1234 5678")).contains("+8613812345678");
        assertThat(PhoneNumbers.e164("+86 138-1234-5678")).contains("+8613812345678");
        assertThat(PhoneNumbers.e164("+8613812345678")).contains("+8613812345678");
        assertThat(PhoneNumbers.e164("008613812345678")).contains("+8613812345678");
    }

    @Test
    void foreignNumbersKeepTheirCountry() {
        assertThat(PhoneNumbers.e164("+1 415 555 2671")).contains("+14155552671");
    }

    @Test
    void whatIsNotAPhoneNumberHasNoE164FormButStillAnIdentity() {
        assertThat(PhoneNumbers.e164("TWILIO")).isEmpty();
        assertThat(PhoneNumbers.e164("")).isEmpty();
        assertThat(PhoneNumbers.identity(" Huiying ")).isEqualTo("Huiying");
    }

    @Test
    void spellingsCoverHowWebChatStoresTheSameNumber() {
        assertThat(PhoneNumbers.spellings("+8613812345678")).contains("+8613812345678", "13812345678", "8613812345678");
    }

    @Test
    void masksAllButTheFirstThreeAndLastFourDigits() {
        assertThat(PhoneNumbers.mask("+8613812345678")).isEqualTo("138****5678");
        assertThat(PhoneNumbers.mask("13812345678")).isEqualTo("138****5678");
        assertThat(PhoneNumbers.mask("123")).isEqualTo("**3");
        assertThat(PhoneNumbers.mask("+85291234567")).isEqualTo("91****67");
    }
}
