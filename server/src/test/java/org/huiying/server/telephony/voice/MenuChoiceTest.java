package org.huiying.server.telephony.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.huiying.routing.TicketType;
import org.huiying.routing.assignment.Priority;
import org.junit.jupiter.api.Test;

class MenuChoiceTest {

    @Test
    void keysChooseTheirBranch() {
        assertThat(MenuChoice.of("1", null)).contains(MenuChoice.INQUIRY);
        assertThat(MenuChoice.of("2", null)).contains(MenuChoice.COMPLAINT);
        assertThat(MenuChoice.of("3", null)).contains(MenuChoice.APPOINTMENT);
        assertThat(MenuChoice.of("4", null)).contains(MenuChoice.ROADSIDE);
        assertThat(MenuChoice.of("9", null)).contains(MenuChoice.CALLBACK);
        assertThat(MenuChoice.of("0", null)).contains(MenuChoice.AGENT);
    }

    @Test
    void otherKeysAndSilenceChooseNothing() {
        assertThat(MenuChoice.of("7", null)).isEmpty();
        assertThat(MenuChoice.of("*", "投诉")).isEmpty();
        assertThat(MenuChoice.of(null, null)).isEmpty();
        assertThat(MenuChoice.of("", "   ")).isEmpty();
        assertThat(MenuChoice.of(null, "今天天气不错")).isEmpty();
    }

    @Test
    void mandarinSpeechChoosesByWhatTheCallerSays() {
        assertThat(MenuChoice.of(null, "我要投诉。")).contains(MenuChoice.COMPLAINT);
        assertThat(MenuChoice.of(null, "车在高速上抛锚了")).contains(MenuChoice.ROADSIDE);
        assertThat(MenuChoice.of(null, "预约保养")).contains(MenuChoice.APPOINTMENT);
        assertThat(MenuChoice.of(null, "请给我回电")).contains(MenuChoice.CALLBACK);
        assertThat(MenuChoice.of(null, "转人工")).contains(MenuChoice.AGENT);
        assertThat(MenuChoice.of(null, "二。")).contains(MenuChoice.COMPLAINT);
    }

    @Test
    void roadsideIsUrgent() {
        assertThat(MenuChoice.ROADSIDE.priority()).isEqualTo(Priority.URGENT);
        assertThat(MenuChoice.COMPLAINT.type).isEqualTo(TicketType.COMPLAINT);
        assertThat(MenuChoice.COMPLAINT.priority()).isLessThan(Priority.URGENT);
    }
}
