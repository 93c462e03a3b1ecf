package org.huiying.server.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.huiying.server.telephony.sms.TwilioPayloads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * One customer, one vehicle, one history: a chat proves its phone number and joins the customer who
 * texted before, vehicles by VIN, the timeline on the card, staff notes the customer never sees,
 * reclassification, roadside tickets, repeat visits and merges — against the real server, the real
 * Twilio SDK sending the codes to a local stand-in. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CustomerFileContract {

    /** 10:00 in Shanghai. */
    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    static final String SIGNED_BASE = "https://hotline.example.com";
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Pattern CODE = Pattern.compile("验证码是 ([0-9]{6})");

    @TempDir
    static Path dataDir;

    protected final TestClock clock = new TestClock(T0);
    protected RunningServer server;
    protected TwilioStandIn twilio;
    protected TwilioWebhooks webhooks;
    protected Api api;
    protected String admin;
    protected JdbcClient db;

    protected abstract RunningServer newServer(Path dataDir, String... args);

    @BeforeAll
    void start() {
        twilio = new TwilioStandIn();
        List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
        args.add("--huiying.public-base-url=" + SIGNED_BASE);
        args.add("--huiying.twilio.outbox.poll-every=PT0.1S");
        args.add("--huiying.routing.sweep-every=PT0.05S");
        server = newServer(dataDir, args.toArray(String[]::new)).withClock(clock).start();
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

    static String newNumber() {
        return String.format("+86137%08d", 10_000_000 + NUMBERS.incrementAndGet() * 11);
    }

    /** A valid VIN (check digit computed) built from a serial. */
    static String vin(int serial) {
        String base = String.format("LGXCE4CB0P%07d", serial);
        return base.substring(0, 8) + Vin.checkDigit(base) + base.substring(9);
    }

    record Chat(String conversationId, String token, ChatClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }

    Chat chat(Map<String, Object> details) {
        Api.Response session = api.post("/api/chat/sessions", null, details);
        assertThat(session.status()).isEqualTo(201);
        return new Chat(session.text("conversationId"), session.text("customerToken"),
                ChatClient.connect(server.gatewayUri(session.text("customerToken"))));
    }

    String staff(String role, String... skills) {
        String name = "cf-" + role.toLowerCase() + NAMES.incrementAndGet();
        api.createStaff(admin, name, role, 20, skills);
        return api.loginStaff(name);
    }

    String onlineAgent(String... skills) {
        String token = staff("AGENT", skills);
        assertThat(api.put("/api/staff/me/presence", token, Map.of("status", "ONLINE")).status()).isEqualTo(200);
        return token;
    }

    void text(String from, String body) {
        assertThat(webhooks.post("/twilio/sms", TwilioPayloads.incomingSms(TwilioPayloads.newMessageSid(), from, body)).status())
                .isEqualTo(200);
    }

    /** Asks for a code for {@code phone} and returns it as the phone received it from the stand-in. */
    String codeSentTo(Chat chat, String phone) {
        String e164 = phone.startsWith("+") ? phone : "+86" + phone;
        int before = twilio.sendsTo(e164).size();
        Api.Response asked = api.post("/api/chat/sessions/" + chat.conversationId() + "/phone", chat.token(), Map.of("phone", phone));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(202);
        assertThat(asked.text("sentTo")).contains("****");
        String body = await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(e164).size() > before
                ? twilio.sendsTo(e164).get(twilio.sendsTo(e164).size() - 1).param("Body") : null, b -> b != null);
        Matcher m = CODE.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    long customerOfTicket(String ticketId, String token) {
        return api.get("/api/console/tickets/" + ticketId + "/customer", token).body().get("customerId").asLong();
    }

    JsonNode ticketOf(String conversationId) {
        return api.awaitTicketOf(admin, conversationId);
    }

    @Test
    void aChatThatProvesItsPhoneNumberJoinsTheCustomerWhoTextedFromIt() {
        String phone = newNumber();
        text(phone, "我的车充不进电");
        String smsConversation = db.sql("SELECT conversation_id FROM sms_thread WHERE phone = ?").param(phone)
                .query(String.class).single();
        String smsTicket = ticketOf(smsConversation).get("id").asString();
        long smsCustomer = customerOfTicket(smsTicket, admin);

        try (Chat chat = chat(Map.of("name", "王先生"))) {
            chat.client().sendMessage("m1", "还是充不进电，你们怎么回事");
            String chatTicket = ticketOf(chat.conversationId()).get("id").asString();
            assertThat(customerOfTicket(chatTicket, admin)).isNotEqualTo(smsCustomer);

            String code = codeSentTo(chat, phone.substring(3));
            Api.Response verified = api.post("/api/chat/sessions/" + chat.conversationId() + "/phone/verify", chat.token(),
                    Map.of("code", code));
            assertThat(verified.status()).as(verified.raw()).isEqualTo(200);

            assertThat(customerOfTicket(chatTicket, admin)).isEqualTo(smsCustomer);
            JsonNode timeline = api.get("/api/customers/" + smsCustomer + "/timeline", admin).body();
            assertThat(timeline.get("tickets").valueStream().map(t -> t.get("id").asString()).toList())
                    .containsExactlyInAnyOrder(smsTicket, chatTicket);
            assertThat(timeline.get("tickets").valueStream().map(t -> t.get("channel").asString()).toList())
                    .containsExactlyInAnyOrder("sms", "chat");
            assertThat(timeline.get("customer").get("phone").asString()).contains("****").doesNotContain(phone.substring(3));
            assertThat(timeline.get("customer").get("phoneVerified").asBoolean()).isTrue();
            assertThat(audited("TIMELINE_READ", smsCustomer)).isPositive();
        }
    }

    @Test
    void aWrongCodeIsRefusedAndTheFifthWrongTryLocksTheChat() {
        String phone = newNumber().substring(3);
        try (Chat chat = chat(Map.of())) {
            String code = codeSentTo(chat, phone);
            String wrong = code.equals("000000") ? "111111" : "000000";
            for (int i = 1; i <= 4; i++) {
                Api.Response r = api.post("/api/chat/sessions/" + chat.conversationId() + "/phone/verify", chat.token(), Map.of("code", wrong));
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.text("error")).isEqualTo("invalid_code");
            }
            Api.Response fifth = api.post("/api/chat/sessions/" + chat.conversationId() + "/phone/verify", chat.token(), Map.of("code", wrong));
            assertThat(fifth.status()).isEqualTo(429);
            assertThat(fifth.text("error")).isEqualTo("locked");
            Api.Response right = api.post("/api/chat/sessions/" + chat.conversationId() + "/phone/verify", chat.token(), Map.of("code", code));
            assertThat(right.status()).isEqualTo(429);
            assertThat(db.sql("SELECT COUNT(*) FROM customer c JOIN conversation v ON v.customer_id = c.id WHERE v.id = ? AND c.phone_verified")
                    .param(chat.conversationId()).query(Long.class).single()).isZero();
        }
    }

    @Test
    void anExpiredCodeIsRefusedAndASecondCodeWithinAMinuteIsTooSoon() {
        String phone = newNumber().substring(3);
        try (Chat chat = chat(Map.of())) {
            String code = codeSentTo(chat, phone);
            Api.Response again = api.post("/api/chat/sessions/" + chat.conversationId() + "/phone", chat.token(), Map.of("phone", phone));
            assertThat(again.status()).isEqualTo(429);
            clock.advance(Duration.ofMinutes(11));
            Api.Response late = api.post("/api/chat/sessions/" + chat.conversationId() + "/phone/verify", chat.token(), Map.of("code", code));
            assertThat(late.status()).isEqualTo(400);
            assertThat(late.text("error")).isEqualTo("invalid_code");
        }
    }

    @Test
    void thePhoneEndpointsAnswerOnlyToTheSessionsOwnToken() {
        try (Chat mine = chat(Map.of()); Chat other = chat(Map.of())) {
            String path = "/api/chat/sessions/" + mine.conversationId() + "/phone";
            assertThat(api.post(path, null, Map.of("phone", "13800000000")).status()).isEqualTo(401);
            assertThat(api.post(path, "not-a-token", Map.of("phone", "13800000000")).status()).isEqualTo(401);
            assertThat(api.post(path, other.token(), Map.of("phone", "13800000000")).status()).isEqualTo(404);
            assertThat(api.post(path, admin, Map.of("phone", "13800000000")).status()).isEqualTo(401);
            Api.Response bad = api.post(path, mine.token(), Map.of("phone", "hello"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.text("error")).isEqualTo("invalid_phone");
            assertThat(db.sql("SELECT COUNT(*) FROM phone_code WHERE conversation_id = ?").param(mine.conversationId())
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void vehiclesAreRegisteredByAValidVinAndShowTheirWarrantyStatus() {
        try (Chat chat = chat(Map.of("name", "赵女士"))) {
            chat.client().sendMessage("m1", "咨询一下保养");
            long customer = customerOfTicket(ticketOf(chat.conversationId()).get("id").asString(), admin);
            String agent = staff("AGENT");
            String good = vin(1001);
            char wrongDigit = good.charAt(8) == '1' ? '2' : '1';
            String typo = good.substring(0, 8) + wrongDigit + good.substring(9);

            Api.Response refused = api.post("/api/customers/" + customer + "/vehicles", agent, Map.of("vin", typo, "model", "汉EV"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text("error")).isEqualTo("invalid_vin");
            Api.Response added = api.post("/api/customers/" + customer + "/vehicles", agent, Map.of("vin", good.toLowerCase(),
                    "model", "汉EV", "purchaseDate", "2022-03-01", "warrantyEnd", "2025-03-01", "batteryWarrantyEnd", "2030-03-01",
                    "dealer", "深圳福田4S店", "region", "华南"));
            assertThat(added.status()).as(added.raw()).isEqualTo(201);
            assertThat(added.text("vin")).isEqualTo(good);
            assertThat(added.text("warranty")).isEqualTo("EXPIRED");
            assertThat(added.text("batteryWarranty")).isEqualTo("IN_WARRANTY");
            assertThat(api.post("/api/customers/" + customer + "/vehicles", agent, Map.of("vin", good)).status()).isEqualTo(409);
            JsonNode listed = api.get("/api/customers/" + customer + "/vehicles", agent).body();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("dealer").asString()).isEqualTo("深圳福田4S店");
            assertThat(api.get("/api/customers/" + customer + "/vehicles", staff("TECHNICIAN")).status()).isEqualTo(403);
        }
    }

    @Test
    void notesStayWithStaffAndAreAudited() {
        String agent = onlineAgent("body-electronics");
        try (Chat chat = chat(Map.of("name", "王先生"))) {
            chat.client().sendMessage("m1", "车机黑屏了");
            String ticket = ticketOf(chat.conversationId()).get("id").asString();
            // whoever the dispatcher chose, the ticket is this agent's now
            long agentId = api.get("/api/staff/me", agent).body().get("id").asLong();
            assertThat(api.post("/api/tickets/" + ticket + "/transfer", admin, Map.of("to", Long.toString(agentId))).status()).isEqualTo(200);
            Api.Response note = api.post("/api/tickets/" + ticket + "/notes", agent, Map.of("text", "客户情绪激动，已承诺今天回电"));
            assertThat(note.status()).as(note.raw()).isEqualTo(201);
            assertThat(api.post("/api/tickets/" + ticket + "/notes", agent, Map.of("text", "长".repeat(4001))).status()).isEqualTo(400);
            assertThat(api.post("/api/tickets/" + ticket + "/notes", agent, Map.of("text", "  ")).status()).isEqualTo(400);

            String colleague = staff("SUPERVISOR");
            // a customer's conversation never becomes a knowledge article
            Api.Response draft = api.post("/api/tickets/" + ticket + "/knowledge-draft", colleague, "");
            assertThat(draft.status()).isEqualTo(409);
            assertThat(draft.text("error")).isEqualTo("not_tech_support");
            JsonNode notes = api.get("/api/tickets/" + ticket + "/notes", colleague).body();
            assertThat(notes).hasSize(1);
            assertThat(notes.get(0).get("text").asString()).isEqualTo("客户情绪激动，已承诺今天回电");
            assertThat(notes.get(0).get("author").asString()).startsWith("cf-agent");
            long customer = customerOfTicket(ticket, admin);
            assertThat(audited("NOTES_READ", customer)).isEqualTo(1);
            assertThat(audited("NOTE_ADD", customer)).isEqualTo(1);

            JsonNode history = api.get("/api/conversations/" + chat.conversationId() + "/messages", admin).body();
            assertThat(history.valueStream().map(m -> m.get("text").asString())).noneMatch(t -> t.contains("情绪激动"));
            assertThat(chat.client().drain(Duration.ofMillis(300)).stream().map(JsonNode::toString)).noneMatch(f -> f.contains("情绪激动"));
            assertThat(api.get("/api/tickets/" + ticket + "/notes", staff("TECHNICIAN")).status()).isIn(403, 404);
        }
    }

    @Test
    void reclassifyingATicketMovesItsTargetsFromTheOriginalStartAndIsAudited() {
        try (Chat chat = chat(Map.of())) {
            chat.client().sendMessage("m1", "你好，想问一下");
            JsonNode opened = ticketOf(chat.conversationId());
            String ticket = opened.get("id").asString();
            Instant openedAt = Instant.parse(opened.get("openedAt").asString());
            assertThat(opened.get("type").asString()).isEqualTo("INQUIRY");
            String supervisor = staff("SUPERVISOR");

            Api.Response changed = api.patch("/api/tickets/" + ticket, supervisor,
                    Map.of("type", "COMPLAINT", "category", "ATTITUDE", "skills", List.of("complaint")));
            assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
            assertThat(changed.text("type")).isEqualTo("COMPLAINT");
            assertThat(changed.text("queue")).isEqualTo("complaint");
            assertThat(changed.body().get("priority").asInt()).isEqualTo(2);
            assertThat(Instant.parse(changed.body().get("sla").get("firstResponseDue").asString())).isEqualTo(openedAt.plus(Duration.ofHours(2)));
            assertThat(Instant.parse(changed.body().get("sla").get("resolutionDue").asString())).isEqualTo(openedAt.plus(Duration.ofHours(48)));
            long customer = customerOfTicket(ticket, admin);
            assertThat(audited("RECLASSIFY", customer)).isEqualTo(1);

            assertThat(api.patch("/api/tickets/" + ticket, supervisor, Map.of("type", "NONSENSE")).text("error")).isEqualTo("invalid_type");
            assertThat(api.patch("/api/tickets/" + ticket, supervisor, Map.of("type", "TECH_SUPPORT")).text("error")).isEqualTo("invalid_type");
            assertThat(api.patch("/api/tickets/" + ticket, supervisor, Map.of("colour", "red")).text("error")).isEqualTo("unknown_field");
            assertThat(api.patch("/api/tickets/" + ticket, supervisor, Map.of("vehicleId", 999999)).text("error")).isEqualTo("invalid_vehicle");
            assertThat(api.patch("/api/tickets/" + ticket, staff("TECHNICIAN"), Map.of("type", "INQUIRY")).status()).isEqualTo(403);
            assertThat(api.get("/api/tickets/" + ticket, admin).body().get("type").asString()).isEqualTo("COMPLAINT");
        }
    }

    @Test
    void aStrandedDriverGetsARoadsideTicketAtTopPriorityAndIsAskedWhereTheyAre() {
        try (Chat chat = chat(Map.of())) {
            chat.client().sendMessage("m1", "车在高速上抛锚了，打不着火");
            JsonNode ticket = ticketOf(chat.conversationId());
            assertThat(ticket.get("type").asString()).isEqualTo("ROADSIDE");
            assertThat(ticket.get("priority").asInt()).isEqualTo(100);
            Instant openedAt = Instant.parse(ticket.get("openedAt").asString());
            assertThat(Instant.parse(ticket.get("sla").get("firstResponseDue").asString())).isEqualTo(openedAt.plus(Duration.ofMinutes(5)));
            assertThat(Instant.parse(ticket.get("sla").get("resolutionDue").asString())).isEqualTo(openedAt.plus(Duration.ofHours(2)));
            JsonNode asked = chat.client().await(f -> f.path("from").asString().equals("system") && f.path("text").asString().contains("位置"));
            assertThat(asked.path("text").asString()).contains("具体位置");
        }
    }

    @Test
    void aSecondComplaintAboutTheSameCarAndSystemIsReworkLinkedToTheFirstAndEscalated() {
        String phone = newNumber();
        text(phone, "充电桩充不进电，投诉");
        String conversation = db.sql("SELECT conversation_id FROM sms_thread WHERE phone = ?").param(phone).query(String.class).single();
        JsonNode first = ticketOf(conversation);
        long customer = customerOfTicket(first.get("id").asString(), admin);
        String agent = onlineAgent();
        long vehicle = api.post("/api/customers/" + customer + "/vehicles", agent, Map.of("vin", vin(2002), "model", "秦PLUS"))
                .body().get("id").asLong();
        Api.Response named = api.patch("/api/tickets/" + first.get("id").asString(), agent, Map.of("vehicleId", vehicle));
        assertThat(named.status()).as(named.raw()).isEqualTo(200);
        assertThat(named.body().get("vehicleId").asLong()).isEqualTo(vehicle);
        db.sql("UPDATE ticket SET status = 'RESOLVED', resolved_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(clock.instant()), first.get("id").asString()).update();

        clock.advance(Duration.ofDays(10));
        try (Chat chat = chat(Map.of("name", "王先生"))) {
            String code = codeSentTo(chat, phone.substring(3));
            assertThat(api.post("/api/chat/sessions/" + chat.conversationId() + "/phone/verify", chat.token(), Map.of("code", code))
                    .status()).isEqualTo(200);
            chat.client().sendMessage("m1", "上次修过还是充不进电");
            JsonNode again = ticketOf(chat.conversationId());
            assertThat(again.get("vehicleId").asLong()).isEqualTo(vehicle);
            assertThat(again.get("reworkOf").asString()).isEqualTo(first.get("id").asString());
            String supervisor = staff("SUPERVISOR");
            JsonNode escalation = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/escalations", supervisor).body()
                    .valueStream().filter(e -> e.get("kind").asString().equals("REWORK")).findFirst().orElse(null), e -> e != null);
            assertThat(escalation.get("ticketIds").valueStream().map(JsonNode::asString).toList())
                    .containsExactly(first.get("id").asString(), again.get("id").asString());
            JsonNode timeline = api.get("/api/customers/" + customer + "/timeline", agent).body();
            assertThat(timeline.get("vehicles").get(0).get("vin").asString()).isEqualTo(vin(2002));
            assertThat(timeline.get("escalations").get(0).get("kind").asString()).isEqualTo("REWORK");
        }
    }

    @Test
    void aSupervisorMergesTwoRecordsOfOnePersonAndCanUndoItForThirtyDays() {
        try (Chat a = chat(Map.of("name", "李先生")); Chat b = chat(Map.of("name", "李先生"))) {
            a.client().sendMessage("m1", "咨询保养");
            b.client().sendMessage("m1", "车门异响");
            String ticketA = ticketOf(a.conversationId()).get("id").asString();
            String ticketB = ticketOf(b.conversationId()).get("id").asString();
            long customerA = customerOfTicket(ticketA, admin);
            long customerB = customerOfTicket(ticketB, admin);
            String supervisor = staff("SUPERVISOR");

            assertThat(api.post("/api/customers/" + customerA + "/merge", supervisor, Map.of("duplicateId", customerA)).status()).isEqualTo(400);
            assertThat(api.post("/api/customers/" + customerA + "/merge", staff("AGENT"), Map.of("duplicateId", customerB)).status()).isEqualTo(403);
            Api.Response merged = api.post("/api/customers/" + customerA + "/merge", supervisor, Map.of("duplicateId", customerB));
            assertThat(merged.status()).as(merged.raw()).isEqualTo(201);
            assertThat(customerOfTicket(ticketB, admin)).isEqualTo(customerA);
            assertThat(api.get("/api/customers/" + customerA + "/timeline", supervisor).body().get("tickets")).hasSize(2);
            assertThat(audited("MERGE", customerA)).isEqualTo(1);

            String mergeId = merged.text("id");
            Api.Response undone = api.post("/api/customers/" + customerA + "/merges/" + mergeId + "/undo", supervisor, "");
            assertThat(undone.status()).as(undone.raw()).isEqualTo(200);
            assertThat(customerOfTicket(ticketB, admin)).isEqualTo(customerB);
            assertThat(api.post("/api/customers/" + customerA + "/merges/" + mergeId + "/undo", supervisor, "").status()).isEqualTo(409);

            String again = api.post("/api/customers/" + customerA + "/merge", supervisor, Map.of("duplicateId", customerB)).text("id");
            clock.advance(Duration.ofDays(31));
            Api.Response tooLate = api.post("/api/customers/" + customerA + "/merges/" + again + "/undo", supervisor, "");
            assertThat(tooLate.status()).isEqualTo(409);
            assertThat(tooLate.text("error")).isEqualTo("undo_expired");
        }
    }

    long audited(String action, long customerId) {
        return db.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND customer_id = ?").params(action, customerId)
                .query(Long.class).single();
    }
}
