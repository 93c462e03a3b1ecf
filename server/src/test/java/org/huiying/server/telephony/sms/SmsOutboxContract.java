package org.huiying.server.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.huiying.server.conversation.Appended;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox worker through Twilio outages, rate limits, refusals and crashes, on a clock the test
 * moves: the app's own worker is off ({@code autostart=false}), the test runs the same worker on a
 * {@link TestClock}. Real server, real database, real SDK, the stand-in playing Twilio.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SmsOutboxContract {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    protected RunningServer server;
    protected TwilioStandIn twilio;
    protected JdbcClient db;
    protected SmsOutbox outbox;
    protected TestClock clock;
    protected OutboxWorker worker;

    protected abstract RunningServer newServer(String... args);

    @BeforeAll
    void start() {
        twilio = new TwilioStandIn();
        List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
        args.addAll(List.of("--huiying.public-base-url=https://hotline.example.com", "--huiying.twilio.outbox.autostart=false",
                "--huiying.twilio.outbox.first-retry=PT10S", "--huiying.twilio.outbox.max-retry=PT1M",
                "--huiying.twilio.outbox.lease=PT2M", "--huiying.twilio.outbox.max-attempts=4"));
        server = newServer(args.toArray(String[]::new)).start();
        db = server.bean(JdbcClient.class);
        outbox = server.bean(SmsOutbox.class);
    }

    /** Ahead of the app's clock, which stamps new rows, by more than a test takes: what a test queues is due. */
    @BeforeEach
    void freshClock() {
        clock = new TestClock(Instant.now().plus(Duration.ofSeconds(30)));
        worker = server.bean(OutboxWorker.class).withClock(clock);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    private static String newNumber() {
        return String.format("+86137%08d", 20_000_000 + NUMBERS.incrementAndGet() * 11);
    }

    /** A system SMS to a new number, in the outbox and not sent yet. */
    private OutboxRow queue(String phone, String text) {
        Appended appended = server.bean(SmsSender.class).sendTo(phone, text);
        return outbox.findByMessage(appended.message().conversationId(), appended.message().seq()).orElseThrow();
    }

    private OutboxRow reload(OutboxRow row) {
        return outbox.find(row.id()).orElseThrow();
    }

    private String delivery(OutboxRow row) {
        return db.sql("SELECT delivery FROM message WHERE conversation_id = ? AND seq = ?")
                .params(row.conversationId(), row.seq()).query(String.class).single();
    }

    private void runAfter(Duration elapsed) {
        clock.advance(elapsed);
        worker.runDue();
    }

    @Test
    void transientFailuresAreRetriedAfterGrowingDelaysUntilTwilioAcceptsTheMessage() {
        String phone = newNumber();
        OutboxRow row = queue(phone, "您好，您的车辆检测报告已生成，请到店领取。");
        twilio.rateLimitNext().serverErrorNext().dropNext();

        worker.runDue();
        assertThat(twilio.sendsTo(phone)).hasSize(1);
        assertThat(reload(row).state()).isEqualTo(OutboxRow.State.PENDING);
        assertThat(reload(row).lastError()).contains("429");
        runAfter(Duration.ofSeconds(9));
        assertThat(twilio.sendsTo(phone)).hasSize(1);
        runAfter(Duration.ofSeconds(1));
        assertThat(twilio.sendsTo(phone)).hasSize(2);
        runAfter(Duration.ofSeconds(19));
        assertThat(twilio.sendsTo(phone)).hasSize(2);
        runAfter(Duration.ofSeconds(1));
        assertThat(twilio.sendsTo(phone)).hasSize(3);
        assertThat(reload(row).lastError()).contains("I/O");
        runAfter(Duration.ofSeconds(39));
        assertThat(twilio.sendsTo(phone)).hasSize(3);
        runAfter(Duration.ofSeconds(1));

        assertThat(twilio.sendsTo(phone)).hasSize(4).allSatisfy(call -> {
            assertThat(call.param("Body")).isEqualTo("您好，您的车辆检测报告已生成，请到店领取。");
            assertThat(call.param("From")).isEqualTo(TwilioStandIn.FROM);
        });
        assertThat(reload(row).state()).isEqualTo(OutboxRow.State.SENT);
        assertThat(reload(row).twilioSid()).startsWith("SM");
        assertThat(delivery(row)).isEqualTo("queued");
        runAfter(Duration.ofHours(1));
        assertThat(twilio.sendsTo(phone)).hasSize(4);
    }

    @Test
    void anAttemptThatGotNoAnswerIsLookedUpAtTwilioInsteadOfSentAgain() {
        String phone = newNumber();
        OutboxRow row = queue(phone, "您好，您的车辆已完成三电检测，一切正常。");
        twilio.acceptButDropNext();

        worker.runDue();
        assertThat(reload(row).state()).isEqualTo(OutboxRow.State.PENDING);
        assertThat(reload(row).inDoubt()).isTrue();
        runAfter(Duration.ofSeconds(10));

        assertThat(twilio.sendsTo(phone)).hasSize(1);
        assertThat(twilio.lists()).filteredOn(call -> phone.equals(call.param("To"))).hasSize(1);
        assertThat(reload(row).state()).isEqualTo(OutboxRow.State.SENT);
        assertThat(reload(row).twilioSid()).startsWith("SM");
    }

    @Test
    void anIdenticalTextSentEarlierIsNotMistakenForALostAttempt() {
        String phone = newNumber();
        OutboxRow first = queue(phone, "好的");
        worker.runDue();
        OutboxRow second = queue(phone, "好的");
        twilio.dropNext();

        worker.runDue();
        runAfter(Duration.ofSeconds(10));

        assertThat(twilio.sendsTo(phone)).hasSize(3);
        assertThat(reload(second).state()).isEqualTo(OutboxRow.State.SENT);
        assertThat(reload(second).twilioSid()).isNotEqualTo(reload(first).twilioSid());
    }

    @Test
    void aRateLimitEndsThePassSoTheOtherMessagesWaitInsteadOfHammeringTwilio() {
        String first = newNumber();
        String second = newNumber();
        OutboxRow a = queue(first, "通知一：您的预约已确认。");
        OutboxRow b = queue(second, "通知二：您的预约已确认。");
        twilio.rateLimitNext();

        worker.runDue();
        assertThat(twilio.sendsTo(first).size() + twilio.sendsTo(second).size()).isEqualTo(1);
        runAfter(Duration.ofSeconds(10));

        assertThat(twilio.sendsTo(first).size() + twilio.sendsTo(second).size()).isEqualTo(3);
        assertThat(reload(a).state()).isEqualTo(OutboxRow.State.SENT);
        assertThat(reload(b).state()).isEqualTo(OutboxRow.State.SENT);
    }

    @Test
    void anInvalidNumberFailsAtOnceAndIsNeverRetried() {
        String phone = newNumber();
        OutboxRow row = queue(phone, "您的保养预约已确认。");
        twilio.invalidNumberNext();

        worker.runDue();
        runAfter(Duration.ofHours(1));

        assertThat(twilio.sendsTo(phone)).hasSize(1);
        assertThat(reload(row).state()).isEqualTo(OutboxRow.State.FAILED);
        assertThat(reload(row).lastError()).contains("21211");
        assertThat(delivery(row)).isEqualTo("failed");
    }

    @Test
    void aNumberTwilioReportsAsUnsubscribedIsBlockedAndGetsNothingMore() {
        String phone = newNumber();
        OutboxRow row = queue(phone, "您的保养预约已确认。");
        twilio.optedOutNext();

        worker.runDue();
        OutboxRow next = queue(phone, "请为本次服务打分。");
        runAfter(Duration.ofHours(1));

        assertThat(twilio.sendsTo(phone)).hasSize(1);
        assertThat(reload(row).state()).isEqualTo(OutboxRow.State.BLOCKED);
        assertThat(delivery(row)).isEqualTo("blocked");
        assertThat(reload(next).state()).isEqualTo(OutboxRow.State.BLOCKED);
        assertThat(delivery(next)).isEqualTo("blocked");
    }

    @Test
    void afterMaxAttemptsOfOutageTheMessageShowsAsFailed() {
        String phone = newNumber();
        OutboxRow row = queue(phone, "您好，救援车辆已出发。");
        twilio.serverErrorNext().serverErrorNext().serverErrorNext().serverErrorNext();

        worker.runDue();
        for (int i = 0; i < 6; i++) {
            runAfter(Duration.ofMinutes(1));
        }

        assertThat(twilio.sendsTo(phone)).hasSize(4);
        assertThat(reload(row).state()).isEqualTo(OutboxRow.State.FAILED);
        assertThat(reload(row).attempts()).isEqualTo(4);
        assertThat(delivery(row)).isEqualTo("failed");
    }

    @Test
    void aClaimLeftByACrashedWorkerIsAdoptedWhenTwilioAlreadyHasTheMessage() {
        String phone = newNumber();
        OutboxRow row = queue(phone, "您好，您的车辆已修好。");
        Instant crashedAt = clock.instant();
        assertThat(outbox.claim(row.id(), crashedAt, crashedAt.plus(Duration.ofMinutes(2)))).isTrue();
        String sid = twilio.acceptedEarlier(phone, "您好，您的车辆已修好。", crashedAt);

        runAfter(Duration.ofMinutes(1));
        assertThat(twilio.lists()).noneMatch(call -> phone.equals(call.param("To")));
        runAfter(Duration.ofMinutes(1).plusSeconds(1));

        assertThat(twilio.lists()).filteredOn(call -> phone.equals(call.param("To"))).hasSize(1);
        assertThat(twilio.sendsTo(phone)).isEmpty();
        assertThat(reload(row).state()).isEqualTo(OutboxRow.State.SENT);
        assertThat(reload(row).twilioSid()).isEqualTo(sid);
    }

    @Test
    void aClaimLeftByACrashedWorkerBeforeTwilioGotItIsSentExactlyOnce() {
        String phone = newNumber();
        OutboxRow row = queue(phone, "您好，请问车辆现在能正常充电了吗？");
        Instant crashedAt = clock.instant();
        assertThat(outbox.claim(row.id(), crashedAt, crashedAt.plus(Duration.ofMinutes(2)))).isTrue();

        runAfter(Duration.ofMinutes(3));
        runAfter(Duration.ofMinutes(10));

        assertThat(twilio.sendsTo(phone)).hasSize(1);
        assertThat(reload(row).state()).isEqualTo(OutboxRow.State.SENT);
    }

    @Test
    void aStatusCallbackForAMessageInFlightSettlesItSoACrashNeverResendsIt() {
        String phone = newNumber();
        OutboxRow row = queue(phone, "您好，您的配件已到货。");
        Instant crashedAt = clock.instant();
        outbox.claim(row.id(), crashedAt, crashedAt.plus(Duration.ofMinutes(2)));
        String sid = "SM" + "f".repeat(32);
        TwilioWebhooks webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), "https://hotline.example.com",
                TwilioStandIn.AUTH_TOKEN);

        assertThat(webhooks.post("/twilio/status?outbox=" + row.id(), TwilioPayloads.status(sid, phone, "sent", null)).status())
                .isEqualTo(204);
        runAfter(Duration.ofMinutes(10));

        assertThat(reload(row).state()).isEqualTo(OutboxRow.State.SENT);
        assertThat(reload(row).twilioSid()).isEqualTo(sid);
        assertThat(delivery(row)).isEqualTo("sent");
        assertThat(twilio.sendsTo(phone)).isEmpty();
    }

    @Test
    void twoWorkersRunningAtOnceSendEveryMessageExactlyOnce() throws Exception {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String phone = newNumber();
            phones.add(phone);
            queue(phone, "第" + (i + 1) + "条通知：您的车辆已完成检测。");
        }
        OutboxWorker other = server.bean(OutboxWorker.class).withClock(clock);
        CountDownLatch go = new CountDownLatch(1);

        List<CompletableFuture<Integer>> runs = List.of(worker, other).stream()
                .map(w -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return w.runDue();
                })).toList();
        go.countDown();
        int handled = 0;
        for (CompletableFuture<Integer> run : runs) {
            handled += run.get();
        }

        assertThat(handled).isEqualTo(10);
        for (String phone : phones) {
            assertThat(twilio.sendsTo(phone)).hasSize(1);
        }
    }

    @Test
    void aNumberThatOptsOutWhileItsMessageWaitsGetsNothing() {
        String phone = newNumber();
        OutboxRow row = queue(phone, "您好，本月回访：车辆问题是否已解决？");
        TwilioWebhooks webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), "https://hotline.example.com",
                TwilioStandIn.AUTH_TOKEN);
        assertThat(webhooks.post("/twilio/sms", TwilioPayloads.incomingSms(TwilioPayloads.newMessageSid(), phone, "退订")).status())
                .isEqualTo(200);

        worker.runDue();

        assertThat(twilio.sendsTo(phone)).isEmpty();
        assertThat(reload(row).state()).isEqualTo(OutboxRow.State.BLOCKED);
        assertThat(delivery(row)).isEqualTo("blocked");
    }
}
