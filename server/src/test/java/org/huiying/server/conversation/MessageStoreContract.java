package org.huiying.server.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the message table promises whichever indexes the database keeps: a client id arriving on many
 * threads at once (Twilio retrying a webhook while the first delivery is still being stored) is
 * stored once, and every caller is answered with that one message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessageStoreContract {

    private static final int THREADS = 8;
    private static final int ROUNDS = 5;

    protected RunningServer server;
    protected JdbcClient jdbc;

    protected abstract RunningServer newServer();

    @BeforeAll
    void startServer() {
        server = newServer().start();
        jdbc = server.bean(JdbcClient.class);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHeadRowLeftBehindItsStoredMessagesNumbersTheNextMessagesAfterTheNewest() throws Exception {
        Conversations conversations = server.bean(Conversations.class);
        String conversationId = conversations.openChatSession(new CustomerDetails("陈女士", null, null, null)).conversationId();
        for (int i = 1; i <= 3; i++) {
            conversations.append(conversationId, Sender.CUSTOMER, null, null, "第" + i + "条：刹车有异响");
        }
        // as the journal's applier leaves it while the customer keeps writing
        jdbc.sql("UPDATE conversation_head SET last_seq = 1 WHERE conversation_id = ?").param(conversationId).update();

        assertThat(conversations.append(conversationId, Sender.SYSTEM, null, null, "正在为您查询，请稍候").message().seq()).isEqualTo(4);
        jdbc.sql("UPDATE conversation_head SET last_seq = 2 WHERE conversation_id = ?").param(conversationId).update();
        Appended customer = conversations.appendCustomerMessage(conversationId, "c5", "是前轮").get(30, TimeUnit.SECONDS);
        assertThat(customer.message().seq()).isEqualTo(5);
        conversations.awaitStored(conversationId);
        assertThat(conversations.after(conversationId, 0, 100)).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aClientIdArrivingOnManyThreadsAtOnceIsStoredOnceAndEveryCallerGetsThatMessage() throws Exception {
        Conversations conversations = server.bean(Conversations.class);
        String conversationId = conversations.openForPhone("sms", List.of("+8613812345678"));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                String sid = "SM%032d".formatted(round);
                String text = "第" + round + "条：充电桩显示故障代码E07";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Appended>> calls = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return conversations.append(conversationId, Sender.CUSTOMER, null, sid, text);
                    }));
                }
                start.countDown();
                List<Appended> answers = new ArrayList<>();
                for (Future<Appended> call : calls) {
                    answers.add(call.get(30, TimeUnit.SECONDS));
                }
                assertThat(answers).filteredOn(a -> !a.duplicate()).hasSize(1);
                assertThat(answers).extracting(a -> a.message().seq()).containsOnly((long) round);
                assertThat(answers).extracting(a -> a.message().text()).containsOnly(text);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(conversations.after(conversationId, 0, 100)).extracting(Message::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }
}
