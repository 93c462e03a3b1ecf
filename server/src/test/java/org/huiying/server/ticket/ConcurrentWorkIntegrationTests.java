package org.huiying.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A customer and their agent writing at the same moment never lose a message or see an error. */
class ConcurrentWorkIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void customerAndAgentWritingAtOnceOnAWaitingTicketBothSucceed() {
        try (RunningServer server = new RunningServer(dataDir).start()) {
            Api api = server.api();
            api.createStaff(api.adminToken(), "li.na", "AGENT", 3);
            String agent = api.loginStaff("li.na");
            api.put("/api/staff/me/presence", agent, Map.of("status", "ONLINE"));
            Api.Response session = api.post("/api/chat/sessions", null, Map.of());
            try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
                chat.sendMessage("c0", "车机经常死机");
                await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/tickets?assignee=me", agent).body().size() == 1);
                String id = api.get("/api/tickets?assignee=me", agent).body().get(0).get("id").asString();
                int rounds = 25;
                for (int i = 1; i <= rounds; i++) {
                    // the last round's customer message resumed the ticket once it reached the database (just after its ack)
                    await().atMost(Duration.ofSeconds(10)).until(() ->
                            api.get("/api/tickets/" + id, agent).body().get("status").asString().equals("ASSIGNED"));
                    assertThat(api.post("/api/tickets/" + id + "/wait-customer", agent, "").status()).isEqualTo(200);
                    String n = Integer.toString(i);
                    CompletableFuture<Long> customer = CompletableFuture.supplyAsync(() -> chat.sendMessage("c" + n, "第" + n + "次"));
                    CompletableFuture<Integer> reply = CompletableFuture.supplyAsync(() ->
                            api.post("/api/tickets/" + id + "/messages", agent, Map.of("text", "收到" + n)).status());
                    assertThat(reply.join()).as("agent reply %s", n).isEqualTo(201);
                    assertThat(customer.join()).as("customer message %s acknowledged", n).isPositive();
                }
                assertThat(api.get("/api/conversations/" + session.text("conversationId") + "/messages", agent).body())
                        .hasSize(1 + 2 * rounds);
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        api.get("/api/tickets/" + id, agent).body().get("status").asString().equals("ASSIGNED"));
            }
        }
    }
}
