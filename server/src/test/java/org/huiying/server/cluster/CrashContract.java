package org.huiying.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.NodeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 during a message flood, Jepsen's set test as the model: many customers send messages
 * with unique ids; every acknowledged one must be stored exactly once after the restart (lost and
 * duplicated are counted, both must be zero); a send that got no ack before the crash is
 * indeterminate, not lost — resent with the same cmid after the restart, it is stored once too.
 * SLA deadlines that passed while the node was dead fire once after it comes back.
 */
abstract class CrashContract {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int CUSTOMERS = 16;
    private static final Duration FIRST_RESPONSE = Duration.ofSeconds(8);

    @TempDir
    Path dataDir;

    /** The database (and profile) arguments of the node under test. */
    protected abstract List<String> databaseArgs();

    private NodeProcess node() {
        List<String> args = new ArrayList<>(databaseArgs());
        args.addAll(List.of("--huiying.kb.load-samples=false", "--huiying.sla.sweep-every=PT0.2S"));
        for (String type : List.of("INQUIRY", "COMPLAINT", "APPOINTMENT", "TECH_SUPPORT", "CALLBACK")) {
            args.add("--huiying.sla." + type + ".first-response=" + FIRST_RESPONSE);
        }
        return new NodeProcess(dataDir, args.toArray(String[]::new));
    }

    /** One customer sending message after message, each waiting for its ack, until the connection dies. */
    private static final class Flooder implements WebSocket.Listener {

        final String conversationId;
        final String token;
        final Map<String, Long> acked = new ConcurrentHashMap<>();
        volatile java.time.Instant firstAckAt;
        final List<String> attempted = new ArrayList<>();
        private final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        Flooder(String conversationId, String token) {
            this.conversationId = conversationId;
            this.token = token;
        }

        void run(String uri, int index) {
            WebSocket socket;
            try {
                socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(uri), this).join();
            } catch (RuntimeException e) {
                return;
            }
            for (int k = 0; !closed.isDone(); k++) {
                String cmid = "c" + index + "-" + k;
                CompletableFuture<Long> ack = new CompletableFuture<>();
                waiting.put(cmid, ack);
                attempted.add(cmid);
                try {
                    socket.sendText(JSON.writeValueAsString(Map.of("type", "message", "cmid", cmid, "text", text(cmid))), true)
                            .get(5, TimeUnit.SECONDS);
                    CompletableFuture.anyOf(ack, closed).get(10, TimeUnit.SECONDS);
                } catch (Exception connectionDied) {
                    return;
                }
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame = JSON.readTree(partial.toString());
                partial.setLength(0);
                if (frame.path("type").asString().equals("ack")) {
                    String cmid = frame.get("cmid").asString();
                    if (firstAckAt == null) {
                        firstAckAt = java.time.Instant.now();
                    }
                    acked.put(cmid, frame.get("seq").asLong());
                    CompletableFuture<Long> f = waiting.remove(cmid);
                    if (f != null) {
                        f.complete(frame.get("seq").asLong());
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
        }
    }

    private static String text(String cmid) {
        return "第" + cmid + "条：车辆异响，请帮忙看看";
    }

    @Test
    void afterKillDashNineEveryAcknowledgedMessageIsStoredExactlyOnceAndMissedDeadlinesFireOnce() throws Exception {
        NodeProcess node = node().start();
        java.time.Instant killedAt = null;
        List<Flooder> flooders = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS);
        try {
            Api api = node.api();
            for (int i = 0; i < CUSTOMERS; i++) {
                Api.Response session = api.post("/api/chat/sessions", null, Map.of("name", "客户" + i));
                flooders.add(new Flooder(session.text("conversationId"), session.text("customerToken")));
            }
            List<CompletableFuture<Void>> sending = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                Flooder f = flooders.get(i);
                int index = i;
                sending.add(CompletableFuture.runAsync(() -> f.run(node.gatewayUri(f.token), index), pool));
            }
            long floodStarted = System.nanoTime();
            AtomicInteger ackedBeforeKill = new AtomicInteger();
            // kill at 400 acks, or halfway to the first deadlines on a slow machine: they must fall due while it is down
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ackedBeforeKill.set(flooders.stream().mapToInt(f -> f.acked.size()).sum());
                java.time.Instant firstAck = flooders.stream().map(f -> f.firstAckAt).filter(java.util.Objects::nonNull)
                        .min(java.time.Instant::compareTo).orElse(null);
                return ackedBeforeKill.get() >= 400
                        || firstAck != null && java.time.Instant.now().isAfter(firstAck.plus(FIRST_RESPONSE.dividedBy(2)));
            });
            System.out.printf("crash test: %d acks in %d ms before the kill (%d customers, one message in flight each)%n",
                    ackedBeforeKill.get(), (System.nanoTime() - floodStarted) / 1_000_000, CUSTOMERS);
            node.kill();
            killedAt = java.time.Instant.now();
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        int acked = flooders.stream().mapToInt(f -> f.acked.size()).sum();
        int attempted = flooders.stream().mapToInt(f -> f.attempted.size()).sum();

        // the node stays down until every first-response deadline (8 s after each customer's first
        // message, which opened their ticket before it was acknowledged) has passed
        java.time.Instant lastDue = flooders.stream().map(f -> f.firstAckAt).filter(java.util.Objects::nonNull)
                .max(java.time.Instant::compareTo).orElseThrow()
                .plus(FIRST_RESPONSE);
        await().atMost(Duration.ofSeconds(30)).until(() -> java.time.Instant.now().isAfter(lastDue));
        node.start();
        java.time.Instant restartedAt = java.time.Instant.now();
        try {
            Api api = node.api();
            String admin = api.adminToken();
            int lost = 0;
            int duplicated = 0;
            int wrongSeq = 0;
            for (Flooder f : flooders) {
                Map<String, List<Long>> stored = storedByCmid(api, admin, f.conversationId);
                for (Map.Entry<String, Long> ack : f.acked.entrySet()) {
                    List<Long> seqs = stored.getOrDefault(ack.getKey(), List.of());
                    lost += seqs.isEmpty() ? 1 : 0;
                    wrongSeq += seqs.isEmpty() || seqs.get(0).equals(ack.getValue()) ? 0 : 1;
                }
                duplicated += (int) stored.values().stream().filter(s -> s.size() > 1).count();
            }
            System.out.printf("crash test: attempted=%d acked=%d indeterminate=%d lost=%d duplicated=%d wrong-seq=%d%n",
                    attempted, acked, attempted - acked, lost, duplicated, wrongSeq);
            assertThat(acked).isGreaterThanOrEqualTo(CUSTOMERS);
            assertThat(lost).as("acknowledged but missing").isZero();
            assertThat(duplicated).as("stored twice").isZero();
            assertThat(wrongSeq).as("stored under another seq than acknowledged").isZero();

            // the clients come back, resume by seq and resend what was never acknowledged
            for (Flooder f : flooders) {
                try (ChatClient customer = ChatClient.connect(node.gatewayUri(f.token))) {
                    for (String cmid : f.attempted) {
                        if (!f.acked.containsKey(cmid)) {
                            customer.sendMessage(cmid, text(cmid));
                        }
                    }
                    Map<String, List<Long>> stored = storedByCmid(api, admin, f.conversationId);
                    assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(f.attempted);
                    assertThat(stored.values()).allSatisfy(seqs -> assertThat(seqs).hasSize(1));
                    customer.sendJson(Map.of("type", "resume", "afterSeq", 0));
                    long last = stored.size();
                    List<Long> replayed = new ArrayList<>();
                    while (replayed.isEmpty() || replayed.get(replayed.size() - 1) < last) {
                        replayed.add(customer.awaitType("message").get("seq").asLong());
                    }
                    assertThat(replayed).startsWith(1L).doesNotHaveDuplicates().isSorted().hasSize((int) last);
                }
            }

            // each customer's first-response warning and breach, due during the outage, recorded once
            Map<String, String> ticketByConversation = new HashMap<>();
            for (JsonNode t : api.get("/api/tickets", admin).body()) {
                ticketByConversation.put(t.get("conversationId").asString(), t.get("id").asString());
            }
            int dueWhileDown = 0;
            for (Flooder f : flooders) {
                String ticket = ticketByConversation.get(f.conversationId);
                assertThat(ticket).as("ticket of %s", f.conversationId).isNotNull();
                await().atMost(Duration.ofSeconds(30)).until(() -> crossings(api, admin, ticket).contains("BREACH"));
                assertThat(crossings(api, admin, ticket)).containsExactlyInAnyOrder("WARNING", "BREACH");
                for (JsonNode e : api.get("/api/tickets/" + ticket + "/sla-events", admin).body()) {
                    if (e.path("kind").asString().equals("BREACH")) {
                        java.time.Instant due = java.time.Instant.parse(e.get("dueAt").asString());
                        dueWhileDown += due.isAfter(killedAt) && due.isBefore(restartedAt) ? 1 : 0;
                    }
                }
            }
            System.out.printf("crash test: %d of %d breaches fell due while the node was down%n", dueWhileDown, CUSTOMERS);
            assertThat(dueWhileDown).as("breaches that fell due during the outage").isEqualTo(CUSTOMERS);
        } finally {
            node.close();
        }
    }

    /** The first-response crossings in the ticket's SLA log, one entry per recording. */
    private static List<String> crossings(Api api, String admin, String ticket) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode e : api.get("/api/tickets/" + ticket + "/sla-events", admin).body()) {
            String kind = e.path("kind").asString();
            if (e.path("metric").asString().equals("FIRST_RESPONSE") && (kind.equals("WARNING") || kind.equals("BREACH"))) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** The conversation as stored: each cmid (read back from the text) with the seqs it is stored under. */
    private static Map<String, List<Long>> storedByCmid(Api api, String admin, String conversationId) {
        Api.Response history = api.get("/api/conversations/" + conversationId + "/messages", admin);
        assertThat(history.status()).isEqualTo(200);
        Map<String, List<Long>> byCmid = new HashMap<>();
        for (JsonNode m : history.body()) {
            String t = m.get("text").asString();
            if (m.get("from").asString().equals("customer") && t.startsWith("第")) {
                String cmid = t.substring(1, t.indexOf('条'));
                byCmid.computeIfAbsent(cmid, k -> new ArrayList<>()).add(m.get("seq").asLong());
            }
        }
        return byCmid;
    }
}
