package org.huiying.server.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal STOMP 1.2 client writing and reading real frames over a WebSocket, the way the web
 * console's STOMP library does.
 */
public final class StompClient implements AutoCloseable {

    /** A STOMP frame; the pseudo-command {@code CLOSED} marks the server closing the WebSocket. */
    public record Frame(String command, Map<String, String> headers, String body) {

        public JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    private final FrameQueue<Frame> frames = new FrameQueue<>();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();

    private StompClient(String uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(ChatClient.WAIT)
                .buildAsync(URI.create(uri), new Listener()).join();
    }

    /** Opens the socket and sends CONNECT; {@code token} may be null to test refusal. */
    public static StompClient open(String uri, String token) {
        StompClient client = new StompClient(uri);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept-version", "1.2");
        headers.put("host", "localhost");
        headers.put("heart-beat", "0,0");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        client.send("CONNECT", headers, "");
        return client;
    }

    /** Connects and waits for CONNECTED. */
    public static StompClient connect(String uri, String token) {
        StompClient client = open(uri, token);
        client.await(f -> f.command().equals("CONNECTED"));
        return client;
    }

    /** Sends SUBSCRIBE; the simple broker sends no RECEIPT, see {@link RunningServer#awaitSubscribed}. */
    public void subscribe(String destination) {
        String id = "sub-" + ids.incrementAndGet();
        send("SUBSCRIBE", Map.of("id", id, "destination", destination), "");
    }

    public Frame await(Predicate<Frame> wanted) {
        return frames.await(wanted, ChatClient.WAIT);
    }

    public Frame awaitMessage(String destinationSuffix) {
        return await(f -> f.command().equals("MESSAGE") && f.headers().getOrDefault("destination", "").endsWith(destinationSuffix));
    }

    public java.util.List<Frame> drain(Duration window) {
        return frames.drain(window);
    }

    private void send(String command, Map<String, String> headers, String body) {
        StringBuilder f = new StringBuilder(command).append('\n');
        headers.forEach((k, v) -> f.append(k).append(':').append(v).append('\n'));
        f.append('\n').append(body).append('\0');
        socket.sendText(f.toString(), true).join();
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
                parse(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            frames.add(new Frame("CLOSED", Map.of("status", Integer.toString(statusCode)), reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            frames.add(new Frame("CLOSED", Map.of("error", String.valueOf(error)), ""));
        }

        private void parse(String raw) {
            if (raw.isBlank()) {
                return; // heart-beat
            }
            int headerEnd = raw.indexOf("\n\n");
            String[] lines = raw.substring(0, headerEnd).split("\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 1));
            }
            String body = raw.substring(headerEnd + 2);
            int nul = body.indexOf('\0');
            frames.add(new Frame(lines[0].trim(), headers, nul >= 0 ? body.substring(0, nul) : body));
        }
    }
}
