package org.huiying.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The centre is run from pages, not files: SLA policies and the classifier's and fault-code rules are
 * data — versioned, checked, audited and in force without a restart. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CentreRulesContract {

    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    static Path dataDir;

    final TestClock clock = new TestClock(T0);
    RunningServer server;
    Api api;
    String admin;

    protected abstract RunningServer newServer(Path dataDir);

    @BeforeAll
    void start() {
        server = newServer(dataDir).withClock(clock).start();
        api = server.api();
        admin = api.adminToken();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    JsonNode policy(String type) {
        return api.get("/api/sla/policies", admin).body().valueStream().filter(p -> p.get("type").asString().equals(type))
                .findFirst().orElseThrow();
    }

    JsonNode ticketFor(String text) {
        Api.Response session = api.post("/api/chat/sessions", null, Map.of());
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            chat.sendMessage("m1", text);
        }
        return api.awaitTicketOf(admin, session.text("conversationId"));
    }

    @Test
    void anAdminChangesTheAppointmentTargetAndOnlyNewTicketsTakeIt() {
        assertThat(policy("APPOINTMENT").get("firstResponse").asString()).isEqualTo("PT30M");
        JsonNode before = ticketFor("我想预约保养");
        Instant openedBefore = Instant.parse(before.get("openedAt").asString());

        Api.Response changed = api.put("/api/sla/policies/APPOINTMENT", admin, Map.of("firstResponse", "PT20M", "resolution", "PT24H"));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(policy("APPOINTMENT").get("firstResponse").asString()).isEqualTo("PT20M");
        assertThat(policy("APPOINTMENT").get("versions")).hasSize(2);

        JsonNode after = ticketFor("预约明天下午做保养");
        Instant openedAfter = Instant.parse(after.get("openedAt").asString());
        assertThat(Instant.parse(after.get("sla").get("firstResponseDue").asString())).isEqualTo(openedAfter.plus(Duration.ofMinutes(20)));
        assertThat(Instant.parse(api.get("/api/tickets/" + before.get("id").asString(), admin).body().get("sla").get("firstResponseDue").asString()))
                .isEqualTo(openedBefore.plus(Duration.ofMinutes(30)));
        long audited = server.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT COUNT(*) FROM audit_log WHERE action = 'SLA_POLICY' AND subject = 'APPOINTMENT'").query(Long.class).single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aScheduledPolicyTakesEffectAtItsTime() {
        Instant from = T0.plus(Duration.ofDays(1));
        assertThat(api.put("/api/sla/policies/CALLBACK", admin, Map.of("firstResponse", "PT45M", "resolution", "PT12H",
                "effectiveAt", from.toString())).status()).isEqualTo(200);
        assertThat(policy("CALLBACK").get("firstResponse").asString()).isEqualTo("PT1H");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(policy("CALLBACK").get("firstResponse").asString()).isEqualTo("PT45M");
    }

    @Test
    void badTargetsAreRefusedAndChangeNothing() {
        for (Map<String, String> bad : List.of(Map.of("firstResponse", "PT0S", "resolution", "PT1H"),
                Map.of("firstResponse", "-PT1H", "resolution", "PT1H"), Map.of("firstResponse", "PT1H", "resolution", "P31D"),
                Map.of("firstResponse", "2 hours", "resolution", "PT48H"), Map.of("firstResponse", "PT3H", "resolution", "PT2H"))) {
            Api.Response r = api.put("/api/sla/policies/COMPLAINT", admin, bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(r.text("error")).isEqualTo("invalid_duration");
        }
        assertThat(policy("COMPLAINT").get("firstResponse").asString()).isEqualTo("PT2H");
        assertThat(api.put("/api/sla/policies/NOPE", admin, Map.of("firstResponse", "PT1H", "resolution", "PT2H")).status()).isEqualTo(404);
        api.createStaff(admin, "sup.rules", "SUPERVISOR", 1);
        String supervisor = api.loginStaff("sup.rules");
        assertThat(api.get("/api/sla/policies", supervisor).status()).isEqualTo(200);
        assertThat(api.put("/api/sla/policies/COMPLAINT", supervisor, Map.of("firstResponse", "PT1H", "resolution", "PT2H")).status())
                .isEqualTo(403);
    }

    @Test
    void aPhraseAddedByTheAdminClassifiesTheNextMessageAndABrokenLineIsRefusedWithItsNumber() {
        JsonNode plain = api.post("/api/rules/classifier/test", admin, Map.of("text", "我的车趴电了")).body();
        assertThat(plain.path("category").isNull() || plain.path("category").isMissingNode()).as(plain.toString()).isTrue();

        Api.Response broken = api.put("/api/rules/classifier", admin, Map.of("text", "category TECHNICAL: 趴电\nnonsense here\n"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text("error")).isEqualTo("invalid_rule");
        assertThat(broken.text("message")).contains("第 2 行");
        assertThat(api.get("/api/rules/classifier", admin).body().get("text").asString()).isEmpty();

        assertThat(api.put("/api/rules/classifier", admin, Map.of("text", "category TECHNICAL: 趴电\nskill battery: 趴电\n")).status())
                .isEqualTo(200);
        JsonNode tried = api.post("/api/rules/classifier/test", admin, Map.of("text", "我的車趴電了")).body();
        assertThat(tried.get("category").asString()).isEqualTo("TECHNICAL");
        JsonNode ticket = ticketFor("车子趴电了，怎么办");
        assertThat(ticket.get("category").asString()).isEqualTo("TECHNICAL");
        assertThat(ticket.get("skills").valueStream().map(JsonNode::asString).toList()).contains("battery");
        assertThat(api.get("/api/rules/classifier", admin).body().get("shipped").asString()).contains("type COMPLAINT:");
    }

    @Test
    void theFaultCodeTableIsEditedAndTried() {
        assertThat(api.post("/api/rules/dtc-specialities/test", admin, Map.of("code", "p1zz9")).status()).isEqualTo(400);
        Api.Response saved = api.put("/api/rules/dtc-specialities", admin, Map.of("text", "P1AB2 thermal\n"));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(api.post("/api/rules/dtc-specialities/test", admin, Map.of("code", "p1ab2")).body().get("speciality").asString())
                .isEqualTo("thermal");
        Api.Response broken = api.put("/api/rules/dtc-specialities", admin, Map.of("text", "P1AB2\n"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text("message")).contains("第 1 行");
        assertThat(api.post("/api/rules/dtc-specialities/test", admin, Map.of("code", "P1AB2")).body().get("speciality").asString())
                .isEqualTo("thermal");
    }
}
