package org.huiying.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The right ticket to the right person, and never left with someone who does not answer. */
class RoutingIntegrationTests {

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T02:00:00Z"));

    /** A server on the test's clock, sweeping often so moved time takes effect at once. */
    private RunningServer server() {
        return new RunningServer(dataDir, "--huiying.routing.sweep-every=PT0.05S", "--huiying.sla.sweep-every=PT0.05S")
                .withClock(clock);
    }

    private record Agent(long id, String token) {
    }

    private static Agent online(Api api, String name, int max, String... skills) {
        long id = api.createStaff(api.adminToken(), name, "AGENT", max, skills);
        String token = api.loginStaff(name);
        api.put("/api/staff/me/presence", token, Map.of("status", "ONLINE"));
        return new Agent(id, token);
    }

    private static String customerWrites(RunningServer server, String text) {
        Api.Response session = server.api().post("/api/chat/sessions", null, Map.of());
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            chat.sendMessage("m1", text);
        }
        return session.text("conversationId");
    }

    private static JsonNode ticketOf(Api api, String conversationId) {
        return api.awaitTicketOf(api.adminToken(), conversationId);
    }

    private static Long assignee(Api api, String conversationId) {
        JsonNode a = ticketOf(api, conversationId).get("assignee");
        return a == null || a.isNull() ? null : a.asLong();
    }

    @Test
    void aTicketNobodyAnswersGoesToSomeoneElse() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            Agent a = online(api, "agent.a", 1);
            Agent b = online(api, "agent.b", 1);
            String conversation = customerWrites(server, "你好，问一下保修政策");
            await().atMost(Duration.ofSeconds(10)).until(() -> assignee(api, conversation) != null);
            long first = assignee(api, conversation);
            long other = first == a.id() ? b.id() : a.id();
            clock.advance(Duration.ofMinutes(2));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> Long.valueOf(first).equals(assignee(api, conversation)));
            clock.advance(Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(other).equals(assignee(api, conversation)));
        }
    }

    @Test
    void anAnsweredTicketStaysWithItsAgent() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            Agent a = online(api, "agent.a", 1);
            online(api, "agent.b", 1);
            String conversation = customerWrites(server, "你好，问一下保修政策");
            await().atMost(Duration.ofSeconds(10)).until(() -> assignee(api, conversation) != null);
            long first = assignee(api, conversation);
            Agent holder = first == a.id() ? a : new Agent(first, api.loginStaff("agent.b"));
            String id = ticketOf(api, conversation).get("id").asString();
            clock.advance(Duration.ofMinutes(2));
            assertThat(api.post("/api/tickets/" + id + "/messages", holder.token(), Map.of("text", "您好，电池保修8年或15万公里。")).status())
                    .isEqualTo(201);
            clock.advance(Duration.ofMinutes(10));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> Long.valueOf(first).equals(assignee(api, conversation)));
        }
    }

    @Test
    void goingOfflineReleasesUnansweredTickets() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            Agent a = online(api, "agent.a", 2);
            String conversation = customerWrites(server, "车机黑屏了");
            await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(a.id()).equals(assignee(api, conversation)));
            api.put("/api/staff/me/presence", a.token(), Map.of("status", "OFFLINE"));
            await().atMost(Duration.ofSeconds(10)).until(() -> ticketOf(api, conversation).get("status").asString().equals("OPEN"));
            Agent b = online(api, "agent.b", 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(b.id()).equals(assignee(api, conversation)));
        }
    }

    @Test
    void aSupervisorReassignsAndTheNewAgentIsToldLive() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            Agent a = online(api, "agent.a", 1);
            String conversation = customerWrites(server, "想预约保养");
            await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(a.id()).equals(assignee(api, conversation)));
            Agent b = online(api, "agent.b", 1);
            api.createStaff(api.adminToken(), "boss", "SUPERVISOR", 1);
            String boss = api.loginStaff("boss");
            String id = ticketOf(api, conversation).get("id").asString();
            try (StompClient desk = StompClient.connect(server.stompUri(), b.token())) {
                desk.subscribe("/user/queue/assignments");
                server.awaitSubscribed(b.id(), "/user/queue/assignments");
                JsonNode moved = api.post("/api/tickets/" + id + "/transfer", boss, Map.of("to", b.id())).body();
                assertThat(moved.get("assignee").asLong()).isEqualTo(b.id());
                assertThat(desk.awaitMessage("/queue/assignments").json().get("id").asString()).isEqualTo(id);
            }
            assertThat(api.post("/api/tickets/" + id + "/messages", a.token(), Map.of("text", "我来")).status()).isEqualTo(403);
            assertThat(api.post("/api/tickets/" + id + "/transfer", a.token(), Map.of("to", "complaint")).status()).isEqualTo(403);
            assertThat(api.post("/api/tickets/" + id + "/transfer", boss, Map.of("to", "Bad Queue!")).status()).isEqualTo(400);
        }
    }

    @Test
    void technicalProblemsAreServedFirstWhenThereIsOneSeat() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            String inquiry = customerWrites(server, "你们周末营业吗");
            String technical = customerWrites(server, "仪表报P0A80，电池故障灯亮了");
            assertThat(ticketOf(api, technical).get("category").asString()).isEqualTo("TECHNICAL");
            Agent a = online(api, "agent.a", 1, "battery");
            await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(a.id()).equals(assignee(api, technical)));
            assertThat(assignee(api, inquiry)).isNull();
        }
    }

    @Test
    void anAdminsClassificationRulesApplyWithoutARestart() throws Exception {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            assertThat(ticketOf(api, customerWrites(server, "早上车又趴电了")).path("category").isMissingNode()).isTrue();
            assertThat(api.put("/api/rules/classifier", api.adminToken(), java.util.Map.of("text", "category TECHNICAL: 趴电\nskill battery: 趴电\n"))
                    .status()).isEqualTo(200);
            JsonNode ticket = ticketOf(api, customerWrites(server, "早上车又趴电了"));
            assertThat(ticket.get("category").asString()).isEqualTo("TECHNICAL");
            assertThat(ticket.get("skills").get(0).asString()).isEqualTo("battery");
        }
    }

    @Test
    void floorWideTopicsAreForSupervisorsOnly() {
        try (RunningServer server = server().start()) {
            Api api = server.api();
            Agent a = online(api, "agent.a", 1);
            try (StompClient desk = StompClient.connect(server.stompUri(), a.token())) {
                desk.subscribe("/topic/sla");
                // refused: an ERROR frame, after which the server may close the connection at once
                assertThat(desk.await(f -> !f.command().equals("CONNECTED")).command()).isIn("ERROR", "CLOSED");
                assertThat(server.bean(org.springframework.messaging.simp.user.SimpUserRegistry.class)
                        .findSubscriptions(sub -> sub.getDestination().equals("/topic/sla"))).isEmpty();
            }
            api.createStaff(api.adminToken(), "boss", "SUPERVISOR", 1);
            assertThat(api.get("/api/sla/breaches", a.token()).status()).isEqualTo(403);
            assertThat(api.get("/api/escalations", a.token()).status()).isEqualTo(403);
            assertThat(api.get("/api/sla/breaches", api.loginStaff("boss")).status()).isEqualTo(200);
            assertThat(api.get("/api/sla/breaches?since=yesterday", api.loginStaff("boss")).status()).isEqualTo(400);
        }
    }
}
