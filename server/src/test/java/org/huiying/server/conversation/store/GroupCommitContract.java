package org.huiying.server.conversation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.huiying.server.conversation.Appended;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.huiying.server.web.ApiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Customer messages stored in shared transactions keep every promise of a lone append: numbered
 * +1 per conversation in the order sent, a repeated cmid answered with its original seq and stored
 * once, one ticket opened with the first message. Customers here send bursts without waiting for
 * acks, so many messages of many conversations share a batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GroupCommitContract {

    private static final int CUSTOMERS = 8;
    private static final int BURST = 25;

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

    private Api.Response openSession(int i) {
        Api.Response r = api.post("/api/chat/sessions", null, Map.of("name", "客户" + i));
        assertThat(r.status()).isEqualTo(201);
        return r;
    }

    @Test
    void burstsFromManyCustomersAreNumberedInSendOrderStoredOnceWithOneTicketEach() {
        List<Api.Response> sessions = new ArrayList<>();
        List<ChatClient> clients = new ArrayList<>();
        try {
            for (int c = 0; c < CUSTOMERS; c++) {
                sessions.add(openSession(c));
                clients.add(ChatClient.connect(server.gatewayUri(sessions.get(c).text("customerToken"))));
            }
            for (int i = 0; i < BURST; i++) {
                for (ChatClient client : clients) {
                    client.sendJson(Map.of("type", "message", "cmid", "m" + i, "text", "第" + (i + 1) + "条：车充不进电"));
                }
            }
            for (ChatClient client : clients) {
                client.sendJson(Map.of("type", "message", "cmid", "m3", "text", "第4条：车充不进电")); // a retry
            }
            for (ChatClient client : clients) {
                Map<String, List<Long>> acks = new LinkedHashMap<>();
                for (int i = 0; i < BURST + 1; i++) {
                    JsonNode ack = client.awaitType("ack");
                    acks.computeIfAbsent(ack.get("cmid").asString(), k -> new ArrayList<>()).add(ack.get("seq").asLong());
                }
                for (int i = 0; i < BURST; i++) {
                    assertThat(acks.get("m" + i)).as("seq of m%d", i).contains((long) i + 1);
                }
                assertThat(acks.get("m3")).containsExactly(4L, 4L);
            }
        } finally {
            clients.forEach(ChatClient::close);
        }
        // the journal opens tickets just after the acks: wait for all of them, then count per conversation
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/tickets?status=OPEN", admin).body()
                .findValuesAsString("conversationId").containsAll(sessions.stream().map(s -> s.text("conversationId")).toList()));
        List<String> openTickets = api.get("/api/tickets?status=OPEN", admin).body().findValuesAsString("conversationId");
        for (Api.Response session : sessions) {
            String conversation = session.text("conversationId");
            JsonNode history = api.get("/api/conversations/" + conversation + "/messages", admin).body();
            assertThat(history).hasSize(BURST);
            for (int i = 0; i < BURST; i++) {
                assertThat(history.get(i).get("seq").asLong()).isEqualTo(i + 1);
                assertThat(history.get(i).get("text").asString()).isEqualTo("第" + (i + 1) + "条：车充不进电");
            }
            assertThat(openTickets.stream().filter(conversation::equals)).hasSize(1);
        }
    }

    @Test
    void anAppendThatCannotBeStoredFailsAloneAndItsNeighboursAreStored() {
        String conversation = openSession(99).text("conversationId");
        Conversations appends = server.bean(Conversations.class);

        CompletableFuture<Appended> before = appends.appendCustomerMessage(conversation, "a", "第一条");
        CompletableFuture<Appended> missing = appends.appendCustomerMessage("cv_nosuchconversation", "b", "找不到");
        CompletableFuture<Appended> after = appends.appendCustomerMessage(conversation, "c", "第二条");

        assertThat(before.join().message().seq()).isEqualTo(1);
        assertThat(after.join().message().seq()).isEqualTo(2);
        assertThatThrownBy(missing::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(ApiException.class);
        assertThat(api.get("/api/conversations/" + conversation + "/messages", admin).body()).hasSize(2);
    }

    @Test
    void textThatCouldNeverBeStoredIsRefusedWithoutQueueing() {
        String conversation = openSession(98).text("conversationId");

        CompletableFuture<Appended> blank = server.bean(Conversations.class).appendCustomerMessage(conversation, "x", "  ");

        assertThat(blank).isCompletedExceptionally();
        assertThat(api.get("/api/conversations/" + conversation + "/messages", admin).body()).isEmpty();
    }
}
