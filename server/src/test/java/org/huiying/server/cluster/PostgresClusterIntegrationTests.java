package org.huiying.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.Redis;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.telephony.sms.SmsSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes of one cluster in one test: the real application twice, on random ports, one PostgreSQL
 * schema, one Redis (channels of this test's own). Customers and agents are connected to whichever
 * node, and everything they see must be as if there were one.
 */
@PostgresSchema
@ExtendWith(Redis.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterIntegrationTests {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    static Path dataDirs;

    @PostgresSchema.Name
    private String schema;

    private TwilioStandIn twilio;
    private RunningServer nodeA;
    private RunningServer nodeB;
    private String admin;
    private JdbcClient db;

    @BeforeAll
    void startCluster() {
        twilio = new TwilioStandIn();
        nodeA = node("a").start();
        nodeB = node("b").start();
        admin = nodeA.api().adminToken();
        db = nodeA.bean(JdbcClient.class);
    }

    private RunningServer node(String name) {
        List<String> args = new ArrayList<>(List.of(Redis.clusterNodeArgs(schema)));
        args.addAll(List.of(twilio.serverArgs()));
        args.addAll(List.of("--huiying.public-base-url=https://hotline.example.com",
                "--huiying.twilio.outbox.poll-every=PT0.05S", "--huiying.routing.answer-within=PT1H"));
        return new RunningServer(dataDirs.resolve(name), args.toArray(String[]::new));
    }

    @AfterAll
    void stopCluster() {
        for (AutoCloseable c : new AutoCloseable[] {nodeB, nodeA, twilio}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private record Agent(long id, String token, StompClient desk) {
    }

    /** An agent whose console is connected to {@code desk}'s node, still offline. */
    private Agent agent(RunningServer desk, int capacity) {
        String name = "cluster.agent" + NAMES.incrementAndGet();
        long id = nodeA.api().createStaff(admin, name, "AGENT", capacity);
        String token = nodeA.api().loginStaff(name);
        StompClient stomp = StompClient.connect(desk.stompUri(), token);
        stomp.subscribe("/user/queue/assignments");
        stomp.subscribe("/user/queue/messages");
        desk.awaitSubscribed(id, "/user/queue/assignments");
        desk.awaitSubscribed(id, "/user/queue/messages");
        return new Agent(id, token, stomp);
    }

    private static Api.Response openSession(RunningServer node) {
        Api.Response session = node.api().post("/api/chat/sessions", null, Map.of("name", "刘先生", "phone", "13812345678"));
        assertThat(session.status()).isEqualTo(201);
        return session;
    }

    private String ticketOf(String conversationId) {
        return await().atMost(ChatClient.WAIT).until(() -> db.sql("SELECT id FROM ticket WHERE conversation_id = ?")
                .param(conversationId).query(String.class).optional(), java.util.Optional::isPresent).orElseThrow();
    }

    @Test
    @Order(1)
    void customerOnOneNodeAndAgentOnTheOtherTalkLive() {
        Agent agent = agent(nodeA, 5);
        Api.Response session = openSession(nodeA);
        String conversationId = session.text("conversationId");
        try (ChatClient customer = ChatClient.connect(nodeA.gatewayUri(session.text("customerToken")));
             StompClient deskOnB = StompClient.connect(nodeB.stompUri(), agent.token())) {
            deskOnB.subscribe("/user/queue/messages");
            nodeB.awaitSubscribed(agent.id(), "/user/queue/messages");
            customer.sendMessage("x-1", "导航一直显示离线，怎么办？");
            String ticketId = ticketOf(conversationId);

            // the assignment is made by node B's dispatcher (the agent comes online there) and pushed to A
            assertThat(nodeB.api().put("/api/staff/me/presence", agent.token(), Map.of("status", "ONLINE")).status()).isEqualTo(200);
            JsonNode assigned = agent.desk().awaitMessage("/queue/assignments").json();
            assertThat(assigned.get("id").asString()).isEqualTo(ticketId);

            // the reply written through B's REST reaches the customer on A's gateway
            Api.Response reply = nodeB.api().post("/api/tickets/" + ticketId + "/messages", agent.token(),
                    Map.of("text", "您好，请先重启车机试试。"));
            assertThat(reply.status()).isEqualTo(201);
            JsonNode live = customer.awaitType("message");
            assertThat(live.get("from").asString()).isEqualTo("agent");
            assertThat(live.get("text").asString()).isEqualTo("您好，请先重启车机试试。");
            assertThat(live.get("seq").asLong()).isEqualTo(2);

            // the customer's next words, written on A, reach the agent's console on B
            customer.sendMessage("x-2", "重启了，还是不行");
            JsonNode pushed = deskOnB.await(f -> f.command().equals("MESSAGE")
                    && f.headers().getOrDefault("destination", "").endsWith("/queue/messages")
                    && f.json().path("type").asString().equals("message")).json();
            assertThat(pushed.get("ticketId").asString()).isEqualTo(ticketId);
            assertThat(pushed.path("message").get("text").asString()).isEqualTo("重启了，还是不行");
        } finally {
            nodeA.api().put("/api/staff/me/presence", agent.token(), Map.of("status", "OFFLINE"));
            agent.desk().close();
        }
    }

    @Test
    @Order(2)
    void assignmentStormOnBothNodesNeverDoubleAssignsNorExceedsCapacity() throws Exception {
        int capacity = 3;
        List<Agent> agents = IntStream.range(0, 6).mapToObj(i -> agent(i % 2 == 0 ? nodeA : nodeB, capacity)).toList();
        Set<Long> ours = new HashSet<>();
        agents.forEach(a -> ours.add(a.id()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // 40 customers, half on each node, all waiting: nobody is online yet
            List<CompletableFuture<String>> opened = IntStream.range(0, 40).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                RunningServer node = i % 2 == 0 ? nodeA : nodeB;
                Api.Response session = openSession(node);
                try (ChatClient customer = ChatClient.connect(node.gatewayUri(session.text("customerToken")))) {
                    customer.sendMessage("s-" + i, "保养预约第" + i + "位，想问问价格");
                }
                return session.text("conversationId");
            }, pool)).toList();
            List<String> conversations = opened.stream().map(CompletableFuture::join).toList();
            conversations.forEach(this::ticketOf);

            // everyone comes online at once, half through each node: both dispatchers race for the same seats
            CompletableFuture.allOf(IntStream.range(0, agents.size()).mapToObj(i -> CompletableFuture.runAsync(() ->
                    (i % 2 == 0 ? nodeA : nodeB).api().put("/api/staff/me/presence", agents.get(i).token(),
                            Map.of("status", "ONLINE")), pool)).toArray(CompletableFuture[]::new)).join();
            await().atMost(ChatClient.WAIT).until(() -> held(ours) >= agents.size() * capacity);

            // then everyone resolves all they hold, each through the other node: both dispatch again
            CompletableFuture.allOf(IntStream.range(0, agents.size()).mapToObj(i -> CompletableFuture.runAsync(() -> {
                Agent a = agents.get(i);
                RunningServer node = i % 2 == 0 ? nodeB : nodeA;
                for (JsonNode t : node.api().get("/api/tickets?assignee=me&status=ASSIGNED", a.token()).body()) {
                    assertThat(node.api().post("/api/tickets/" + t.get("id").asString() + "/resolve", a.token(), Map.of()).status())
                            .isEqualTo(200);
                }
            }, pool)).toArray(CompletableFuture[]::new)).join();
            await().atMost(ChatClient.WAIT).until(() -> resolved(ours) >= agents.size() * capacity
                    && held(ours) >= agents.size() * capacity);

            // in the database: nobody ever holds more than their capacity
            Map<Long, Integer> load = new HashMap<>();
            db.sql("SELECT assignee_id, COUNT(*) AS n FROM ticket WHERE status IN ('ASSIGNED', 'WAITING_CUSTOMER') "
                            + "AND assignee_id IS NOT NULL GROUP BY assignee_id")
                    .query(rs -> {
                        load.put(rs.getLong("assignee_id"), rs.getInt("n"));
                    });
            for (Agent a : agents) {
                assertThat(load.getOrDefault(a.id(), 0)).as("load of agent %d", a.id()).isEqualTo(capacity);
            }
            // and on the consoles: every ticket was pushed to exactly one agent, exactly once
            List<String> pushedIds = new ArrayList<>();
            for (Agent a : agents) {
                for (int n = 0; n < 2 * capacity; n++) {
                    pushedIds.add(a.desk().awaitMessage("/queue/assignments").json().get("id").asString());
                }
                assertThat(a.desk().drain(Duration.ofMillis(300)))
                        .noneMatch(f -> f.headers().getOrDefault("destination", "").endsWith("/queue/assignments"));
            }
            assertThat(pushedIds).doesNotHaveDuplicates().hasSize(agents.size() * 2 * capacity);
        } finally {
            pool.shutdownNow();
            for (Agent a : agents) {
                nodeA.api().put("/api/staff/me/presence", a.token(), Map.of("status", "OFFLINE"));
                a.desk().close();
            }
        }
    }

    private int held(Set<Long> agents) {
        return count(agents, "status IN ('ASSIGNED', 'WAITING_CUSTOMER')");
    }

    private int resolved(Set<Long> agents) {
        return count(agents, "status = 'RESOLVED'");
    }

    private int count(Set<Long> agents, String condition) {
        return db.sql("SELECT COUNT(*) FROM ticket WHERE " + condition + " AND assignee_id IN (:ids)")
                .param("ids", agents).query(Integer.class).single();
    }

    @Test
    @Order(3)
    void outboxWorkersOnBothNodesSendEverySmsExactlyOnce() {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String phone = String.format("+8613900%06d", 100_000 + i);
            phones.add(phone);
            (i % 2 == 0 ? nodeA : nodeB).bean(SmsSender.class).sendTo(phone, "您的车辆已保养完毕，欢迎取车。编号" + i);
        }
        await().atMost(ChatClient.WAIT).until(() -> db.sql("SELECT COUNT(*) FROM sms_outbox WHERE state = 'SENT' AND to_phone IN (:p)")
                .param("p", phones).query(Integer.class).single() == phones.size());
        for (String phone : phones) {
            assertThat(twilio.sendsTo(phone)).as("messages sent to %s", phone).hasSize(1);
        }
    }

    @Test
    @Order(4)
    void wrongPasswordsSpreadOverBothNodesLockTheAccountAfterFive() {
        nodeA.api().createStaff(admin, "cluster.guessed", "AGENT", 1);
        for (int i = 0; i < 5; i++) {
            Api.Response wrong = (i % 2 == 0 ? nodeA : nodeB).api().post("/api/auth/login", null,
                    Map.of("username", "cluster.guessed", "password", "guess-" + i));
            assertThat(wrong.status()).as("guess %d", i + 1).isEqualTo(401);
        }
        // the sixth try is refused on either node, even with the right password
        for (RunningServer node : List.of(nodeA, nodeB)) {
            Api.Response locked = node.api().post("/api/auth/login", null,
                    Map.of("username", "cluster.guessed", "password", "password-cluster.guessed"));
            assertThat(locked.status()).isEqualTo(423);
            assertThat(locked.text("error")).isEqualTo("account_locked");
        }
        // another account is not affected
        assertThat(nodeB.api().post("/api/auth/login", null, Map.of("username", "admin", "password", RunningServer.ADMIN_PASSWORD))
                .status()).isEqualTo(200);
    }
}
