package org.huiying.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Customers' personal data as staff meet it: masked on the customer card for every role, revealed in
 * full only with the permission and a reason, every access in the admins' audit log, and the
 * admin's export and erasure. Runs once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PrivacyContract {

    /** Surveys go out right after resolution whatever the hour the tests run at. */
    static final String QUIET_HOURS_OFF = "--huiying.survey.quiet-hours=";

    protected RunningServer server;
    protected Api api;
    protected String admin;
    private String supervisor;
    private long supervisorId;
    private Scenes scenes;

    protected abstract RunningServer newServer();

    @BeforeAll
    void startServer() {
        server = newServer().start();
        api = server.api();
        admin = api.adminToken();
        supervisorId = api.createStaff(admin, "boss", "SUPERVISOR", 1);
        supervisor = api.loginStaff("boss");
        scenes = new Scenes(server, admin);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private Scenes.Scene chat(String name, String phone, String text) {
        return scenes.chat(Map.of("name", name, "phone", phone, "vin", "LSVAU2180N2183294", "model", "汉EV"), text);
    }

    private JsonNode auditOf(long customer) {
        return api.get("/api/audit?customer=" + customer + "&size=500", admin).body().get("items");
    }

    @Test
    void everyRoleSeesTheCustomerCardMaskedAndOnlyRevealRolesAreOfferedTheButton() {
        Scenes.Scene s = chat("王先生", "13812345678", "车充不进电了");

        Api.Response agentView = api.get("/api/console/tickets/" + s.ticket() + "/customer", s.agent());
        Api.Response supervisorView = api.get("/api/console/tickets/" + s.ticket() + "/customer", supervisor);

        for (Api.Response r : List.of(agentView, supervisorView)) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text("name")).isEqualTo("王*");
            assertThat(r.text("phone")).isEqualTo("138****5678");
            assertThat(r.raw()).doesNotContain("13812345678").doesNotContain("王先生");
            assertThat(r.body().get("revealed").asBoolean()).isFalse();
        }
        assertThat(agentView.body().get("canReveal").asBoolean()).isFalse();
        assertThat(supervisorView.body().get("canReveal").asBoolean()).isTrue();
        assertThat(auditOf(s.customerId()).valueStream().filter(e -> e.get("action").asString().equals("CARD_VIEW")))
                .extracting(e -> e.get("actor").asLong()).contains(s.agentId(), supervisorId);
    }

    @Test
    void revealNeedsTheRoleAndAReasonAndIsAudited() {
        Scenes.Scene s = chat("李小明", "13900001111", "想预约保养");
        String path = "/api/customers/" + s.customerId() + "/reveal";

        Api.Response agentTry = api.post(path, s.agent(), Map.of("reason", "回访客户"));
        Api.Response noReason = api.post(path, supervisor, Map.of());
        Api.Response blankReason = api.post(path, supervisor, Map.of("reason", "   "));
        Api.Response unknown = api.post("/api/customers/999999/reveal", supervisor, Map.of("reason", "回访客户"));

        assertThat(agentTry.status()).isEqualTo(403);
        assertThat(agentTry.text("error")).isEqualTo("forbidden");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("error")).isEqualTo("reason_required");
        assertThat(blankReason.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(auditOf(s.customerId()).valueStream().map(e -> e.get("action").asString())).doesNotContain("REVEAL");

        Api.Response revealed = api.post(path, supervisor, Map.of("reason", "回访客户"));

        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.text("name")).isEqualTo("李小明");
        assertThat(revealed.text("phone")).isEqualTo("13900001111");
        JsonNode entry = auditOf(s.customerId()).valueStream().filter(e -> e.get("action").asString().equals("REVEAL"))
                .findFirst().orElseThrow();
        assertThat(entry.get("actor").asLong()).isEqualTo(supervisorId);
        assertThat(entry.get("reason").asString()).isEqualTo("回访客户");
        assertThat(entry.get("fields").asString()).isEqualTo("name,phone");
        assertThat(entry.get("at").asString()).isNotBlank();
    }

    @Test
    void readingAConversationsHistoryIsAudited() {
        Scenes.Scene s = chat("赵女士", "13700002222", "车机黑屏");

        Api.Response history = api.get("/api/conversations/" + s.conversation() + "/messages", s.agent());

        assertThat(history.status()).isEqualTo(200);
        assertThat(auditOf(s.customerId()).valueStream()
                .filter(e -> e.get("action").asString().equals("CONVERSATION_READ")
                        && e.get("subject").asString().equals(s.conversation())
                        && e.get("actor").asLong() == s.agentId()))
                .hasSize(1);
    }

    @Test
    void onlyAdminsReadTheAuditLogAPageAtATimeFilteredByActorCustomerAndTime() {
        Scenes.Scene s = chat("钱先生", "13600003333", "投诉服务态度");
        api.get("/api/console/tickets/" + s.ticket() + "/customer", supervisor);
        api.get("/api/console/tickets/" + s.ticket() + "/customer", supervisor);

        assertThat(api.get("/api/audit", supervisor).status()).isEqualTo(403);
        assertThat(api.get("/api/audit", s.agent()).status()).isEqualTo(403);
        assertThat(api.get("/api/audit", null).status()).isEqualTo(401);

        JsonNode mine = api.get("/api/audit?actor=" + supervisorId + "&customer=" + s.customerId() + "&size=1", admin).body();
        JsonNode second = api.get("/api/audit?actor=" + supervisorId + "&customer=" + s.customerId() + "&size=1&page=1", admin).body();
        JsonNode future = api.get("/api/audit?customer=" + s.customerId() + "&since=2999-01-01T00:00:00Z", admin).body();

        assertThat(mine.get("total").asLong()).isEqualTo(2);
        assertThat(mine.get("items")).hasSize(1);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("id").asLong()).isLessThan(mine.get("items").get(0).get("id").asLong());
        assertThat(future.get("total").asLong()).isZero();
        assertThat(api.get("/api/audit?actor=x", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/audit?action=STEAL", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/audit?since=yesterday", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/audit?size=100000", admin).status()).isEqualTo(400);
    }

    @Test
    void anAdminFindsACustomerByPhoneExportsEverythingAndItIsAudited() {
        Scenes.Scene s = chat("孙女士", "13500004444", "空调不制冷");
        s.resolve();

        Api.Response found = api.get("/api/customers?phone=%2B8613500004444", admin);
        Api.Response byAgent = api.get("/api/customers?phone=13500004444", s.agent());
        Api.Response badPhone = api.get("/api/customers?phone=abc", admin);
        Api.Response export = api.get("/api/customers/" + s.customerId() + "/export", admin);
        Api.Response exportByAgent = api.get("/api/customers/" + s.customerId() + "/export", s.agent());

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).singleElement().satisfies(c -> {
            assertThat(c.get("id").asLong()).isEqualTo(s.customerId());
            assertThat(c.get("phone").asString()).isEqualTo("135****4444");
            assertThat(c.get("name").asString()).isEqualTo("孙*");
        });
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(exportByAgent.status()).isEqualTo(403);
        assertThat(export.status()).isEqualTo(200);
        JsonNode data = export.body();
        assertThat(data.get("customer").get("name").asString()).isEqualTo("孙女士");
        assertThat(data.get("customer").get("phone").asString()).isEqualTo("13500004444");
        assertThat(data.get("customer").get("vin").asString()).isEqualTo("LSVAU2180N2183294");
        assertThat(data.get("conversations")).singleElement().satisfies(c -> assertThat(c.get("id").asString()).isEqualTo(s.conversation()));
        assertThat(data.get("messages").valueStream().map(m -> m.get("text").asString())).contains("空调不制冷", "已为您处理完毕。");
        assertThat(data.get("tickets")).singleElement().satisfies(t -> {
            assertThat(t.get("id").asString()).isEqualTo(s.ticket());
            assertThat(t.get("status").asString()).isEqualTo("RESOLVED");
            assertThat(t.get("openedAt").asString()).endsWith("Z");
        });
        assertThat(data.has("surveys")).isTrue();
        assertThat(data.get("callbacks")).isNotEmpty();
        assertThat(auditOf(s.customerId()).valueStream().map(e -> e.get("action").asString())).contains("LOOKUP", "EXPORT");
    }

    @Test
    void erasingACustomerRemovesTheirPersonalDataAndTextsButKeepsTheTicketForStatistics() {
        Scenes.Scene s = chat("周先生", "13400005555", "我的手机号是13400005555，车在杭州");
        s.resolve();
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(s.customerToken()))) {
            chat.send("{\"type\":\"resume\",\"afterSeq\":0}");
            chat.await(f -> f.path("text").asString().contains("请为本次服务打分"));
            chat.sendJson(Map.of("type", "rating", "score", 1, "comment", "杭州的师傅太慢了"));
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/escalations", supervisor).body().valueStream()
                    .anyMatch(e -> e.path("subject").asString().contains("杭州的师傅太慢了")));
        }
        Api.Response other = api.get("/api/customers?phone=13400005555", admin);
        assertThat(other.body()).hasSize(1);

        String csat = "/api/reports/csat?from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z";
        JsonNode csatBefore = api.get(csat, supervisor).body();
        assertThat(csatBefore.get("responses").asInt()).isPositive();
        assertThat(Http.delete(server, "/api/customers/" + s.customerId(), s.agent()).status()).isEqualTo(403);
        assertThat(Http.delete(server, "/api/customers/" + s.customerId(), supervisor).status()).isEqualTo(403);
        Api.Response erased = Http.delete(server, "/api/customers/" + s.customerId() + "?reason=客户申请删除", admin);

        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.body().get("conversations").asInt()).isEqualTo(1);
        assertThat(erased.body().get("messages").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode data = api.get("/api/customers/" + s.customerId() + "/export", admin).body();
        assertThat(data.get("customer").hasNonNull("name")).isFalse();
        assertThat(data.get("customer").hasNonNull("phone")).isFalse();
        assertThat(data.get("customer").hasNonNull("vin")).isFalse();
        assertThat(data.get("customer").get("vehicleModel").asString()).isEqualTo("汉EV");
        assertThat(data.toString()).doesNotContain("13400005555").doesNotContain("周先生").doesNotContain("杭州");
        assertThat(api.get("/api/escalations", supervisor).raw()).doesNotContain("杭州").contains("满意度低（评价内容已删除）");
        assertThat(api.get("/api/conversations/" + s.conversation() + "/messages", s.agent()).body().valueStream()
                .map(m -> m.get("text").asString())).containsOnly("[已删除]");
        assertThat(api.get(csat, supervisor).body()).isEqualTo(csatBefore);
        Api.Response ticket = api.get("/api/tickets/" + s.ticket(), admin);
        assertThat(ticket.status()).isEqualTo(200);
        assertThat(ticket.text("status")).isEqualTo("RESOLVED");
        assertThat(api.get("/api/customers?phone=13400005555", admin).body()).isEmpty();
        assertThat(auditOf(s.customerId()).valueStream().filter(e -> e.get("action").asString().equals("ERASE")))
                .singleElement().satisfies(e -> assertThat(e.get("reason").asString()).isEqualTo("客户申请删除"));
        assertThat(Http.delete(server, "/api/customers/999999", admin).status()).isEqualTo(404);
    }
}
