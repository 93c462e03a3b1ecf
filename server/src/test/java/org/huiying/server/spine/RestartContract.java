package org.huiying.server.spine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Everything acknowledged before a restart is there after it: staff, conversations, messages with
 * their seqs, tickets with their deadlines, and the tokens already handed out.
 */
abstract class RestartContract {

    protected abstract RunningServer newServer();

    @Test
    void everythingAcknowledgedSurvivesARestart() {
        String conversationId;
        String customerToken;
        String agentToken;
        long agentId;
        JsonNode ticketBefore;
        try (RunningServer server = newServer().start()) {
            Api api = server.api();
            String admin = api.adminToken();
            agentId = api.createStaff(admin, "zhang.wei", "AGENT", 3, "battery");
            agentToken = api.loginStaff("zhang.wei");
            Api.Response session = api.post("/api/chat/sessions", null, Map.of("name", "陈女士"));
            conversationId = session.text("conversationId");
            customerToken = session.text("customerToken");
            try (ChatClient customer = ChatClient.connect(server.gatewayUri(customerToken))) {
                assertThat(customer.sendMessage("r1", "电池续航掉得厉害")).isEqualTo(1);
                assertThat(customer.sendMessage("r2", "一晚上掉了20%")).isEqualTo(2);
            }
            // the ticket opens as the message reaches the database, just after the ack on the embedded server
            ticketBefore = api.awaitTicketOf(admin, conversationId);
            assertThat(ticketBefore.get("status").asString()).isEqualTo("OPEN");
        }

        try (RunningServer server = newServer().start()) {
            Api api = server.api();
            JsonNode history = api.get("/api/conversations/" + conversationId + "/messages", agentToken).body();
            assertThat(history.findValuesAsString("text")).containsExactly("电池续航掉得厉害", "一晚上掉了20%");
            assertThat(history.get(1).get("seq").asLong()).isEqualTo(2);

            JsonNode ticketAfter = api.get("/api/tickets/" + ticketBefore.get("id").asString(), agentToken).body();
            assertThat(ticketAfter.get("sla")).isEqualTo(ticketBefore.get("sla"));
            assertThat(ticketAfter.get("openedAt")).isEqualTo(ticketBefore.get("openedAt"));

            try (StompClient desk = StompClient.connect(server.stompUri(), agentToken);
                 ChatClient customer = ChatClient.connect(server.gatewayUri(customerToken))) {
                desk.subscribe("/user/queue/assignments");
                server.awaitSubscribed(agentId, "/user/queue/assignments");
                assertThat(customer.sendMessage("r2", "一晚上掉了20%")).isEqualTo(2);
                assertThat(customer.sendMessage("r3", "还在吗")).isEqualTo(3);
                api.put("/api/staff/me/presence", agentToken, Map.of("status", "ONLINE"));
                JsonNode assigned = desk.awaitMessage("/queue/assignments").json();
                assertThat(assigned.get("id").asString()).isEqualTo(ticketBefore.get("id").asString());
            }
            assertThat(api.get("/api/conversations/" + conversationId + "/messages", agentToken).body()).hasSize(3);
        }
    }
}
