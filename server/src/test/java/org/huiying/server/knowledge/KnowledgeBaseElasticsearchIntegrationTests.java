package org.huiying.server.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.huiying.kb.elasticsearch.ElasticsearchNode;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server with {@code huiying.kb.backend=elasticsearch} against a real Elasticsearch 8.19 node:
 * import through the API, then the same answers as the embedded backend. Skipped with a message
 * where the node cannot start, except on CI.
 */
class KnowledgeBaseElasticsearchIntegrationTests {

    @TempDir
    static Path dataDir;
    static RunningServer server;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        ElasticsearchNode node = ElasticsearchNode.shared();
        if (!node.available()) {
            String reason = "Elasticsearch node could not start: " + node.unavailableReason();
            if (System.getenv("CI") != null) {
                fail("CI: " + reason);
            }
            assumeTrue(false, reason + " — Elasticsearch tests skipped (they are required on CI).");
        }
        server = new RunningServer(dataDir, "--huiying.kb.backend=elasticsearch",
                "--spring.elasticsearch.uris=" + node.url(),
                "--huiying.kb.index=it-" + UUID.randomUUID().toString().substring(0, 8)).start();
        api = server.api();
        admin = api.adminToken();
        String samples;
        try (InputStream in = KnowledgeBaseElasticsearchIntegrationTests.class
                .getResourceAsStream("/org/huiying/kb/sample-articles.ndjson")) {
            samples = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> imported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + "/api/kb/import"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(samples)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(imported.body()).get("errors")).isEmpty();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static String first(String q) {
        Api.Response r = api.get("/api/kb/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), admin);
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("hits").get(0).get("id").asString();
    }

    @Test
    void technicianAndCustomerGetTheRightArticleFirst() {
        assertThat(first("P0AA6 绝缘 排查")).isEqualTo("kb-hv-001");
        assertThat(first("車充不進電")).isEqualTo("kb-chg-001");
    }

    @Test
    void suggestionsComeFromElasticsearchToo() {
        assertThat(server.bean(KnowledgeSuggestions.class).suggest("充电跳枪了怎么回事", 3).get(0).id()).isEqualTo("kb-chg-002");
    }

    @Test
    void samplesAreNotLoadedIntoElasticsearchByThemselves() {
        // Only the 82 imported ones are there, once each.
        assertThat(api.get("/api/kb/articles?status=PUBLISHED", admin).body().size()).isEqualTo(82);
    }
}
