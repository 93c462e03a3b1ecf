package org.huiying.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Staff accounts through the REST API, as an admin and the staff themselves would: the admin logs in
 * and creates them ({@code POST /api/staff}), each logs in for a JWT ({@code POST /api/auth/login})
 * and goes online ({@code PUT /api/staff/me/presence}).
 */
final class StaffAccounts {

    /** A logged-in staff member. */
    record Session(long staffId, String username, String token) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    StaffAccounts(int httpPort) {
        base = "http://127.0.0.1:" + httpPort;
    }

    Session login(String username, String password) {
        ObjectNode body = JsonMapper.shared().createObjectNode().put("username", username).put("password", password);
        JsonNode answer = JsonMapper.shared().readTree(call("POST", "/api/auth/login", null, body.toString(), 200));
        return new Session(answer.get("staffId").asLong(), username, answer.get("token").asString());
    }

    /**
     * Creates {@code count} accounts named {@code prefix0…}, then logs each in; {@code parallel} requests
     * at a time (each request hashes or checks a password, which is what takes the time).
     */
    List<Session> createAndLogIn(Session admin, String prefix, int count, String role, String password, int parallel)
            throws InterruptedException {
        inParallel(count, parallel, i -> {
            ObjectNode body = JsonMapper.shared().createObjectNode().put("username", prefix + i).put("password", password)
                    .put("displayName", (role.equals("AGENT") ? "压测坐席" : "压测主管") + i).put("maxConcurrent", 3);
            body.putArray("roles").add(role);
            return async("POST", "/api/staff", admin.token(), body.toString(), 201);
        });
        List<CompletableFuture<String>> logins = inParallel(count, parallel, i -> async("POST", "/api/auth/login", null,
                JsonMapper.shared().createObjectNode().put("username", prefix + i).put("password", password).toString(), 200));
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode answer = JsonMapper.shared().readTree(logins.get(i).join());
            sessions.add(new Session(answer.get("staffId").asLong(), prefix + i, answer.get("token").asString()));
        }
        return sessions;
    }

    void goOnline(List<Session> staff, int parallel) throws InterruptedException {
        inParallel(staff.size(), parallel, i -> async("PUT", "/api/staff/me/presence", staff.get(i).token(),
                "{\"status\":\"ONLINE\"}", 200));
    }

    /** A request as the given staff member, its body; the status must be {@code expected}. */
    CompletableFuture<String> send(Session as, String method, String path, String body, int expected) {
        return async(method, path, as.token(), body, expected);
    }

    /** A GET as the given staff member, its body (the status is checked). */
    CompletableFuture<String> get(Session as, String path) {
        return async("GET", path, as.token(), null, 200);
    }

    private List<CompletableFuture<String>> inParallel(int count, int parallel, IntFunction<CompletableFuture<String>> request)
            throws InterruptedException {
        Semaphore permits = new Semaphore(parallel);
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            all.add(request.apply(i).whenComplete((r, e) -> permits.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return all;
    }

    private String call(String method, String path, String token, String body, int expected) {
        return async(method, path, token, body, expected).join();
    }

    private CompletableFuture<String> async(String method, String path, String token, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
            }
            return r.body();
        });
    }
}
