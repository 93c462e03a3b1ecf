package org.huiying.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.huiying.server.gateway.ConnectionBudget.Admission;
import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {

    private static GatewayLimits limits(int perAddress, int total) {
        return new GatewayLimits(List.of(), Duration.ofSeconds(10), 10.0, 30, 100.0, 300, perAddress, total, List.of());
    }

    @Test
    void anAddressGetsItsShareAndGetsPlacesBackOnClose() {
        ConnectionBudget budget = new ConnectionBudget(limits(2, 100));
        assertThat(budget.admit("10.0.0.1")).isEqualTo(Admission.ADMITTED);
        assertThat(budget.admit("10.0.0.1")).isEqualTo(Admission.ADMITTED);
        assertThat(budget.admit("10.0.0.1")).isEqualTo(Admission.ADDRESS_FULL);
        assertThat(budget.admit("10.0.0.2")).isEqualTo(Admission.ADMITTED);
        budget.release("10.0.0.1");
        assertThat(budget.admit("10.0.0.1")).isEqualTo(Admission.ADMITTED);
        assertThat(budget.open()).isEqualTo(3);
    }

    @Test
    void aFullGatewayRefusesEveryAddressAndARefusalHoldsNoPlace() {
        ConnectionBudget budget = new ConnectionBudget(limits(0, 2));
        assertThat(budget.admit("10.0.0.1")).isEqualTo(Admission.ADMITTED);
        assertThat(budget.admit("10.0.0.2")).isEqualTo(Admission.ADMITTED);
        assertThat(budget.admit("10.0.0.3")).isEqualTo(Admission.GATEWAY_FULL);
        assertThat(budget.open()).isEqualTo(2);
        budget.release("10.0.0.2");
        assertThat(budget.admit("10.0.0.3")).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void connectionsOfOneAddressShareOneMessageBucket() {
        ConnectionBudget budget = new ConnectionBudget(new GatewayLimits(List.of(), Duration.ofSeconds(10), 10.0, 30, 0.001, 2, 0, 0, List.of()));
        budget.admit("10.0.0.1");
        budget.admit("10.0.0.1");
        assertThat(budget.messagesOf("10.0.0.1").tryTake()).isTrue();
        assertThat(budget.messagesOf("10.0.0.1").tryTake()).isTrue();
        assertThat(budget.messagesOf("10.0.0.1").tryTake()).isFalse();
        assertThat(budget.messagesOf("10.0.0.2").tryTake()).isTrue();
    }
}
