package org.huiying.server.telephony.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
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
 * The hotline answered by people, as agents and Twilio meet it: a caller who pressed a key rings on one
 * agent's console, the agent answers, and the caller's live call is redirected through the Calls API (to
 * a local stand-in) to TwiML that dials that agent's softphone. The offer timeout is driven by moving
 * the server's clock. Runs once per database (subclasses choose it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HotlineAgentsContract {

    static final String PUBLIC_BASE = "https://hotline.example.com";
    static final Duration OFFER_TIMEOUT = Duration.ofSeconds(20);
    static final Duration WRAP_UP = Duration.ofMinutes(2);
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final AtomicInteger CALLS = new AtomicInteger();

    final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    RunningServer server;
    TwilioStandIn twilio;
    TwilioWebhooks webhooks;
    Api api;
    String admin;
    JdbcClient db;
    final Map<Long, String> tokens = new HashMap<>();
    final Map<Long, StompClient> desks = new HashMap<>();
    long first;
    long second;

    protected abstract RunningServer newServer(String... args);

    @BeforeAll
    void start() {
        twilio = new TwilioStandIn();
        List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
        args.add("--huiying.public-base-url=" + PUBLIC_BASE);
        args.add("--huiying.voice.max-wait=PT30M");
        args.add("--huiying.voice.offer-timeout=" + OFFER_TIMEOUT);
        args.add("--huiying.voice.wrap-up=" + WRAP_UP);
        args.add("--huiying.voice.record=true");
        args.add("--huiying.twilio.api-key=SK0123456789abcdef0123456789abcdef");
        args.add("--huiying.twilio.api-secret=test-api-secret-0123456789abcdefghijkl");
        args.add("--huiying.twilio.twiml-app-sid=AP0123456789abcdef0123456789abcdef");
        args.add("--huiying.survey.quiet-hours=");
        server = newServer(args.toArray(String[]::new)).withClock(clock).start();
        api = server.api();
        admin = api.adminToken();
        db = server.bean(JdbcClient.class);
        webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), PUBLIC_BASE, TwilioStandIn.AUTH_TOKEN);
        first = agent("phone-agent-1");
        second = agent("phone-agent-2");
    }

    private long agent(String username) {
        long id = api.createStaff(admin, username, "AGENT", 50);
        tokens.put(id, api.loginStaff(username));
        StompClient desk = StompClient.connect(server.stompUri(), tokens.get(id));
        desk.subscribe("/user/queue/calls");
        server.awaitSubscribed(id, "/user/queue/calls");
        desks.put(id, desk);
        return id;
    }

    @AfterAll
    void stop() {
        desks.values().forEach(StompClient::close);
        if (server != null) {
            server.close();
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    @BeforeEach
    void bothAgentsAreOnline() {
        presence(first, "ONLINE");
        presence(second, "ONLINE");
    }

    /** Every caller a test left on the line hangs up and every wrap-up time runs out: the next test starts with free agents. */
    @AfterEach
    void waitingCallersHangUp() {
        for (String sid : db.sql("SELECT call_sid FROM voice_call WHERE ended_at IS NULL").query(String.class).list()) {
            status(sid, "completed");
        }
        clock.advance(WRAP_UP.plusSeconds(1));
    }

    void presence(long staffId, String status) {
        assertThat(api.put("/api/staff/me/presence", tokens.get(staffId), Map.of("status", status)).status()).isEqualTo(200);
    }

    /** A caller dials the hotline and presses 2 (complaint); returns their CallSid once they are in the queue. */
    String callerWaiting() {
        String phone = String.format("+86139%08d", 30_000_000 + NUMBERS.incrementAndGet() * 7);
        String sid = String.format("CA%032x", 0xa9e17000L + CALLS.incrementAndGet());
        Twiml menu = twiml(webhooks.post("/twilio/voice", params(sid, phone, Map.of("CallStatus", "ringing"))));
        Twiml queued = twiml(webhooks.postTo(menu.one("Gather").getAttribute("action"), params(sid, phone, Map.of("Digits", "2"))));
        assertThat(queued.verbs()).containsExactly("Say", "Enqueue");
        return sid;
    }

    void status(String callSid, String status) {
        String phone = db.sql("SELECT phone FROM voice_call WHERE call_sid = ?").param(callSid).query(String.class).single();
        assertThat(webhooks.post("/twilio/voice/status", params(callSid, phone, Map.of("CallStatus", status))).status()).isEqualTo(204);
    }

    static Map<String, String> params(String callSid, String phone, Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of("CallSid", callSid, "AccountSid", TwilioStandIn.ACCOUNT_SID,
                "From", phone, "To", TwilioStandIn.FROM, "CallStatus", "in-progress", "Direction", "inbound",
                "ApiVersion", "2010-04-01"));
        p.putAll(extra);
        return p;
    }

    static Twiml twiml(TwilioWebhooks.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return Twiml.parse(r.body());
    }

    /** The latest call Twilio was asked to place to {@code to} (an agent's softphone or phone). */
    TwilioStandIn.Call legTo(String to) {
        List<TwilioStandIn.Call> placed = twilio.calls().stream().filter(c -> to.equals(c.param("To"))).toList();
        assertThat(placed).as("a call placed to %s", to).isNotEmpty();
        return placed.get(placed.size() - 1);
    }

    /** Twilio's conference callback as the caller joins their conference: it names the conference. */
    String conferenceStarted(String callSid) {
        String conferenceSid = String.format("CF%032x", 0xc0f000L + CALLS.incrementAndGet());
        Map<String, String> event = new HashMap<>(Map.of("AccountSid", TwilioStandIn.ACCOUNT_SID, "ConferenceSid", conferenceSid,
                "FriendlyName", "hotline-" + callSid, "StatusCallbackEvent", "participant-join", "CallSid", callSid,
                "Muted", "false", "Hold", "false", "EndConferenceOnExit", "true", "StartConferenceOnEnter", "false",
                "SequenceNumber", "1"));
        assertThat(webhooks.post("/twilio/voice/conference?call=" + callSid, event).status()).isEqualTo(204);
        return conferenceSid;
    }

    /** Twilio's status callback of a call placed to an agent. */
    void legStatus(String callSid, long staffId, String legSid, String status) {
        Map<String, String> p = Map.of("CallSid", legSid, "AccountSid", TwilioStandIn.ACCOUNT_SID, "From", TwilioStandIn.FROM,
                "To", "client:" + staffId, "CallStatus", status, "Direction", "outbound-api", "ApiVersion", "2010-04-01");
        assertThat(webhooks.post("/twilio/voice/agent-leg?call=" + callSid + "&staff=" + staffId, p).status()).isEqualTo(204);
    }

    List<TwilioStandIn.Call> participantUpdates(String conferenceSid, String participant) {
        return twilio.participantUpdates().stream()
                .filter(u -> u.path().endsWith("/Conferences/" + conferenceSid + "/Participants/" + participant + ".json")).toList();
    }

    /** The offer of this call that rings on some agent's console: who got it. */
    long offeredTo(String callSid) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> db.sql(
                        "SELECT staff_id FROM voice_offer WHERE call_sid = ? AND outcome = 'OFFERED'")
                .param(callSid).query(Long.class).optional().orElse(null), id -> id != null);
    }

    JsonNode pushTo(long staffId, String type, String callSid) {
        return desks.get(staffId).await(f -> f.command().equals("MESSAGE") && f.body().contains("\"" + type + "\"")
                && f.body().contains(callSid)).json();
    }

    Api.Response answer(String callSid, long staffId) {
        return api.post("/api/calls/" + callSid + "/answer", tokens.get(staffId), Map.of());
    }

    long other(long agent) {
        return agent == first ? second : first;
    }

    @Test
    void aCallerWhoPressedAKeyRingsOnOneAgentAndIsBridgedToTheAgentWhoAnswers() {
        String sid = callerWaiting();
        long agent = offeredTo(sid);
        JsonNode offer = pushTo(agent, "offer", sid);
        assertThat(offer.get("caller").asString()).matches("139\\*{4}\\d{4}");
        assertThat(offer.get("ticketType").asString()).isEqualTo("COMPLAINT");
        String ticketId = offer.get("ticketId").asString();

        Api.Response answered = answer(sid, agent);
        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        assertThat(answered.body().get("bridged").asBoolean()).isTrue();
        assertThat(answered.body().get("identity").asString()).isEqualTo(Long.toString(agent));

        TwilioStandIn.Call update = twilio.callUpdates().stream().filter(c -> c.path().endsWith("/Calls/" + sid + ".json"))
                .findFirst().orElseThrow();
        assertThat(update.authorized()).isTrue();
        Twiml bridge = Twiml.parse(update.param("Twiml"));
        assertThat(bridge.verbs()).containsExactly("Say", "Dial");
        assertThat(bridge.one("Say").getTextContent()).as("the caller is told before anything is recorded").contains("录音");
        Element room = bridge.one("Conference");
        assertThat(room.getTextContent()).as("the caller waits in a conference of their own").isEqualTo("hotline-" + sid);
        assertThat(room.getAttribute("participantLabel")).isEqualTo("caller");
        assertThat(room.getAttribute("startConferenceOnEnter")).isEqualTo("false");
        assertThat(room.getAttribute("endConferenceOnExit")).as("the caller hanging up ends it for everyone").isEqualTo("true");
        assertThat(room.getAttribute("waitUrl")).isEqualTo(PUBLIC_BASE + "/twilio/voice/hold?for=connecting");
        assertThat(room.getAttribute("statusCallback")).isEqualTo(PUBLIC_BASE + "/twilio/voice/conference?call=" + sid);
        assertThat(room.getAttribute("record")).isEqualTo("record-from-start");
        String recordingCallback = room.getAttribute("recordingStatusCallback");
        assertThat(recordingCallback).isEqualTo(PUBLIC_BASE + "/twilio/voice/call-recording?ticket=" + ticketId);
        Twiml connecting = twiml(webhooks.postTo(room.getAttribute("waitUrl"), params(sid, "+8613900000000", Map.of())));
        assertThat(connecting.verbs()).containsExactly("Say", "Pause", "Redirect");
        assertThat(connecting.one("Say").getTextContent()).contains("正在为您接通");

        // the agent's softphone is called into the same conference, from the hotline's number
        TwilioStandIn.Call leg = legTo("client:" + agent);
        assertThat(leg.authorized()).isTrue();
        assertThat(leg.param("From")).isEqualTo(TwilioStandIn.FROM);
        assertThat(leg.param("StatusCallback")).isEqualTo(PUBLIC_BASE + "/twilio/voice/agent-leg?call=" + sid + "&staff=" + agent);
        assertThat(answered.body().get("legSid").asString()).startsWith("CA");
        Twiml agentSide = Twiml.parse(leg.param("Twiml"));
        assertThat(agentSide.verbs()).containsExactly("Dial");
        assertThat(agentSide.one("Conference").getTextContent()).isEqualTo("hotline-" + sid);
        assertThat(agentSide.one("Conference").getAttribute("participantLabel")).isEqualTo("agent-" + agent);
        assertThat(agentSide.one("Conference").getAttribute("endConferenceOnExit")).isEqualTo("true");

        Map<String, Object> ticket = db.sql("SELECT assignee_id, first_responded_at, status FROM ticket WHERE id = ?")
                .param(ticketId).query().singleRow();
        assertThat(((Number) ticket.get("assignee_id")).longValue()).isEqualTo(agent);
        assertThat(ticket.get("first_responded_at")).as("the bridge is the first response").isNotNull();
        assertThat(db.sql("SELECT kind FROM sla_event WHERE ticket_id = ? AND kind = 'MET'").param(ticketId).query(String.class).list())
                .hasSize(1);

        // the recording, once Twilio has it, is linked on the ticket's conversation — once, however often Twilio tells us
        Map<String, String> recorded = Map.of("AccountSid", TwilioStandIn.ACCOUNT_SID, "CallSid", sid,
                "RecordingSid", "RE0123456789abcdef0123456789abcdef", "RecordingStatus", "completed", "RecordingDuration", "42",
                "RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Recordings/RE0123456789abcdef0123456789abcdef");
        for (int i = 0; i < 2; i++) {
            assertThat(webhooks.postTo(recordingCallback, recorded).status()).isEqualTo(204);
        }
        String conversationId = db.sql("SELECT conversation_id FROM ticket WHERE id = ?").param(ticketId).query(String.class).single();
        List<String> recordings = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            recordings.clear();
            api.get("/api/conversations/" + conversationId + "/messages", admin).body().forEach(m -> {
                if (m.get("text").asString().startsWith("通话录音")) {
                    recordings.add(m.get("text").asString());
                }
            });
            assertThat(recordings).hasSize(1);
        });
        assertThat(recordings.get(0)).contains("42秒").contains("/Recordings/RE0123456789abcdef");
    }

    /** A caller waiting, offered and answered; returns {agent, the agent's call (leg)}. */
    private Object[] answered(String sid) {
        long agent = offeredTo(sid);
        pushTo(agent, "offer", sid);
        Api.Response answered = answer(sid, agent);
        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        return new Object[] {agent, answered.body().get("legSid").asString()};
    }

    @Test
    void theAgentHoldsTheCallerAndTakesThemBackAndTheTimeOnHoldIsRecordedOnTheCall() {
        String sid = callerWaiting();
        long agent = (long) answered(sid)[0];
        Api.Response early = api.post("/api/calls/" + sid + "/hold", tokens.get(agent), Map.of());
        assertThat(early.status()).as("no conference yet to hold the caller in").isEqualTo(409);
        assertThat(early.body().get("error").asString()).isEqualTo("not_connected");
        String conference = conferenceStarted(sid);

        Api.Response held = api.post("/api/calls/" + sid + "/hold", tokens.get(agent), Map.of());
        assertThat(held.status()).as(held.raw()).isEqualTo(200);
        assertThat(held.body().get("held").asBoolean()).isTrue();
        List<TwilioStandIn.Call> updates = participantUpdates(conference, sid);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).authorized()).isTrue();
        assertThat(updates.get(0).param("Hold")).isEqualTo("true");
        assertThat(updates.get(0).param("HoldMethod")).isEqualTo("POST");
        String holdUrl = updates.get(0).param("HoldUrl");
        assertThat(holdUrl).isEqualTo(PUBLIC_BASE + "/twilio/voice/hold?for=hold");
        Twiml music = twiml(webhooks.postTo(holdUrl, params(sid, "+8613900000000", Map.of())));
        assertThat(music.verbs()).containsExactly("Say", "Pause", "Redirect");
        assertThat(music.one("Say").getAttribute("language")).isEqualTo("zh-CN");
        assertThat(music.one("Say").getTextContent()).contains("保持");
        assertThat(music.one("Redirect").getTextContent()).as("it plays again until the caller is taken back").isEqualTo(holdUrl);

        assertThat(api.post("/api/calls/" + sid + "/hold", tokens.get(agent), Map.of()).status()).isEqualTo(200);
        assertThat(participantUpdates(conference, sid)).as("holding a held caller asks Twilio nothing").hasSize(1);
        Api.Response notYours = api.post("/api/calls/" + sid + "/resume", tokens.get(other(agent)), Map.of());
        assertThat(notYours.status()).isEqualTo(409);
        assertThat(notYours.body().get("error").asString()).isEqualTo("not_your_call");
        assertThat(api.post("/api/calls/CA00000000000000000000000000000000/hold", tokens.get(agent), Map.of()).status()).isEqualTo(404);

        clock.advance(Duration.ofSeconds(45));
        Api.Response resumed = api.post("/api/calls/" + sid + "/resume", tokens.get(agent), Map.of());
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.body().get("held").asBoolean()).isFalse();
        assertThat(resumed.body().get("holdSeconds").asLong()).isEqualTo(45);
        assertThat(participantUpdates(conference, sid)).hasSize(2).last().satisfies(u -> {
            assertThat(u.param("Hold")).isEqualTo("false");
            assertThat(u.param("HoldUrl")).isNull();
        });

        // held again and the caller hangs up on hold: that time counts too, and a call that is over is held no more
        assertThat(api.post("/api/calls/" + sid + "/hold", tokens.get(agent), Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(10));
        status(sid, "completed");
        assertThat(db.sql("SELECT hold_seconds FROM voice_call WHERE call_sid = ?").param(sid).query(Long.class).single()).isEqualTo(55);
        Api.Response over = api.post("/api/calls/" + sid + "/resume", tokens.get(agent), Map.of());
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.body().get("error").asString()).isEqualTo("call_ended");
    }

    @Test
    void aWarmTransferRingsOnTheColleagueWhoHearsAWhisperOfTheTicketAndTheCallStaysOneTicketNowTheirs() {
        String sid = callerWaiting();
        Object[] first = answered(sid);
        long agent = (long) first[0];
        String agentLeg = (String) first[1];
        long colleague = other(agent);
        String conference = conferenceStarted(sid);
        String ticketId = db.sql("SELECT ticket_id FROM voice_call WHERE call_sid = ?").param(sid).query(String.class).single();
        Object firstResponse = db.sql("SELECT first_responded_at FROM ticket WHERE id = ?").param(ticketId).query().singleValue();

        JsonNode targets = api.get("/api/calls/" + sid + "/transfer-targets", tokens.get(agent)).body();
        List<Long> free = new ArrayList<>();
        targets.forEach(t -> {
            if (t.get("free").asBoolean()) {
                free.add(t.get("staffId").asLong());
            }
        });
        assertThat(free).contains(colleague).doesNotContain(agent);
        assertThat(api.get("/api/calls/" + sid + "/transfer-targets", tokens.get(colleague)).status()).isEqualTo(409);

        assertThat(transfer(sid, agent, Map.of()).status()).isEqualTo(400);
        assertThat(transfer(sid, agent, Map.of("toStaffId", agent)).status()).isEqualTo(400);
        assertThat(transfer(sid, agent, Map.of("toStaffId", 987_654_321)).status()).isEqualTo(404);
        assertThat(transfer("CA00000000000000000000000000000000", agent, Map.of("toStaffId", colleague)).status()).isEqualTo(404);
        Api.Response notYours = transfer(sid, colleague, Map.of("toStaffId", agent));
        assertThat(notYours.status()).isEqualTo(409);
        assertThat(notYours.body().get("error").asString()).isEqualTo("not_your_call");

        Api.Response asked = transfer(sid, agent, Map.of("toStaffId", colleague));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(202);
        JsonNode ringing = pushTo(colleague, "offer", sid);
        assertThat(ringing.get("transfer").asBoolean()).isTrue();
        assertThat(ringing.get("ticketId").asString()).isEqualTo(ticketId);
        assertThat(ringing.get("from").asString()).isEqualTo("phone-agent-" + (agent == this.first ? 1 : 2));
        assertThat(ringing.get("caller").asString()).matches("139\\*{4}\\d{4}");
        Api.Response twice = transfer(sid, agent, Map.of("toStaffId", colleague));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("error").asString()).isEqualTo("transfer_in_progress");

        clock.advance(Duration.ofSeconds(5));
        Api.Response taken = answer(sid, colleague);
        assertThat(taken.status()).as(taken.raw()).isEqualTo(200);
        assertThat(taken.body().get("transfer").asBoolean()).isTrue();
        assertThat(taken.body().get("ticketId").asString()).isEqualTo(ticketId);
        assertThat(pushTo(agent, "transfer-answered", sid).get("toStaffId").asLong()).isEqualTo(colleague);

        // the colleague's softphone is called with a whisper of the ticket, heard before joining the caller's conference
        TwilioStandIn.Call leg = legTo("client:" + colleague);
        Twiml whispered = Twiml.parse(leg.param("Twiml"));
        assertThat(whispered.verbs()).containsExactly("Say", "Dial");
        Element whisper = whispered.one("Say");
        assertThat(whisper.getAttribute("language")).isEqualTo("zh-CN");
        assertThat(whisper.getAttribute("voice")).isEqualTo("Polly.Zhiyu");
        assertThat(whisper.getTextContent()).startsWith("转接：投诉工单").contains(ticketId).contains("客户已等待").doesNotContain("{");
        assertThat(whispered.one("Conference").getTextContent()).isEqualTo("hotline-" + sid);
        assertThat(whispered.one("Conference").getAttribute("endConferenceOnExit")).isEqualTo("true");
        // the two agents talk with the caller held; the first one leaving no longer ends the call
        assertThat(participantUpdates(conference, agentLeg)).singleElement()
                .satisfies(u -> assertThat(u.param("EndConferenceOnExit")).isEqualTo("false"));
        assertThat(participantUpdates(conference, sid)).singleElement().satisfies(u -> {
            assertThat(u.param("Hold")).isEqualTo("true");
            assertThat(u.param("HoldUrl")).isEqualTo(PUBLIC_BASE + "/twilio/voice/hold?for=transfer");
        });

        // one ticket, now the colleague's, its first response as it was
        Map<String, Object> ticket = db.sql("SELECT assignee_id, first_responded_at FROM ticket WHERE id = ?").param(ticketId).query().singleRow();
        assertThat(((Number) ticket.get("assignee_id")).longValue()).isEqualTo(colleague);
        assertThat(ticket.get("first_responded_at")).isEqualTo(firstResponse);
        assertThat(db.sql("SELECT COUNT(*) FROM ticket WHERE conversation_id = (SELECT conversation_id FROM ticket WHERE id = ?)")
                .param(ticketId).query(Long.class).single()).isEqualTo(1);
        assertThat(db.sql("SELECT COUNT(*) FROM sla_event WHERE ticket_id = ? AND kind = 'MET'").param(ticketId).query(Long.class).single())
                .isEqualTo(1);
        Api.Response onlyTheColleague = api.post("/api/calls/" + sid + "/hold", tokens.get(agent), Map.of());
        assertThat(onlyTheColleague.body().get("error").asString()).isEqualTo("not_your_call");

        Api.Response done = api.post("/api/calls/" + sid + "/transfer/complete", tokens.get(agent), Map.of());
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        assertThat(participantUpdates(conference, sid)).hasSize(2).last().satisfies(u -> assertThat(u.param("Hold")).isEqualTo("false"));
        assertThat(twilio.callUpdates().stream().filter(c -> c.path().endsWith("/Calls/" + agentLeg + ".json")))
                .singleElement().satisfies(u -> assertThat(u.param("Status")).isEqualTo("completed"));
        pushTo(colleague, "transfer-completed", sid);
        assertThat(api.post("/api/calls/" + sid + "/transfer/complete", tokens.get(agent), Map.of()).status()).isEqualTo(409);

        // the caller hangs up: the wrap-up is asked of the colleague, who ended the call with them
        status(sid, "completed");
        assertThat(pushTo(colleague, "wrap-up", sid).get("ticketId").asString()).isEqualTo(ticketId);
        assertThat(api.post("/api/calls/" + sid + "/wrap-up", tokens.get(agent), Map.of("outcome", "已转专家", "resolved", false))
                .status()).isEqualTo(404);
        assertThat(api.post("/api/calls/" + sid + "/wrap-up", tokens.get(colleague), Map.of("outcome", "专家已解答", "resolved", false))
                .status()).isEqualTo(204);
    }

    Api.Response transfer(String callSid, long staffId, Map<String, ?> body) {
        return api.post("/api/calls/" + callSid + "/transfer", tokens.get(staffId), body);
    }

    @Test
    void aTransferTheColleagueDoesNotTakeInTimeLeavesTheCallerWithTheFirstAgent() {
        String sid = callerWaiting();
        long agent = (long) answered(sid)[0];
        long colleague = other(agent);
        String conference = conferenceStarted(sid);
        String ticketId = db.sql("SELECT ticket_id FROM voice_call WHERE call_sid = ?").param(sid).query(String.class).single();
        assertThat(transfer(sid, agent, Map.of("toStaffId", colleague)).status()).isEqualTo(202);
        pushTo(colleague, "offer", sid);

        clock.advance(OFFER_TIMEOUT.plusSeconds(1));
        assertThat(pushTo(colleague, "withdrawn", sid).get("reason").asString()).isEqualTo("missed");
        JsonNode failed = pushTo(agent, "transfer-failed", sid);
        assertThat(failed.get("reason").asString()).isEqualTo("missed");
        assertThat(failed.get("toStaffId").asLong()).isEqualTo(colleague);
        assertThat(db.sql("SELECT answered_by FROM voice_call WHERE call_sid = ?").param(sid).query(Long.class).single()).isEqualTo(agent);
        assertThat(db.sql("SELECT assignee_id FROM ticket WHERE id = ?").param(ticketId).query(Long.class).single()).isEqualTo(agent);
        assertThat(participantUpdates(conference, sid)).as("the caller was never held").isEmpty();
        assertThat(twilio.calls().stream().filter(c -> ("client:" + colleague).equals(c.param("To"))
                && c.param("Twiml").contains("hotline-" + sid))).as("nobody called the colleague").isEmpty();
        Api.Response late = answer(sid, colleague);
        assertThat(late.status()).isEqualTo(409);

        // asked again, and taken back while it rings
        assertThat(transfer(sid, agent, Map.of("toStaffId", colleague)).status()).isEqualTo(202);
        assertThat(api.delete("/api/calls/" + sid + "/transfer", tokens.get(agent)).status()).isEqualTo(204);
        assertThat(pushTo(colleague, "withdrawn", sid).get("reason").asString()).isEqualTo("transfer-cancelled");
        assertThat(api.delete("/api/calls/" + sid + "/transfer", tokens.get(agent)).status()).isEqualTo(409);
        assertThat(api.post("/api/calls/" + sid + "/hold", tokens.get(agent), Map.of()).status()).as("still the agent's call").isEqualTo(200);
    }

    @Test
    void aColleagueWhoseCallNeverConnectsHandsTheCallerAndTheTicketBackToTheFirstAgent() {
        String sid = callerWaiting();
        Object[] first = answered(sid);
        long agent = (long) first[0];
        String agentLeg = (String) first[1];
        long colleague = other(agent);
        String conference = conferenceStarted(sid);
        String ticketId = db.sql("SELECT ticket_id FROM voice_call WHERE call_sid = ?").param(sid).query(String.class).single();
        assertThat(transfer(sid, agent, Map.of("toStaffId", colleague)).status()).isEqualTo(202);
        Api.Response taken = answer(sid, colleague);
        assertThat(taken.status()).isEqualTo(200);
        String colleagueLeg = taken.body().get("legSid").asString();

        legStatus(sid, colleague, colleagueLeg, "no-answer");
        JsonNode failed = pushTo(agent, "transfer-failed", sid);
        assertThat(failed.get("reason").asString()).isEqualTo("not-connected");
        assertThat(db.sql("SELECT answered_by FROM voice_call WHERE call_sid = ?").param(sid).query(Long.class).single()).isEqualTo(agent);
        assertThat(db.sql("SELECT assignee_id FROM ticket WHERE id = ?").param(ticketId).query(Long.class).single()).isEqualTo(agent);
        assertThat(participantUpdates(conference, agentLeg)).last()
                .satisfies(u -> assertThat(u.param("EndConferenceOnExit")).isEqualTo("true"));
        assertThat(participantUpdates(conference, sid)).last().satisfies(u -> assertThat(u.param("Hold")).isEqualTo("false"));
        // Twilio telling it twice changes nothing more
        legStatus(sid, colleague, colleagueLeg, "no-answer");
        assertThat(participantUpdates(conference, sid)).hasSize(2);
    }

    @Test
    void anAgentWhoseCallNeverConnectsGivesTheCallerBackToTheQueue() {
        String sid = callerWaiting();
        Object[] first = answered(sid);
        long agent = (long) first[0];
        legStatus(sid, agent, (String) first[1], "no-answer");
        assertThat(pushTo(agent, "ended", sid).get("reason").asString()).isEqualTo("not-connected");
        List<TwilioStandIn.Call> updates = twilio.callUpdates().stream().filter(c -> c.path().endsWith("/Calls/" + sid + ".json")).toList();
        assertThat(updates).hasSize(2);
        Twiml back = Twiml.parse(updates.get(1).param("Twiml"));
        assertThat(back.verbs()).containsExactly("Say", "Enqueue");
        assertThat(back.one("Enqueue").getTextContent()).isEqualTo("complaint");
        long next = offeredTo(sid);
        assertThat(answer(sid, next).status()).isEqualTo(200);
    }

    @Test
    void afterAnAnsweredCallTheAgentWrapsUpBeforeTheNextCallerRingsAndCanResolveTheTicket() {
        String sid = callerWaiting();
        long agent = offeredTo(sid);
        String ticketId = pushTo(agent, "offer", sid).get("ticketId").asString();
        assertThat(answer(sid, agent).status()).isEqualTo(200);
        Api.Response early = api.post("/api/calls/" + sid + "/wrap-up", tokens.get(agent), Map.of("outcome", "已解答", "resolved", true));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("error").asString()).isEqualTo("call_in_progress");

        status(sid, "completed");
        JsonNode asked = pushTo(agent, "wrap-up", sid);
        assertThat(asked.get("ticketId").asString()).isEqualTo(ticketId);
        presence(other(agent), "OFFLINE");
        String next = callerWaiting();
        long ringing = db.sql("SELECT COUNT(*) FROM voice_offer WHERE call_sid = ?").param(next).query(Long.class).single();
        assertThat(ringing).as("nobody is free while the only online agent writes the wrap-up").isZero();

        assertThat(api.post("/api/calls/" + sid + "/wrap-up", tokens.get(agent), Map.of("outcome", "", "resolved", true)).status())
                .isEqualTo(400);
        assertThat(api.post("/api/calls/" + sid + "/wrap-up", tokens.get(other(agent)), Map.of("outcome", "代写", "resolved", true))
                .status()).isEqualTo(404);
        assertThat(api.post("/api/calls/" + sid + "/wrap-up", tokens.get(agent),
                Map.of("outcome", "客户的充电问题已远程指导解决", "resolved", true)).status()).isEqualTo(204);
        assertThat(db.sql("SELECT status FROM ticket WHERE id = ?").param(ticketId).query(String.class).single()).isEqualTo("RESOLVED");
        assertThat(db.sql("SELECT wrap_up_outcome FROM voice_call WHERE call_sid = ?").param(sid).query(String.class).single())
                .isEqualTo("客户的充电问题已远程指导解决");
        assertThat(api.post("/api/calls/" + sid + "/wrap-up", tokens.get(agent), Map.of("outcome", "再写一次", "resolved", false))
                .status()).isEqualTo(409);
        assertThat(offeredTo(next)).as("wrapped up, the agent takes the next caller").isEqualTo(agent);
    }

    @Test
    void anAgentWhoDoesNotWrapUpInTimeIsFreeForTheNextCallerAllTheSame() {
        String sid = callerWaiting();
        long agent = offeredTo(sid);
        pushTo(agent, "offer", sid);
        assertThat(answer(sid, agent).status()).isEqualTo(200);
        status(sid, "completed");
        pushTo(agent, "wrap-up", sid);
        presence(other(agent), "OFFLINE");
        String next = callerWaiting();
        clock.advance(WRAP_UP.plusSeconds(1));
        assertThat(offeredTo(next)).isEqualTo(agent);
    }

    @Test
    void exactlyOneAnswerWinsACaller() {
        String sid = callerWaiting();
        long agent = offeredTo(sid);
        List<CompletableFuture<Integer>> racing = List.of(
                CompletableFuture.supplyAsync(() -> answer(sid, agent).status()),
                CompletableFuture.supplyAsync(() -> answer(sid, agent).status()),
                CompletableFuture.supplyAsync(() -> answer(sid, other(agent)).status()));
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
        Api.Response again = answer(sid, other(agent));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("error").asString()).isEqualTo("already_answered");
        assertThat(twilio.callUpdates().stream().filter(c -> c.path().endsWith("/Calls/" + sid + ".json"))).hasSize(1);
    }

    @Test
    void anOfferNotTakenInTimeGoesToTheNextAgent() {
        String sid = callerWaiting();
        long missed = offeredTo(sid);
        pushTo(missed, "offer", sid);
        clock.advance(OFFER_TIMEOUT.plusSeconds(1));
        assertThat(pushTo(missed, "withdrawn", sid).get("reason").asString()).isEqualTo("missed");
        long next = offeredTo(sid);
        assertThat(next).isEqualTo(other(missed));
        pushTo(next, "offer", sid);
        assertThat(db.sql("SELECT outcome FROM voice_offer WHERE call_sid = ? AND staff_id = ?").params(sid, missed)
                .query(String.class).list()).containsExactly("MISSED");
        Api.Response late = answer(sid, missed);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("error").asString()).isEqualTo("not_offered");
        assertThat(answer(sid, next).status()).isEqualTo(200);
    }

    @Test
    void threeMissedOffersInARowSetTheAgentAway() {
        presence(second, "OFFLINE");
        String sid = callerWaiting();
        for (int miss = 1; miss <= 3; miss++) {
            final int expected = miss;
            assertThat(offeredTo(sid)).isEqualTo(first);
            clock.advance(OFFER_TIMEOUT.plusSeconds(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> db.sql(
                    "SELECT COUNT(*) FROM voice_offer WHERE call_sid = ? AND outcome = 'MISSED'").param(sid).query(Long.class).single() == expected);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "AWAY".equals(api.get("/api/staff/me", tokens.get(first)).body()
                .get("presence").asString()));
        assertThat(db.sql("SELECT COUNT(*) FROM voice_offer WHERE call_sid = ? AND outcome = 'OFFERED'").param(sid)
                .query(Long.class).single()).as("nobody online is left to ring").isZero();
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingStopsRingingAndCannotBeAnswered() {
        String sid = callerWaiting();
        long agent = offeredTo(sid);
        pushTo(agent, "offer", sid);
        status(sid, "completed");
        assertThat(pushTo(agent, "withdrawn", sid).get("reason").asString()).isEqualTo("caller-left");
        Api.Response answered = answer(sid, agent);
        assertThat(answered.status()).isEqualTo(409);
        assertThat(answered.body().get("error").asString()).isEqualTo("call_ended");
        assertThat(twilio.callUpdates().stream().filter(c -> c.path().endsWith("/Calls/" + sid + ".json"))).isEmpty();
    }

    @Test
    void aWaitingCallersTicketIsNeverHandedOutAsChatWorkAndOnceTheyHangUpItIsQueuedWorkWithACallback() {
        String sid = callerWaiting();
        String ticketId = db.sql("SELECT ticket_id FROM voice_call WHERE call_sid = ?").param(sid).query(String.class).single();
        offeredTo(sid);
        // a text opened after the call is handed out by the ticket dispatcher: a pass ran with the caller's ticket in the queue
        String texter = String.format("+86139%08d", 40_000_000 + NUMBERS.incrementAndGet() * 7);
        assertThat(webhooks.post("/twilio/sms", org.huiying.server.telephony.sms.TwilioPayloads.incomingSms(
                org.huiying.server.telephony.sms.TwilioPayloads.newMessageSid(), texter, "你好，想咨询一下保养套餐的价格")).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("""
                SELECT COUNT(*) FROM ticket WHERE assignee_id IS NOT NULL
                AND conversation_id IN (SELECT conversation_id FROM sms_thread WHERE phone = ?)""").param(texter).query(Long.class).single() == 1);
        Map<String, Object> waiting = db.sql("SELECT status, assignee_id FROM ticket WHERE id = ?").param(ticketId).query().singleRow();
        assertThat(waiting.get("status")).as("the caller is the phone's to offer, not chat work").isEqualTo("OPEN");
        assertThat(waiting.get("assignee_id")).isNull();

        clock.advance(Duration.ofSeconds(75));
        status(sid, "completed");
        await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("SELECT assignee_id FROM ticket WHERE id = ?").param(ticketId)
                .query(Long.class).optional().isPresent());
        assertThat(db.sql("SELECT status FROM ticket WHERE id = ?").param(ticketId).query(String.class).single()).isEqualTo("ASSIGNED");
        assertThat(db.sql("SELECT reason FROM callback_task WHERE ticket_id = ? AND status = 'OPEN'").param(ticketId)
                .query(String.class).list()).as("someone calls the caller back").containsExactly("CALLER_REQUEST");
        String conversationId = db.sql("SELECT conversation_id FROM ticket WHERE id = ?").param(ticketId).query(String.class).single();
        List<String> texts = new ArrayList<>();
        api.get("/api/conversations/" + conversationId + "/messages", admin).body().forEach(m -> texts.add(m.get("text").asString()));
        assertThat(texts).anyMatch(t -> t.contains("排队等待1分15秒后挂断") && t.contains("请尽快回拨"));
    }

    @Test
    void theAgentsWrittenReplyOnAHotlineTicketIsTextedToTheCallerUnlessTheyOptedOut() {
        String sid = callerWaiting();
        long agent = offeredTo(sid);
        String ticketId = pushTo(agent, "offer", sid).get("ticketId").asString();
        assertThat(answer(sid, agent).status()).isEqualTo(200);
        String phone = db.sql("SELECT phone FROM voice_call WHERE call_sid = ?").param(sid).query(String.class).single();

        assertThat(api.post("/api/tickets/" + ticketId + "/messages", tokens.get(agent), Map.of("text", "您好，预约已登记，明早九点服务站联系您。"))
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.acceptedTo(phone) == 1);
        assertThat(twilio.sendsTo(phone)).singleElement().satisfies(send -> assertThat(send.param("Body")).contains("明早九点"));

        assertThat(webhooks.post("/twilio/sms", org.huiying.server.telephony.sms.TwilioPayloads.incomingSms(
                org.huiying.server.telephony.sms.TwilioPayloads.newMessageSid(), phone, "退订")).status()).isEqualTo(200);
        assertThat(api.post("/api/tickets/" + ticketId + "/messages", tokens.get(agent), Map.of("text", "再次确认预约时间。"))
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> db.sql(
                "SELECT COUNT(*) FROM sms_outbox WHERE to_phone = ? AND state = 'BLOCKED'").param(phone).query(Long.class).single() == 1);
        assertThat(twilio.acceptedTo(phone)).isEqualTo(1);
    }

    @Test
    void theFloorSeesCallersWaitingAndTheServiceLevelExactly() {
        String supervisor = supervisor();
        clock.advance(Duration.ofDays(1));
        Instant from = clock.instant();
        String a = callerWaiting();
        long agent = offeredTo(a);
        clock.advance(Duration.ofSeconds(5));
        assertThat(answer(a, agent).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(60));
        status(a, "completed");                     // answered after 5 s, talked 60 s
        String b = callerWaiting();
        offeredTo(b);
        clock.advance(Duration.ofSeconds(10));
        status(b, "completed");                     // hung up after waiting 10 s: abandoned
        String c = callerWaiting();
        offeredTo(c);
        clock.advance(Duration.ofSeconds(15));      // still waiting, 15 s so far

        JsonNode live = api.get("/api/calls/live", supervisor).body();
        assertThat(live.get("waiting").asLong()).isEqualTo(1);
        assertThat(live.get("longestWaitSeconds").asLong()).isEqualTo(15);
        assertThat(live.get("agentsOnCalls").asLong()).isZero();
        assertThat(live.get("ringing").asLong()).isEqualTo(1);

        JsonNode report = api.get("/api/reports/calls?from=" + from + "&to=" + clock.instant(), supervisor).body();
        assertThat(report.get("offered").asLong()).isEqualTo(3);
        assertThat(report.get("answered").asLong()).isEqualTo(1);
        assertThat(report.get("abandoned").asLong()).isEqualTo(1);
        assertThat(report.get("averageSpeedOfAnswerSeconds").asDouble()).isEqualTo(5.0);
        assertThat(report.get("serviceLevelThresholdSeconds").asLong()).isEqualTo(20);
        assertThat(report.get("serviceLevel").asDouble()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.get("longestWaitSeconds").asLong()).isEqualTo(15);
        assertThat(report.get("averageHandleSeconds").asDouble()).isEqualTo(60.0);

        assertThat(api.get("/api/reports/calls?from=" + clock.instant() + "&to=" + from, supervisor).status()).isEqualTo(400);
        assertThat(api.get("/api/reports/calls?from=" + from.minus(Duration.ofDays(401)) + "&to=" + from, supervisor).status())
                .isEqualTo(400);
        assertThat(api.get("/api/reports/calls", tokens.get(first)).status()).isEqualTo(403);
    }

    private String supervisor() {
        api.createStaff(admin, "floor-boss", "SUPERVISOR", 1);
        return api.loginStaff("floor-boss");
    }

    @Test
    void anAgentMayTakeTheCallOnTheirOwnPhone() {
        assertThat(api.put("/api/staff/me/phone", tokens.get(first), Map.of("phone", "不是号码")).status()).isEqualTo(400);
        Api.Response set = api.put("/api/staff/me/phone", tokens.get(first), Map.of("phone", "138 0013 8000"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("phone").asString()).isEqualTo("138****8000");
        assertThat(api.get("/api/staff/me/phone", tokens.get(first)).body().get("phone").asString()).isEqualTo("138****8000");
        assertThat(api.put("/api/staff/me/phone", tokens.get(second), Map.of("phone", "")).status()).isEqualTo(200);
        presence(second, "OFFLINE");

        String sid = callerWaiting();
        assertThat(offeredTo(sid)).isEqualTo(first);
        assertThat(api.post("/api/calls/" + sid + "/answer", tokens.get(first), Map.of("via", "fax")).status()).isEqualTo(400);
        Api.Response answered = api.post("/api/calls/" + sid + "/answer", tokens.get(first), Map.of("via", "PHONE"));
        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        assertThat(answered.body().get("via").asString()).isEqualTo("PHONE");
        TwilioStandIn.Call leg = legTo("+8613800138000");
        assertThat(leg.param("From")).isEqualTo(TwilioStandIn.FROM);
        assertThat(Twiml.parse(leg.param("Twiml")).one("Conference").getTextContent()).isEqualTo("hotline-" + sid);

        presence(second, "ONLINE");
        presence(first, "OFFLINE");
        String next = callerWaiting();
        assertThat(offeredTo(next)).isEqualTo(second);
        Api.Response noPhone = api.post("/api/calls/" + next + "/answer", tokens.get(second), Map.of("via", "PHONE"));
        assertThat(noPhone.status()).isEqualTo(400);
        assertThat(noPhone.body().get("error").asString()).isEqualTo("no_phone");
        api.put("/api/staff/me/phone", tokens.get(first), Map.of("phone", ""));
    }

    @Test
    void answeringAnUnknownCallIsNotFound() {
        Api.Response answered = answer("CA00000000000000000000000000000000", first);
        assertThat(answered.status()).isEqualTo(404);
        assertThat(answered.body().get("error").asString()).isEqualTo("not_found");
    }

    @Test
    void theSoftphoneGetsAnHourLongVoiceTokenForItsAgentAndNobodyElseDoes() throws Exception {
        Api.Response token = api.get("/api/voice/token", tokens.get(first));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().get("identity").asString()).isEqualTo(Long.toString(first));
        String[] parts = token.body().get("token").asString().split("\\.");
        JsonNode claims = new tools.jackson.databind.ObjectMapper().readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("grants").get("identity").asString()).isEqualTo(Long.toString(first));
        assertThat(claims.get("grants").get("voice").get("incoming").get("allow").asBoolean()).isTrue();
        assertThat(claims.get("grants").get("voice").get("outgoing").get("application_sid").asString()).startsWith("AP");
        assertThat(claims.get("exp").asLong() - java.time.Instant.now().getEpochSecond()).isBetween(3000L, 3600L);
        assertThat(api.get("/api/voice/token", admin).status()).isEqualTo(403);
    }
}
