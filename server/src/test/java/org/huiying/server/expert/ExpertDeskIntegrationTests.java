package org.huiying.server.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A technician's hard case reaches the right expert, within the 5-minute promise, and is measured. */
class ExpertDeskIntegrationTests {

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T02:00:00Z"));

    private static Map<String, Object> question(String model, List<String> codes, String text) {
        return Map.of("vin", "LSVAU2180N2183294", "model", model, "dtcCodes", codes, "mileage", 86000, "text", text,
                "photos", List.of("https://dealer.example.com/p/1.jpg"));
    }

    @Test
    void anInsulationFaultReachesTheHighVoltageExpertAndTheyTalkLive() {
        try (RunningServer server = new RunningServer(dataDir, "--huiying.routing.sweep-every=PT0.05S").withClock(clock).start()) {
            Api api = server.api();
            String admin = api.adminToken();
            api.createStaff(admin, "battery.expert", "EXPERT", 3, "battery");
            long hvId = api.createStaff(admin, "hv.expert", "EXPERT", 3, "high-voltage");
            long techId = api.createStaff(admin, "tech.zhou", "TECHNICIAN", 1);
            String battery = api.loginStaff("battery.expert");
            String hv = api.loginStaff("hv.expert");
            String tech = api.loginStaff("tech.zhou");
            api.put("/api/staff/me/presence", battery, Map.of("status", "ONLINE"));
            api.put("/api/staff/me/presence", hv, Map.of("status", "ONLINE"));

            try (StompClient hvDesk = StompClient.connect(server.stompUri(), hv);
                 StompClient techDesk = StompClient.connect(server.stompUri(), tech)) {
                hvDesk.subscribe("/user/queue/assignments");
                hvDesk.subscribe("/user/queue/messages");
                techDesk.subscribe("/user/queue/messages");
                server.awaitSubscribed(hvId, "/user/queue/messages");
                server.awaitSubscribed(techId, "/user/queue/messages");

                Api.Response asked = api.post("/api/tech-questions", tech, question("汉EV", List.of("p0aa6"), "仪表报绝缘故障，无法上高压，请问排查步骤"));
                assertThat(asked.status()).isEqualTo(201);
                JsonNode ticket = asked.body().get("ticket");
                assertThat(ticket.get("type").asString()).isEqualTo("TECH_SUPPORT");
                assertThat(ticket.get("category").asString()).isEqualTo("TECHNICAL");
                assertThat(ticket.get("skills").valueStream().map(JsonNode::asString).toList()).contains("high-voltage");
                assertThat(asked.body().get("dtcCodes").get(0).asString()).isEqualTo("P0AA6");
                Instant opened = Instant.parse(ticket.get("openedAt").asString());
                assertThat(Duration.between(opened, Instant.parse(ticket.path("sla").get("firstResponseDue").asString())))
                        .isEqualTo(Duration.ofMinutes(5));
                String id = ticket.get("id").asString();

                JsonNode assigned = hvDesk.awaitMessage("/queue/assignments").json();
                assertThat(assigned.get("id").asString()).isEqualTo(id);
                JsonNode beside = api.get("/api/tickets/" + id, hv).body().get("suggestions").get(0);
                assertThat(beside.get("title").asString()).contains("绝缘");
                clock.advance(Duration.ofMinutes(2));
                assertThat(api.post("/api/tickets/" + id + "/messages", hv, Map.of("text", "先断开维修开关，静置5分钟后测量各高压部件绝缘电阻。")).status())
                        .isEqualTo(201);
                JsonNode toTech = techDesk.awaitMessage("/queue/messages").json();
                assertThat(toTech.path("message").get("from").asString()).isEqualTo("agent");

                assertThat(api.post("/api/tech-questions/" + id + "/messages", tech,
                        Map.of("text", "PTC加热器绝缘只有0.2MΩ，车主电话13812345678，车架号LGXCE4CB0P0002002")).status()).isEqualTo(201);
                JsonNode toExpert = hvDesk.await(f -> f.command().equals("MESSAGE")
                        && f.json().path("message").path("from").asString().equals("technician")).json();
                assertThat(toExpert.get("ticketId").asString()).isEqualTo(id);

                String articleId = beside.get("id").asString();
                assertThat(api.post("/api/tickets/" + id + "/suggestions/" + articleId + "/used", hv, "").status()).isEqualTo(204);
                assertThat(api.post("/api/tickets/" + id + "/suggestions/" + articleId + "/used", hv, "").status()).isEqualTo(204);
                assertThat(api.post("/api/tickets/" + id + "/suggestions/" + articleId + "/used", tech, "").status()).isEqualTo(403);
                JsonNode usage = api.get("/api/reports/suggestions", hv).body().get(0);
                assertThat(usage.get("articleId").asString()).isEqualTo(articleId);
                assertThat(usage.get("tickets").asInt()).isEqualTo(1);

                JsonNode draft = api.post("/api/tickets/" + id + "/knowledge-draft", hv, "").body();
                assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
                assertThat(draft.get("title").asString()).startsWith("P0AA6");
                assertThat(draft.get("body").asString()).contains("## 解答").contains("绝缘电阻")
                        .contains("138****5678").contains("LGX**********2002")
                        .doesNotContain("13812345678").doesNotContain("LGXCE4CB0P0002002");
                assertThat(api.get("/api/kb/articles?status=DRAFT", hv).body().findValuesAsString("id")).contains(draft.get("id").asString());
                assertThat(api.post("/api/tickets/" + id + "/knowledge-draft", tech, "").status()).isEqualTo(403);
                // drafts are for those who write articles: an agent sees neither the list nor the draft
                api.createStaff(admin, "agent.kb", "AGENT", 1);
                String agentKb = api.loginStaff("agent.kb");
                assertThat(api.get("/api/kb/articles?status=DRAFT", agentKb).status()).isEqualTo(403);
                assertThat(api.get("/api/kb/articles/" + draft.get("id").asString(), agentKb).status()).isEqualTo(404);
                assertThat(api.get("/api/kb/articles/" + draft.get("id").asString() + "/versions", agentKb).status()).isEqualTo(403);

                api.post("/api/tickets/" + id + "/resolve", hv, "");
                // erasing the conversation the draft came from erases the draft
                long asker = api.get("/api/console/tickets/" + id + "/customer", admin).body().get("customerId").asLong();
                assertThat(api.get("/api/kb/articles/" + draft.get("id").asString(), admin).status()).isEqualTo(200);
                assertThat(api.delete("/api/customers/" + asker, admin).status()).isEqualTo(200);
                assertThat(api.get("/api/kb/articles/" + draft.get("id").asString(), admin).status()).isEqualTo(404);
                assertThat(api.get("/api/kb/articles/" + draft.get("id").asString() + "/versions", admin).status()).isEqualTo(404);
                String second = api.post("/api/tech-questions", tech, question("汉EV", List.of("P0AA6", "P0A80"), "又一台绝缘故障")).body()
                        .get("ticketId").asString();
                JsonNode similar = api.get("/api/tech-questions/" + second, hv).body().get("similarQuestions");
                assertThat(similar.get(0).get("ticketId").asString()).isEqualTo(id);
            }

            JsonNode report = api.get("/api/reports/experts?to=2026-12-01T00:00:00Z", hv).body();
            assertThat(report.get("questions").asInt()).isEqualTo(2);
            assertThat(report.get("answered").asInt()).isEqualTo(1);
            assertThat(report.get("averageFirstResponseSeconds").asDouble()).isEqualTo(120.0);
            assertThat(report.get("withinTargetShare").asDouble()).isEqualTo(1.0);
            assertThat(report.get("topCodes").get(0).get("code").asString()).isEqualTo("P0AA6");
            assertThat(report.get("topCodes").get(0).get("model").asString()).isEqualTo("汉EV");
        }
    }

    @Test
    void onlyTechniciansAskAndBadCodesAreRefused() {
        try (RunningServer server = new RunningServer(dataDir).start()) {
            Api api = server.api();
            api.createStaff(api.adminToken(), "agent.li", "AGENT", 3);
            api.createStaff(api.adminToken(), "tech.zhou", "TECHNICIAN", 1);
            api.createStaff(api.adminToken(), "tech.wu", "TECHNICIAN", 1);
            String tech = api.loginStaff("tech.zhou");
            assertThat(api.post("/api/tech-questions", api.loginStaff("agent.li"), question("汉EV", List.of(), "问题")).status()).isEqualTo(403);
            assertThat(api.post("/api/tech-questions", tech, question("汉EV", List.of("NOTACODE"), "问题")).text("error")).isEqualTo("invalid_dtc_codes");
            assertThat(api.post("/api/tech-questions", tech, question("汉EV", List.of(), " ")).text("error")).isEqualTo("empty_text");
            assertThat(api.post("/api/tech-questions", tech, Map.of("text", "看图", "photos", List.of("javascript:alert(1)"))).text("error"))
                    .isEqualTo("invalid_photos");
            String id = api.post("/api/tech-questions", tech, question("汉EV", List.of("P0A80"), "电池包需要更换吗")).body().get("ticketId").asString();
            String other = api.loginStaff("tech.wu");
            assertThat(api.get("/api/tech-questions/" + id, other).status()).isEqualTo(404);
            assertThat(api.post("/api/tech-questions/" + id + "/messages", other, Map.of("text", "我也想知道")).status()).isEqualTo(404);
            assertThat(api.get("/api/tech-questions", other).body()).isEmpty();
            assertThat(api.get("/api/tech-questions", tech).body()).hasSize(1);
        }
    }

    @Test
    void theThirdSameFaultOnOneModelGoesToRnD() {
        try (RunningServer server = new RunningServer(dataDir).start()) {
            Api api = server.api();
            api.createStaff(api.adminToken(), "tech.zhou", "TECHNICIAN", 1);
            api.createStaff(api.adminToken(), "boss", "SUPERVISOR", 1);
            String tech = api.loginStaff("tech.zhou");
            for (int i = 0; i < 3; i++) {
                assertThat(api.post("/api/tech-questions", tech, question("唐DM-i", List.of("P0AA6"), "绝缘故障第" + (i + 1) + "台")).status()).isEqualTo(201);
            }
            String boss = api.loginStaff("boss");
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/escalations", boss).body().size() == 1);
            JsonNode escalation = api.get("/api/escalations", boss).body().get(0);
            assertThat(escalation.get("kind").asString()).isEqualTo("REPEATED_TECHNICAL_PROBLEM");
            assertThat(escalation.get("subject").asString()).isEqualTo("high-voltage / 唐DM-i");
        }
    }
}
