package org.huiying.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Anonymous session creation cannot be used to fill the database from one address. */
class ChatSessionRateIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void oneAddressOpeningSessionsBeyondItsAllowanceGets429WithRetryAfterAndNothingStored() throws Exception {
        try (RunningServer server = new RunningServer(dataDir, "--huiying.chat.sessions-per-minute=3").start()) {
            Api api = server.api();
            for (int i = 0; i < 3; i++) {
                assertThat(api.post("/api/chat/sessions", null, Map.of("name", "客户" + i)).status()).isEqualTo(201);
            }
            JdbcClient db = server.bean(JdbcClient.class);
            long conversations = db.sql("SELECT COUNT(*) FROM conversation").query(Long.class).single();

            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.httpPort() + "/api/chat/sessions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"客户9\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(429);
            JsonNode body = JsonMapper.shared().readTree(refused.body());
            assertThat(body.get("error").asString()).isEqualTo("too_many_sessions");
            assertThat(body.get("message").asString()).isNotBlank();
            // 3 a minute: the next session is 20 s away
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 20L);
            assertThat(db.sql("SELECT COUNT(*) FROM conversation").query(Long.class).single()).isEqualTo(conversations);

            // staff work is not affected
            assertThat(api.get("/api/staff/me", api.adminToken()).status()).isEqualTo(200);
        }
    }
}
