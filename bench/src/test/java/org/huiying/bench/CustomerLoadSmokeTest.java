package org.huiying.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The load generator works: against the bare echo server it gets every message answered and times it. */
class CustomerLoadSmokeTest {

    @Test
    void closedLoopAgainstTheEchoServerAnswersEveryMessageAndRecordsLatencies() throws Exception {
        try (EchoServer echo = new EchoServer(0); CustomerLoad load = new CustomerLoad(1)) {
            load.connect("127.0.0.1", echo.port(), Collections.nCopies(20, "smoke"), 20);
            assertThat(load.connected()).isEqualTo(20);

            CustomerLoad.Phase phase = load.closedLoop(20, 1, Duration.ofMillis(500), Duration.ofSeconds(2));

            assertThat(phase.errors()).isZero();
            assertThat(phase.perSecond()).isGreaterThan(100);
            assertThat(phase.percentileMs(50)).isPositive().isLessThanOrEqualTo(phase.percentileMs(99));
            assertThat(phase.percentileMs(99)).isLessThan(1_000);
        }
    }

    @Test
    void fixedRateSendsAboutTheAskedRate() throws Exception {
        try (EchoServer echo = new EchoServer(0); CustomerLoad load = new CustomerLoad(1)) {
            load.connect("127.0.0.1", echo.port(), Collections.nCopies(10, "smoke"), 10);

            CustomerLoad.Phase phase = load.fixedRate(200, Duration.ofMillis(300), Duration.ofSeconds(2));

            assertThat(phase.perSecond()).isBetween(150.0, 250.0);
            assertThat(phase.errors()).isZero();
        }
    }

    @Test
    void firstMessagesSendsExactlyOneMessagePerCustomer() throws Exception {
        try (EchoServer echo = new EchoServer(0); CustomerLoad load = new CustomerLoad(1)) {
            load.connect("127.0.0.1", echo.port(), Collections.nCopies(50, "smoke"), 50);

            CustomerLoad.Phase phase = load.firstMessages(10);

            assertThat(phase.answered()).isEqualTo(50);
            assertThat(phase.errors()).isZero();
        }
    }
}
