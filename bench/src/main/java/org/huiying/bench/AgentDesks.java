package org.huiying.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agents at their desks, as the web console drives them: created by the admin over REST, logged
 * in, connected to {@code /ws/agent} with STOMP 1.2 over a WebSocket, subscribed to their
 * assignments, then ONLINE. Each assignment push is counted and timed from the ticket's
 * {@code openedAt}; with {@code resolve}, the agent resolves it over REST so the seat frees up.
 */
final class AgentDesks implements AutoCloseable {

    static final List<String> ALL_SKILLS = List.of("battery", "motor", "electronic-control", "charging", "high-voltage",
            "thermal", "chassis", "body-electronics", "engine", "appointment", "complaint", "general");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String wsUri;
    private final boolean resolve;
    /** A few threads resolve, so resolutions never hold up reading the pushes and never open a socket per ticket. */
    private final ExecutorService resolvers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "agent-resolve");
        t.setDaemon(true);
        return t;
    });
    private final List<Desk> desks = new ArrayList<>();
    private final LongAdder pushes = new LongAdder();
    private final LongAdder resolved = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Recorder pushLatency = new Recorder(TimeUnit.MINUTES.toNanos(10), 3);

    AgentDesks(int httpPort, boolean resolve) {
        this.base = "http://127.0.0.1:" + httpPort;
        this.wsUri = "ws://127.0.0.1:" + httpPort + "/ws/agent";
        this.resolve = resolve;
    }

    /** Creates {@code count} agents holding every default skill, each taking up to {@code capacity} tickets, all ONLINE. */
    void open(String adminPassword, int count, int capacity) throws Exception {
        String admin = adminLogin(adminPassword);
        for (int i = 0; i < count; i++) {
            String username = "bench-agent-" + i;
            String password = "bench-password-" + i;
            String body = JsonMapper.shared().writeValueAsString(java.util.Map.of("username", username, "password", password,
                    "displayName", "压测坐席" + i, "roles", List.of("AGENT"), "skills", ALL_SKILLS, "maxConcurrent", capacity));
            expect(send("POST", "/api/staff", admin, body), 201, "create " + username);
            Desk desk = new Desk(login(username, password));
            desk.connect();
            desks.add(desk);
        }
        for (Desk desk : desks) {
            desk.awaitConnected();
            expect(send("PUT", "/api/staff/me/presence", desk.token, "{\"status\":\"ONLINE\"}"), 200, "go online");
        }
    }

    long pushes() {
        return pushes.sum();
    }

    long resolved() {
        return resolved.sum();
    }

    long errors() {
        return errors.sum();
    }

    /** Open→pushed-to-the-agent latencies since the last call. */
    org.HdrHistogram.Histogram pushLatencies() {
        return pushLatency.getIntervalHistogram();
    }

    /** The server announces its ports before its start-up runners have created the first admin: retry a little. */
    private String adminLogin(String password) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return login("admin", password);
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    String login(String username, String password) throws Exception {
        HttpResponse<String> r = send("POST", "/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        expect(r, 200, "log in " + username);
        return JsonMapper.shared().readTree(r.body()).get("token").asString();
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
        }
    }

    private void assigned(Desk desk, JsonNode ticket) {
        pushes.increment();
        Instant opened = Instant.parse(ticket.get("openedAt").asString());
        Instant now = Instant.now();
        pushLatency.recordValue(Math.max(0, (now.getEpochSecond() - opened.getEpochSecond()) * 1_000_000_000L
                + now.getNano() - opened.getNano()));
        if (resolve) {
            String id = ticket.get("id").asString();
            resolvers.execute(() -> {
                try {
                    HttpResponse<String> r = send("POST", "/api/tickets/" + id + "/resolve", desk.token, null);
                    if (r.statusCode() == 200) {
                        resolved.increment();
                    } else {
                        errors.increment();
                    }
                } catch (Exception e) {
                    errors.increment();
                }
            });
        }
    }

    @Override
    public void close() {
        resolvers.shutdownNow();
        desks.forEach(d -> {
            if (d.socket != null) {
                d.socket.abort();
            }
        });
    }

    /** One agent's STOMP session. */
    private final class Desk implements WebSocket.Listener {
        private final String token;
        private final StringBuilder partial = new StringBuilder();
        private final java.util.concurrent.CompletableFuture<Void> connected = new java.util.concurrent.CompletableFuture<>();
        private WebSocket socket;

        Desk(String token) {
            this.token = token;
        }

        void connect() {
            socket = http.newWebSocketBuilder().buildAsync(URI.create(wsUri), this).join();
            frame("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\nAuthorization:Bearer " + token + "\n\n");
            frame("SUBSCRIBE\nid:assignments\ndestination:/user/queue/assignments\n\n");
        }

        void awaitConnected() throws Exception {
            connected.get(60, TimeUnit.SECONDS);
        }

        private synchronized void frame(String headers) {
            socket.sendText(headers + "\0", true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String raw = partial.toString();
                partial.setLength(0);
                read(raw);
            }
            webSocket.request(1);
            return null;
        }

        private void read(String raw) {
            if (raw.startsWith("CONNECTED")) {
                connected.complete(null);
            } else if (raw.startsWith("ERROR")) {
                errors.increment();
                connected.completeExceptionally(new IllegalStateException("STOMP error: " + raw));
            } else if (raw.startsWith("MESSAGE") && raw.contains("/queue/assignments")) {
                int body = raw.indexOf("\n\n");
                int end = raw.lastIndexOf('\0');
                assigned(this, JsonMapper.shared().readTree(raw.substring(body + 2, end < body ? raw.length() : end)));
            }
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            errors.increment();
            connected.completeExceptionally(error);
        }
    }
}
