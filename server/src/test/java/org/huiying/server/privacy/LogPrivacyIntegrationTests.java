package org.huiying.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the server writes to its log at INFO and above during an SMS round trip (with a Twilio refusal
 * that quotes the number) and a web chat: never a full phone number, never a message's text, never a
 * secret (Twilio auth token, the JWT signing key, the admin password).
 */
class LogPrivacyIntegrationTests {

    static final String PUBLIC_BASE = "https://hotline.example.com";
    static final String SMS_PHONE = "+8613912345678";
    static final String CHAT_PHONE = "13698765432";

    @TempDir
    Path dataDir;

    RunningServer server;
    TwilioStandIn twilio;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    @Test
    void noPhoneNumberMessageTextOrSecretIsLoggedAtInfoOrAbove() {
        CapturingAppender.clear();
        twilio = new TwilioStandIn();
        List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
        args.addAll(List.of("--huiying.public-base-url=" + PUBLIC_BASE, "--huiying.twilio.outbox.poll-every=PT0.2S",
                "--huiying.survey.quiet-hours=", "--logging.config=classpath:privacy-capture-logback.xml",
                // RunningServer quietens the root logger; every logger tree the server uses speaks at INFO again
                "--logging.level.org=INFO", "--logging.level.com=INFO", "--logging.level.io=INFO", "--logging.level.tools=INFO",
                "--logging.level.org.huiying=DEBUG"));
        server = new RunningServer(dataDir, args.toArray(String[]::new)).start();
        Api api = server.api();
        String admin = api.adminToken();
        api.createStaff(admin, "li.na", "AGENT", 5);
        String agent = api.loginStaff("li.na");
        api.put("/api/staff/me/presence", agent, Map.of("status", "ONLINE"));
        JdbcClient db = server.bean(JdbcClient.class);

        // SMS: in, answered (Twilio first refuses, quoting the number), answered again and sent
        String smsText = "我的车在高速上突然断电了";
        TwilioWebhooks webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), PUBLIC_BASE, TwilioStandIn.AUTH_TOKEN);
        assertThat(webhooks.post("/twilio/sms", incomingSms("SM" + "a".repeat(32), SMS_PHONE, smsText)).status()).isEqualTo(200);
        String smsTicket = await().atMost(Duration.ofSeconds(10)).until(() -> ticketAssignedTo(api, agent), t -> t != null);
        twilio.failNext(400, 21211, "The 'To' number " + SMS_PHONE + " is not a valid phone number.");
        String refusedReply = "请问您现在的具体位置在哪里？";
        String sentReply = "救援车辆已出发，预计三十分钟到达。";
        assertThat(api.post("/api/tickets/" + smsTicket + "/messages", agent, Map.of("text", refusedReply)).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("SELECT COUNT(*) FROM sms_outbox WHERE state = 'FAILED'")
                .query(Long.class).single() == 1);
        assertThat(api.post("/api/tickets/" + smsTicket + "/messages", agent, Map.of("text", sentReply)).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(SMS_PHONE).size() >= 2);
        assertThat(api.post("/api/tickets/" + smsTicket + "/resolve", agent, "").status()).isEqualTo(200);

        // web chat: a customer with a phone number, a message, the agent's reply
        String chatText = "充电桩显示故障代码E07";
        String chatReply = "请您重启充电桩后再试一次。";
        Api.Response session = api.post("/api/chat/sessions", null, Map.of("name", "欧阳娜娜", "phone", CHAT_PHONE));
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            chat.sendMessage("c1", chatText);
            String chatTicket = await().atMost(Duration.ofSeconds(10)).until(() -> ticketAssignedTo(api, agent), t -> t != null);
            api.get("/api/console/tickets/" + chatTicket + "/customer", agent);
            assertThat(api.post("/api/tickets/" + chatTicket + "/messages", agent, Map.of("text", chatReply)).status()).isEqualTo(201);
            chat.await(f -> f.path("from").asString().equals("agent"));
        }

        List<String> secrets = new ArrayList<>(List.of(TwilioStandIn.AUTH_TOKEN, RunningServer.ADMIN_PASSWORD));
        secrets.addAll(db.sql("SELECT secret FROM app_secret").query(String.class).list());
        List<String> logged = CapturingAppender.infoAndAbove();

        assertThat(logged).as("the capture works: the server's own INFO lines are there")
                .anyMatch(line -> line.contains("listening on port"));
        assertThat(logged).as("the refused send is logged, with the number masked")
                .anyMatch(line -> line.contains("refused for good") && line.contains("139****5678"));
        for (String forbidden : List.of(SMS_PHONE, "13912345678", CHAT_PHONE, "欧阳娜娜", smsText, refusedReply, sentReply,
                chatText, chatReply)) {
            assertThat(logged).as("no log line at INFO+ contains " + forbidden).noneMatch(line -> line.contains(forbidden));
        }
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(3);
        for (String secret : secrets) {
            assertThat(logged).as("a secret is never logged").noneMatch(line -> line.contains(secret));
        }
    }

    private static String ticketAssignedTo(Api api, String agent) {
        var open = api.get("/api/tickets?assignee=me", agent).body().valueStream()
                .filter(t -> !t.get("status").asString().equals("RESOLVED")).toList();
        return open.isEmpty() ? null : open.get(0).get("id").asString();
    }

    private static Map<String, String> incomingSms(String sid, String from, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ToCountry", "US");
        p.put("SmsMessageSid", sid);
        p.put("NumMedia", "0");
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", TwilioStandIn.FROM);
        p.put("NumSegments", "1");
        p.put("MessageSid", sid);
        p.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }
}
