package org.huiying.server.conversation.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Sender;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The embedded server's message journal: an acknowledged message whose record is in the journal
 * but not yet in the database survives a crash and is stored exactly once at the next start;
 * messages appended directly (system and agent messages) between journaled ones share one gap-free
 * numbering; a history read right after an ack already has the message.
 */
class MessageJournalIntegrationTests {

    @TempDir
    Path dataDir;

    /** Bursts here are faster than a customer's message rate allows: lift it. */
    private RunningServer server() {
        return new RunningServer(dataDir, "--huiying.gateway.messages-per-second=0", "--huiying.gateway.address-messages-per-second=0");
    }

    private record Session(String conversationId, String token) {
    }

    private static Session openSession(Api api) {
        Api.Response r = api.post("/api/chat/sessions", null, Map.of("name", "李先生", "phone", "13812345678"));
        assertThat(r.status()).isEqualTo(201);
        return new Session(r.text("conversationId"), r.text("customerToken"));
    }

    private static List<Long> seqs(JsonNode history) {
        List<Long> seqs = new ArrayList<>();
        history.forEach(m -> seqs.add(m.get("seq").asLong()));
        return seqs;
    }

    private static List<Long> oneTo(int n) {
        List<Long> all = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            all.add(i);
        }
        return all;
    }

    @Test
    void aMessageAcknowledgedFromTheJournalButNotYetInTheDatabaseIsStoredOnceAfterTheNextStart() throws Exception {
        RunningServer first = server().start();
        Session session = openSession(first.api());
        try (ChatClient customer = ChatClient.connect(first.gatewayUri(session.token()))) {
            assertThat(customer.sendMessage("m1", "我的车充不进电了")).isEqualTo(1);
        }
        first.stop();
        // as if the process died after acknowledging m2 and before the applier stored it
        try (JournalSegments journal = JournalSegments.open(dataDir.resolve("journal"), 64 << 20, JournalSegments.Position.START)) {
            journal.append(List.of(JournalRecord.encode(StoredMessage.customer(session.conversationId(), 2, "m2",
                    "chat", "仪表盘显示充电系统故障", Instant.now()))));
        }

        try (RunningServer second = server().start()) {
            Api api = second.api();
            String admin = api.adminToken();
            JsonNode history = api.get("/api/conversations/" + session.conversationId() + "/messages", admin).body();
            assertThat(seqs(history)).containsExactly(1L, 2L);
            assertThat(history.get(1).get("text").asString()).isEqualTo("仪表盘显示充电系统故障");
            try (ChatClient customer = ChatClient.connect(second.gatewayUri(session.token()))) {
                assertThat(customer.sendMessage("m2", "仪表盘显示充电系统故障")).isEqualTo(2); // the resend: stored already
                assertThat(customer.sendMessage("m3", "请尽快联系我")).isEqualTo(3);
            }
            JsonNode tickets = api.get("/api/tickets", admin).body();
            long onConversation = 0;
            for (JsonNode t : tickets) {
                onConversation += t.path("conversationId").asString().equals(session.conversationId()) ? 1 : 0;
            }
            assertThat(onConversation).isEqualTo(1);
        }
        try (RunningServer third = server().start()) {
            Api api = third.api();
            JsonNode history = api.get("/api/conversations/" + session.conversationId() + "/messages", api.adminToken()).body();
            assertThat(seqs(history)).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void systemMessagesAppendedBetweenJournaledOnesShareOneGapFreeNumbering() throws Exception {
        try (RunningServer server = server().start()) {
            Session session = openSession(server.api());
            Conversations conversations = server.bean(Conversations.class);
            Map<String, Long> acked = new HashMap<>();
            List<Long> direct = new ArrayList<>();
            try (ChatClient customer = ChatClient.connect(server.gatewayUri(session.token()))) {
                CompletableFuture<Void> system = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 10; i++) {
                        direct.add(conversations.append(session.conversationId(), Sender.SYSTEM, null, null, "系统提示" + i)
                                .message().seq());
                    }
                });
                for (int i = 0; i < 40; i++) {
                    customer.sendJson(Map.of("type", "message", "cmid", "c" + i, "text", "第" + i + "条：刹车有异响"));
                }
                for (int i = 0; i < 40; i++) {
                    String cmid = "c" + i;
                    acked.put(cmid, customer.await(f -> f.path("type").asString().equals("ack")
                            && f.path("cmid").asString().equals(cmid)).get("seq").asLong());
                }
                system.join();
            }
            Api api = server.api();
            JsonNode history = api.get("/api/conversations/" + session.conversationId() + "/messages", api.adminToken()).body();
            assertThat(seqs(history)).isEqualTo(oneTo(50));
            Map<Long, String> textAt = new HashMap<>();
            history.forEach(m -> textAt.put(m.get("seq").asLong(), m.get("text").asString()));
            acked.forEach((cmid, seq) -> assertThat(textAt.get(seq)).isEqualTo("第" + cmid.substring(1) + "条：刹车有异响"));
            direct.forEach(seq -> assertThat(textAt.get(seq)).startsWith("系统提示"));
            List<Long> customerOrder = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                customerOrder.add(acked.get("c" + i));
            }
            assertThat(customerOrder).isSorted();
        }
    }

    @Test
    void aResumeRightAfterTheLastAckReplaysEveryMessage() {
        try (RunningServer server = server().start()) {
            Session session = openSession(server.api());
            try (ChatClient customer = ChatClient.connect(server.gatewayUri(session.token()))) {
                for (int i = 0; i < 30; i++) {
                    customer.sendJson(Map.of("type", "message", "cmid", "r" + i, "text", "第" + i + "条：空调不制冷"));
                }
                customer.await(f -> f.path("type").asString().equals("ack") && f.path("cmid").asString().equals("r29"));
                customer.sendJson(Map.of("type", "resume", "afterSeq", 0));
                List<Long> replayed = new ArrayList<>();
                while (replayed.size() < 30) {
                    replayed.add(customer.await(f -> f.path("type").asString().equals("message")).get("seq").asLong());
                }
                assertThat(replayed).isEqualTo(oneTo(30));
            }
        }
    }
}
