package org.huiying.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client speaking JSON to the server, as an outside client would. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.shared();

    private final String base;

    Api(String base) {
        this.base = base;
    }

    public record Response(int status, JsonNode body, String raw) {

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response post(String path, String token, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    public Response patch(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    public String login(String username, String password) {
        Response r = post("/api/auth/login", null, Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r.status() + " " + r.raw());
        }
        return r.text("token");
    }

    /**
     * The ticket open on a conversation, waited for: a customer's message is acknowledged from the
     * journal, and its ticket opens as it reaches the database, moments later.
     */
    public JsonNode awaitTicketOf(String token, String conversationId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode t : get("/api/tickets", token).body()) {
                if (t.get("conversationId").asString().equals(conversationId)) {
                    return t;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    public String adminToken() {
        return login("admin", RunningServer.ADMIN_PASSWORD);
    }

    /** Creates a staff member through the admin API and returns their id. */
    public long createStaff(String adminToken, String username, String role, int maxConcurrent, String... skills) {
        Response r = post("/api/staff", adminToken, Map.of("username", username, "password", "password-" + username,
                "displayName", username, "roles", java.util.List.of(role), "skills", java.util.List.of(skills),
                "maxConcurrent", maxConcurrent));
        if (r.status() != 201) {
            throw new AssertionError("create staff failed: " + r.status() + " " + r.raw());
        }
        return r.body().get("id").asLong();
    }

    public String loginStaff(String username) {
        return login(username, "password-" + username);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isEmpty() ? JSON.missingNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), body, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
