package org.huiying.server.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huiying.kb.Suggestion;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The knowledge base through the public API of the real server (embedded Lucene, H2). */
class KnowledgeBaseIntegrationTests {

    @TempDir
    static Path dataDir;
    static RunningServer server;
    static Api api;
    static String admin;
    static String agent;
    static String expert;

    @BeforeAll
    static void start() {
        server = new RunningServer(dataDir, "--huiying.kb.dictionary-check-every=PT0.3S").start();
        api = server.api();
        admin = api.adminToken();
        api.createStaff(admin, "kb.agent", "AGENT", 3, "charging");
        api.createStaff(admin, "kb.expert", "EXPERT", 3, "battery");
        agent = api.loginStaff("kb.agent");
        expert = api.loginStaff("kb.expert");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Api.Response search(String text) {
        return api.get("/api/kb/search?q=" + q(text), agent);
    }

    @Test
    void sampleArticlesAreSearchableOnFirstStart() {
        Api.Response r = search("P0AA6 绝缘 排查");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("total").asLong()).isPositive();
        JsonNode first = r.body().get("hits").get(0);
        assertThat(first.get("id").asString()).isEqualTo("kb-hv-001");
        assertThat(first.get("title").asString()).contains("P0AA6");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(first.get("highlight").asString()).contains("<em>P0AA6</em>");
        assertThat(search("車充不進電").body().get("hits").get(0).get("id").asString()).isEqualTo("kb-chg-001");
    }

    @Test
    void emptyAndOverlongQueriesAreRefusedWithAJsonError() {
        Api.Response empty = api.get("/api/kb/search?q=", agent);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("error")).isEqualTo("empty_query");
        Api.Response tooLong = search("电池".repeat(200));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("error")).isEqualTo("query_too_long");
        assertThat(tooLong.text("message")).contains("at most 256");
    }

    @Test
    void searchNeedsAStaffToken() {
        assertThat(api.get("/api/kb/search?q=" + q("电池"), null).status()).isEqualTo(401);
    }

    @Test
    void querySyntaxIsSearchedAsText() {
        for (String text : List.of("*", "title:电池 OR (充电", "\"跳枪")) {
            assertThat(search(text).status()).as(text).isEqualTo(200);
        }
    }

    @Test
    void importTakesGoodLinesReportsBadOnesAndReplacesByIdOnReimport() throws Exception {
        String ndjson = """
                {"id":"imp-1","title":"雨刮器不回位的处理","body":"雨刮停止时不回到下止点，检查雨刮电机复位开关。","category":"body-electronics","tags":["雨刮"]}
                {"id":"imp-2","title":
                {"id":"imp-3","body":"缺少标题"}
                """;
        JsonNode r = ndjson(ndjson, admin);
        assertThat(r.get("imported").asInt()).isEqualTo(1);
        assertThat(r.get("errors")).hasSize(2);
        assertThat(r.get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(r.get("errors").get(1).get("line").asInt()).isEqualTo(3);
        assertThat(search("雨刷不回位").body().get("hits").get(0).get("id").asString()).isEqualTo("imp-1");

        ndjson("{\"id\":\"imp-1\",\"title\":\"雨刮电机复位故障\",\"body\":\"复位开关损坏。\",\"category\":\"body-electronics\",\"tags\":[]}\n", admin);
        Api.Response article = api.get("/api/kb/articles/imp-1", agent);
        assertThat(article.text("title")).isEqualTo("雨刮电机复位故障");
        assertThat(article.body().get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/api/kb/articles/imp-1/versions", expert).body()).hasSize(2);
        // histories may hold unpublished wording: for those who write articles
        assertThat(api.get("/api/kb/articles/imp-1/versions", agent).status()).isEqualTo(403);
    }

    @Test
    void onlyAdminsImport() throws Exception {
        assertThat(ndjsonStatus("{\"id\":\"x\",\"title\":\"t\"}\n", agent)).isEqualTo(403);
    }

    @Test
    void articlesMoveFromDraftToPublishedToRetired() {
        Api.Response created = api.post("/api/kb/articles", expert, Map.of("id", "draft-epb", "title", "EPB 卡钳电机异响",
                "body", "释放电子驻车时卡钳电机发出咔咔声，检查卡钳电机齿轮。", "category", "chassis", "tags", List.of("EPB")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(ids(search("卡钳电机异响"))).doesNotContain("draft-epb");
        assertThat(api.get("/api/kb/articles?status=DRAFT", expert).body().findValuesAsString("id")).contains("draft-epb");
        assertThat(api.get("/api/kb/articles?status=DRAFT", agent).status()).isEqualTo(403);
        assertThat(api.get("/api/kb/articles/draft-epb", agent).status()).isEqualTo(404);

        assertThat(api.post("/api/kb/articles/draft-epb/publish", expert, "").text("status")).isEqualTo("PUBLISHED");
        assertThat(ids(search("卡钳电机异响")).get(0)).isEqualTo("draft-epb");

        assertThat(api.post("/api/kb/articles/draft-epb/retire", expert, "").text("status")).isEqualTo("RETIRED");
        assertThat(ids(search("卡钳电机异响"))).doesNotContain("draft-epb");
        Api.Response again = api.post("/api/kb/articles/draft-epb/publish", expert, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("error")).isEqualTo("invalid_transition");
        assertThat(api.get("/api/kb/articles/draft-epb/versions", expert).body()).hasSize(3);
    }

    @Test
    void agentsCannotWriteArticles() {
        assertThat(api.post("/api/kb/articles", agent, Map.of("id", "nope", "title", "t")).status()).isEqualTo(403);
    }

    @Test
    void anEditedDictionaryIsAppliedWithoutRestart() {
        assertThat(ids(search("小绿灯"))).doesNotContain("kb-lv-005");
        String text = api.get("/api/kb/synonyms", expert).body().get("text").asString();
        assertThat(text).contains(",");
        Api.Response saved = api.put("/api/kb/synonyms", expert, Map.of("text", text + "\n应急启动,小绿灯\n"));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().get("entries").asInt()).isGreaterThanOrEqualTo(150);
        assertThat(ids(search("小绿灯"))).contains("kb-lv-005");
        assertThat(api.put("/api/kb/synonyms", agent, Map.of("text", text)).status()).isEqualTo(403);
        assertThat(api.put("/api/kb/synonyms", expert, Map.of("text", " ")).status()).isEqualTo(400);
    }

    @Test
    void aDictionaryEditedOnAnotherNodeArrivesByItself() {
        assertThat(ids(search("车顶漏水"))).doesNotContain("kb-be-005");
        String text = api.get("/api/kb/synonyms", admin).body().get("text").asString();
        // what another node's edit leaves behind: a newer version in the shared table
        server.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("INSERT INTO rule_text (name, body, created_by, created_at) VALUES ('kb-synonyms', ?, NULL, CURRENT_TIMESTAMP)")
                .param(text + "\n防夹,车顶漏水\n").update();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> ids(search("车顶漏水")).contains("kb-be-005"));
    }

    @Test
    void markdownFolderInsideTheDataDirIsImported() throws Exception {
        Path folder = Files.createDirectories(dataDir.resolve("import-md"));
        Files.writeString(folder.resolve("washer.md"), "---\nid: md-washer\ncategory: body-electronics\n---\n# 玻璃水喷不出来\n\n冬季玻璃水结冰，换用防冻玻璃水。\n");
        Api.Response r = api.post("/api/kb/import/markdown", admin, Map.of("folder", "import-md"));
        assertThat(r.body().get("imported").asInt()).isEqualTo(1);
        assertThat(ids(search("玻璃水结冰")).get(0)).isEqualTo("md-washer");
        assertThat(api.post("/api/kb/import/markdown", admin, Map.of("folder", "../..")).status()).isEqualTo(400);
    }

    @Test
    void suggestionsBeanGivesArticlesForATicketText() {
        List<Suggestion> s = server.bean(KnowledgeSuggestions.class).suggest("客户反映车充不进电了，换了充电桩也不行", 3);
        assertThat(s).hasSize(3);
        assertThat(s.get(0).id()).isEqualTo("kb-chg-001");
    }

    private static List<String> ids(Api.Response r) {
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("hits").findValuesAsString("id");
    }

    private static JsonNode ndjson(String body, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = postNdjson(body, token);
        assertThat(r.statusCode()).isEqualTo(200);
        return JsonMapper.shared().readTree(r.body());
    }

    private static int ndjsonStatus(String body, String token) throws IOException, InterruptedException {
        return postNdjson(body, token).statusCode();
    }

    private static HttpResponse<String> postNdjson(String body, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + "/api/kb/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
