package org.huiying.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A customer's chat token lives a day from its last use, renewed by use, on the gateway and the REST calls alike. */
class CustomerTokenLifetimeIntegrationTests {

    @TempDir
    Path dataDir;

    final TestClock clock = new TestClock(Instant.parse("2026-12-01T02:00:00Z"));

    @Test
    void aTokenUnusedForADayStopsWorkingAndOneInUseLivesOn() {
        try (RunningServer server = new RunningServer(dataDir).withClock(clock).start()) {
            Api api = server.api();
            Api.Response idle = api.post("/api/chat/sessions", null, Map.of());
            Api.Response busy = api.post("/api/chat/sessions", null, Map.of());

            clock.advance(Duration.ofHours(20));
            ChatClient.connect(server.gatewayUri(busy.text("customerToken"))).close();
            clock.advance(Duration.ofHours(20));

            assertThatThrownBy(() -> ChatClient.connect(server.gatewayUri(idle.text("customerToken"))))
                    .hasStackTraceContaining("401");
            Api.Response expired = api.post("/api/chat/sessions/" + idle.text("conversationId") + "/phone", idle.text("customerToken"),
                    Map.of("phone", "13800000000"));
            assertThat(expired.status()).isEqualTo(401);
            try (ChatClient stillAlive = ChatClient.connect(server.gatewayUri(busy.text("customerToken")))) {
                assertThat(stillAlive.sendMessage("m1", "你好，还在吗")).isEqualTo(1);
            }
        }
    }
}
