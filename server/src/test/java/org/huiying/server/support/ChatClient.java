package org.huiying.server.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A customer's WebSocket connection to the gateway (the JDK's client: a real one). */
public final class ChatClient implements AutoCloseable {

    /** A ceiling, not a delay: awaits return as soon as their frame arrives; generous for a loaded 2-core CI machine. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.shared();

    private final FrameQueue<JsonNode> frames = new FrameQueue<>();
    private final WebSocket socket;
    private volatile boolean closedByServer;

    private ChatClient(String uri, java.util.Map<String, String> headers) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(URI.create(uri), new Listener()).join();
    }

    public static ChatClient connect(String uri) {
        return new ChatClient(uri, java.util.Map.of());
    }

    /** Connects with extra request headers (a proxy's {@code X-Forwarded-For}, say). */
    public static ChatClient connect(String uri, java.util.Map<String, String> headers) {
        return new ChatClient(uri, headers);
    }

    public void send(String rawText) {
        socket.sendText(rawText, true).join();
    }

    public void sendJson(Object frame) {
        send(JSON.writeValueAsString(frame));
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Sends a customer message and waits for its ack; returns the acknowledged seq. */
    public long sendMessage(String cmid, String text) {
        sendJson(java.util.Map.of("type", "message", "cmid", cmid, "text", text));
        return await(f -> f.path("type").asString().equals("ack") && f.path("cmid").asString().equals(cmid))
                .get("seq").asLong();
    }

    public JsonNode await(Predicate<JsonNode> wanted) {
        return frames.await(wanted, WAIT);
    }

    public JsonNode awaitType(String type) {
        return await(f -> f.path("type").asString().equals(type));
    }

    public List<JsonNode> drain(Duration window) {
        return frames.drain(window);
    }

    public boolean closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer = true;
            return null;
        }
    }
}
