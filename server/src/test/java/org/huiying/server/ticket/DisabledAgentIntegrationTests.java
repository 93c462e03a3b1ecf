package org.huiying.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Disabling an account must not strand its customers: what it held goes to someone who can answer. */
class DisabledAgentIntegrationTests {

    @TempDir
    Path dataDir;

    private static JsonNode ticket(Api api, String admin, String conversationId) {
        return api.awaitTicketOf(admin, conversationId);
    }

    private static Long assignee(Api api, String admin, String conversationId) {
        JsonNode a = ticket(api, admin, conversationId).path("assignee");
        return a.isNumber() ? a.asLong() : null;
    }

    @Test
    void disablingAnAgentReleasesTheirAnsweredAndWaitingTicketsToOthers() {
        // the answer deadline is far away: only the disabling can take the tickets off the agent
        try (RunningServer server = new RunningServer(dataDir, "--huiying.routing.answer-within=PT1H",
                "--huiying.routing.sweep-every=PT0.1S").start()) {
            Api api = server.api();
            String admin = api.adminToken();
            long leavingId = api.createStaff(admin, "zhou.leaving", "AGENT", 3);
            String leaving = api.loginStaff("zhou.leaving");
            api.put("/api/staff/me/presence", leaving, Map.of("status", "ONLINE"));

            Api.Response first = api.post("/api/chat/sessions", null, Map.of("name", "陈女士"));
            Api.Response second = api.post("/api/chat/sessions", null, Map.of("name", "赵先生"));
            try (ChatClient answered = ChatClient.connect(server.gatewayUri(first.text("customerToken")));
                 ChatClient waiting = ChatClient.connect(server.gatewayUri(second.text("customerToken")))) {
                answered.sendMessage("a1", "空调不制冷，想预约检修");
                waiting.sendMessage("w1", "刹车有异响");
                String answeredConversation = first.text("conversationId");
                String waitingConversation = second.text("conversationId");
                await().atMost(ChatClient.WAIT).until(() -> api.get("/api/tickets?assignee=me", leaving).body().size() == 2);
                String answeredTicket = ticket(api, admin, answeredConversation).get("id").asString();
                String waitingTicket = ticket(api, admin, waitingConversation).get("id").asString();
                assertThat(api.post("/api/tickets/" + answeredTicket + "/messages", leaving, Map.of("text", "好的，请问您方便哪天到店？"))
                        .status()).isEqualTo(201);
                assertThat(api.post("/api/tickets/" + waitingTicket + "/messages", leaving, Map.of("text", "请问是前轮还是后轮？"))
                        .status()).isEqualTo(201);
                assertThat(api.post("/api/tickets/" + waitingTicket + "/wait-customer", leaving, "").status()).isEqualTo(200);

                // a colleague comes online: nothing moves while the first agent still holds both
                long stayingId = api.createStaff(admin, "wu.staying", "AGENT", 3);
                String staying = api.loginStaff("wu.staying");
                api.put("/api/staff/me/presence", staying, Map.of("status", "ONLINE"));
                assertThat(assignee(api, admin, answeredConversation)).isEqualTo(leavingId);

                assertThat(api.put("/api/staff/" + leavingId + "/disabled", admin, Map.of("disabled", true)).status()).isEqualTo(200);

                // the answered ticket is dispatched to the colleague at once
                await().atMost(ChatClient.WAIT).until(() -> Long.valueOf(stayingId).equals(assignee(api, admin, answeredConversation)));
                assertThat(ticket(api, admin, answeredConversation).get("status").asString()).isEqualTo("ASSIGNED");
                // the one waiting on the customer keeps waiting (its SLA clock stays paused), with nobody
                await().atMost(ChatClient.WAIT).until(() -> assignee(api, admin, waitingConversation) == null);
                JsonNode stillWaiting = ticket(api, admin, waitingConversation);
                assertThat(stillWaiting.get("status").asString()).isEqualTo("WAITING_CUSTOMER");
                assertThat(stillWaiting.get("sla").get("paused").asBoolean()).isTrue();

                // when that customer writes back, the colleague gets it too
                waiting.sendMessage("w2", "是前轮，踩刹车时吱吱响");
                await().atMost(ChatClient.WAIT).until(() -> Long.valueOf(stayingId).equals(assignee(api, admin, waitingConversation)));
                assertThat(api.get("/api/tickets?assignee=me", staying).body()).hasSize(2);
                assertThat(api.get("/api/staff", admin).body()).anySatisfy(s -> {
                    assertThat(s.get("id").asLong()).isEqualTo(leavingId);
                    assertThat(s.get("presence").asString()).isEqualTo("OFFLINE");
                });
            }
        }
    }
}
