package org.huiying.server.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.huiying.kb.Suggestion;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Search by meaning as well as words through the real server (issue 28): the embedding model runs
 * in the server's process; without it search stays lexical and the health endpoint says so.
 */
class HybridSearchIntegrationTests {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path lexicalDataDir;
    static RunningServer server;
    static Api api;
    static String agent;

    @BeforeAll
    static void start() {
        server = new RunningServer(dataDir).start();
        api = server.api();
        String admin = api.adminToken();
        api.createStaff(admin, "hybrid.agent", "AGENT", 3, "charging");
        agent = api.loginStaff("hybrid.agent");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Api.Response search(String text) {
        return api.get("/api/kb/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8), agent);
    }

    private static HttpResponse<String> raw(String text) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort()
                        + "/api/kb/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + agent).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aParaphraseSharingNoWordWithTheArticleIsFoundWithThePassageThatMatched() {
        Api.Response r = search("车要放一个月不开");
        assertThat(r.status()).isEqualTo(200);
        List<String> ids = r.body().get("hits").findValuesAsString("id");
        assertThat(ids.subList(0, 3)).contains("kb-bat-007");
        JsonNode hit = r.body().get("hits").get(ids.indexOf("kb-bat-007"));
        assertThat(hit.get("passage").asString()).isNotBlank();
    }

    @Test
    void ticketSuggestionsCarryThePassageThatMatched() {
        List<Suggestion> s = server.bean(KnowledgeSuggestions.class).suggest("车子停久了打不着", 3);
        assertThat(s).extracting(Suggestion::id).contains("kb-bat-007");
        assertThat(s).allSatisfy(x -> assertThat(x.passage()).isNotBlank());
    }

    @Test
    void healthShowsThatKnowledgeSearchUsesTheModel() {
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body().get("components").get("knowledgeBase").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void badInputGetsAClear400OrANormalResultNeverA500() throws Exception {
        assertThat(api.get("/api/kb/search?q=", agent).text("error")).isEqualTo("empty_query");
        Api.Response thousand = search("电".repeat(1000));
        assertThat(thousand.status()).isEqualTo(400);
        assertThat(thousand.text("error")).isEqualTo("query_too_long");
        Api.Response emoji = search("😀🚗🔋");
        assertThat(emoji.status()).isEqualTo(200);
        assertThat(emoji.body().get("hits").size()).isZero();
        for (String syntax : List.of("充电 AND (OR) \"*?~^", "title:电池 OR body:*", "\\", "[] {} / : !", "P0AA6~2^3",
                "<script>alert(1)</script>", "%00", "'; DROP TABLE kb;--")) {
            HttpResponse<String> raw = raw(syntax);
            assertThat(raw.statusCode()).as(syntax + " → " + raw.body()).isEqualTo(200);
            assertThat(raw.body()).as(syntax).startsWith("{");
        }
        assertThat(api.get("/api/kb/search?q=%E5%85%85&size=abc", agent).status()).isEqualTo(400);
    }

    @Test
    void withTheModelSwitchedOffSearchStaysLexicalAndHealthSaysSo() {
        RunningServer lexical = new RunningServer(lexicalDataDir, "--huiying.kb.semantic=false").start();
        try {
            Api other = lexical.api();
            Api.Response health = other.get("/actuator/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.text("status")).isEqualTo("UP");
            assertThat(health.body().get("components").get("knowledgeBase").get("status").asString())
                    .isEqualTo("LEXICAL_ONLY");
            String admin = other.adminToken();
            Api.Response details = other.get("/actuator/health", admin);
            assertThat(details.body().get("components").get("knowledgeBase").get("details").get("reason").asString())
                    .contains("huiying.kb.semantic=false");
            Api.Response r = other.get("/api/kb/search?q=" + URLEncoder.encode("P0AA6 绝缘 排查", StandardCharsets.UTF_8), admin);
            assertThat(r.body().get("hits").get(0).get("id").asString()).isEqualTo("kb-hv-001");
            assertThat(r.body().get("hits").get(0).get("passage").asString()).contains("P0AA6");
        } finally {
            lexical.stop();
        }
    }
}
