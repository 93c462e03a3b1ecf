package org.huiying.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A peer that vanished without closing (a phone in a tunnel) is found out and disconnected. */
class GatewayHeartbeatIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void aSilentConnectionIsPingedThenClosed() throws Exception {
        try (RunningServer server = new RunningServer(dataDir, "--huiying.gateway.ping-every=PT0.2S",
                "--huiying.gateway.dead-after=PT1S").start()) {
            String token = server.api().post("/api/chat/sessions", null, Map.of()).text("customerToken");
            try (Socket socket = new Socket("127.0.0.1", server.gatewayPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /ws/chat?token=" + token + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] all = in.readAllBytes(); // returns when the server closes; never answers a ping
                String text = new String(all, StandardCharsets.ISO_8859_1);
                assertThat(text).startsWith("HTTP/1.1 101");
                int frames = text.indexOf("\r\n\r\n") + 4;
                byte[] rest = java.util.Arrays.copyOfRange(all, frames, all.length);
                assertThat(rest).contains((byte) 0x89); // a ping frame (FIN + opcode 9)
                assertThat(rest).contains((byte) 0x88); // then a close frame (FIN + opcode 8)
            }
        }
    }
}
