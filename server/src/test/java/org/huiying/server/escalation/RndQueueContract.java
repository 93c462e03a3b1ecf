package org.huiying.server.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The charging fault that keeps coming back, from R&D's queue to the fix: acknowledged by the engineer
 * who owns it from then on, discussed, resolved with its root cause; the agents hear of it, every affected
 * customer is booked a check call a month later, and an outside tracker follows each step through the
 * signed webhook. Subclasses choose the database.
 */
abstract class RndQueueContract {

    /** 10:00 in Shanghai. */
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final String SECRET = "tracker-shared-secret-0123456789";

    @TempDir
    Path dataDir;

    protected final TestClock clock = new TestClock(T0);

    protected abstract String[] databaseArgs();

    private RunningServer server(String... extra) {
        List<String> args = new ArrayList<>(List.of(databaseArgs()));
        // no survey within the test's days: a customer's next message is a new problem, not a rating
        args.addAll(List.of("--huiying.sla.sweep-every=PT0.05S", "--huiying.routing.sweep-every=PT0.05S",
                "--huiying.survey.delay=P30D"));
        args.addAll(List.of(extra));
        return new RunningServer(dataDir, args.toArray(String[]::new)).withClock(clock);
    }

    /** A customer's chat session: its token and conversation. */
    record Customer(String token, String conversation) {
    }

    static Customer customer(Api api, Map<String, String> details) {
        Api.Response session = api.post("/api/chat/sessions", null, details);
        return new Customer(session.text("customerToken"), session.text("conversationId"));
    }

    /** The customer writes; returns the unresolved ticket it opened, assigned to the one online agent. */
    static String writes(RunningServer server, Customer customer, String agent, String text) {
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(customer.token()))) {
            chat.sendMessage("m-" + text.hashCode(), text);
        }
        Api api = server.api();
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/tickets?assignee=me", agent).body().valueStream()
                .filter(t -> t.get("conversationId").asString().equals(customer.conversation()))
                .filter(t -> !t.get("status").asString().equals("RESOLVED"))
                .map(t -> t.get("id").asString()).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }

    @Test
    void rndClosesTheChargingFaultWithItsRootCauseAndEveryAffectedCustomerGetsACheckCall() throws Exception {
        try (WebhookReceiver tracker = new WebhookReceiver();
             RunningServer server = server("--huiying.escalation.webhook-url=" + tracker.url(),
                     "--huiying.escalation.webhook-secret=" + SECRET, "--huiying.escalation.webhook-poll-every=PT0.1S",
                     "--huiying.escalation.webhook-first-retry=PT10S").start()) {
            Api api = server.api();
            String admin = api.adminToken();
            long liNaId = api.createStaff(admin, "li.na", "AGENT", 5, "charging");
            long chenId = api.createStaff(admin, "chen.gong", "RND", 1);
            api.createStaff(admin, "sun.gong", "RND", 1);
            api.createStaff(admin, "boss", "SUPERVISOR", 1);
            String liNa = api.loginStaff("li.na");
            String chen = api.loginStaff("chen.gong");
            String sun = api.loginStaff("sun.gong");
            String boss = api.loginStaff("boss");
            api.put("/api/staff/me/presence", liNa, Map.of("status", "ONLINE"));

            // the same customer twice (fixed once, back again), and a second customer: three charging faults on one model
            tracker.answerNext(500);
            Customer wang = customer(api, Map.of("name", "王先生", "phone", "13812345678", "model", "海豚"));
            String first = writes(server, wang, liNa, "充电桩一插就跳枪");
            api.post("/api/tickets/" + first + "/messages", liNa, Map.of("text", "已远程复位充电模块。"));
            assertThat(api.post("/api/tickets/" + first + "/resolve", liNa, "").status()).isEqualTo(200);
            String again = writes(server, wang, liNa, "快充又充不进电了");
            String other = writes(server, customer(api, Map.of("phone", "13900001111", "model", "海豚")), liNa, "车充不进电了");

            JsonNode raised = await().atMost(Duration.ofSeconds(10)).until(
                    () -> api.get("/api/escalations?status=OPEN,ACKNOWLEDGED", chen).body(), list -> list.size() == 1).get(0);
            String id = raised.get("id").asString();
            assertThat(raised.get("kind").asString()).isEqualTo("REPEATED_TECHNICAL_PROBLEM");
            assertThat(raised.get("queue").asString()).isEqualTo("RND");
            assertThat(raised.get("status").asString()).isEqualTo("OPEN");
            assertThat(raised.get("ticketIds").valueStream().map(JsonNode::asString).toList()).containsExactly(first, again, other);

            // the tracker was down at first: the same delivery comes again after the retry delay
            await().atMost(Duration.ofSeconds(10)).until(() -> tracker.deliveries().size() == 1);
            clock.advance(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> tracker.deliveries().size() == 2);
            WebhookReceiver.Delivery opened = tracker.deliveries().get(1);
            assertThat(opened.header("X-Huiying-Delivery")).isEqualTo(tracker.deliveries().get(0).header("X-Huiying-Delivery"));
            assertThat(opened.header("X-Huiying-Signature")).isEqualTo(hmac(opened.body()));
            assertThat(opened.header("X-Huiying-Event")).isEqualTo("escalation.open");
            assertThat(json(opened.body()).get("escalation").get("id").asString()).isEqualTo(id);

            // R&D sees the tickets behind it, and nothing of their customers
            Api.Response detail = api.get("/api/escalations/" + id, chen);
            assertThat(detail.status()).isEqualTo(200);
            assertThat(detail.body().get("tickets").valueStream().map(t -> t.get("id").asString()).toList())
                    .containsExactly(first, again, other);
            assertThat(detail.body().get("tickets").get(0).get("vehicleModel").asString()).isEqualTo("海豚");
            assertThat(detail.raw()).doesNotContain("13812345678", "王先生", "138****5678");

            // no step is skipped; bad bodies are refused by name
            Api.Response skipped = api.patch("/api/escalations/" + id, chen, Map.of("status", "RESOLVED", "rootCause", "x", "fix", "y"));
            assertThat(skipped.status()).isEqualTo(409);
            assertThat(skipped.text("error")).isEqualTo("invalid_transition");
            assertThat(api.patch("/api/escalations/" + id, chen, Map.of("status", "REJECTED", "reason", "重复")).status()).isEqualTo(409);
            assertThat(api.patch("/api/escalations/" + id, chen, Map.of("status", "DONE")).text("error")).isEqualTo("invalid_status");
            assertThat(api.patch("/api/escalations/" + id, chen, Map.of("status", "OPEN")).status()).isEqualTo(400);
            assertThat(api.patch("/api/escalations/" + id, liNa, Map.of("status", "ACKNOWLEDGED")).status()).isEqualTo(403);
            assertThat(api.get("/api/escalations", liNa).status()).isEqualTo(403);
            assertThat(api.patch("/api/escalations/es_nothing", chen, Map.of("status", "ACKNOWLEDGED")).status()).isEqualTo(404);

            JsonNode acknowledged = api.patch("/api/escalations/" + id, chen, Map.of("status", "ACKNOWLEDGED")).body();
            assertThat(acknowledged.get("status").asString()).isEqualTo("ACKNOWLEDGED");
            assertThat(acknowledged.get("ownerId").asLong()).isEqualTo(chenId);
            assertThat(acknowledged.get("ownerName").asString()).isEqualTo("chen.gong");
            assertThat(api.patch("/api/escalations/" + id, chen, Map.of("status", "ACKNOWLEDGED")).status()).isEqualTo(409);
            assertThat(api.patch("/api/escalations/" + id, sun, Map.of("status", "RESOLVED", "rootCause", "x", "fix", "y")).status())
                    .as("not the owner").isEqualTo(403);
            Api.Response noCause = api.patch("/api/escalations/" + id, chen, Map.of("status", "RESOLVED", "fix", "OTA"));
            assertThat(noCause.status()).isEqualTo(400);
            assertThat(noCause.text("error")).isEqualTo("root_cause_required");

            Api.Response comment = api.post("/api/escalations/" + id + "/comments", sun, Map.of("text", "海豚 2024 款也复现了，附日志。"));
            assertThat(comment.status()).isEqualTo(201);
            assertThat(api.post("/api/escalations/" + id + "/comments", sun, Map.of("text", " ")).status()).isEqualTo(400);
            assertThat(api.post("/api/escalations/" + id + "/comments", sun, Map.of("text", "长".repeat(2001))).status()).isEqualTo(400);
            JsonNode comments = api.get("/api/escalations/" + id, chen).body().get("comments");
            assertThat(comments).hasSize(1);
            assertThat(comments.get(0).get("authorName").asString()).isEqualTo("sun.gong");

            try (StompClient desk = StompClient.connect(server.stompUri(), liNa)) {
                desk.subscribe("/user/queue/escalations");
                server.awaitSubscribed(liNaId, "/user/queue/escalations");
                JsonNode resolved = api.patch("/api/escalations/" + id, chen, Map.of("status", "RESOLVED",
                        "rootCause", "充电口温度传感器固件误报过温，充电被中止", "fix", "OTA 2.3.1 修正过温阈值，服务站可升级")).body();
                assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
                assertThat(resolved.has("closedAt")).isTrue();

                JsonNode told = desk.awaitMessage("/queue/escalations").json();
                assertThat(told.get("type").asString()).isEqualTo("resolved");
                assertThat(told.get("escalation").get("rootCause").asString()).contains("温度传感器");
            }
            assertThat(api.patch("/api/escalations/" + id, chen, Map.of("status", "REJECTED", "reason", "晚了")).status()).isEqualTo(409);

            // one check call per customer, a month after the fix, with the agent who served them
            List<JsonNode> checks = api.get("/api/callbacks?status=OPEN", boss).body().valueStream()
                    .filter(t -> t.get("reason").asString().equals("MONTHLY_CHECK")).toList();
            assertThat(checks).hasSize(2);
            assertThat(checks).extracting(t -> t.get("ticketId").asString()).containsAnyOf(first, again).contains(other);
            assertThat(checks).allSatisfy(t -> {
                assertThat(Instant.parse(t.get("dueAt").asString())).isEqualTo(Instant.parse("2026-12-23T02:00:10Z"));
                assertThat(t.get("ownerId").asLong()).isEqualTo(liNaId);
                assertThat(t.get("escalationId").asString()).isEqualTo(id);
            });

            // the tracker heard each step once
            await().atMost(Duration.ofSeconds(10)).until(() -> tracker.deliveries().size() == 4);
            List<String> events = tracker.deliveries().stream().map(d -> d.header("X-Huiying-Event")).toList();
            assertThat(events).containsExactly("escalation.open", "escalation.open", "escalation.acknowledged", "escalation.resolved");
            JsonNode fixed = json(tracker.deliveries().get(3).body()).get("escalation");
            assertThat(fixed.get("rootCause").asString()).contains("温度传感器");
            assertThat(tracker.deliveries()).allSatisfy(d -> assertThat(d.header("X-Huiying-Signature")).isEqualTo(hmac(d.body())));
        }
    }

    @Test
    void anEscalationNobodyAcknowledgesIsFlaggedAndRndSeesOnlyItsOwnQueue() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            String admin = api.adminToken();
            api.createStaff(admin, "chen.gong", "RND", 1);
            api.createStaff(admin, "boss", "SUPERVISOR", 1);
            String chen = api.loginStaff("chen.gong");
            String boss = api.loginStaff("boss");

            Api.Response session = api.post("/api/chat/sessions", null, Map.of());
            try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
                chat.sendMessage("m1", "我想预约明天下午保养");
            }
            clock.advance(Duration.ofMinutes(30));
            JsonNode timeout = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/escalations", boss).body(),
                    list -> list.size() == 1).get(0);
            assertThat(timeout.get("kind").asString()).isEqualTo("APPOINTMENT_TIMEOUT");
            assertThat(timeout.get("queue").asString()).isEqualTo("SUPERVISORS");
            assertThat(timeout.get("acknowledgeOverdue").asBoolean()).isFalse();

            String id = timeout.get("id").asString();
            assertThat(api.get("/api/escalations", chen).body()).isEmpty();
            assertThat(api.get("/api/escalations/" + id, chen).status()).isEqualTo(404);
            assertThat(api.patch("/api/escalations/" + id, chen, Map.of("status", "ACKNOWLEDGED")).status()).isEqualTo(404);
            assertThat(api.get("/api/escalations?queue=SUPERVISORS", chen).status()).isEqualTo(403);
            assertThat(api.get("/api/escalations?queue=ELSEWHERE", boss).status()).isEqualTo(400);
            assertThat(api.get("/api/escalations?status=LOST", boss).status()).isEqualTo(400);

            clock.advance(Duration.ofDays(2));
            JsonNode late = api.get("/api/escalations?status=OPEN", boss).body().get(0);
            assertThat(late.get("acknowledgeOverdue").asBoolean()).isTrue();
            api.patch("/api/escalations/" + id, boss, Map.of("status", "ACKNOWLEDGED"));
            assertThat(api.get("/api/escalations?status=OPEN", boss).body()).isEmpty();
            assertThat(api.get("/api/escalations?queue=SUPERVISORS", boss).body().get(0).get("acknowledgeOverdue").asBoolean()).isFalse();
            // 31 days later it has left the default window, but not the list of what is still being worked
            clock.advance(Duration.ofDays(31));
            assertThat(api.get("/api/escalations", boss).body()).isEmpty();
            assertThat(api.get("/api/escalations?status=ACKNOWLEDGED", boss).body()).hasSize(1);
        }
    }

    @Test
    void aWebhookUrlThatIsNotHttpStopsTheStartWithAClearMessage() {
        RunningServer server = server("--huiying.escalation.webhook-url=ftp://tracker.example.com/hooks",
                "--huiying.escalation.webhook-secret=" + SECRET);
        assertThatThrownBy(server::start).hasStackTraceContaining(
                "huiying.escalation.webhook-url must be an http:// or https:// URL, not 'ftp://tracker.example.com/hooks'");
        server.stop();
    }
}
