package org.huiying.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An agent's day on the callback queue, on a server whose clock the test moves: what is due today,
 * the call placed with one click (by hand without a voice account, through Twilio with one), the
 * outcomes, and the supervisor moving an overdue callback to someone else. Subclasses choose the database.
 */
abstract class CallbackQueueContract {

    /** 10:00 in Shanghai, a Monday. */
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final String PUBLIC_BASE = "https://hotline.example.com";

    @TempDir
    Path dataDir;

    protected final TestClock clock = new TestClock(T0);

    protected abstract String[] databaseArgs();

    private RunningServer server(String... extra) {
        List<String> args = new ArrayList<>(List.of(databaseArgs()));
        args.addAll(List.of("--huiying.sla.sweep-every=PT0.05S", "--huiying.routing.sweep-every=PT0.05S"));
        args.addAll(List.of(extra));
        return new RunningServer(dataDir, args.toArray(String[]::new)).withClock(clock);
    }

    /** A customer's chat, answered and resolved by the one online agent; returns the ticket's id. */
    static String resolvedTicket(RunningServer server, String agent, Map<String, String> customer, String text) {
        String ticket = openTicket(server, agent, customer, text);
        Api api = server.api();
        assertThat(api.post("/api/tickets/" + ticket + "/messages", agent, Map.of("text", "已为您处理，请再试一次。")).status()).isEqualTo(201);
        assertThat(api.post("/api/tickets/" + ticket + "/resolve", agent, "").status()).isEqualTo(200);
        return ticket;
    }

    static String openTicket(RunningServer server, String agent, Map<String, String> customer, String text) {
        Api api = server.api();
        Api.Response session = api.post("/api/chat/sessions", null, customer);
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            chat.sendMessage("m1", text);
        }
        String conversation = session.text("conversationId");
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/tickets?assignee=me", agent).body().valueStream()
                .filter(t -> t.get("conversationId").asString().equals(conversation)).map(t -> t.get("id").asString())
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    static JsonNode taskOf(JsonNode list, String ticketId, String reason) {
        return list.valueStream().filter(t -> t.get("ticketId").asString().equals(ticketId) && t.get("reason").asString().equals(reason))
                .findFirst().orElse(null);
    }

    static List<String> ticketsIn(JsonNode list) {
        return list.valueStream().map(t -> t.get("ticketId").asString()).toList();
    }

    @Test
    void anAgentWorksThroughTheCallbacksDueTodayAndASupervisorMovesAnOverdueOne() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            String admin = api.adminToken();
            long liNaId = api.createStaff(admin, "li.na", "AGENT", 5, "charging");
            long zhaoId = api.createStaff(admin, "zhao.lei", "AGENT", 5);
            api.createStaff(admin, "boss", "SUPERVISOR", 1);
            String liNa = api.loginStaff("li.na");
            String zhao = api.loginStaff("zhao.lei");
            String boss = api.loginStaff("boss");
            api.put("/api/staff/me/presence", liNa, Map.of("status", "ONLINE"));

            // Monday 10:00 and Tuesday 10:00: two services, each booking its callback three days later
            String complaint = resolvedTicket(server, liNa, Map.of("name", "王先生", "phone", "13812345678", "model", "汉EV"),
                    "我要投诉，空调不制冷修了三次");
            clock.advance(Duration.ofDays(1));
            String screen = resolvedTicket(server, liNa, Map.of("name", "刘女士", "phone", "13900001111"), "车机黑屏了");
            // a caller asked to be called back about charging: anyone with the skill may take it
            String charging = openTicket(server, liNa, Map.of("model", "海豚"), "车充不进电了");
            String request = server.bean(CallerCallbacks.class).requestNow(charging);

            // Thursday 11:00: the complaint's call is an hour overdue, the screen's is due tomorrow
            clock.advance(Duration.ofDays(2).plusHours(1));
            JsonNode due = api.get("/api/callbacks?status=DUE", liNa).body();
            assertThat(ticketsIn(due)).containsExactlyInAnyOrder(complaint, charging);
            JsonNode complaintCall = taskOf(due, complaint, "AFTER_SERVICE");
            assertThat(complaintCall.get("overdue").asBoolean()).isTrue();
            assertThat(complaintCall.get("ownerId").asLong()).isEqualTo(liNaId);
            assertThat(complaintCall.get("ticket").get("type").asString()).isEqualTo("COMPLAINT");
            assertThat(complaintCall.get("ticket").get("status").asString()).isEqualTo("RESOLVED");
            assertThat(complaintCall.toString()).doesNotContain("13812345678", "王先生");
            assertThat(taskOf(due, charging, "CALLER_REQUEST").has("ownerId")).isFalse();
            assertThat(api.get("/api/callbacks/counts", liNa).body().get("dueToday").asInt()).isEqualTo(2);

            // an agent without the charging skill sees neither, and cannot act on them
            assertThat(api.get("/api/callbacks?status=DUE", zhao).body()).isEmpty();
            String complaintId = complaintCall.get("id").asString();
            assertThat(api.post("/api/callbacks/" + complaintId + "/result", zhao, Map.of("outcome", "FIXED")).status()).isEqualTo(404);
            assertThat(api.post("/api/callbacks/" + request + "/result", zhao, Map.of("outcome", "FIXED")).status()).isEqualTo(404);
            assertThat(api.post("/api/callbacks/" + request + "/dial", zhao, Map.of()).status()).isEqualTo(404);
            assertThat(api.get("/api/callbacks/" + complaintId + "/customer", zhao).status()).isEqualTo(404);

            // the customer, masked, and the view audited
            JsonNode card = api.get("/api/callbacks/" + complaintId + "/customer", liNa).body();
            assertThat(card.get("phone").asString()).isEqualTo("138****5678");
            assertThat(card.get("name").asString()).isEqualTo("王*");
            assertThat(card.get("canReveal").asBoolean()).isFalse();
            JdbcClient db = server.bean(JdbcClient.class);
            assertThat(db.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'CARD_VIEW' AND actor_id = ? AND subject = ?")
                    .params(liNaId, complaint).query(Long.class).single()).isEqualTo(1);

            // no voice account: the click marks the call as dialled by hand
            JsonNode dialled = api.post("/api/callbacks/" + complaintId + "/dial", liNa, Map.of()).body();
            assertThat(dialled.get("via").asString()).isEqualTo("MANUAL");
            assertThat(dialled.get("task").get("dialMode").asString()).isEqualTo("MANUAL");
            assertThat(Instant.parse(dialled.get("task").get("dialledAt").asString())).isEqualTo(clock.instant());
            JsonNode fixed = api.post("/api/callbacks/" + complaintId + "/result", liNa, Map.of("outcome", "FIXED", "note", "客户确认空调已正常")).body();
            assertThat(fixed.get("status").asString()).isEqualTo("DONE");
            assertThat(fixed.get("attempts").asInt()).isEqualTo(1);
            assertThat(taskOf(api.get("/api/callbacks?status=OPEN", liNa).body(), complaint, "MONTHLY_CHECK")).isNotNull();

            // taking the caller's request: whoever dials it owns it
            JsonNode taken = api.post("/api/callbacks/" + request + "/dial", liNa, Map.of()).body().get("task");
            assertThat(taken.get("ownerId").asLong()).isEqualTo(liNaId);
            JsonNode wrong = api.post("/api/callbacks/" + request + "/result", liNa, Map.of("outcome", "WRONG_NUMBER")).body();
            assertThat(wrong.get("status").asString()).isEqualTo("DONE");
            assertThat(wrong.get("outcome").asString()).isEqualTo("WRONG_NUMBER");
            assertThat(api.get("/api/callbacks?status=DUE", liNa).body()).isEmpty();

            // Friday 11:00: the screen's call is overdue, and the supervisor gives it to a colleague
            clock.advance(Duration.ofDays(1));
            JsonNode overdue = api.get("/api/callbacks?status=OVERDUE", boss).body();
            assertThat(ticketsIn(overdue)).containsExactly(screen);
            String screenId = overdue.get(0).get("id").asString();
            JsonNode counts = api.get("/api/callbacks/counts", boss).body();
            assertThat(counts.get("overdue").asInt()).isEqualTo(1);
            assertThat(counts.get("byOwner").get(0).get("ownerId").asLong()).isEqualTo(liNaId);

            assertThat(api.patch("/api/callbacks/" + screenId, liNa, Map.of("ownerId", zhaoId)).status()).isEqualTo(403);
            Api.Response toSupervisor = api.patch("/api/callbacks/" + screenId, boss, Map.of("ownerId", api.get("/api/staff/me", boss).body().get("id").asLong()));
            assertThat(toSupervisor.status()).isEqualTo(400);
            assertThat(toSupervisor.text("error")).isEqualTo("invalid_owner");
            assertThat(api.patch("/api/callbacks/" + screenId, boss, Map.of("ownerId", 987654)).status()).isEqualTo(400);
            assertThat(api.patch("/api/callbacks/" + screenId, boss, Map.of()).status()).isEqualTo(400);
            assertThat(api.patch("/api/callbacks/" + complaintId, boss, Map.of("ownerId", zhaoId)).status()).isEqualTo(409);
            assertThat(api.patch("/api/callbacks/cb_nothing", boss, Map.of("ownerId", zhaoId)).status()).isEqualTo(404);
            assertThat(api.get("/api/callbacks/" + screenId, boss).body().get("ownerId").asLong()).isEqualTo(liNaId);

            try (StompClient desk = StompClient.connect(server.stompUri(), zhao)) {
                desk.subscribe("/user/queue/callbacks");
                server.awaitSubscribed(zhaoId, "/user/queue/callbacks");
                Api.Response moved = api.patch("/api/callbacks/" + screenId, boss, Map.of("ownerId", zhaoId));
                assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
                assertThat(moved.body().get("ownerId").asLong()).isEqualTo(zhaoId);
                JsonNode pushed = desk.awaitMessage("/queue/callbacks").json();
                assertThat(pushed.get("type").asString()).isEqualTo("assigned");
                assertThat(pushed.get("task").get("id").asString()).isEqualTo(screenId);
            }
            assertThat(ticketsIn(api.get("/api/callbacks?status=DUE", zhao).body())).containsExactly(screen);
            assertThat(api.get("/api/callbacks?status=DUE", liNa).body()).isEmpty();
            assertThat(api.post("/api/callbacks/" + screenId + "/result", liNa, Map.of("outcome", "FIXED")).status())
                    .as("no longer hers").isEqualTo(404);

            // nobody answers; then the customer says it is not fixed: the problem reopens as a follow-up
            JsonNode retry = api.post("/api/callbacks/" + screenId + "/result", zhao, Map.of("outcome", "NO_ANSWER")).body();
            assertThat(retry.get("status").asString()).isEqualTo("OPEN");
            assertThat(retry.get("attempts").asInt()).isEqualTo(1);
            assertThat(Instant.parse(retry.get("dueAt").asString())).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
            JsonNode notFixed = api.post("/api/callbacks/" + screenId + "/result", zhao, Map.of("outcome", "NOT_FIXED", "note", "还是黑屏")).body();
            assertThat(notFixed.get("status").asString()).isEqualTo("DONE");
            String reopened = notFixed.get("followUpTicketId").asString();
            assertThat(api.get("/api/tickets/" + reopened, boss).body().get("parentId").asString()).isEqualTo(screen);

            assertThat(api.post("/api/callbacks/" + screenId + "/result", zhao, Map.of("outcome", "MAYBE")).status()).isEqualTo(400);
            assertThat(api.post("/api/callbacks/" + screenId + "/result", zhao, Map.of("outcome", "FIXED")).status()).isEqualTo(409);
            assertThat(api.get("/api/callbacks?status=SOMETIME", zhao).status()).isEqualTo(400);
        }
    }

    /**
     * Calling ({@code /call}, {@code /dial}) and closing ({@code /result}) a callback: its owner, a supervisor or an
     * admin; one nobody owns yet, an agent with the skills its ticket needs. Another agent is answered as if the task
     * did not exist, other roles are refused, and what they tried changed nothing.
     */
    @Test
    void onlyTheOwnerASupervisorOrAnAdminCallsOrClosesACallbackAndAnUnownedOneOnlyAnAgentWithItsSkills() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            String admin = api.adminToken();
            long liNaId = api.createStaff(admin, "li.na", "AGENT", 5, "charging");
            api.createStaff(admin, "zhao.lei", "AGENT", 5);
            api.createStaff(admin, "expert.wu", "EXPERT", 5, "charging");
            api.createStaff(admin, "boss", "SUPERVISOR", 1);
            String liNa = api.loginStaff("li.na");
            String zhao = api.loginStaff("zhao.lei");
            String expert = api.loginStaff("expert.wu");
            String boss = api.loginStaff("boss");
            api.put("/api/staff/me/presence", liNa, Map.of("status", "ONLINE"));

            String serviced = resolvedTicket(server, liNa, Map.of("name", "王先生", "phone", "13812345678"), "车机黑屏了");
            String owned = taskOf(api.get("/api/callbacks", liNa).body(), serviced, "AFTER_SERVICE").get("id").asString();
            String charging = openTicket(server, liNa, Map.of("phone", "13900001111"), "车充不进电了");
            String unowned = server.bean(CallerCallbacks.class).requestNow(charging);

            for (String action : List.of("/call", "/dial", "/result")) {
                Map<String, String> body = action.equals("/result") ? Map.of("outcome", "REACHED") : Map.of();
                Api.Response otherAgents = api.post("/api/callbacks/" + owned + action, zhao, body);
                assertThat(otherAgents.status()).as(action + " " + otherAgents.raw()).isEqualTo(404);
                assertThat(otherAgents.text("error")).isEqualTo("not_found");
                Api.Response withoutTheSkills = api.post("/api/callbacks/" + unowned + action, zhao, body);
                assertThat(withoutTheSkills.status()).as(action + " unowned " + withoutTheSkills.raw()).isEqualTo(404);
                Api.Response expertsOne = api.post("/api/callbacks/" + owned + action, expert, body);
                assertThat(expertsOne.status()).as(action + " " + expertsOne.raw()).isEqualTo(403);
                assertThat(expertsOne.text("error")).isEqualTo("forbidden");
            }
            JsonNode untouched = api.get("/api/callbacks/" + owned, liNa).body();
            assertThat(untouched.get("status").asString()).isEqualTo("OPEN");
            assertThat(untouched.get("attempts").asInt()).isZero();
            assertThat(untouched.has("dialledAt")).isFalse();
            assertThat(api.get("/api/callbacks/" + unowned, liNa).body().has("ownerId")).isFalse();

            Api.Response ownerCalls = api.post("/api/callbacks/" + owned + "/call", liNa, Map.of());
            assertThat(ownerCalls.status()).as(ownerCalls.raw()).isEqualTo(202);
            Api.Response ownerDials = api.post("/api/callbacks/" + owned + "/dial", liNa, Map.of());
            assertThat(ownerDials.status()).as(ownerDials.raw()).isEqualTo(200);
            assertThat(ownerDials.body().get("task").get("ownerId").asLong()).isEqualTo(liNaId);
            Api.Response supervisorCloses = api.post("/api/callbacks/" + owned + "/result", boss, Map.of("outcome", "REACHED"));
            assertThat(supervisorCloses.status()).as(supervisorCloses.raw()).isEqualTo(200);
            assertThat(supervisorCloses.body().get("status").asString()).isEqualTo("DONE");

            Api.Response skilledAgentCalls = api.post("/api/callbacks/" + unowned + "/call", liNa, Map.of());
            assertThat(skilledAgentCalls.status()).as(skilledAgentCalls.raw()).isEqualTo(202);
            Api.Response adminCloses = api.post("/api/callbacks/" + unowned + "/result", admin, Map.of("outcome", "WRONG_NUMBER"));
            assertThat(adminCloses.status()).as(adminCloses.raw()).isEqualTo(200);
        }
    }

    @Test
    void withAVoiceAccountTheClickCallsTheCustomerAndTheAgentRecordsWhatTheySaid() {
        try (TwilioStandIn twilio = new TwilioStandIn()) {
            List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
            args.add("--huiying.public-base-url=" + PUBLIC_BASE);
            try (RunningServer server = server(args.toArray(String[]::new)).start()) {
                Api api = server.api();
                String admin = api.adminToken();
                api.createStaff(admin, "li.na", "AGENT", 5);
                String liNa = api.loginStaff("li.na");
                api.put("/api/staff/me/presence", liNa, Map.of("status", "ONLINE"));
                String ticket = resolvedTicket(server, liNa, Map.of("phone", "13812345678"), "我要投诉，空调不制冷修了三次");
                clock.advance(Duration.ofDays(3));
                String task = taskOf(api.get("/api/callbacks?status=DUE", liNa).body(), ticket, "AFTER_SERVICE").get("id").asString();

                // Twilio refuses: the click leaves the task as it was
                twilio.failNext(400, 21215, "Geo permission configuration is not permitting call");
                Api.Response refused = api.post("/api/callbacks/" + task + "/dial", liNa, Map.of());
                assertThat(refused.status()).as(refused.raw()).isEqualTo(502);
                assertThat(api.get("/api/callbacks/" + task, liNa).body().has("dialledAt")).isFalse();

                Api.Response placed = api.post("/api/callbacks/" + task + "/dial", liNa, Map.of());
                assertThat(placed.status()).as(placed.raw()).isEqualTo(200);
                assertThat(placed.text("via")).isEqualTo("VOICE");
                String callSid = placed.text("callSid");
                assertThat(callSid).startsWith("CA");
                assertThat(twilio.calls()).anySatisfy(c -> assertThat(c.param("To")).isEqualTo("+8613812345678"));
                assertThat(placed.body().get("task").get("dialMode").asString()).isEqualTo("VOICE");

                TwilioWebhooks webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), PUBLIC_BASE, TwilioStandIn.AUTH_TOKEN);
                Map<String, String> status = Map.of("CallSid", callSid, "CallStatus", "in-progress", "AccountSid", TwilioStandIn.ACCOUNT_SID,
                        "Direction", "outbound-api", "ApiVersion", "2010-04-01");
                assertThat(webhooks.post("/twilio/voice/status", status).status()).isEqualTo(204);

                // the customer picked up: the call is no outcome yet, what they say is
                JsonNode reached = api.get("/api/callbacks/" + task, liNa).body();
                assertThat(reached.get("status").asString()).isEqualTo("OPEN");
                assertThat(reached.has("reachedAt")).isTrue();
                JsonNode fixed = api.post("/api/callbacks/" + task + "/result", liNa, Map.of("outcome", "FIXED")).body();
                assertThat(fixed.get("status").asString()).isEqualTo("DONE");
                assertThat(fixed.get("outcome").asString()).isEqualTo("FIXED");
                assertThat(fixed.get("attempts").asInt()).isEqualTo(1);
            }
        }
    }
}
