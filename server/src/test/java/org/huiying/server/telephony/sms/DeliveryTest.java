package org.huiying.server.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryTest {

    @Test
    void mapsTwilioStatusesOntoWhatTheAgentSees() {
        assertThat(Delivery.fromTwilio("accepted")).isEqualTo(Delivery.QUEUED);
        assertThat(Delivery.fromTwilio("queued")).isEqualTo(Delivery.QUEUED);
        assertThat(Delivery.fromTwilio("sending")).isEqualTo(Delivery.QUEUED);
        assertThat(Delivery.fromTwilio("sent")).isEqualTo(Delivery.SENT);
        assertThat(Delivery.fromTwilio("delivered")).isEqualTo(Delivery.DELIVERED);
        assertThat(Delivery.fromTwilio("undelivered")).isEqualTo(Delivery.UNDELIVERED);
        assertThat(Delivery.fromTwilio("failed")).isEqualTo(Delivery.FAILED);
        assertThat(Delivery.fromTwilio("receiving")).isNull();
    }

    @Test
    void aStateReplacesOnlyEarlierOnes() {
        assertThat(Delivery.SENT.replaces()).containsExactlyInAnyOrder(null, "queued");
        assertThat(Delivery.DELIVERED.replaces()).containsExactlyInAnyOrder(null, "queued", "sent");
        assertThat(Delivery.QUEUED.replaces()).containsExactly((String) null);
        assertThat(Delivery.FAILED.replaces()).doesNotContain("delivered", "undelivered", "blocked");
    }
}
