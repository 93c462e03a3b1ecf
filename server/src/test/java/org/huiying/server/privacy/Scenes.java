package org.huiying.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import tools.jackson.databind.JsonNode;

/**
 * Customers' chats that became tickets. Each chat brings one more online agent (one ticket at a
 * time), so there is always someone free to take it; the scene knows whoever did.
 */
final class Scenes {

    private final AtomicInteger names = new AtomicInteger();
    private final Map<Long, String> agents = new ConcurrentHashMap<>();
    private final RunningServer server;
    private final Api api;
    private final String admin;

    Scenes(RunningServer server, String admin) {
        this.server = server;
        this.api = server.api();
        this.admin = admin;
    }

    record Scene(Api api, String agent, long agentId, String conversation, String ticket, long customerId, String customerToken) {

        void resolve() {
            assertThat(api.post("/api/tickets/" + ticket + "/messages", agent, Map.of("text", "已为您处理完毕。")).status()).isEqualTo(201);
            assertThat(api.post("/api/tickets/" + ticket + "/resolve", agent, "").status()).isEqualTo(200);
        }
    }

    Scene chat(Map<String, String> details, String text) {
        String name = "privacy" + names.incrementAndGet();
        long id = api.createStaff(admin, name, "AGENT", 1);
        String token = api.loginStaff(name);
        agents.put(id, token);
        api.put("/api/staff/me/presence", token, Map.of("status", "ONLINE"));
        Api.Response session = api.post("/api/chat/sessions", null, details);
        assertThat(session.status()).isEqualTo(201);
        String conversation = session.text("conversationId");
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            chat.sendMessage("m1", text);
        }
        JsonNode ticket = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/tickets", admin).body().valueStream()
                .filter(t -> t.get("conversationId").asString().equals(conversation) && t.hasNonNull("assignee"))
                .findFirst().orElse(null), t -> t != null);
        long assignee = ticket.get("assignee").asLong();
        String agent = agents.get(assignee);
        long customerId = api.get("/api/console/tickets/" + ticket.get("id").asString() + "/customer", agent).body()
                .get("customerId").asLong();
        return new Scene(api, agent, assignee, conversation, ticket.get("id").asString(), customerId, session.text("customerToken"));
    }
}
