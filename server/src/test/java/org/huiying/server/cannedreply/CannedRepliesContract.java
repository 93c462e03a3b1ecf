package org.huiying.server.cannedreply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Canned replies over HTTP: the seeded phrase book reaches everyone who answers, admins alone change
 * it, and a phrase with a placeholder the console cannot fill is never stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CannedRepliesContract {

    RunningServer server;
    Api api;
    String admin;
    String agent;
    String expert;
    String supervisor;
    String technician;

    protected abstract RunningServer newServer();

    @BeforeAll
    void start() {
        server = newServer().start();
        api = server.api();
        admin = api.adminToken();
        api.createStaff(admin, "agent.li", "AGENT", 1);
        api.createStaff(admin, "zhang.gong", "EXPERT", 1);
        api.createStaff(admin, "boss", "SUPERVISOR", 1);
        api.createStaff(admin, "tech.zhou", "TECHNICIAN", 1);
        agent = api.loginStaff("agent.li");
        expert = api.loginStaff("zhang.gong");
        supervisor = api.loginStaff("boss");
        technician = api.loginStaff("tech.zhou");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    int delete(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path)).DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<String> texts(String token) {
        return api.get("/api/canned-replies", token).body().findValuesAsString("text");
    }

    @Test
    void theSeededPhrasesReachEveryoneWhoAnswersGroupedByCategory() {
        JsonNode replies = api.get("/api/canned-replies", agent).body();

        assertThat(replies.size()).isGreaterThanOrEqualTo(10);
        assertThat(replies.get(0).get("category").asString()).isEqualTo("问候");
        assertThat(replies.findValuesAsString("category")).contains("信息收集", "充电与电池", "预约服务", "投诉处理", "结束语");
        JsonNode greeting = replies.get(0);
        assertThat(greeting.get("text").asString()).startsWith("{客户称呼}，您好");
        assertThat(greeting.get("placeholders").valueStream().map(JsonNode::asString).toList()).contains("客户称呼", "坐席姓名");
        assertThat(replies.findValuesAsString("text")).anySatisfy(t -> assertThat(t).contains("{工单号}"));
        assertThat(api.get("/api/canned-replies", expert).status()).isEqualTo(200);
        assertThat(api.get("/api/canned-replies", supervisor).status()).isEqualTo(200);
        assertThat(api.get("/api/canned-replies", technician).status()).isEqualTo(403);
        assertThat(api.get("/api/canned-replies", null).status()).isEqualTo(401);
        assertThat(api.get("/api/canned-replies/placeholders", agent).body().valueStream().map(JsonNode::asString).toList())
                .containsExactly("客户称呼", "工单号", "坐席姓名", "车型");
    }

    @Test
    void anAdminAddsEditsAndDeletesAPhraseAndAgentsSeeEachChange() {
        Api.Response created = api.post("/api/canned-replies", admin, Map.of("category", "回访", "text", "  {客户称呼}，我们是回应售后，来电回访您的维修体验。 "));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.text("text")).isEqualTo("{客户称呼}，我们是回应售后，来电回访您的维修体验。");
        assertThat(texts(agent)).contains("{客户称呼}，我们是回应售后，来电回访您的维修体验。");

        Api.Response edited = api.put("/api/canned-replies/" + id, admin, Map.of("category", "回访", "text", "｛客户称呼｝您好，工单 ｛工单号｝ 已完成维修。"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.text("text")).as("full-width braces typed on a Chinese keyboard").isEqualTo("{客户称呼}您好，工单 {工单号} 已完成维修。");
        assertThat(texts(agent)).contains("{客户称呼}您好，工单 {工单号} 已完成维修。")
                .doesNotContain("{客户称呼}，我们是回应售后，来电回访您的维修体验。");

        assertThat(delete("/api/canned-replies/" + id, admin)).isEqualTo(204);
        assertThat(texts(agent)).doesNotContain("{客户称呼}您好，工单 {工单号} 已完成维修。");
        assertThat(delete("/api/canned-replies/" + id, admin)).isEqualTo(404);
        assertThat(api.put("/api/canned-replies/" + id, admin, Map.of("category", "回访", "text", "已删除的")).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsChangeThePhrases() {
        long id = api.get("/api/canned-replies", agent).body().get(0).get("id").asLong();
        List<String> before = texts(agent);
        Map<String, String> body = Map.of("category", "问候", "text", "改掉的问候");

        assertThat(api.post("/api/canned-replies", agent, body).status()).isEqualTo(403);
        assertThat(api.post("/api/canned-replies", supervisor, body).text("error")).isEqualTo("forbidden");
        assertThat(api.put("/api/canned-replies/" + id, expert, body).status()).isEqualTo(403);
        assertThat(api.put("/api/canned-replies/" + id, null, body).status()).isEqualTo(401);
        assertThat(delete("/api/canned-replies/" + id, agent)).isEqualTo(403);
        assertThat(texts(agent)).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        long id = api.get("/api/canned-replies", agent).body().get(0).get("id").asLong();
        List<String> before = texts(agent);

        Api.Response typo = api.post("/api/canned-replies", admin, Map.of("category", "问候", "text", "{客户名称}您好"));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.text("error")).isEqualTo("unknown_placeholder");
        assertThat(typo.text("message")).contains("{客户名称}");
        assertThat(api.put("/api/canned-replies/" + id, admin, Map.of("category", "问候", "text", "{工单编号}")).text("error"))
                .isEqualTo("unknown_placeholder");
        assertThat(api.post("/api/canned-replies", admin, Map.of("category", "问候", "text", "  ")).text("error")).isEqualTo("empty_text");
        assertThat(api.post("/api/canned-replies", admin, Map.of("category", "问候", "text", "长".repeat(1001))).text("error"))
                .isEqualTo("text_too_long");
        assertThat(api.post("/api/canned-replies", admin, Map.of("category", " ", "text", "您好")).text("error")).isEqualTo("invalid_category");
        assertThat(api.post("/api/canned-replies", admin, Map.of("category", "类".repeat(21), "text", "您好")).text("error"))
                .isEqualTo("invalid_category");
        assertThat(api.post("/api/canned-replies", admin, Map.of("text", "您好")).text("error")).isEqualTo("invalid_category");
        assertThat(api.post("/api/canned-replies", admin, "{not json").text("error")).isEqualTo("malformed_json");
        assertThat(api.put("/api/canned-replies/abc", admin, Map.of("category", "问候", "text", "您好")).status()).isEqualTo(400);

        assertThat(texts(agent)).isEqualTo(before);
    }
}
