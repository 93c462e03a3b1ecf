package org.huiying.server.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwilioPropertiesTest {

    @Test
    void printingTheSettingsShowsNeitherTheAuthTokenNorTheFullHotlineNumber() {
        TwilioProperties p = new TwilioProperties("AC123", "secret-auth-token-9f8e", "+8613812345678", null, null, null);

        assertThat(p.toString()).doesNotContain("secret-auth-token-9f8e").doesNotContain("13812345678")
                .contains("AC123").contains("***");
    }
}
