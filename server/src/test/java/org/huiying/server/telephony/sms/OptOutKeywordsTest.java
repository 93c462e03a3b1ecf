package org.huiying.server.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutKeywordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop ", "UNSUBSCRIBE", "end", "Quit", "CANCEL", "optout", "退订", " 退订\n", "TD", "td"})
    void theseTextsOptTheNumberOut(String text) {
        assertThat(OptOutKeywords.of(text)).isEqualTo(OptOutKeywords.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", " Start ", "订阅"})
    void theseTextsOptTheNumberBackIn(String text) {
        assertThat(OptOutKeywords.of(text)).isEqualTo(OptOutKeywords.OPT_IN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"车充不进电了", "stop sending me ads", "请不要退订", "STOPP", "", "5"})
    void ordinaryMessagesAreJustMessages(String text) {
        assertThat(OptOutKeywords.of(text)).isEqualTo(OptOutKeywords.NONE);
    }
}
