package org.huiying.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordClassifierTest {

    private final KeywordClassifier classifier = new KeywordClassifier();

    @Test
    void chargingTroubleIsTechnicalAndNeedsTheChargingSkill() {
        Classification c = classifier.classify("车充不进电了");
        assertThat(c.category()).isEqualTo(Category.TECHNICAL);
        assertThat(c.skills()).contains("charging");
        assertThat(c.type()).isEqualTo(TicketType.INQUIRY);
    }

    @Test
    void faultCodeOnTheDashboardIsTechnical() {
        assertThat(classifier.classify("仪表报p0a80").category()).isEqualTo(Category.TECHNICAL);
    }

    @Test
    void traditionalCharactersClassifyLikeSimplified() {
        Classification c = classifier.classify("我要投訴，服務態度太差");
        assertThat(c.type()).isEqualTo(TicketType.COMPLAINT);
        assertThat(c.category()).isEqualTo(Category.ATTITUDE);
    }

    @Test
    void slowRepairIsAProcessProblem() {
        assertThat(classifier.classify("等了三天还没修好").category()).isEqualTo(Category.PROCESS);
    }

    @Test
    void maintenanceBookingIsAnAppointment() {
        assertThat(classifier.classify("想预约下周六保养").type()).isEqualTo(TicketType.APPOINTMENT);
    }

    @Test
    void smallTalkHasNoCategory() {
        Classification c = classifier.classify("你好");
        assertThat(c.category()).isNull();
        assertThat(c.skills()).isEmpty();
    }
}
