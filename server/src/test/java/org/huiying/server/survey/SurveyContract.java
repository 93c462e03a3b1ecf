package org.huiying.server.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.huiying.routing.support.TestClock;
import org.huiying.server.conversation.Appended;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.huiying.server.ticket.Tickets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Closing the loop: the survey after service, its answer, and the callbacks. Subclasses choose the database. */
abstract class SurveyContract {

    /** 10:00 in Shanghai. */
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    @TempDir
    Path dataDir;

    protected final TestClock clock = new TestClock(T0);

    protected abstract String[] databaseArgs();

    private RunningServer server() {
        String[] db = databaseArgs();
        String[] args = java.util.Arrays.copyOf(db, db.length + 3);
        args[db.length] = "--huiying.survey.sweep-every=PT0.05S";
        args[db.length + 1] = "--huiying.sla.sweep-every=PT0.05S";
        args[db.length + 2] = "--huiying.routing.sweep-every=PT0.05S";
        return new RunningServer(dataDir, args).withClock(clock);
    }

    /** A customer, an online agent holding their ticket. */
    private record Scene(RunningServer server, Api api, String agent, long agentId, ChatClient chat, String conversation,
                         String ticket) implements AutoCloseable {

        @Override
        public void close() {
            chat.close();
            server.close();
        }

        void answer() {
            assertThat(api.post("/api/tickets/" + ticket + "/messages", agent, Map.of("text", "已为您远程复位，请再试一次。")).status()).isEqualTo(201);
        }

        void resolve() {
            answer();
            resolveAnswered();
        }

        void resolveAnswered() {
            assertThat(api.post("/api/tickets/" + ticket + "/resolve", agent, "").status()).isEqualTo(200);
        }

        JsonNode systemMessage(String contains) {
            return chat.await(f -> f.path("type").asString().equals("message") && f.path("from").asString().equals("system")
                    && f.path("text").asString().contains(contains));
        }

        List<JsonNode> ticketsOfConversation() {
            return api.get("/api/tickets", api.adminToken()).body().valueStream()
                    .filter(t -> t.get("conversationId").asString().equals(conversation)).toList();
        }
    }

    private Scene scene(String firstMessage) {
        RunningServer server = server().start();
        Api api = server.api();
        long agentId = api.createStaff(api.adminToken(), "li.na", "AGENT", 5);
        String agent = api.loginStaff("li.na");
        api.put("/api/staff/me/presence", agent, Map.of("status", "ONLINE"));
        Api.Response session = api.post("/api/chat/sessions", null, Map.of("name", "王先生", "model", "汉EV"));
        ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")));
        chat.sendMessage("m1", firstMessage);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/tickets?assignee=me", agent).body().size() == 1);
        String ticket = api.get("/api/tickets?assignee=me", agent).body().get(0).get("id").asString();
        return new Scene(server, api, agent, agentId, chat, session.text("conversationId"), ticket);
    }

    private static String supervisor(Api api) {
        api.createStaff(api.adminToken(), "boss", "SUPERVISOR", 1);
        return api.loginStaff("boss");
    }

    @Test
    void aChatCustomerRatesRightAfterServiceAndCsatCountsIt() {
        try (Scene s = scene("车机黑屏了")) {
            s.resolve();
            s.systemMessage("请为本次服务打分");
            s.chat().sendJson(Map.of("type", "rating", "score", 5, "comment", "师傅很专业"));
            s.systemMessage("感谢您的评价");
            JsonNode csat = s.api().get("/api/reports/csat?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z", supervisor(s.api())).body();
            assertThat(csat.get("responses").asInt()).isEqualTo(1);
            assertThat(csat.get("satisfied").asInt()).isEqualTo(1);
            assertThat(csat.get("csat").asDouble()).isEqualTo(1.0);
            assertThat(csat.get("meetsTarget").asBoolean()).isTrue();
            assertThat(csat.get("byModel").get(0).get("key").asString()).isEqualTo("汉EV");
            assertThat(csat.get("byAgent").get(0).get("key").asString()).isEqualTo(Long.toString(s.agentId()));
        }
    }

    @Test
    void aLowTextScoreOpensALinkedComplaintInsteadOfAnOrdinaryTicket() {
        try (Scene s = scene("想预约保养")) {
            s.resolve();
            s.systemMessage("请为本次服务打分");
            s.chat().sendMessage("a1", "1 太慢了");
            s.systemMessage("非常抱歉");
            List<JsonNode> tickets = s.ticketsOfConversation();
            assertThat(tickets).hasSize(2);
            JsonNode followUp = tickets.stream().filter(t -> t.has("parentId")).findFirst().orElseThrow();
            assertThat(followUp.get("parentId").asString()).isEqualTo(s.ticket());
            assertThat(followUp.get("type").asString()).isEqualTo("COMPLAINT");
            Instant opened = Instant.parse(followUp.get("openedAt").asString());
            assertThat(Duration.between(opened, Instant.parse(followUp.path("sla").get("firstResponseDue").asString()))).isEqualTo(Duration.ofHours(2));
            assertThat(Duration.between(opened, Instant.parse(followUp.path("sla").get("resolutionDue").asString()))).isEqualTo(Duration.ofHours(48));
            String boss = supervisor(s.api());
            await().atMost(Duration.ofSeconds(5)).until(() -> s.api().get("/api/escalations", boss).body().size() == 1);
            JsonNode escalation = s.api().get("/api/escalations", boss).body().get(0);
            assertThat(escalation.get("kind").asString()).isEqualTo("LOW_SATISFACTION");
            assertThat(escalation.get("subject").asString()).contains("太慢了");
            assertThat(escalation.get("ticketIds").valueStream().map(JsonNode::asString).toList())
                    .containsExactly(s.ticket(), followUp.get("id").asString());
            JsonNode csat = s.api().get("/api/reports/csat?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z", boss).body();
            assertThat(csat.get("csat").asDouble()).isEqualTo(0.0);
            assertThat(csat.get("meetsTarget").asBoolean()).isFalse();
        }
    }

    /**
     * The chat writer reads each batch's unresolved tickets and awaited surveys once: the answer must still
     * be taken as one, and the follow-up it opens must be the ticket the next message of the batch joins.
     */
    @Test
    void aLowScoreAndTheNextMessageStoredInOneBatchOpenOneFollowUp() {
        try (Scene s = scene("想预约保养")) {
            s.resolve();
            s.systemMessage("请为本次服务打分");
            TransactionTemplate tx = new TransactionTemplate(s.server().bean(PlatformTransactionManager.class));
            List<Appended> stored = tx.execute(status -> s.server().bean(Conversations.class).appendCustomerMessages(List.of(
                    new Conversations.Draft(s.conversation(), "a1", "1 太慢了"),
                    new Conversations.Draft(s.conversation(), "a2", "而且空调也不制冷了"))));

            assertThat(stored).extracting(a -> a.message().seq()).doesNotHaveDuplicates();
            s.systemMessage("非常抱歉");
            List<JsonNode> tickets = s.ticketsOfConversation();
            assertThat(tickets).hasSize(2);
            assertThat(tickets.stream().filter(t -> t.has("parentId")).findFirst().orElseThrow().get("type").asString())
                    .isEqualTo("COMPLAINT");
        }
    }

    /**
     * The survey's timer starts when the resolution commits: the survey must be visible to every other
     * connection by then, or the timer's look-up misses it and it waits for the next sweep.
     */
    @Test
    void aSurveyIsCommittedTogetherWithTheResolutionItFollows() {
        try (Scene s = scene("车机黑屏了")) {
            s.answer();
            int seen = countedAtCommit(s.server(),
                    () -> s.server().bean(Tickets.class).resolve(s.ticket(), new CurrentStaff(s.agentId(), Set.of("AGENT"))),
                    "SELECT COUNT(*) FROM survey WHERE ticket_id = ?", s.ticket());

            assertThat(seen).isEqualTo(1);
            s.systemMessage("请为本次服务打分");
        }
    }

    /** Supervisors are told of a low score when the answer commits: a console reading the escalations then must find it. */
    @Test
    void aLowScoreEscalationIsCommittedTogetherWithTheAnswer() {
        try (Scene s = scene("想预约保养")) {
            s.resolve();
            s.systemMessage("请为本次服务打分");
            int seen = countedAtCommit(s.server(), () -> assertThat(s.server().bean(Surveys.class).rate(s.conversation(), 1, "太慢了")).isTrue(),
                    "SELECT COUNT(*) FROM escalation_ticket WHERE kind = 'LOW_SATISFACTION' AND ticket_id = ?", s.ticket());

            assertThat(seen).isEqualTo(1);
        }
    }

    /** Runs {@code work} in a transaction; what another connection counts with {@code sql} the moment it commits. */
    private static int countedAtCommit(RunningServer server, Runnable work, String sql, Object... params) {
        TransactionTemplate tx = new TransactionTemplate(server.bean(PlatformTransactionManager.class));
        JdbcClient otherConnection = JdbcClient.create(server.bean(DataSource.class));
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        tx.executeWithoutResult(status -> {
            work.run();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // another thread takes another pooled connection: it sees committed rows only
                    seen.complete(CompletableFuture.supplyAsync(() -> otherConnection.sql(sql).params(params)
                            .query(Integer.class).single()).join());
                }
            });
        });
        return seen.join();
    }

    @Test
    void anUnreadableReplyIsAskedAgainOnceThenKeptAsAComment() {
        try (Scene s = scene("车机黑屏了")) {
            s.resolve();
            s.systemMessage("请为本次服务打分");
            s.chat().sendMessage("a1", "好的");
            s.systemMessage("没看懂您的评分");
            s.chat().sendMessage("a2", "下次再说吧");
            s.systemMessage("感谢您的评价");
            assertThat(s.ticketsOfConversation()).hasSize(1);
            s.chat().sendMessage("a3", "车又充不进电了");
            await().atMost(Duration.ofSeconds(5)).until(() -> s.ticketsOfConversation().size() == 2);
        }
    }

    @Test
    void noSurveyGoesOutInQuietHoursItWaitsForTheMorning() {
        try (Scene s = scene("车机黑屏了")) {
            s.answer();
            clock.advance(Duration.ofHours(12)); // 22:00 in Shanghai
            s.resolveAnswered();
            assertThat(s.chat().drain(Duration.ofMillis(500)))
                    .noneMatch(f -> f.path("text").asString().contains("请为本次服务打分"));
            clock.advance(Duration.ofHours(9)); // 07:00
            assertThat(s.chat().drain(Duration.ofMillis(300)))
                    .noneMatch(f -> f.path("text").asString().contains("请为本次服务打分"));
            clock.advance(Duration.ofHours(1)); // 08:00
            s.systemMessage("请为本次服务打分");
        }
    }

    @Test
    void ratingWithoutASurveyOrWithABadScoreIsRefusedByName() {
        try (Scene s = scene("车机黑屏了")) {
            s.chat().sendJson(Map.of("type", "rating", "score", 5));
            assertThat(s.chat().awaitType("error").get("code").asString()).isEqualTo("no_survey");
            s.chat().sendJson(Map.of("type", "rating", "score", 9));
            assertThat(s.chat().awaitType("error").get("code").asString()).isEqualTo("invalid_score");
        }
    }

    @Test
    void everyResolutionBooksACallbackAndItsResultsAreActedOn() {
        try (Scene s = scene("我要投诉，空调不制冷修了三次")) {
            s.resolve();
            JsonNode task = s.api().get("/api/callbacks?status=OPEN", s.agent()).body().get(0);
            assertThat(task.get("reason").asString()).isEqualTo("AFTER_SERVICE");
            assertThat(task.get("ownerId").asLong()).isEqualTo(s.agentId());
            assertThat(Instant.parse(task.get("dueAt").asString())).isEqualTo(T0.plus(Duration.ofDays(3)));
            assertThat(s.api().get("/api/callbacks?status=OVERDUE", s.agent()).body()).isEmpty();

            clock.advance(Duration.ofDays(4));
            assertThat(s.api().get("/api/callbacks?status=OVERDUE", s.agent()).body()).hasSize(1);
            String id = task.get("id").asString();
            JsonNode retry = s.api().post("/api/callbacks/" + id + "/result", s.agent(), Map.of("outcome", "NO_ANSWER")).body();
            assertThat(retry.get("status").asString()).isEqualTo("OPEN");
            assertThat(retry.get("attempts").asInt()).isEqualTo(1);

            JsonNode fixed = s.api().post("/api/callbacks/" + id + "/result", s.agent(), Map.of("outcome", "FIXED", "note", "客户确认已制冷")).body();
            assertThat(fixed.get("status").asString()).isEqualTo("DONE");
            JsonNode monthly = s.api().get("/api/callbacks?status=OPEN", s.agent()).body().get(0);
            assertThat(monthly.get("reason").asString()).isEqualTo("MONTHLY_CHECK");

            JsonNode notFixed = s.api().post("/api/callbacks/" + monthly.get("id").asString() + "/result", s.agent(),
                    Map.of("outcome", "NOT_FIXED", "note", "又不制冷了")).body();
            String reopened = notFixed.get("followUpTicketId").asString();
            assertThat(s.api().get("/api/tickets/" + reopened, s.agent()).body().get("parentId").asString()).isEqualTo(s.ticket());
            assertThat(s.api().post("/api/callbacks/" + id + "/result", s.agent(), Map.of("outcome", "FIXED")).status()).isEqualTo(409);
            assertThat(s.api().post("/api/callbacks/" + id + "/result", s.agent(), Map.of("outcome", "MAYBE")).status()).isEqualTo(400);
            assertThat(s.api().get("/api/callbacks?status=SOMETIME", s.agent()).status()).isEqualTo(400);
        }
    }
}
