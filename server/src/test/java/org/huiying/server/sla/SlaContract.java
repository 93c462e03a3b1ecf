package org.huiying.server.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The SLA clock and escalations as a supervisor relies on them, on a server whose clock the test
 * moves. Each test starts its own server; subclasses choose the database.
 */
abstract class SlaContract {

    static final Instant T0 = Instant.parse("2026-11-23T19:00:00Z");

    @TempDir
    Path dataDir;

    protected final TestClock clock = new TestClock(T0);

    /** Extra server arguments for the database under test. */
    protected abstract String[] databaseArgs();

    protected RunningServer server(String... args) {
        String[] all = concat(databaseArgs(), concat(new String[] {"--huiying.sla.sweep-every=PT0.05S"}, args));
        return new RunningServer(dataDir, all).withClock(clock);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static String openTicket(RunningServer server, Map<String, String> customer, String text) {
        Api.Response session = server.api().post("/api/chat/sessions", null, customer);
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            chat.sendMessage("first", text);
        }
        String conversation = session.text("conversationId");
        return server.api().awaitTicketOf(server.api().adminToken(), conversation).get("id").asString();
    }

    static String supervisor(Api api) {
        String admin = api.adminToken();
        api.createStaff(admin, "zhuguan", "SUPERVISOR", 1);
        return api.loginStaff("zhuguan");
    }

    static List<JsonNode> breaches(Api api, String token) {
        return api.get("/api/sla/breaches?since=2026-01-01T00:00:00Z", token).body().valueStream().toList();
    }

    @Test
    void supervisorsSeeTheWarningAndTheBreachLiveAndInTheList() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            String boss = supervisor(api);
            long bossId = api.get("/api/staff/me", boss).body().get("id").asLong();
            try (StompClient board = StompClient.connect(server.stompUri(), boss)) {
                board.subscribe("/topic/sla");
                server.awaitSubscribed(bossId, "/topic/sla");
                String ticket = openTicket(server, Map.of(), "我要投诉，车充不进电三天了");

                clock.advance(Duration.ofMinutes(89));
                assertThat(board.drain(Duration.ofMillis(300))).isEmpty();
                clock.advance(Duration.ofMinutes(1));
                JsonNode warning = board.awaitMessage("/topic/sla").json();
                assertThat(warning.get("ticketId").asString()).isEqualTo(ticket);
                assertThat(warning.get("state").asString()).isEqualTo("WARNING");
                assertThat(warning.get("metric").asString()).isEqualTo("FIRST_RESPONSE");

                clock.advance(Duration.ofMinutes(30));
                JsonNode breach = board.awaitMessage("/topic/sla").json();
                assertThat(breach.get("state").asString()).isEqualTo("BREACHED");
                assertThat(Instant.parse(breach.get("dueAt").asString())).isEqualTo(T0.plus(Duration.ofHours(2)));
            }
            List<JsonNode> listed = breaches(api, boss);
            assertThat(listed).extracting(b -> b.get("state").asString()).containsExactly("BREACHED", "WARNING");
            assertThat(api.get("/api/tickets/" + listed.get(0).get("id").asString(), boss).body().path("sla").get("state").asString())
                    .isEqualTo("BREACHED");
        }
    }

    @Test
    void whatFellDueWhileTheServerWasDownIsRecordedOnceAtStartup() {
        String ticket;
        try (RunningServer server = server().start()) {
            ticket = openTicket(server, Map.of(), "我要投诉");
        }
        clock.advance(Duration.ofHours(3));
        try (RunningServer server = server().start()) {
            String boss = supervisor(server.api());
            await().atMost(Duration.ofSeconds(10)).until(() -> breaches(server.api(), boss).size() == 2);
            assertThat(breaches(server.api(), boss)).allSatisfy(b -> assertThat(b.get("id").asString()).isEqualTo(ticket));
        }
        try (RunningServer server = server().start()) {
            String boss = server.api().loginStaff("zhuguan");
            clock.advance(Duration.ofMinutes(1));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> breaches(server.api(), boss).size() == 2);
            List<String> log = server.api().get("/api/tickets/" + ticket + "/sla-events", boss).body().valueStream()
                    .map(e -> e.get("kind").asString() + (e.has("metric") ? " " + e.get("metric").asString() : "")).toList();
            assertThat(log).containsExactly("STARTED", "WARNING FIRST_RESPONSE", "BREACH FIRST_RESPONSE");
        }
    }

    @Test
    void waitingOnTheCustomerStopsTheClockUntilTheyWriteBack() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            String admin = api.adminToken();
            api.createStaff(admin, "wang.fang", "AGENT", 3);
            String agent = api.loginStaff("wang.fang");
            api.put("/api/staff/me/presence", agent, Map.of("status", "ONLINE"));
            Api.Response session = api.post("/api/chat/sessions", null, Map.of());
            try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
                chat.sendMessage("1", "想预约保养");
                await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/tickets?assignee=me", agent).body().size() == 1);
                String id = api.get("/api/tickets?assignee=me", agent).body().get(0).get("id").asString();
                api.post("/api/tickets/" + id + "/messages", agent, Map.of("text", "请问您的车牌号和方便的时间？"));
                clock.advance(Duration.ofMinutes(10));
                JsonNode waiting = api.post("/api/tickets/" + id + "/wait-customer", agent, "").body();
                assertThat(waiting.get("status").asString()).isEqualTo("WAITING_CUSTOMER");
                assertThat(waiting.path("sla").get("paused").asBoolean()).isTrue();
                Instant dueBefore = Instant.parse(waiting.path("sla").get("resolutionDue").asString());

                clock.advance(Duration.ofHours(30));
                assertThat(api.get("/api/tickets/" + id, agent).body().path("sla").get("state").asString()).isEqualTo("OK");

                chat.sendMessage("2", "粤B12345，周六上午");
                // the reply resumes the ticket as it reaches the database, just after the ack on the embedded server
                JsonNode resumed = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/tickets/" + id, agent).body(),
                        t -> t.get("status").asString().equals("ASSIGNED"));
                assertThat(resumed.path("sla").get("paused").asBoolean()).isFalse();
                assertThat(Instant.parse(resumed.path("sla").get("resolutionDue").asString()))
                        .isEqualTo(dueBefore.plus(Duration.ofHours(30)));
            }
            String boss = supervisor(api);
            assertThat(breaches(api, boss)).isEmpty();
        }
    }

    @Test
    void anUnansweredAppointmentRequestEscalatesByItself() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            String boss = supervisor(api);
            String ticket = openTicket(server, Map.of(), "我想预约明天下午保养");
            clock.advance(Duration.ofMinutes(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/escalations", boss).body().size() == 1);
            JsonNode escalation = api.get("/api/escalations", boss).body().get(0);
            assertThat(escalation.get("kind").asString()).isEqualTo("APPOINTMENT_TIMEOUT");
            assertThat(escalation.get("ticketIds").get(0).asString()).isEqualTo(ticket);
            assertThat(api.get("/api/tickets/" + ticket, boss).body().get("priority").asInt()).isEqualTo(100);
        }
    }

    @Test
    void theThirdChargingFaultOnOneModelGoesToRnD() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            String boss = supervisor(api);
            String t1 = openTicket(server, Map.of("model", "海豚"), "充电桩一插就跳枪");
            String t2 = openTicket(server, Map.of("model", "海豚"), "快充充不进电");
            openTicket(server, Map.of("model", "海豹"), "充电枪拔不出来，充电口故障");
            assertThat(api.get("/api/escalations", boss).body()).isEmpty();
            String t3 = openTicket(server, Map.of("model", "海豚"), "車充不進電了");
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/escalations", boss).body().size() == 1);
            JsonNode escalation = api.get("/api/escalations", boss).body().get(0);
            assertThat(escalation.get("kind").asString()).isEqualTo("REPEATED_TECHNICAL_PROBLEM");
            assertThat(escalation.get("subject").asString()).isEqualTo("charging / 海豚");
            assertThat(escalation.get("ticketIds").valueStream().map(JsonNode::asString).toList()).containsExactly(t1, t2, t3);
        }
    }

    /** Escalated tickets never count again: the next escalation needs three new faults. */
    @Test
    void escalatedFaultsCountTowardsOneEscalationOnly() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            String boss = supervisor(api);
            for (String text : new String[] {"充电桩一插就跳枪", "快充充不进电", "车充不进电了"}) {
                openTicket(server, Map.of("model", "海豚"), text);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/escalations", boss).body().size() == 1);
            String t4 = openTicket(server, Map.of("model", "海豚"), "充电枪拔不出来，充电口故障");
            String t5 = openTicket(server, Map.of("model", "海豚"), "慢充也充不进电");
            String t6 = openTicket(server, Map.of("model", "海豚"), "充电口故障灯亮");
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/escalations", boss).body().size() == 2);
            // the test clock may give both escalations one instant: find the new one by its newest ticket
            List<List<String>> escalated = api.get("/api/escalations", boss).body().valueStream()
                    .map(e -> e.get("ticketIds").valueStream().map(JsonNode::asString).toList()).toList();
            assertThat(escalated).filteredOn(ids -> ids.contains(t6)).containsExactly(List.of(t4, t5, t6));
        }
    }
}
