package org.huiying.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Insecure direct object references, endpoint by endpoint: staff who were never given a ticket,
 * its conversation, its customer, its callback or a technician's question cannot read or change
 * it by knowing the id. They get the same 404 as for an id that does not exist, so ids cannot even
 * be probed; the owner and a supervisor still get through, so the refusals are not just breakage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdorContract {

    RunningServer server;
    Api api;
    String admin;
    String agentA;
    String agentB;
    String expert;
    String supervisor;
    String technician;
    String otherTechnician;
    /** Agent A's open ticket and its conversation (customer 张三). */
    String ticket;
    String conversation;
    /** Agent A's resolved ticket and the callback it left A. */
    String resolvedTicket;
    String callback;
    /** The technician's question (a TECH_SUPPORT ticket). */
    String question;
    long agentAId;
    ChatClient customerOfB;

    protected abstract RunningServer newServer();

    @BeforeAll
    void twoAgentsWithTheirOwnCustomers() {
        server = newServer().start();
        api = server.api();
        admin = api.adminToken();
        agentAId = api.createStaff(admin, "agent.a", "AGENT", 1);
        api.createStaff(admin, "agent.b", "AGENT", 1);
        api.createStaff(admin, "expert.x", "EXPERT", 3, "battery");
        api.createStaff(admin, "boss", "SUPERVISOR", 1);
        api.createStaff(admin, "tech.a", "TECHNICIAN", 1);
        api.createStaff(admin, "tech.b", "TECHNICIAN", 1);
        agentA = api.loginStaff("agent.a");
        agentB = api.loginStaff("agent.b");
        expert = api.loginStaff("expert.x");
        supervisor = api.loginStaff("boss");
        technician = api.loginStaff("tech.a");
        otherTechnician = api.loginStaff("tech.b");

        api.put("/api/staff/me/presence", agentA, Map.of("status", "ONLINE"));
        resolvedTicket = customerWritesAndAwaitTicket("李四", "13911112222", "想预约保养", agentA);
        assertThat(api.post("/api/tickets/" + resolvedTicket + "/resolve", agentA, "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/callbacks", agentA).body().size() == 1);
        callback = api.get("/api/callbacks", agentA).body().get(0).get("id").asString();

        ticket = customerWritesAndAwaitTicket("张三", "13812345678", "我的车充不进电了", agentA);
        conversation = api.get("/api/tickets/" + ticket, agentA).body().get("conversationId").asString();
        assertThat(api.post("/api/tickets/" + ticket + "/messages", agentA, Map.of("text", "您好，请问车型？")).status()).isEqualTo(201);

        api.put("/api/staff/me/presence", agentB, Map.of("status", "ONLINE"));
        customerWritesAndAwaitTicket("王五", "13700001111", "投诉服务态度", agentB);

        question = api.post("/api/tech-questions", technician, Map.of("vin", "LGXCE4CB0N0000001", "model", "汉EV",
                "dtcCodes", List.of("P0AA6"), "text", "绝缘故障怎么排查")).body().get("ticketId").asString();
    }

    private String customerWritesAndAwaitTicket(String name, String phone, String text, String agent) {
        Api.Response session = api.post("/api/chat/sessions", null, Map.of("name", name, "phone", phone));
        ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")));
        chat.sendMessage("m1", text);
        String conversationId = session.text("conversationId");
        await().atMost(Duration.ofSeconds(15)).until(() -> ticketOn(agent, conversationId) != null);
        if (name.equals("王五")) {
            customerOfB = chat;
        } else {
            chat.close();
        }
        return ticketOn(agent, conversationId);
    }

    private String ticketOn(String agent, String conversationId) {
        for (JsonNode t : api.get("/api/tickets?assignee=me", agent).body()) {
            if (t.get("conversationId").asString().equals(conversationId)) {
                return t.get("id").asString();
            }
        }
        return null;
    }

    @AfterAll
    void stop() {
        customerOfB.close();
        server.stop();
    }

    /** One request an attacker makes with someone else's id; {@code {id}} in the path is replaced. */
    record Attempt(Api api, String name, String method, String path, String victimId, String attacker, Object body) {

        Api.Response with(String id) {
            String url = path.replace("{id}", id);
            return switch (method) {
                case "GET" -> api.get(url, attacker);
                case "POST" -> api.post(url, attacker, body == null ? "" : body);
                default -> throw new IllegalArgumentException(method);
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Runs after the setup: with one test instance per class, the ids are known by then. */
    Stream<Attempt> everyEndpointThatTakesAnId() {
        return Stream.of(
                attempt("agent reads another agent's ticket", "GET", "/api/tickets/{id}", ticket, agentB, null),
                attempt("agent reads another agent's resolved ticket", "GET", "/api/tickets/{id}", resolvedTicket, agentB, null),
                attempt("agent replies on another agent's ticket", "POST", "/api/tickets/{id}/messages", ticket, agentB,
                        Map.of("text", "我来回答")),
                attempt("agent resolves another agent's ticket", "POST", "/api/tickets/{id}/resolve", ticket, agentB, null),
                attempt("agent parks another agent's ticket", "POST", "/api/tickets/{id}/wait-customer", ticket, agentB, null),
                attempt("agent transfers another agent's ticket", "POST", "/api/tickets/{id}/transfer", ticket, agentB,
                        Map.of("to", "complaint")),
                attempt("agent reads another agent's conversation", "GET", "/api/conversations/{id}/messages", conversation, agentB, null),
                attempt("agent reads another agent's customer card", "GET", "/api/console/tickets/{id}/customer", ticket, agentB, null),
                attempt("agent reads another agent's SLA log", "GET", "/api/tickets/{id}/sla-events", ticket, agentB, null),
                attempt("agent reports a suggestion used on another agent's ticket", "POST", "/api/tickets/{id}/suggestions/kb-1/used",
                        ticket, agentB, null),
                attempt("agent records another agent's callback", "POST", "/api/callbacks/{id}/result", callback, agentB,
                        Map.of("outcome", "REACHED")),
                attempt("agent places another agent's callback", "POST", "/api/callbacks/{id}/call", callback, agentB, Map.of()),
                attempt("expert reads a customer ticket", "GET", "/api/tickets/{id}", ticket, expert, null),
                attempt("expert reads a customer conversation", "GET", "/api/conversations/{id}/messages", conversation, expert, null),
                attempt("expert drafts an article from a customer ticket", "POST", "/api/tickets/{id}/knowledge-draft", ticket, expert, null),
                attempt("technician reads a customer ticket", "GET", "/api/tickets/{id}", ticket, technician, null),
                attempt("technician reads a customer conversation", "GET", "/api/conversations/{id}/messages", conversation, technician, null),
                attempt("technician reads a customer card", "GET", "/api/console/tickets/{id}/customer", ticket, technician, null),
                attempt("technician reads another technician's question", "GET", "/api/tech-questions/{id}", question, otherTechnician, null),
                attempt("technician writes on another technician's question", "POST", "/api/tech-questions/{id}/messages", question,
                        otherTechnician, Map.of("text", "我也想知道")),
                attempt("technician reads another technician's question as a ticket", "GET", "/api/tickets/{id}", question,
                        otherTechnician, null));
    }

    private Attempt attempt(String name, String method, String path, String victimId, String attacker, Object body) {
        return new Attempt(api, name, method, path, victimId, attacker, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpointThatTakesAnId")
    void someoneElsesIdAnswersExactlyLikeAnIdThatDoesNotExist(Attempt attempt) {
        Api.Response refused = attempt.with(attempt.victimId());
        Api.Response missing = attempt.with("tk_doesNotExist0000000");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(404);
        assertThat(refused.text("error")).isEqualTo("not_found");
        assertThat(refused.raw()).isEqualTo(missing.raw().replace("tk_doesNotExist0000000", attempt.victimId()));
    }

    @Test
    void refusedAttemptsChangedNothing() {
        JsonNode t = api.get("/api/tickets/" + ticket, agentA).body();
        assertThat(t.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(t.get("assignee").asLong()).isEqualTo(agentAId);
        assertThat(api.get("/api/conversations/" + conversation + "/messages", agentA).body()).hasSize(2);
        assertThat(api.get("/api/callbacks", agentA).body().get(0).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void theOwnerAndSupervisorsStillReachEveryRecord() {
        for (String token : List.of(agentA, supervisor)) {
            assertThat(api.get("/api/tickets/" + ticket, token).status()).isEqualTo(200);
            assertThat(api.get("/api/tickets/" + resolvedTicket, token).status()).isEqualTo(200);
            assertThat(api.get("/api/conversations/" + conversation + "/messages", token).status()).isEqualTo(200);
            assertThat(api.get("/api/console/tickets/" + ticket + "/customer", token).status()).isEqualTo(200);
            assertThat(api.get("/api/tickets/" + ticket + "/sla-events", token).status()).isEqualTo(200);
        }
        assertThat(api.get("/api/tech-questions/" + question, technician).status()).isEqualTo(200);
        assertThat(api.get("/api/tech-questions/" + question, expert).status()).isEqualTo(200);
        assertThat(api.get("/api/tickets/" + question, technician).status()).isEqualTo(200);
    }

    @Test
    void ticketListsShowOnlyWhatTheCallerMaySee() {
        assertThat(ids(api.get("/api/tickets", agentB).body())).doesNotContain(ticket, resolvedTicket, question);
        assertThat(api.get("/api/tickets?assignee=" + agentAId, agentB).body()).isEmpty();
        assertThat(ids(api.get("/api/tickets", technician).body())).containsExactly(question);
        assertThat(ids(api.get("/api/tickets", supervisor).body())).contains(ticket, resolvedTicket, question);
        assertThat(api.get("/api/callbacks", agentB).body()).isEmpty();
    }

    @Test
    void aCustomerTokenOpensOnlyItsOwnConversationAndNeverTheRestApi() {
        customerOfB.sendJson(Map.of("type", "resume", "afterSeq", 0));
        List<JsonNode> replayed = customerOfB.drain(Duration.ofSeconds(1));
        assertThat(replayed).isNotEmpty().allSatisfy(f -> assertThat(f.toString()).doesNotContain("充不进电").doesNotContain("预约保养"));
        Api.Response session = api.post("/api/chat/sessions", null, Map.of());
        assertThat(api.get("/api/conversations/" + session.text("conversationId") + "/messages", session.text("customerToken")).status())
                .isEqualTo(401);
        assertThat(api.get("/api/conversations/" + conversation + "/messages", session.text("customerToken")).status())
                .isEqualTo(401);
    }

    @Test
    void aRoleThatNeverMayDoSomethingGets403() {
        assertThat(api.get("/api/sla/breaches", agentB).status()).isEqualTo(403);
        assertThat(api.get("/api/escalations", agentB).status()).isEqualTo(403);
        assertThat(api.get("/api/staff", agentB).status()).isEqualTo(403);
        assertThat(api.post("/api/staff", agentB, Map.of("username", "x.y", "password", "password-1", "roles", List.of("ADMIN"))).status())
                .isEqualTo(403);
        assertThat(api.put("/api/staff/" + agentAId + "/password", supervisor, Map.of("newPassword", "taken-over-1")).status())
                .isEqualTo(403);
        assertThat(api.put("/api/staff/" + agentAId + "/disabled", agentB, Map.of("disabled", true)).status()).isEqualTo(403);
        assertThat(api.post("/api/tickets/" + question + "/knowledge-draft", technician, "").status()).isEqualTo(403);
        assertThat(api.post("/api/callbacks/" + callback + "/call", expert, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/tech-questions", agentB, Map.of("text", "问题")).status()).isEqualTo(403);
    }

    private static List<String> ids(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(t -> t.get("id").asString()).toList();
    }
}
