package org.huiying.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL injection (Chatwoot CVE-2025-21628's kind) in every filter and id an admin can send: each payload
 * is refused (400), finds nothing (404, empty list), or is treated as the plain text it is; never a
 * server error, never more rows than exist, and every table is intact afterwards. Runs once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlInjectionContract {

    static final List<String> PAYLOADS = List.of("' OR 1=1 --", "'; DROP TABLE message; --", "1' UNION SELECT secret FROM app_secret --",
            "\\' OR '1'='1", "1; DELETE FROM ticket", "%' OR '%'='");

    /** Every query parameter and path id of the staff API; {@code X} is where the payload goes. */
    static final List<String> TARGETS = List.of(
            "/api/tickets?status=X", "/api/tickets?queue=X", "/api/tickets?assignee=X", "/api/tickets/X",
            "/api/tickets/X/sla-events", "/api/sla/breaches?since=X", "/api/callbacks?status=X",
            "/api/kb/search?q=X", "/api/kb/search?q=充电&category=X", "/api/kb/search?q=充电&model=X",
            "/api/kb/search?q=充电&status=X", "/api/kb/articles?status=X", "/api/kb/articles/X",
            "/api/kb/articles/X/versions", "/api/reports/csat?from=X", "/api/reports/csat?to=X",
            "/api/reports/experts?from=X", "/api/reports/experts?to=X", "/api/escalations?since=X",
            "/api/conversations/X/messages", "/api/conversations/{conversation}/messages?afterSeq=X", "/api/tech-questions/X",
            "/api/console/tickets/X/customer", "/api/audit?actor=X", "/api/audit?customer=X", "/api/audit?since=X",
            "/api/audit?action=X", "/api/customers?phone=X", "/api/customers/X/export");

    protected RunningServer server;
    private Api api;
    private String admin;
    private Scenes.Scene scene;

    /** A server whose surveys go out at any hour (the setup waits for one, whatever the time in Shanghai). */
    protected abstract RunningServer newServer();

    @BeforeAll
    void startServer() {
        server = newServer().start();
        api = server.api();
        admin = api.adminToken();
        scene = new Scenes(server, admin).chat(Map.of("name", "王先生", "phone", "13812345678"), "车充不进电了");
        scene.resolve();
        // the resolution's survey is sent in the background: let it land before counting rows
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/conversations/" + scene.conversation() + "/messages", admin)
                .body().valueStream().anyMatch(m -> "system".equals(m.get("from").asString())));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private Map<String, Long> rowCounts() {
        JdbcClient db = server.bean(JdbcClient.class);
        return Map.of("message", count(db, "message"), "ticket", count(db, "ticket"), "customer", count(db, "customer"),
                "conversation", count(db, "conversation"), "staff", count(db, "staff"), "app_secret", count(db, "app_secret"));
    }

    private static long count(JdbcClient db, String table) {
        return db.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void injectionPayloadsInEveryFilterAndIdAreRefusedOrFindNothingAndChangeNothing() {
        Map<String, Long> before = rowCounts();
        int tickets = api.get("/api/tickets", admin).body().size();

        // the signing key: generated into the database on the embedded default, configured on PostgreSQL
        List<String> secrets = new ArrayList<>(server.bean(JdbcClient.class).sql("SELECT secret FROM app_secret").query(String.class).list());
        secrets.add(org.huiying.server.support.Postgres.JWT_SECRET);
        List<String> rejectedBeforeTheApi = new ArrayList<>();
        for (String target : TARGETS) {
            for (String payload : PAYLOADS) {
                // the payload first: a random conversation id may itself contain an X
                String path = target.replace("X", URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20"))
                        .replace("{conversation}", scene.conversation());
                Http.Raw r = Http.get(server, path, admin);
                assertThat(r.status()).as(path + " → " + r.body()).isIn(200, 400, 404);
                if (!r.contentType().startsWith("application/json")) {
                    rejectedBeforeTheApi.add(path + " → " + r.status());
                } else if (r.status() == 200 && target.startsWith("/api/tickets?")) {
                    assertThat(JsonMapper.shared().readTree(r.body())).as(path + " found rows").isEmpty();
                }
                for (String secret : secrets) {
                    assertThat(r.body()).as(path + " leaks a secret").doesNotContain(secret);
                }
            }
        }

        // the servlet container refuses some encoded characters in a path (e.g. a backslash) before the API sees them
        assertThat(rejectedBeforeTheApi).allSatisfy(p -> assertThat(p).endsWith("→ 400").doesNotContain("?"));
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(api.get("/api/tickets", admin).body().size()).isEqualTo(tickets);
        JsonNode history = api.get("/api/conversations/" + scene.conversation() + "/messages", admin).body();
        assertThat(history.valueStream().map(m -> m.get("text").asString())).contains("车充不进电了");
    }

    @Test
    void aSearchForInjectionTextFindsNothingInsteadOfEverything() {
        Api.Response queue = api.get("/api/tickets?queue=" + URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8), admin);
        Api.Response customers = api.get("/api/customers?phone=" + URLEncoder.encode("138' OR 1=1 --", StandardCharsets.UTF_8), admin);

        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).isEmpty();
        assertThat(customers.status()).isEqualTo(400);
    }
}
