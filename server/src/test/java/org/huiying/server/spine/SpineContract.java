package org.huiying.server.spine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The spine end to end, as its users meet it: a customer on the gateway, an agent on REST and
 * STOMP. Runs once per database (subclasses choose it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpineContract {

    private static final AtomicInteger NAMES = new AtomicInteger();

    protected RunningServer server;
    protected Api api;
    protected String admin;

    protected abstract RunningServer newServer();

    @BeforeAll
    void startServer() {
        server = newServer().start();
        api = server.api();
        admin = api.adminToken();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Each test gets agents of its own; they go offline afterwards so other tests are not served by them. */
    private String onlineAgent(StompClient[] desk, String... skills) {
        String name = "agent" + NAMES.incrementAndGet();
        // room for the tickets earlier tests left waiting: the queue rightly hands those out too
        long id = api.createStaff(admin, name, "AGENT", 50, skills);
        String token = api.loginStaff(name);
        desk[0] = StompClient.connect(server.stompUri(), token);
        desk[0].subscribe("/user/queue/assignments");
        desk[0].subscribe("/user/queue/messages");
        server.awaitSubscribed(id, "/user/queue/assignments");
        server.awaitSubscribed(id, "/user/queue/messages");
        assertThat(api.put("/api/staff/me/presence", token, Map.of("status", "ONLINE")).status()).isEqualTo(200);
        return token;
    }

    private void offline(String token) {
        api.put("/api/staff/me/presence", token, Map.of("status", "OFFLINE"));
    }

    private Api.Response openSession() {
        Api.Response r = api.post("/api/chat/sessions", null, Map.of("name", "王先生", "phone", "13812345678", "vin", "LSVAU2180N2183294"));
        assertThat(r.status()).isEqualTo(201);
        return r;
    }

    @Test
    void customerMessageReachesTheOnlineAgentAndTheReplyComesBackLive() {
        StompClient[] desk = new StompClient[1];
        String agent = onlineAgent(desk, "charging");
        Api.Response session = openSession();
        try (ChatClient customer = ChatClient.connect(server.gatewayUri(session.text("customerToken")));
             StompClient stomp = desk[0]) {
            assertThat(customer.sendMessage("c-1", "车充不进电了")).isEqualTo(1);

            JsonNode assigned = assignmentFor(stomp, session.text("conversationId"));
            String ticketId = assigned.get("id").asString();
            assertThat(assigned.get("conversationId").asString()).isEqualTo(session.text("conversationId"));
            assertThat(assigned.get("category").asString()).isEqualTo("TECHNICAL");
            assertThat(assigned.has("suggestions")).as("the push carries no knowledge-base search").isFalse();
            assertThat(assigned.get("status").asString()).as("the ticket as its assignment left it").isEqualTo("ASSIGNED");
            assertThat(assigned.get("assignee").isNumber()).isTrue();

            JsonNode ticket = api.get("/api/tickets/" + ticketId, agent).body();
            assertThat(ticket.get("suggestions").get(0).get("title").asString()).contains("充");
            assertThat(ticket.get("status").asString()).isEqualTo("ASSIGNED");
            assertThat(ticket.get("type").asString()).isEqualTo("INQUIRY");
            Instant opened = Instant.parse(ticket.get("openedAt").asString());
            Instant firstDue = Instant.parse(ticket.path("sla").get("firstResponseDue").asString());
            assertThat(Duration.between(opened, firstDue)).isEqualTo(Duration.ofHours(1));
            assertThat(ticket.path("sla").get("state").asString()).isEqualTo("OK");

            customer.sendMessage("c-2", "在吗？");
            JsonNode pushed = stomp.await(f -> f.command().equals("MESSAGE")
                    && f.headers().getOrDefault("destination", "").endsWith("/queue/messages")
                    && f.json().path("conversationId").asString().equals(session.text("conversationId"))).json();
            assertThat(pushed.get("ticketId").asString()).isEqualTo(ticketId);
            assertThat(pushed.path("message").get("text").asString()).isEqualTo("在吗？");

            Api.Response reply = api.post("/api/tickets/" + ticketId + "/messages", agent, Map.of("text", "您好，请问充电桩指示灯是什么颜色？"));
            assertThat(reply.status()).isEqualTo(201);
            JsonNode live = customer.awaitType("message");
            assertThat(live.get("from").asString()).isEqualTo("agent");
            assertThat(live.get("seq").asLong()).isEqualTo(3);
            assertThat(live.get("text").asString()).isEqualTo("您好，请问充电桩指示灯是什么颜色？");
            assertThat(Instant.parse(live.get("at").asString())).isNotNull();

            JsonNode history = api.get("/api/conversations/" + session.text("conversationId") + "/messages", agent).body();
            assertThat(history).hasSize(3);
            assertThat(history.get(0).get("from").asString()).isEqualTo("customer");
            assertThat(history.get(2).get("from").asString()).isEqualTo("agent");
            assertThat(history.get(2).get("channel").asString()).isEqualTo("chat");
        } finally {
            offline(agent);
        }
    }

    @Test
    void repeatedCmidIsStoredOnceAndAcknowledgedWithItsOriginalSeq() {
        Api.Response session = openSession();
        try (ChatClient customer = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            assertThat(customer.sendMessage("dup", "你好")).isEqualTo(1);
            assertThat(customer.sendMessage("other", "还在吗")).isEqualTo(2);
            assertThat(customer.sendMessage("dup", "你好")).isEqualTo(1);
        }
        JsonNode history = api.get("/api/conversations/" + session.text("conversationId") + "/messages", admin).body();
        assertThat(history).hasSize(2);
    }

    @Test
    void theSameMessageSentConcurrentlyOnTwoConnectionsIsStoredOnce() {
        Api.Response session = openSession();
        String uri = server.gatewayUri(session.text("customerToken"));
        List<ChatClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(ChatClient.connect(uri));
            }
            List<CompletableFuture<Long>> acks = clients.stream()
                    .map(c -> CompletableFuture.supplyAsync(() -> c.sendMessage("same", "车机黑屏了")))
                    .toList();
            assertThat(acks.stream().map(CompletableFuture::join).distinct().toList()).containsExactly(1L);
        } finally {
            clients.forEach(ChatClient::close);
        }
        assertThat(api.get("/api/conversations/" + session.text("conversationId") + "/messages", admin).body()).hasSize(1);
        assertThat(api.get("/api/tickets?status=OPEN", admin).body().findValuesAsString("conversationId")
                .stream().filter(session.text("conversationId")::equals)).hasSize(1);
    }

    @Test
    void resumeReplaysEverythingAfterTheGivenSeq() {
        Api.Response session = openSession();
        String uri = server.gatewayUri(session.text("customerToken"));
        try (ChatClient first = ChatClient.connect(uri)) {
            for (int i = 1; i <= 5; i++) {
                first.sendMessage("m" + i, "第" + i + "条");
            }
        }
        try (ChatClient again = ChatClient.connect(uri)) {
            again.sendJson(Map.of("type", "resume", "afterSeq", 2));
            for (long seq = 3; seq <= 5; seq++) {
                JsonNode m = again.awaitType("message");
                assertThat(m.get("seq").asLong()).isEqualTo(seq);
                assertThat(m.get("from").asString()).isEqualTo("customer");
                assertThat(m.get("text").asString()).isEqualTo("第" + seq + "条");
            }
        }
    }

    @Test
    void aMessageSentRightAfterAResumeIsAcknowledgedAfterTheWholeReplay() {
        Api.Response session = openSession();
        String uri = server.gatewayUri(session.text("customerToken"));
        try (ChatClient first = ChatClient.connect(uri)) {
            for (int i = 1; i <= 20; i++) {
                first.sendJson(Map.of("type", "message", "cmid", "m" + i, "text", "第" + i + "条：胎压报警"));
            }
            first.await(f -> f.path("type").asString().equals("ack") && f.path("cmid").asString().equals("m20"));
        }
        try (ChatClient again = ChatClient.connect(uri)) {
            again.sendJson(Map.of("type", "resume", "afterSeq", 0));
            again.sendJson(Map.of("type", "message", "cmid", "after", "text", "补充：左前轮"));
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                JsonNode f = again.await(any -> true);
                order.add(f.path("type").asString() + " " + f.path("seq").asLong());
            }
            List<String> expected = new ArrayList<>();
            for (int seq = 1; seq <= 20; seq++) {
                expected.add("message " + seq);
            }
            expected.add("ack 21");
            assertThat(order).isEqualTo(expected);
        }
    }

    @Test
    void badFramesGetAnErrorFrameAndTheConnectionStaysUsable() {
        Api.Response session = openSession();
        try (ChatClient customer = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            customer.send("{not json");
            assertThat(customer.awaitType("error").get("code").asString()).isEqualTo("malformed_json");
            customer.send("[1,2]");
            assertThat(customer.awaitType("error").get("code").asString()).isEqualTo("malformed_json");
            customer.sendJson(Map.of("type", "dance"));
            assertThat(customer.awaitType("error").get("code").asString()).isEqualTo("unknown_type");
            customer.sendJson(Map.of("type", "message", "text", "没有cmid"));
            assertThat(customer.awaitType("error").get("code").asString()).isEqualTo("invalid_cmid");
            customer.sendJson(Map.of("type", "message", "cmid", "x", "text", "   "));
            assertThat(customer.awaitType("error").get("code").asString()).isEqualTo("empty_text");
            customer.sendJson(Map.of("type", "message", "cmid", "y", "text", "长".repeat(4001)));
            assertThat(customer.awaitType("error").get("code").asString()).isEqualTo("text_too_long");
            customer.sendJson(Map.of("type", "resume", "afterSeq", -1));
            assertThat(customer.awaitType("error").get("code").asString()).isEqualTo("invalid_after_seq");
            customer.sendBinary(new byte[] {1, 2, 3});
            assertThat(customer.awaitType("error").get("code").asString()).isEqualTo("unsupported_frame");

            assertThat(customer.sendMessage("ok", "这条应该能存")).isEqualTo(1);
        }
        assertThat(api.get("/api/conversations/" + session.text("conversationId") + "/messages", admin).body()).hasSize(1);
    }

    @Test
    void gatewayRefusesAConnectionWithoutAValidCustomerToken() {
        assertThatThrownBy(() -> ChatClient.connect(server.gatewayUri("not-a-token")))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void ticketWaitsInTheQueueUntilAnAgentComesOnline() {
        Api.Response session = openSession();
        String conversation = session.text("conversationId");
        try (ChatClient customer = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            customer.sendMessage("q1", "我要投诉，你们服务态度太差");
        }
        JsonNode waiting = findTicket(conversation);
        assertThat(waiting.get("status").asString()).isEqualTo("OPEN");
        assertThat(waiting.get("type").asString()).isEqualTo("COMPLAINT");
        assertThat(waiting.get("category").asString()).isEqualTo("ATTITUDE");
        Instant opened = Instant.parse(waiting.get("openedAt").asString());
        assertThat(Duration.between(opened, Instant.parse(waiting.path("sla").get("firstResponseDue").asString()))).isEqualTo(Duration.ofHours(2));
        assertThat(Duration.between(opened, Instant.parse(waiting.path("sla").get("resolutionDue").asString()))).isEqualTo(Duration.ofHours(48));

        StompClient[] desk = new StompClient[1];
        String agent = onlineAgent(desk);
        try (StompClient stomp = desk[0]) {
            JsonNode assigned = assignmentFor(stomp, conversation);
            assertThat(assigned.get("status").asString()).isEqualTo("ASSIGNED");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    api.get("/api/tickets?assignee=me", agent).body().findValuesAsString("conversationId").contains(conversation));
        } finally {
            offline(agent);
        }
    }

    @Test
    void anAgentCannotAnswerSomeoneElsesTicket() {
        StompClient[] desk = new StompClient[1];
        String owner = onlineAgent(desk);
        String other = "bystander" + NAMES.incrementAndGet();
        api.createStaff(admin, other, "AGENT", 3);
        String otherToken = api.loginStaff(other);
        Api.Response session = openSession();
        try (ChatClient customer = ChatClient.connect(server.gatewayUri(session.text("customerToken")));
             StompClient stomp = desk[0]) {
            customer.sendMessage("a", "想预约保养");
            String ticketId = assignmentFor(stomp, session.text("conversationId")).get("id").asString();
            // never assigned to the bystander: answered as if it did not exist (see docs/api.md, Security)
            Api.Response refused = api.post("/api/tickets/" + ticketId + "/messages", otherToken, Map.of("text", "我来"));
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.text("error")).isEqualTo("not_found");
            assertThat(customer.drain(Duration.ofMillis(300))).isEmpty();

            assertThat(api.post("/api/tickets/" + ticketId + "/resolve", owner, "").status()).isEqualTo(200);
            Api.Response late = api.post("/api/tickets/" + ticketId + "/messages", owner, Map.of("text", "还有问题吗"));
            assertThat(late.status()).isEqualTo(409);
        } finally {
            offline(owner);
        }
    }

    @Test
    void restRefusesBadInputWithTheContractsJsonError() {
        Api.Response noToken = api.get("/api/tickets", null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.text("error")).isEqualTo("unauthorized");
        assertThat(api.get("/api/tickets", "forged.token.value").status()).isEqualTo(401);

        Api.Response malformed = api.post("/api/chat/sessions", null, "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("error")).isEqualTo("malformed_json");
        assertThat(malformed.raw()).doesNotContain("Exception").doesNotContain("at org.");

        assertThat(api.post("/api/chat/sessions", null, Map.of("vin", "123")).text("error")).isEqualTo("invalid_vin");
        assertThat(api.post("/api/auth/login", null, Map.of("username", "admin", "password", "wrong")).status()).isEqualTo(401);
        String victim = "victim" + NAMES.incrementAndGet();
        api.createStaff(admin, victim, "AGENT", 1);
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/auth/login", null, Map.of("username", victim, "password", "guess" + i)).status()).isEqualTo(401);
        }
        Api.Response locked = api.post("/api/auth/login", null, Map.of("username", victim, "password", "password-" + victim));
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.text("error")).isEqualTo("account_locked");

        String agent = "plain" + NAMES.incrementAndGet();
        api.createStaff(admin, agent, "AGENT", 3);
        String agentToken = api.loginStaff(agent);
        assertThat(api.post("/api/staff", agentToken, Map.of("username", "sneaky", "password", "password-1", "roles", List.of("ADMIN"))).status())
                .isEqualTo(403);
        assertThat(api.post("/api/staff", admin, Map.of("username", agent, "password", "password-1", "roles", List.of("AGENT"))).status())
                .isEqualTo(409);
        assertThat(api.post("/api/staff", admin, Map.of("username", "x1y", "password", "password-1", "roles", List.of("KING"))).text("error"))
                .isEqualTo("invalid_roles");
        assertThat(api.put("/api/staff/me/presence", agentToken, Map.of("status", "SLEEPING")).status()).isEqualTo(400);
        assertThat(api.get("/api/tickets/tk_doesnotexist", agentToken).status()).isEqualTo(404);
        assertThat(api.get("/api/tickets?status=WHATEVER", agentToken).status()).isEqualTo(400);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        String big = "{\"name\":\"" + "王".repeat(600_000) + "\"}";
        Api.Response declared = api.post("/api/chat/sessions", null, big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.text("error")).isEqualTo("body_too_large");

        var chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.httpPort() + "/api/chat/sessions"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(chunked, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("body_too_large");
    }

    @Test
    void stompRefusesAConnectWithoutAValidToken() {
        try (StompClient anonymous = StompClient.open(server.stompUri(), null)) {
            assertThat(anonymous.await(f -> !f.command().isEmpty()).command()).isEqualTo("ERROR");
        }
        try (StompClient forged = StompClient.open(server.stompUri(), "eyJhbGciOiJIUzI1NiJ9.e30.bad")) {
            assertThat(forged.await(f -> !f.command().isEmpty()).command()).isEqualTo("ERROR");
        }
    }

    @Test
    void healthIsUpAndThePortsFileNamesTheListeningPorts() {
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(server.httpPort()).isPositive();
        assertThat(server.gatewayPort()).isPositive().isNotEqualTo(server.httpPort());
        assertThat(api.get("/v3/api-docs", null).body().path("paths").has("/api/chat/sessions")).isTrue();
    }

    private static JsonNode assignmentFor(StompClient stomp, String conversationId) {
        return stomp.await(f -> f.command().equals("MESSAGE")
                && f.headers().getOrDefault("destination", "").endsWith("/queue/assignments")
                && f.json().path("conversationId").asString().equals(conversationId)).json();
    }

    private JsonNode findTicket(String conversationId) {
        return api.awaitTicketOf(admin, conversationId);
    }
}
