package org.huiying.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The customer gateway against the abuse a public socket meets: pages from other sites (cross-site
 * WebSocket hijacking), oversized frames and messages, floods, too many sockets, connections that
 * never speak. Each is refused at the upgrade with an HTTP status or closed with the WebSocket
 * close code that names it, and logged without the message's content.
 */
@ExtendWith(OutputCaptureExtension.class)
class GatewayHardeningIntegrationTests {

    @TempDir
    static Path dataDir;

    static RunningServer server;

    @BeforeAll
    static void start() {
        server = new RunningServer(dataDir, "--huiying.gateway.messages-per-second=1", "--huiying.gateway.message-burst=3",
                "--huiying.gateway.max-connections-per-address=3", "--huiying.gateway.first-message-timeout=PT1S",
                "--logging.level.org.huiying.server.gateway=INFO").start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String chatUri() {
        return server.gatewayUri(server.api().post("/api/chat/sessions", null, Map.of()).text("customerToken"));
    }

    @Test
    void aPageFromAForeignOriginIsRefusedWith403BeforeAnySocketExists() {
        assertThat(TestSocket.refusal(chatUri(), Map.of("Origin", "https://evil.example"))).isEqualTo(403);
        assertThat(TestSocket.refusal(chatUri(), Map.of("Origin", "null"))).isEqualTo(403);
    }

    @Test
    void theWidgetOnTheServersOwnHostAndLocalhostMayConnect() {
        try (TestSocket own = TestSocket.open(chatUri(), Map.of("Origin", "http://127.0.0.1:" + server.httpPort()));
             TestSocket local = TestSocket.open(chatUri(), Map.of("Origin", "http://localhost:5173"))) {
            own.send("{\"type\":\"resume\",\"afterSeq\":0}");
            local.send("{\"type\":\"typing\"}");
            assertThat(own.isClosed()).isFalse();
        }
    }

    @Test
    void aFrameOver64KiBClosesTheConnectionWith1009() {
        try (TestSocket socket = TestSocket.open(chatUri(), Map.of())) {
            socket.sendQuietly("{\"type\":\"message\",\"cmid\":\"big\",\"text\":\"" + "长".repeat(30_000) + "\"}");
            assertThat(socket.awaitCloseCode()).isEqualTo(1009);
        }
    }

    @Test
    void aFragmentedMessageOver64KiBClosesTheConnectionWith1009() throws Exception {
        try (TestSocket socket = TestSocket.open(chatUri(), Map.of())) {
            socket.sendFragmentsQuietly("x".repeat(20_000), 4);
            assertThat(socket.awaitCloseCode()).isEqualTo(1009);
        }
    }

    @Test
    void aFloodOfMessagesClosesTheConnectionWith1008AndTheLogHoldsNoContent(CapturedOutput output) {
        try (TestSocket socket = TestSocket.open(chatUri(), Map.of())) {
            for (int i = 0; i < 20 && !socket.isClosed(); i++) {
                socket.sendQuietly("{\"type\":\"message\",\"cmid\":\"f" + i + "\",\"text\":\"机密内容 13812345678\"}");
            }
            assertThat(socket.awaitCloseCode()).isEqualTo(1008);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("message rate limit exceeded"));
        assertThat(output.getOut()).doesNotContain("机密内容").doesNotContain("13812345678");
    }

    @Test
    void oneAddressCannotHoldMoreThanItsShareOfSockets() {
        List<TestSocket> open = new ArrayList<>();
        try {
            open.add(TestSocket.open(chatUri(), Map.of()));
            int refused = 0;
            for (int i = 0; i < 4 && refused == 0; i++) {
                try {
                    open.add(TestSocket.open(chatUri(), Map.of()));
                } catch (TestSocket.Refused r) {
                    refused = r.status;
                }
            }
            assertThat(refused).isEqualTo(429);
        } finally {
            open.forEach(TestSocket::close);
        }
        // closed sockets give their places back
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (TestSocket again = TestSocket.open(chatUri(), Map.of())) {
                return true;
            }
        });
    }

    @Test
    void aConnectionThatNeverSendsItsUpgradeRequestIsClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.gatewayPort())) {
            socket.setSoTimeout((int) TestSocket.WAIT.toMillis());
            InputStream in = socket.getInputStream();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aFullGatewayRefusesWith503AndAConfiguredAllowlistReplacesTheDefault(@TempDir Path otherDir) {
        try (RunningServer small = new RunningServer(otherDir, "--huiying.gateway.max-connections=1",
                "--huiying.gateway.max-connections-per-address=0",
                "--huiying.gateway.allowed-origins=https://shop.example.com,https://*.dealer.example.com").start()) {
            String token = small.api().post("/api/chat/sessions", null, Map.of()).text("customerToken");
            assertThat(TestSocket.refusal(small.gatewayUri(token), Map.of("Origin", "http://127.0.0.1:" + small.httpPort())))
                    .isEqualTo(403);
            try (TestSocket first = TestSocket.open(small.gatewayUri(token), Map.of("Origin", "https://shop.example.com"))) {
                assertThat(TestSocket.refusal(small.gatewayUri(token), Map.of("Origin", "https://bj.dealer.example.com")))
                        .isEqualTo(503);
            }
        }
    }
}
