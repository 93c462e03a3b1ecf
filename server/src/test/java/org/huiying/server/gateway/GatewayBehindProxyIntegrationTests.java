package org.huiying.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind the shipped nginx every customer's socket comes from the proxy's address. From a trusted proxy
 * the customer is the one X-Forwarded-For names: 150 customers all get in, one customer is still limited.
 */
class GatewayBehindProxyIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void customersThroughATrustedProxyAreCountedEachByTheirOwnAddress() {
        try (RunningServer server = new RunningServer(dataDir, "--huiying.gateway.trusted-proxies=127.0.0.1/32",
                "--huiying.gateway.max-connections-per-address=3", "--huiying.chat.sessions-per-minute=0").start()) {
            Api api = server.api();
            List<ChatClient> customers = new ArrayList<>();
            try {
                for (int i = 0; i < 150; i++) {
                    String token = api.post("/api/chat/sessions", null, Map.of()).text("customerToken");
                    customers.add(ChatClient.connect(server.gatewayUri(token),
                            Map.of("X-Forwarded-For", "198.51." + (100 + i / 250) + "." + (i % 250 + 1))));
                }
                assertThat(customers).hasSize(150);

                String token = api.post("/api/chat/sessions", null, Map.of()).text("customerToken");
                for (int i = 0; i < 3; i++) {
                    customers.add(ChatClient.connect(server.gatewayUri(token), Map.of("X-Forwarded-For", "203.0.113.9")));
                }
                assertThatThrownBy(() -> ChatClient.connect(server.gatewayUri(token), Map.of("X-Forwarded-For", "203.0.113.9")))
                        .hasStackTraceContaining("429");
            } finally {
                customers.forEach(ChatClient::close);
            }
        }
    }

    @Test
    void withoutATrustedProxyTheForwardedHeaderDoesNotLiftTheLimit() {
        try (RunningServer server = new RunningServer(dataDir, "--huiying.gateway.max-connections-per-address=3",
                "--huiying.chat.sessions-per-minute=0").start()) {
            Api api = server.api();
            List<ChatClient> customers = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    String token = api.post("/api/chat/sessions", null, Map.of()).text("customerToken");
                    customers.add(ChatClient.connect(server.gatewayUri(token), Map.of("X-Forwarded-For", "198.51.100." + (i + 1))));
                }
                String token = api.post("/api/chat/sessions", null, Map.of()).text("customerToken");
                assertThatThrownBy(() -> ChatClient.connect(server.gatewayUri(token), Map.of("X-Forwarded-For", "198.51.100.99")))
                        .hasStackTraceContaining("429");
            } finally {
                customers.forEach(ChatClient::close);
            }
        }
    }
}
