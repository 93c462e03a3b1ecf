package org.huiying.server.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The SMS channel end to end, as Twilio and the agents meet it: signed webhooks posted to the real
 * server behind a pretend TLS proxy, the real Twilio SDK sending to a local stand-in of Twilio's
 * API. Runs once per database (subclasses choose it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SmsChannelContract {

    /** Twilio is configured with this URL; the host's case differs from what Twilio signs, on purpose. */
    static final String PUBLIC_BASE = "https://Hotline.Example.com";
    static final String SIGNED_BASE = "https://hotline.example.com";
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final AtomicInteger NAMES = new AtomicInteger();

    protected RunningServer server;
    protected TwilioStandIn twilio;
    protected TwilioWebhooks webhooks;
    protected Api api;
    protected String admin;
    protected JdbcClient db;

    protected abstract RunningServer newServer(String... args);

    @BeforeAll
    void start() {
        twilio = new TwilioStandIn();
        List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
        args.add("--huiying.public-base-url=" + PUBLIC_BASE);
        args.add("--huiying.twilio.outbox.poll-every=PT0.2S");
        // real time here: a run at night in Shanghai must not hold the survey back
        args.add("--huiying.survey.quiet-hours=");
        server = newServer(args.toArray(String[]::new)).start();
        api = server.api();
        admin = api.adminToken();
        db = server.bean(JdbcClient.class);
        webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), SIGNED_BASE, TwilioStandIn.AUTH_TOKEN);
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

    /** A mobile number no other test uses, as Twilio writes it (E.164). */
    static String newNumber() {
        return String.format("+86139%08d", 10_000_000 + NUMBERS.incrementAndGet() * 7);
    }

    TwilioWebhooks.Response text(String from, String body) {
        return webhooks.post("/twilio/sms", TwilioPayloads.incomingSms(TwilioPayloads.newMessageSid(), from, body));
    }

    Optional<String> conversationOf(String phone) {
        return db.sql("SELECT conversation_id FROM sms_thread WHERE phone = ?").param(phone).query(String.class).optional();
    }

    JsonNode messages(String conversationId) {
        return api.get("/api/conversations/" + conversationId + "/messages", admin).body();
    }

    List<JsonNode> ticketsOf(String conversationId) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/tickets", admin).body().forEach(t -> {
            if (t.get("conversationId").asString().equals(conversationId)) {
                found.add(t);
            }
        });
        return found;
    }

    private String onlineAgent(String... skills) {
        String name = "sms-agent" + NAMES.incrementAndGet();
        api.createStaff(admin, name, "AGENT", 50, skills);
        String token = api.loginStaff(name);
        assertThat(api.put("/api/staff/me/presence", token, Map.of("status", "ONLINE")).status()).isEqualTo(200);
        return token;
    }

    @Test
    void incomingSmsIsStoredInTheSendersConversationOpensATicketAndIsAnsweredWithEmptyTwiml() {
        String phone = newNumber();
        TwilioWebhooks.Response r = text(phone, "你好，我想预约保养");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/xml");
        assertThat(r.body()).contains("<Response/>");
        String conversationId = conversationOf(phone).orElseThrow();
        JsonNode history = messages(conversationId);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("from").asString()).isEqualTo("customer");
        assertThat(history.get(0).get("channel").asString()).isEqualTo("sms");
        assertThat(history.get(0).get("text").asString()).isEqualTo("你好，我想预约保养");
        assertThat(ticketsOf(conversationId)).hasSize(1);
    }

    @Test
    void theSameNumberJoinsItsConversationAndOpenTicketAndOpensANewTicketOnceResolved() {
        String phone = newNumber();
        text(phone, "车门打不开了");
        text(phone, "是左前门");
        String other = newNumber();
        text(other, "你好");

        String conversationId = conversationOf(phone).orElseThrow();
        assertThat(conversationOf(other)).isPresent().get().isNotEqualTo(conversationId);
        JsonNode history = messages(conversationId);
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("seq").asLong()).isEqualTo(2);
        List<JsonNode> tickets = ticketsOf(conversationId);
        assertThat(tickets).hasSize(1);

        assertThat(api.post("/api/tickets/" + tickets.get(0).get("id").asString() + "/resolve", admin, Map.of()).status()).isEqualTo(200);
        // the resolution's survey goes out at once and would read the next text as its answer: answer it first,
        // so what follows is a new problem whichever of the two the server handles first
        await().atMost(Duration.ofSeconds(10)).until(() -> messages(conversationId).size() == 3);
        text(phone, "5");
        await().atMost(Duration.ofSeconds(10)).until(() -> messages(conversationId).size() == 5);
        text(phone, "又打不开了");
        assertThat(conversationOf(phone)).contains(conversationId);
        await().atMost(Duration.ofSeconds(10)).until(() -> ticketsOf(conversationId).size() == 2);
    }

    @Test
    void theSameWebhookFiveTimesConcurrentlyStoresOneMessage() throws Exception {
        String phone = newNumber();
        Map<String, String> payload = TwilioPayloads.incomingSms(TwilioPayloads.newMessageSid(), phone, "仪表盘亮黄灯了");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return webhooks.post("/twilio/sms", payload).status();
                }, pool));
            }
            go.countDown();
            for (CompletableFuture<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        String conversationId = conversationOf(phone).orElseThrow();
        assertThat(messages(conversationId)).hasSize(1);
        assertThat(ticketsOf(conversationId)).hasSize(1);
        assertThat(db.sql("SELECT COUNT(*) FROM conversation WHERE channel = 'sms' AND customer_id = "
                + "(SELECT customer_id FROM conversation WHERE id = ?)").param(conversationId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMissingOrWrongSignatureIsRefusedWith403AndStoresNothing() {
        String phone = newNumber();
        Map<String, String> payload = TwilioPayloads.incomingSms(TwilioPayloads.newMessageSid(), phone, "车充不进电了");
        String internalUrl = "http://127.0.0.1:" + server.httpPort() + "/twilio/sms";
        Map<String, String> tampered = new java.util.LinkedHashMap<>(payload);
        tampered.put("Body", "退款！");

        List<TwilioWebhooks.Response> refused = List.of(
                webhooks.postSigned("/twilio/sms", payload, null, Map.of()),
                webhooks.postSigned("/twilio/sms", payload, TwilioWebhooks.sign("another-token", SIGNED_BASE + "/twilio/sms", payload), Map.of()),
                webhooks.postSigned("/twilio/sms", payload, TwilioWebhooks.sign(TwilioStandIn.AUTH_TOKEN, internalUrl, payload), Map.of()),
                webhooks.postSigned("/twilio/sms", tampered, TwilioWebhooks.sign(TwilioStandIn.AUTH_TOKEN, SIGNED_BASE + "/twilio/sms", payload), Map.of()));

        for (TwilioWebhooks.Response r : refused) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).contains("\"error\":\"invalid_signature\"");
        }
        assertThat(conversationOf(phone)).isEmpty();
    }

    @Test
    void behindAProxyTheSignatureIsCheckedAgainstThePublicUrlNotForwardedHeaders() {
        String phone = newNumber();
        Map<String, String> asConfigured = TwilioPayloads.incomingSms(TwilioPayloads.newMessageSid(), phone, "第一条");
        Map<String, String> forgedHost = TwilioPayloads.incomingSms(TwilioPayloads.newMessageSid(), phone, "伪造");
        Map<String, String> forwarded = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example.org",
                "X-Forwarded-Port", "443");

        TwilioWebhooks.Response exactCase = webhooks.postSigned("/twilio/sms", asConfigured,
                TwilioWebhooks.sign(TwilioStandIn.AUTH_TOKEN, PUBLIC_BASE + "/twilio/sms", asConfigured), forwarded);
        TwilioWebhooks.Response lowerCase = text(phone, "第二条");
        TwilioWebhooks.Response signedForForwardedHost = webhooks.postSigned("/twilio/sms", forgedHost,
                TwilioWebhooks.sign(TwilioStandIn.AUTH_TOKEN, "https://evil.example.org/twilio/sms", forgedHost), forwarded);

        assertThat(exactCase.status()).isEqualTo(200);
        assertThat(lowerCase.status()).isEqualTo(200);
        assertThat(signedForForwardedHost.status()).isEqualTo(403);
        JsonNode history = messages(conversationOf(phone).orElseThrow());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("text").asString()).isEqualTo("第一条");
        assertThat(history.get(1).get("text").asString()).isEqualTo("第二条");
    }

    @Test
    void mmsPhotosAreStoredAsLinksOnTheMessage() {
        String phone = newNumber();
        String photo1 = "https://api.twilio.com/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages/MM1/Media/ME1";
        String photo2 = "https://api.twilio.com/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages/MM1/Media/ME2";
        String sid = "MM" + TwilioPayloads.newMessageSid().substring(2);

        assertThat(webhooks.post("/twilio/sms", TwilioPayloads.incomingMms(sid, phone, "仪表盘这个灯是什么意思", photo1, photo2)).status())
                .isEqualTo(200);

        String conversationId = conversationOf(phone).orElseThrow();
        JsonNode message = messages(conversationId).get(0);
        assertThat(message.get("text").asString()).isEqualTo("仪表盘这个灯是什么意思\n[图片] " + photo1 + "\n[图片] " + photo2);
        List<String> stored = db.sql("SELECT url FROM message_media WHERE conversation_id = ? AND seq = 1 ORDER BY position")
                .param(conversationId).query(String.class).list();
        assertThat(stored).containsExactly(photo1, photo2);
    }

    @Test
    void customerTextsAtNightAnAgentAnswersBySmsAndTheStatusCallbackMarksItDelivered() {
        String agent = onlineAgent("charging");
        String phone = newNumber();
        try {
            assertThat(text(phone, "车充不进电了").status()).isEqualTo(200);
            String conversationId = conversationOf(phone).orElseThrow();
            JsonNode ticket = await().atMost(Duration.ofSeconds(10)).until(() -> assignedTo(agent, conversationId), Optional::isPresent).get();
            assertThat(ticket.get("category").asString()).isEqualTo("TECHNICAL");

            String answer = "您好，请问充电桩指示灯是什么颜色？";
            Api.Response reply = api.post("/api/tickets/" + ticket.get("id").asString() + "/messages", agent, Map.of("text", answer));
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.text("delivery")).isEqualTo("queued");

            await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(phone).size() == 1);
            TwilioStandIn.Call call = twilio.sendsTo(phone).get(0);
            assertThat(call.authorized()).isTrue();
            assertThat(call.param("From")).isEqualTo(TwilioStandIn.FROM);
            assertThat(call.param("Body")).isEqualTo(answer);
            String callbackUrl = call.param("StatusCallback");
            assertThat(callbackUrl).startsWith(PUBLIC_BASE + "/twilio/status?outbox=");
            await().atMost(Duration.ofSeconds(10)).until(() -> delivery(conversationId, 2), "queued"::equals);
            String sid = db.sql("SELECT twilio_sid FROM sms_outbox WHERE conversation_id = ?").param(conversationId)
                    .query(String.class).single();

            assertThat(webhooks.postTo(callbackUrl, TwilioPayloads.status(sid, phone, "sent", null)).status()).isEqualTo(204);
            assertThat(delivery(conversationId, 2)).isEqualTo("sent");
            assertThat(webhooks.postTo(callbackUrl, TwilioPayloads.status(sid, phone, "delivered", null)).status()).isEqualTo(204);
            assertThat(delivery(conversationId, 2)).isEqualTo("delivered");

            assertThat(twilio.sendsTo(phone)).hasSize(1);
        } finally {
            api.put("/api/staff/me/presence", agent, Map.of("status", "OFFLINE"));
        }
    }

    @Test
    void statusCallbacksOnlyMoveDeliveryForwardWhateverTheirOrder() {
        String phone = newNumber();
        String conversationId = smsFromHotline(phone, "您的车辆已完成保养，欢迎随时联系我们。");
        String callbackUrl = twilio.sendsTo(phone).get(0).param("StatusCallback");
        String sid = db.sql("SELECT twilio_sid FROM sms_outbox WHERE conversation_id = ?").param(conversationId).query(String.class).single();

        webhooks.postTo(callbackUrl, TwilioPayloads.status(sid, phone, "delivered", null));
        webhooks.postTo(callbackUrl, TwilioPayloads.status(sid, phone, "sent", null));
        webhooks.postTo(callbackUrl, TwilioPayloads.status(sid, phone, "queued", null));
        webhooks.postTo(callbackUrl, TwilioPayloads.status(sid, phone, "failed", "30003"));
        webhooks.postTo(callbackUrl, TwilioPayloads.status(sid, phone, "delivered", null));

        assertThat(delivery(conversationId, 1)).isEqualTo("delivered");
    }

    @Test
    void aCallbackReportingTheRecipientUnsubscribedShowsBlockedAndStopsFurtherTexts() {
        String phone = newNumber();
        String conversationId = smsFromHotline(phone, "您好，您的车辆保养提醒。");
        String callbackUrl = twilio.sendsTo(phone).get(0).param("StatusCallback");
        String sid = db.sql("SELECT twilio_sid FROM sms_outbox WHERE conversation_id = ?").param(conversationId).query(String.class).single();

        webhooks.postTo(callbackUrl, TwilioPayloads.status(sid, phone, "failed", "21610"));
        var next = server.bean(SmsSender.class).send(conversationId, "请为本次服务打分。");

        assertThat(delivery(conversationId, 1)).isEqualTo("blocked");
        assertThat(next.message().delivery()).isEqualTo("blocked");
        assertThat(twilio.sendsTo(phone)).hasSize(1);
    }

    @Test
    void anUnsignedStatusCallbackIsRefusedAndChangesNothing() {
        String phone = newNumber();
        String conversationId = smsFromHotline(phone, "您好，您预约的维修已确认。");
        String callbackUrl = twilio.sendsTo(phone).get(0).param("StatusCallback");
        String sid = db.sql("SELECT twilio_sid FROM sms_outbox WHERE conversation_id = ?").param(conversationId).query(String.class).single();
        String path = callbackUrl.substring(PUBLIC_BASE.length());

        TwilioWebhooks.Response r = webhooks.postSigned(path, TwilioPayloads.status(sid, phone, "failed", "30006"), "bm90IGEgc2lnbmF0dXJl", Map.of());

        assertThat(r.status()).isEqualTo(403);
        assertThat(delivery(conversationId, 1)).isEqualTo("queued");
    }

    @Test
    void stopOptsTheNumberOutSoTheReplyIsStoredAsBlockedAndNeverSentUntilStart() {
        String phone = newNumber();
        text(phone, "车门打不开了");
        String conversationId = conversationOf(phone).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> !ticketsOf(conversationId).isEmpty());
        String ticketId = ticketsOf(conversationId).get(0).get("id").asString();

        assertThat(text(phone, "  stop ").status()).isEqualTo(200);
        assertThat(text(phone, "退订").status()).isEqualTo(200);
        Api.Response reply = api.post("/api/tickets/" + ticketId + "/messages", admin, Map.of("text", "请问是哪一扇车门？"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("delivery")).isEqualTo("blocked");
        JsonNode history = messages(conversationId);
        assertThat(history.get(1).get("from").asString()).isEqualTo("system");
        assertThat(history.get(2).get("from").asString()).isEqualTo("system");
        assertThat(history.get(3).get("delivery").asString()).isEqualTo("blocked");
        assertThat(ticketsOf(conversationId)).hasSize(1);

        assertThat(text(phone, "订阅").status()).isEqualTo(200);
        api.post("/api/tickets/" + ticketId + "/messages", admin, Map.of("text", "请问是哪一扇车门？"));
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(phone).size() == 1);
        assertThat(twilio.sendsTo(phone).get(0).param("Body")).isEqualTo("请问是哪一扇车门？");
        assertThat(delivery(conversationId, 4)).isEqualTo("blocked");
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery(conversationId, 6), "queued"::equals);
    }

    @Test
    void aReplyOver1600CharactersIsRefusedWithAClearErrorAndNothingIsStored() {
        String phone = newNumber();
        text(phone, "请详细说明电池保修政策");
        String conversationId = conversationOf(phone).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> !ticketsOf(conversationId).isEmpty());
        String ticketId = ticketsOf(conversationId).get(0).get("id").asString();

        Api.Response tooLong = api.post("/api/tickets/" + ticketId + "/messages", admin, Map.of("text", "保".repeat(1601)));
        Api.Response longest = api.post("/api/tickets/" + ticketId + "/messages", admin, Map.of("text", "修".repeat(1600)));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("error")).isEqualTo("sms_too_long");
        assertThat(tooLong.text("message")).contains("1600");
        assertThat(longest.status()).isEqualTo(201);
        assertThat(messages(conversationId)).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(phone).size() == 1);
        assertThat(twilio.sendsTo(phone).get(0).param("Body")).hasSize(1600);
    }

    @Test
    void smsSenderTextsACustomerByPhoneNumberInTheirSmsConversation() {
        String phone = newNumber();
        text(phone, "谢谢");
        var sent = server.bean(SmsSender.class).sendTo(phone.substring(3), "请为本次服务打分：回复1-5，5为非常满意。");

        assertThat(sent.message().conversationId()).isEqualTo(conversationOf(phone).orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(phone).size() == 1);
        assertThat(twilio.sendsTo(phone).get(0).param("Body")).isEqualTo("请为本次服务打分：回复1-5，5为非常满意。");
    }

    @Test
    void smsSenderRefusesAConversationOfAnotherChannel() {
        String chat = api.post("/api/chat/sessions", null, Map.of("name", "王先生")).text("conversationId");

        assertThatThrownBy(() -> server.bean(SmsSender.class).send(chat, "您好"))
                .isInstanceOf(org.huiying.server.web.ApiException.class).hasMessageContaining("not SMS");
        assertThat(messages(chat)).isEmpty();
    }

    /** A system message sent to a new number, once Twilio has accepted it. */
    private String smsFromHotline(String phone, String text) {
        var sent = server.bean(SmsSender.class).sendTo(phone, text);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(phone).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery(sent.message().conversationId(), 1), "queued"::equals);
        return sent.message().conversationId();
    }

    private String delivery(String conversationId, long seq) {
        return messages(conversationId).get((int) seq - 1).path("delivery").asString(null);
    }

    private Optional<JsonNode> assignedTo(String agent, String conversationId) {
        for (JsonNode t : api.get("/api/tickets?assignee=me", agent).body()) {
            if (t.get("conversationId").asString().equals(conversationId)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Test
    void theSurveyGoesOutBySmsAndATextedScoreAnswersItWithoutOpeningATicket() {
        String agent = onlineAgent();
        String phone = newNumber();
        assertThat(text(phone, "空调不制冷").status()).isEqualTo(200);
        String conversationId = conversationOf(phone).orElseThrow();
        JsonNode ticket = await().atMost(Duration.ofSeconds(10)).until(() -> assignedTo(agent, conversationId), Optional::isPresent).get();
        String id = ticket.get("id").asString();
        assertThat(api.post("/api/tickets/" + id + "/messages", agent, Map.of("text", "已为您重置空调控制器。")).status()).isEqualTo(201);
        assertThat(api.post("/api/tickets/" + id + "/resolve", agent, "").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(phone).stream()
                .anyMatch(c -> c.param("Body").contains("请为本次服务打分")));
        assertThat(text(phone, "5 师傅很耐心").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(phone).stream()
                .anyMatch(c -> c.param("Body").contains("感谢您的评价")));
        assertThat(ticketsOf(conversationId)).hasSize(1);
        assertThat(db.sql("SELECT score FROM survey WHERE ticket_id = ?").param(id).query(Integer.class).single()).isEqualTo(5);
    }
}
