package org.huiying.server.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Search text is never query syntax on the embedded backend: Lucene operators, wildcards, field
 * prefixes, quotes and escapes are words (or nothing) to the analyser, so they neither fail the
 * request nor widen it to "every article".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeSearchInputIntegrationTests {

    @TempDir
    static Path dataDir;

    RunningServer server;
    Api api;
    String token;
    int published;

    @BeforeAll
    void start() {
        server = new RunningServer(dataDir).start();
        api = server.api();
        token = api.adminToken();
        published = api.get("/api/kb/articles", token).body().size();
        assertThat(published).as("the shipped sample articles").isGreaterThan(20);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    JsonNode search(String q) {
        Api.Response r = api.get("/api/kb/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
        assertThat(r.status()).as(q + " → " + r.raw()).isEqualTo(200);
        return r.body();
    }

    List<String> ids(JsonNode result) {
        return result.get("hits").valueStream().map(h -> h.get("id").asString()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"title:x AND *", "*", "*:*", "\"", "\\", "~", "(", ")", "[", "{", "^2", "充电 AND *", "title:充电",
        "电池~2", "\"充不进电", "充电\\", "(充电 OR", "+-&&||!", "/.*/", "?", "id:* OR status:DRAFT"})
    void luceneSyntaxIsAnsweredAsTextNeverAsAnErrorNorWithEveryArticle(String q) {
        JsonNode result = search(q);

        assertThat(result.get("total").asLong()).as(q + " must not match every article").isLessThan(published);
    }

    @Test
    void operatorsAroundWordsFindWhatTheWordsFind() {
        List<String> plain = ids(search("充电桩 不充电"));

        assertThat(plain).isNotEmpty();
        assertThat(ids(search("(充电桩 AND 不充电*)")).get(0)).isEqualTo(plain.get(0));
        assertThat(ids(search("title:充电桩 \"不充电\"~2")).get(0)).isEqualTo(plain.get(0));
    }

    @Test
    void aDraftCannotBeReachedThroughAFieldInTheQuery() {
        assertThat(api.post("/api/kb/articles", token, java.util.Map.of("id", "secret-draft", "title", "内部草稿 保密",
                "body", "尚未发布的内部草稿内容 保密", "category", "charging")).status()).isEqualTo(201);

        assertThat(ids(search("status:DRAFT 保密"))).doesNotContain("secret-draft");
        assertThat(ids(search("id:secret-draft"))).doesNotContain("secret-draft");
    }
}
