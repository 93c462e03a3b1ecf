package org.huiying.server.telephony.voice;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.huiying.routing.assignment.Priority;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * The voice hotline end to end, as a caller and Twilio meet it: signed webhooks posted to the real
 * server behind a pretend TLS proxy, each answer parsed as TwiML and followed where it leads
 * (Gather and Record actions, the wait URL), and callbacks placed through the SDK to a local
 * stand-in of Twilio's Calls API. Runs once per database (subclasses choose it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VoiceHotlineContract {

    static final String PUBLIC_BASE = "https://hotline.example.com";
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final AtomicInteger CALLS = new AtomicInteger();

    protected RunningServer server;
    protected TwilioStandIn twilio;
    protected TwilioWebhooks webhooks;
    protected Api api;
    protected String admin;
    protected String agent;
    protected String agent2;
    protected JdbcClient db;

    protected abstract RunningServer newServer(String... args);

    @BeforeAll
    void start() {
        twilio = new TwilioStandIn();
        List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
        args.add("--huiying.public-base-url=" + PUBLIC_BASE);
        args.add("--huiying.voice.max-wait=PT5M");
        // callers left waiting by a test ring on one agent each and never move on: no agent is set AWAY mid-run
        args.add("--huiying.voice.offer-timeout=PT10M");
        // real time here: a run at night in Shanghai must not hold a survey back
        args.add("--huiying.survey.quiet-hours=");
        server = newServer(args.toArray(String[]::new)).start();
        api = server.api();
        admin = api.adminToken();
        db = server.bean(JdbcClient.class);
        webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), PUBLIC_BASE, TwilioStandIn.AUTH_TOKEN);
        // two, so a ticket one of them let go when going offline (it must not go straight back) has a taker
        api.createStaff(admin, "voice-agent", "AGENT", 50);
        api.createStaff(admin, "voice-agent2", "AGENT", 50);
        agent = api.loginStaff("voice-agent");
        agent2 = api.loginStaff("voice-agent2");
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

    /**
     * Every test starts with the agent online and nobody waiting, so the wait estimate is short;
     * tickets left by a test that took the agent offline are handed to them (asynchronously) first.
     */
    @BeforeEach
    void anAgentIsOnlineAndNobodyIsWaiting() {
        presence("ONLINE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(db.sql(
                "SELECT id, type, priority, queue, assignee_id, not_to, skills FROM ticket WHERE status = 'OPEN'")
                .query().listOfRows()).isEmpty());
    }

    /**
     * Callers a test left waiting for a person hang up (Twilio's final status callback), so the next test
     * starts with nobody in line: a ticket whose caller still waits is the phone's to offer, never chat
     * work, and would stay OPEN; abandoned, it is queued work again and goes to an agent.
     */
    @AfterEach
    void waitingCallersHangUp() {
        for (Map<String, Object> row : db.sql("""
                SELECT call_sid, phone FROM voice_call WHERE queued_at IS NOT NULL AND answered_by IS NULL
                AND ended_at IS NULL AND dequeued_at IS NULL""").query().listOfRows()) {
            hangUp(new Caller((String) row.get("phone"), (String) row.get("call_sid")));
        }
    }

    void hangUp(Caller caller) {
        assertThat(webhooks.post("/twilio/voice/status", caller.params(Map.of("CallStatus", "completed"))).status()).isEqualTo(204);
    }

    /** Both agents' presence: ONLINE, or OFFLINE so that nobody can answer. */
    void presence(String status) {
        for (String token : List.of(agent, agent2)) {
            assertThat(api.put("/api/staff/me/presence", token, Map.of("status", status)).status()).isEqualTo(200);
        }
    }

    /** A mobile number no other test uses, as Twilio writes it (E.164). */
    static String newNumber() {
        return String.format("+86137%08d", 20_000_000 + NUMBERS.incrementAndGet() * 7);
    }

    /** One phone call: its CallSid, the caller's number, and Twilio's requests about it. */
    final class Caller {
        final String phone;
        final String callSid;

        Caller(String phone) {
            this(phone, String.format("CA%032x", 0x5eed000L + CALLS.incrementAndGet()));
        }

        Caller(String phone, String callSid) {
            this.phone = phone;
            this.callSid = callSid;
        }

        Map<String, String> params(Map<String, String> extra) {
            Map<String, String> p = new HashMap<>(Map.of("CallSid", callSid, "AccountSid", TwilioStandIn.ACCOUNT_SID,
                    "From", phone, "To", TwilioStandIn.FROM, "CallStatus", "in-progress", "Direction", "inbound",
                    "ApiVersion", "2010-04-01"));
            p.putAll(extra);
            return p;
        }

        Twiml dial() {
            return ok(webhooks.post("/twilio/voice", params(Map.of("CallStatus", "ringing"))));
        }

        /** Follows the Gather's action with these keys, as Twilio does when the caller presses them. */
        Twiml press(Twiml answer, String digits) {
            Element gather = answer.one("Gather");
            return ok(webhooks.postTo(gather.getAttribute("action"), params(Map.of("Digits", digits))));
        }

        Twiml say(Twiml answer, String speech) {
            Element gather = answer.one("Gather");
            return ok(webhooks.postTo(gather.getAttribute("action"), params(Map.of("SpeechResult", speech, "Confidence", "0.9"))));
        }

        /** No input: Twilio falls through the Gather to the Redirect after it. */
        Twiml silence(Twiml answer) {
            assertThat(answer.verbs()).last().isEqualTo("Redirect");
            return ok(webhooks.postTo(answer.one("Redirect").getTextContent(), params(Map.of())));
        }

        Twiml post(String url, Map<String, String> extra) {
            return ok(webhooks.postTo(url, params(extra)));
        }
    }

    Caller newCaller() {
        return new Caller(newNumber());
    }

    /** A TwiML answer, in which every word is spoken in Mandarin by the Chinese Polly voice. */
    static Twiml ok(TwilioWebhooks.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/xml");
        Twiml twiml = Twiml.parse(r.body());
        for (Element say : twiml.all("Say")) {
            assertThat(say.getAttribute("language")).as(r.body()).isEqualTo("zh-CN");
            assertThat(say.getAttribute("voice")).as(r.body()).isEqualTo("Polly.Zhiyu");
            assertThat(say.getTextContent()).as(r.body()).isNotBlank().doesNotContain("{");
        }
        return twiml;
    }

    Optional<String> conversationOf(String phone) {
        return db.sql("SELECT conversation_id FROM voice_thread WHERE phone = ?").param(phone).query(String.class).optional();
    }

    List<JsonNode> ticketsOf(String phone) {
        String conversationId = conversationOf(phone).orElseThrow();
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/tickets", admin).body().forEach(t -> {
            if (t.get("conversationId").asString().equals(conversationId)) {
                found.add(t);
            }
        });
        return found;
    }

    JsonNode onlyTicketOf(String phone) {
        List<JsonNode> tickets = ticketsOf(phone);
        assertThat(tickets).hasSize(1);
        return tickets.get(0);
    }

    List<String> messages(String phone) {
        List<String> texts = new ArrayList<>();
        api.get("/api/conversations/" + conversationOf(phone).orElseThrow() + "/messages", admin).body()
                .forEach(m -> texts.add(m.get("text").asString()));
        return texts;
    }

    List<Map<String, Object>> callbackTasks(String ticketId) {
        return db.sql("SELECT id, reason, status, attempts, due_at, outcome FROM callback_task WHERE ticket_id = ?")
                .param(ticketId).query().listOfRows();
    }

    // --- the menu --------------------------------------------------------------------------------

    @Test
    void aCallIsAnsweredWithTheMandarinMenuInsideAGatherForKeysAndSpeech() {
        Twiml answer = newCaller().dial();

        assertThat(answer.verbs()).containsExactly("Say", "Gather", "Redirect");
        Element gather = answer.one("Gather");
        assertThat(gather.getAttribute("numDigits")).isEqualTo("1");
        assertThat(gather.getAttribute("input")).isEqualTo("dtmf speech");
        assertThat(gather.getAttribute("language")).isEqualTo("cmn-Hans-CN");
        assertThat(gather.getAttribute("method")).isEqualTo("POST");
        assertThat(gather.getAttribute("action")).isEqualTo(PUBLIC_BASE + "/twilio/voice/menu?attempt=1");
        for (Element say : answer.all("Say")) {
            assertThat(say.getAttribute("language")).isEqualTo("zh-CN");
            assertThat(say.getAttribute("voice")).isEqualTo("Polly.Zhiyu");
        }
        String menu = Twiml.children(gather).get(0).getTextContent();
        assertThat(menu).contains("咨询请按1", "投诉请按2", "预约", "道路救援请按4", "回电请按9", "人工服务请按0");
        assertThat(answer.one("Redirect").getTextContent()).isEqualTo(PUBLIC_BASE + "/twilio/voice/menu?attempt=1");
    }

    @Test
    void eachChoiceOpensATicketOfItsTypeWithItsSlaClockAndQueuesTheCaller() {
        Map<String, String> typeOf = Map.of("1", "INQUIRY", "2", "COMPLAINT", "3", "APPOINTMENT", "0", "INQUIRY");
        Map<String, String> queueOf = Map.of("1", "inquiry", "2", "complaint", "3", "appointment", "0", "inquiry");
        for (String key : List.of("1", "2", "3", "0")) {
            Caller caller = newCaller();
            Twiml queued = caller.press(caller.dial(), key);

            assertThat(queued.verbs()).as("key %s", key).containsExactly("Say", "Enqueue");
            Element enqueue = queued.one("Enqueue");
            assertThat(enqueue.getTextContent()).isEqualTo(queueOf.get(key));
            assertThat(enqueue.getAttribute("waitUrl")).isEqualTo(PUBLIC_BASE + "/twilio/voice/queue-wait");
            JsonNode ticket = onlyTicketOf(caller.phone);
            assertThat(ticket.get("type").asString()).isEqualTo(typeOf.get(key));
            assertThat(ticket.get("queue").asString()).isEqualTo(queueOf.get(key));
            assertThat(ticket.get("sla").get("firstResponseDue").isNull()).isFalse();
            assertThat(enqueue.getAttribute("action")).isEqualTo(PUBLIC_BASE + "/twilio/voice/queue-exit?ticket=" + ticket.get("id").asString());
            assertThat(messages(caller.phone)).anyMatch(m -> m.startsWith("来电：客户在语音菜单中选择了"));
            // a caller still in line counts in the next one's wait estimate: this one hangs up
            hangUp(caller);
        }
    }

    @Test
    void roadsideAssistanceJumpsTheQueueAsUrgent() {
        Caller caller = newCaller();
        Twiml queued = caller.press(caller.dial(), "4");

        assertThat(queued.one("Enqueue").getTextContent()).isEqualTo("roadside");
        assertThat(queued.spoken()).contains("道路救援优先处理");
        JsonNode ticket = onlyTicketOf(caller.phone);
        assertThat(ticket.get("priority").asInt()).isEqualTo(Priority.URGENT);
    }

    @Test
    void aCallerMaySayWhatTheyWantInMandarin() {
        Caller caller = newCaller();
        Twiml queued = caller.say(caller.dial(), "我要投诉");

        assertThat(queued.verbs()).contains("Enqueue");
        assertThat(onlyTicketOf(caller.phone).get("type").asString()).isEqualTo("COMPLAINT");
    }

    @Test
    void invalidOrNoInputRepeatsTheMenuAtMostThreeTimesThenOffersACallback() {
        Caller caller = newCaller();
        Twiml first = caller.dial();
        Twiml second = caller.press(first, "7");
        assertThat(second.spoken()).contains("没有识别到您的选择", "咨询请按1");
        assertThat(second.one("Gather").getAttribute("action")).endsWith("/twilio/voice/menu?attempt=2");
        Twiml third = caller.silence(second);
        assertThat(third.one("Gather").getAttribute("action")).endsWith("/twilio/voice/menu?attempt=3");

        Twiml offer = caller.press(third, "#");

        assertThat(offer.spoken()).doesNotContain("咨询请按1").contains("回电请按1", "留言请按2");
        assertThat(offer.one("Gather").getAttribute("action")).startsWith(PUBLIC_BASE + "/twilio/voice/callback-offer");
        assertThat(ticketsOf(caller.phone)).isEmpty();
    }

    @Test
    void menuNineBooksACallbackAtOnceAndSaysGoodbye() {
        Caller caller = newCaller();
        Instant before = Instant.now().minusSeconds(1);
        Twiml answer = caller.press(caller.dial(), "9");

        assertThat(answer.verbs()).containsExactly("Say", "Hangup");
        assertThat(answer.spoken()).contains("回电请求");
        JsonNode ticket = onlyTicketOf(caller.phone);
        assertThat(ticket.get("type").asString()).isEqualTo("CALLBACK");
        List<Map<String, Object>> tasks = callbackTasks(ticket.get("id").asString());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("reason")).isEqualTo("CALLER_REQUEST");
        assertThat(tasks.get(0).get("status")).isEqualTo("OPEN");
        assertThat(api.get("/api/callbacks?status=OPEN", admin).body().findValuesAsString("id"))
                .contains(tasks.get(0).get("id").toString());
        JsonNode listed = find(api.get("/api/callbacks?status=OPEN", admin).body(), tasks.get(0).get("id").toString());
        assertThat(Instant.parse(listed.get("dueAt").asString())).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void aReturningCallerIsGreetedByTheirOpenTicket() {
        Caller first = newCaller();
        first.press(first.dial(), "2");

        Twiml answer = new Caller(first.phone).dial();

        assertThat(answer.all("Say").get(0).getTextContent()).contains("投诉工单正在处理中");
        assertThat(newCaller().dial().all("Say").get(0).getTextContent()).contains("欢迎致电");
    }

    @Test
    void theSameNumberKeepsOneVoiceConversationAndJoinsItsOpenTicket() {
        Caller first = newCaller();
        first.press(first.dial(), "1");
        Caller again = new Caller(first.phone);
        again.press(again.dial(), "4");

        JsonNode ticket = onlyTicketOf(first.phone);
        assertThat(ticket.get("priority").asInt()).as("raised by the roadside choice").isEqualTo(Priority.URGENT);
        assertThat(db.sql("SELECT COUNT(*) FROM voice_thread WHERE phone = ?").param(first.phone).query(Long.class).single())
                .isEqualTo(1);
    }

    // --- nobody can answer -----------------------------------------------------------------------

    @Test
    void withNobodyOnlineTheCallerIsOfferedACallbackInsteadOfTheQueue() {
        presence("OFFLINE");
        Caller caller = newCaller();
        Twiml offer = caller.press(caller.dial(), "2");

        assertThat(offer.verbs()).doesNotContain("Enqueue");
        assertThat(offer.spoken()).contains("暂时没有坐席");
        JsonNode complaint = onlyTicketOf(caller.phone);
        assertThat(offer.one("Gather").getAttribute("action"))
                .isEqualTo(PUBLIC_BASE + "/twilio/voice/callback-offer?ticket=" + complaint.get("id").asString() + "&attempt=1");

        Twiml booked = caller.press(offer, "1");

        assertThat(booked.verbs()).containsExactly("Say", "Hangup");
        List<JsonNode> tickets = ticketsOf(caller.phone);
        assertThat(tickets).hasSize(2);
        JsonNode callback = tickets.stream().filter(t -> t.get("type").asString().equals("CALLBACK")).findFirst().orElseThrow();
        assertThat(callback.get("parentId").asString()).isEqualTo(complaint.get("id").asString());
        assertThat(callbackTasks(callback.get("id").asString())).singleElement()
                .satisfies(t -> assertThat(t.get("reason")).isEqualTo("CALLER_REQUEST"));
    }

    @Test
    void aVoicemailIsRecordedWithTranscriptionAndLinkedOnTheTicket() {
        presence("OFFLINE");
        Caller caller = newCaller();
        Twiml offer = caller.press(caller.dial(), "3");
        String ticketId = onlyTicketOf(caller.phone).get("id").asString();

        Twiml record = caller.press(offer, "2");

        assertThat(record.verbs()).containsExactly("Say", "Record");
        Element rec = record.one("Record");
        assertThat(rec.getAttribute("transcribe")).isEqualTo("true");
        assertThat(rec.getAttribute("action")).isEqualTo(PUBLIC_BASE + "/twilio/voice/recording?ticket=" + ticketId);
        assertThat(rec.getAttribute("transcribeCallback")).isEqualTo(PUBLIC_BASE + "/twilio/voice/transcription?ticket=" + ticketId);
        assertThat(Integer.parseInt(rec.getAttribute("maxLength"))).isPositive();

        String recordingUrl = "https://api.twilio.com/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Recordings/RE0001";
        Map<String, String> recording = Map.of("RecordingUrl", recordingUrl, "RecordingSid", "RE0001" + caller.callSid,
                "RecordingDuration", "17");
        Twiml thanks = caller.post(rec.getAttribute("action"), recording);
        caller.post(rec.getAttribute("action"), recording); // Twilio retried: stored once

        assertThat(thanks.verbs()).containsExactly("Say", "Hangup");
        assertThat(thanks.spoken()).contains("留言已收到");
        assertThat(messages(caller.phone)).filteredOn(m -> m.contains(recordingUrl)).singleElement()
                .satisfies(m -> assertThat(m).contains("17秒"));

        var transcribed = webhooks.postTo(rec.getAttribute("transcribeCallback"), caller.params(Map.of(
                "RecordingSid", "RE0001" + caller.callSid, "TranscriptionText", "我的车空调不制冷",
                "TranscriptionStatus", "completed")));
        assertThat(transcribed.status()).isEqualTo(204);
        assertThat(messages(caller.phone)).contains("语音留言转写：我的车空调不制冷");
        assertThat(ticketsOf(caller.phone)).hasSize(1);
    }

    @Test
    void aCallerWhoLeavesNoVoicemailStillGetsACallbackBooked() {
        presence("OFFLINE");
        Caller caller = newCaller();
        Twiml record = caller.press(caller.press(caller.dial(), "1"), "2");

        Twiml answer = caller.post(record.one("Record").getAttribute("action"),
                Map.of("RecordingUrl", "", "RecordingSid", "RE-empty" + caller.callSid, "RecordingDuration", "0"));

        assertThat(answer.spoken()).contains("没有录到您的留言");
        assertThat(ticketsOf(caller.phone)).extracting(t -> t.get("type").asString()).contains("CALLBACK");
    }

    @Test
    void aCallerWhoPressesNothingAtTheOfferIsCalledBackAnyway() {
        presence("OFFLINE");
        Caller caller = newCaller();
        Twiml offer = caller.press(caller.dial(), "1");
        Twiml again = caller.silence(offer);
        assertThat(again.spoken()).contains("没有识别到您的选择", "回电请按1");

        Twiml booked = caller.silence(again);

        assertThat(booked.verbs()).containsExactly("Say", "Hangup");
        assertThat(ticketsOf(caller.phone)).extracting(t -> t.get("type").asString()).contains("CALLBACK");
    }

    @Test
    void aCallerWaitingTooLongLeavesTheQueueAndIsOfferedACallback() {
        Caller caller = newCaller();
        Twiml queued = caller.press(caller.dial(), "1");
        Element enqueue = queued.one("Enqueue");

        Twiml told = caller.post(enqueue.getAttribute("waitUrl"), Map.of("QueuePosition", "3", "QueueTime", "40",
                "QueueSid", "QU0001", "AvgQueueTime", "60", "CurrentQueueSize", "3"));
        assertThat(told.spoken()).contains("您前面还有2位客户");
        assertThat(told.verbs()).containsExactly("Say", "Pause");

        Twiml leave = caller.post(enqueue.getAttribute("waitUrl"), Map.of("QueuePosition", "2", "QueueTime", "301",
                "QueueSid", "QU0001", "AvgQueueTime", "60", "CurrentQueueSize", "3"));
        assertThat(leave.verbs()).containsExactly("Leave");

        Twiml offer = caller.post(enqueue.getAttribute("action"), Map.of("QueueResult", "leave", "QueueSid", "QU0001",
                "QueueTime", "301"));
        assertThat(offer.spoken()).contains("坐席繁忙", "回电请按1");
        Twiml bridged = caller.post(enqueue.getAttribute("action"), Map.of("QueueResult", "bridged", "QueueSid", "QU0001"));
        assertThat(bridged.verbs()).isEmpty();
    }

    @Test
    void theFallbackUrlApologisesAndOffersACallback() {
        Caller caller = newCaller();
        Twiml answer = ok(webhooks.post("/twilio/voice/fallback", caller.params(Map.of("ErrorCode", "11200",
                "ErrorUrl", PUBLIC_BASE + "/twilio/voice"))));

        assertThat(answer.spoken()).contains("非常抱歉", "回电请按1");
        Twiml booked = caller.press(answer, "1");
        assertThat(booked.verbs()).containsExactly("Say", "Hangup");
        assertThat(ticketsOf(caller.phone)).extracting(t -> t.get("type").asString()).containsExactly("CALLBACK");
    }

    @Test
    void promptsComeFromTheAdminsFileWhenItOverridesThem() throws Exception {
        Files.writeString(server.dataDir().resolve("voice-prompts.properties"), "greeting=您好，这里是测试热线。\n");
        try {
            assertThat(newCaller().dial().spoken()).contains("这里是测试热线").contains("咨询请按1");
        } finally {
            Files.delete(server.dataDir().resolve("voice-prompts.properties"));
        }
        assertThat(newCaller().dial().spoken()).contains("欢迎致电");
    }

    // --- signatures ------------------------------------------------------------------------------

    @Test
    void aForgedSignatureIsRefusedAndChangesNothing() {
        Caller caller = newCaller();
        for (String path : List.of("/twilio/voice", "/twilio/voice/menu?attempt=1", "/twilio/voice/status",
                "/twilio/voice/recording", "/twilio/voice/fallback", "/twilio/voice/callback-offer?ticket=&attempt=1")) {
            Map<String, String> params = caller.params(Map.of("Digits", "9"));
            String forged = TwilioWebhooks.sign("not-the-auth-token", PUBLIC_BASE + path, params);
            TwilioWebhooks.Response r = webhooks.postSigned(path, params, forged, Map.of());
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(webhooks.postSigned(path, params, null, Map.of()).status()).as(path).isEqualTo(403);
        }
        assertThat(conversationOf(caller.phone)).isEmpty();
        assertThat(db.sql("SELECT COUNT(*) FROM voice_call WHERE call_sid = ?").param(caller.callSid).query(Long.class).single())
                .isZero();
    }

    // --- callbacks placed by agents --------------------------------------------------------------

    String bookedCallback(Caller caller) {
        caller.press(caller.dial(), "9");
        String ticket = onlyTicketOf(caller.phone).get("id").asString();
        return callbackTasks(ticket).get(0).get("id").toString();
    }

    Map<String, Object> task(String id) {
        return db.sql("SELECT status, attempts, outcome, due_at FROM callback_task WHERE id = ?").param(id).query().singleRow();
    }

    TwilioWebhooks.Response status(String callSid, String status) {
        return webhooks.post("/twilio/voice/status", Map.of("CallSid", callSid, "CallStatus", status,
                "AccountSid", TwilioStandIn.ACCOUNT_SID, "Direction", "outbound-api", "ApiVersion", "2010-04-01"));
    }

    @Test
    void anAgentPlacesTheCallbackThroughTwilioAndAnAnsweredCallKeepsThePromise() {
        Caller caller = newCaller();
        String taskId = bookedCallback(caller);

        Api.Response placed = api.post("/api/callbacks/" + taskId + "/call", agent, Map.of());

        assertThat(placed.status()).as(placed.raw()).isEqualTo(202);
        String callSid = placed.text("callSid");
        assertThat(callSid).startsWith("CA");
        assertThat(placed.body().get("dryRun").asBoolean()).isFalse();
        TwilioStandIn.Call call = twilio.calls().stream().filter(c -> caller.phone.equals(c.param("To"))).findFirst().orElseThrow();
        assertThat(call.authorized()).isTrue();
        assertThat(call.param("From")).isEqualTo(TwilioStandIn.FROM);
        assertThat(call.param("StatusCallback")).isEqualTo(PUBLIC_BASE + "/twilio/voice/status");
        Twiml spoken = Twiml.parse(call.param("Twiml"));
        assertThat(spoken.one("Say").getAttribute("language")).isEqualTo("zh-CN");
        assertThat(spoken.spoken()).contains("给您回电");
        assertThat(api.post("/api/callbacks/" + taskId + "/call", agent, Map.of()).status())
                .as("one call at a time").isEqualTo(409);

        assertThat(status(callSid, "ringing").status()).isEqualTo(204);
        assertThat(task(taskId).get("status")).isEqualTo("OPEN");
        assertThat(status(callSid, "in-progress").status()).isEqualTo(204);
        assertThat(status(callSid, "completed").status()).isEqualTo(204);

        Map<String, Object> done = task(taskId);
        assertThat(done.get("status")).isEqualTo("DONE");
        assertThat(done.get("outcome")).isEqualTo("REACHED");
        assertThat(((Number) done.get("attempts")).intValue()).isEqualTo(1);
        assertThat(db.sql("SELECT status FROM voice_call WHERE call_sid = ?").param(callSid).query(String.class).single())
                .isEqualTo("completed");
    }

    @Test
    void anUnansweredCallbackIsRetriedLaterAndDuplicateOrLateStatusesAreHarmless() {
        Caller caller = newCaller();
        String taskId = bookedCallback(caller);
        String first = api.post("/api/callbacks/" + taskId + "/call", agent, Map.of()).text("callSid");

        status(first, "no-answer");
        status(first, "no-answer");
        status(first, "ringing");

        Map<String, Object> retry = task(taskId);
        assertThat(retry.get("status")).isEqualTo("OPEN");
        assertThat(((Number) retry.get("attempts")).intValue()).isEqualTo(1);
        assertThat(retry.get("outcome")).isEqualTo("NO_ANSWER");
        assertThat(db.sql("SELECT status FROM voice_call WHERE call_sid = ?").param(first).query(String.class).single())
                .isEqualTo("no-answer");

        String second = api.post("/api/callbacks/" + taskId + "/call", agent, Map.of()).text("callSid");
        status(second, "completed");
        status(second, "in-progress");
        status(second, "completed");

        Map<String, Object> done = task(taskId);
        assertThat(done.get("status")).isEqualTo("DONE");
        assertThat(done.get("outcome")).isEqualTo("REACHED");
        assertThat(((Number) done.get("attempts")).intValue()).isEqualTo(2);
        assertThat(db.sql("SELECT status FROM voice_call WHERE call_sid = ?").param(second).query(String.class).single())
                .isEqualTo("completed");
    }

    @Test
    void aCallbackNobodyEverAnswersIsClosedAfterTheLastAttempt() {
        Caller caller = newCaller();
        String taskId = bookedCallback(caller);
        for (int i = 0; i < 3; i++) {
            String sid = api.post("/api/callbacks/" + taskId + "/call", agent, Map.of()).text("callSid");
            status(sid, "busy");
        }

        Map<String, Object> closed = task(taskId);
        assertThat(closed.get("status")).isEqualTo("DONE");
        assertThat(closed.get("outcome")).isEqualTo("NO_ANSWER");
        assertThat(((Number) closed.get("attempts")).intValue()).isEqualTo(3);
        assertThat(api.post("/api/callbacks/" + taskId + "/call", agent, Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aCallTwilioRefusesIsReportedAndDoesNotBlockTheNextAttempt() {
        Caller caller = newCaller();
        String taskId = bookedCallback(caller);
        twilio.failNext(400, 21215, "Geo Permission configuration is not permitting call");

        Api.Response refused = api.post("/api/callbacks/" + taskId + "/call", agent, Map.of());

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.text("error")).isEqualTo("twilio_error");
        assertThat(task(taskId).get("status")).isEqualTo("OPEN");
        assertThat(api.post("/api/callbacks/" + taskId + "/call", agent, Map.of()).status()).isEqualTo(202);
    }

    @Test
    void aCallWhoseLastStatusNeverArrivedDoesNotBlockTheTaskForEver() {
        String taskId = bookedCallback(newCaller());
        String lost = api.post("/api/callbacks/" + taskId + "/call", agent, Map.of()).text("callSid");
        status(lost, "ringing");
        assertThat(api.post("/api/callbacks/" + taskId + "/call", agent, Map.of()).status()).isEqualTo(409);

        db.sql("UPDATE voice_call SET updated_at = ? WHERE call_sid = ?")
                .params(java.time.OffsetDateTime.now().minus(CallbackDialer.SILENT_CALL).minusMinutes(1), lost).update();

        assertThat(api.post("/api/callbacks/" + taskId + "/call", agent, Map.of()).status()).isEqualTo(202);
    }

    @Test
    void onlyStaffWhoMayCallPlaceACallback() {
        String taskId = bookedCallback(newCaller());
        api.createStaff(admin, "voice-expert", "EXPERT", 5);
        String expert = api.loginStaff("voice-expert");

        assertThat(api.post("/api/callbacks/" + taskId + "/call", expert, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/callbacks/" + taskId + "/call", null, Map.of()).status()).isEqualTo(401);
        assertThat(api.post("/api/callbacks/no-such-task/call", agent, Map.of()).status()).isEqualTo(404);
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asString().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    @Test
    void aCallersSurveyArrivesBySmsAndATextedScoreAnswersItWithoutANewTicket() {
        Caller caller = newCaller();
        caller.press(caller.dial(), "2");
        // the caller rings on one agent, who answers: the ticket is theirs
        long offered = await().atMost(Duration.ofSeconds(10)).until(() -> db.sql(
                        "SELECT staff_id FROM voice_offer WHERE call_sid = ? AND outcome = 'OFFERED'")
                .param(caller.callSid).query(Long.class).optional().orElse(null), id -> id != null);
        String holder = api.get("/api/staff/me", agent).body().get("id").asLong() == offered ? agent : agent2;
        assertThat(api.post("/api/calls/" + caller.callSid + "/answer", holder, Map.of()).status()).isEqualTo(200);
        JsonNode ticket = onlyTicketOf(caller.phone);
        String id = ticket.get("id").asString();
        assertThat(ticket.get("assignee").asLong()).isEqualTo(offered);
        hangUp(caller);
        assertThat(api.post("/api/tickets/" + id + "/messages", holder, Map.of("text", "已电话回复客户处理方案。")).status()).isEqualTo(201);
        assertThat(api.post("/api/tickets/" + id + "/resolve", holder, "").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(caller.phone).stream()
                .anyMatch(c -> c.param("Body").contains("请为本次服务打分")));
        assertThat(webhooks.post("/twilio/sms", org.huiying.server.telephony.sms.TwilioPayloads.incomingSms(
                org.huiying.server.telephony.sms.TwilioPayloads.newMessageSid(), caller.phone, "4 处理得很快")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(caller.phone).stream()
                .anyMatch(c -> c.param("Body").contains("感谢您的评价")));
        assertThat(db.sql("SELECT score FROM survey WHERE ticket_id = ?").param(id).query(Integer.class).single()).isEqualTo(4);
        assertThat(db.sql("SELECT COUNT(*) FROM ticket WHERE status <> 'RESOLVED' AND conversation_id IN "
                + "(SELECT conversation_id FROM sms_thread WHERE phone = ?)").param(caller.phone).query(Integer.class).single()).isZero();
    }
}
