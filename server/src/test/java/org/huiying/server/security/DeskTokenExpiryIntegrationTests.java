package org.huiying.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An open desk socket lives no longer than the token it connected with: a leaked token, or a console
 * left open on a shared PC, stops receiving pushes when the token runs out; a fresh token reconnects.
 */
class DeskTokenExpiryIntegrationTests {

    private static final Duration TTL = Duration.ofSeconds(4);

    @TempDir
    Path dataDir;

    @Test
    void theDeskSocketIsClosedWhenItsTokenExpiresAndARefreshedTokenConnectsAgain() {
        try (RunningServer server = new RunningServer(dataDir, "--huiying.security.access-token-ttl=" + TTL).start()) {
            Api api = server.api();
            long id = api.createStaff(api.adminToken(), "expiry.agent", "AGENT", 1);
            Api.Response login = api.post("/api/auth/login", null, Map.of("username", "expiry.agent", "password", "password-expiry.agent"));
            Instant issued = Instant.now();
            StompClient desk = StompClient.connect(server.stompUri(), login.text("token"));
            desk.subscribe("/user/queue/assignments");
            server.awaitSubscribed(id, "/user/queue/assignments");

            StompClient.Frame closed = desk.await(f -> f.command().equals("CLOSED"));
            Instant closedAt = Instant.now();
            assertThat(closed.headers().get("status")).isEqualTo("1008");
            assertThat(closed.body()).isEqualTo("token expired");
            // not before the token ran out (issued a moment before our clock read), and not long after
            assertThat(closedAt).isAfterOrEqualTo(issued.plus(TTL).minusSeconds(1)).isBefore(issued.plus(TTL).plusSeconds(5));

            // the console's way back: a refreshed token connects and subscribes as before
            Api.Response fresh = api.post("/api/auth/refresh", null, Map.of("refreshToken", login.text("refreshToken")));
            assertThat(fresh.status()).isEqualTo(200);
            try (StompClient again = StompClient.connect(server.stompUri(), fresh.text("token"))) {
                again.subscribe("/user/queue/assignments");
                server.awaitSubscribed(id, "/user/queue/assignments");
            }
            desk.close();
        }
    }
}
