package org.huiying.server.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.NodeProcess;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The SMS outbox across kill -9 (SIGKILL of a child-JVM node) with a message in flight: the node
 * dies while its request to Twilio is open. Whether Twilio got that message or not, after the
 * restart it reaches the customer exactly once, and what was still queued behind it goes out too.
 */
@PostgresSchema
class PostgresSmsCrashIntegrationTests {

    private static final String SIGNED_BASE = "https://hotline.example.com";

    @TempDir
    Path dataDir;

    @PostgresSchema.Name
    private String schema;

    private final TwilioStandIn twilio = new TwilioStandIn();

    @AfterEach
    void cleanUp() {
        twilio.releaseHeld(false);
        twilio.close();
    }

    private NodeProcess node() {
        List<String> args = new ArrayList<>(List.of(Postgres.serverArgs(schema)));
        args.addAll(List.of(twilio.serverArgs()));
        args.addAll(List.of("--huiying.public-base-url=" + SIGNED_BASE, "--huiying.kb.load-samples=false",
                "--huiying.twilio.outbox.lease=PT3S", "--huiying.twilio.outbox.poll-every=PT0.2S",
                "--huiying.twilio.outbox.first-retry=PT1S"));
        return new NodeProcess(dataDir, args.toArray(String[]::new));
    }

    @Test
    void aMessageInFlightWhenTheNodeIsKilledReachesTheCustomerExactlyOnceWhetherTwilioGotItOrNot() throws Exception {
        List<String> phones = List.of("+8613911110001", "+8613911110002", "+8613911110003", "+8613911110004");
        NodeProcess node = node().start();
        try (Connection db = DriverManager.getConnection(Postgres.URL + "?currentSchema=" + schema, Postgres.USER, "")) {
            Api api = node.api();
            String admin = api.adminToken();
            api.createStaff(admin, "duanxin.zuoxi", "AGENT", 10);
            String agent = api.loginStaff("duanxin.zuoxi");
            assertThat(api.put("/api/staff/me/presence", agent, Map.of("status", "ONLINE")).status()).isEqualTo(200);
            TwilioWebhooks webhooks = new TwilioWebhooks("http://127.0.0.1:" + node.httpPort(), SIGNED_BASE, TwilioStandIn.AUTH_TOKEN);
            List<String> tickets = new ArrayList<>();
            for (String phone : phones) {
                assertThat(webhooks.post("/twilio/sms", TwilioPayloads.incomingSms(TwilioPayloads.newMessageSid(), phone, "请问保养多少钱？"))
                        .status()).isEqualTo(200);
            }
            for (String phone : phones) {
                tickets.add(await().atMost(Duration.ofSeconds(30)).until(() -> assignedTicket(api, agent, db, phone), t -> t != null));
            }

            // round 1: the first reply is in flight at Twilio, which gets it; the second waits behind it
            twilio.holdSends();
            reply(api, agent, tickets.get(0), "保养套餐 680 元起。");
            reply(api, agent, tickets.get(1), "本周六上午有空位。");
            await().atMost(Duration.ofSeconds(10)).until(() -> twilio.held() == 1);
            node.kill();
            twilio.releaseHeld(true);
            node.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> sent(db, phones.get(0)) && sent(db, phones.get(1)));
            assertThat(twilio.sendsTo(phones.get(0))).as("the message Twilio already had is adopted, not sent again").hasSize(1);
            assertThat(twilio.acceptedTo(phones.get(0))).isEqualTo(1);
            assertThat(twilio.acceptedTo(phones.get(1))).isEqualTo(1);

            // round 2: the request dies with the node before Twilio has the message
            twilio.holdSends();
            reply(node.api(), agent, tickets.get(2), "请带上行驶证。");
            reply(node.api(), agent, tickets.get(3), "到店前请电话联系。");
            await().atMost(Duration.ofSeconds(10)).until(() -> twilio.held() == 1);
            node.kill();
            twilio.releaseHeld(false);
            node.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> sent(db, phones.get(2)) && sent(db, phones.get(3)));
            assertThat(twilio.acceptedTo(phones.get(2))).as("the lost attempt is sent again, once").isEqualTo(1);
            assertThat(twilio.sendsTo(phones.get(2))).hasSize(2);
            assertThat(twilio.acceptedTo(phones.get(3))).isEqualTo(1);
        } finally {
            node.close();
        }
    }

    private static void reply(Api api, String agent, String ticket, String text) {
        assertThat(api.post("/api/tickets/" + ticket + "/messages", agent, Map.of("text", text)).status()).isEqualTo(201);
    }

    private static String assignedTicket(Api api, String agent, Connection db, String phone) throws SQLException {
        String conversation = single(db, "SELECT conversation_id FROM sms_thread WHERE phone = ?", phone);
        for (JsonNode t : api.get("/api/tickets?assignee=me", agent).body()) {
            if (t.get("conversationId").asString().equals(conversation)) {
                return t.get("id").asString();
            }
        }
        return null;
    }

    private static boolean sent(Connection db, String phone) throws SQLException {
        return "SENT".equals(single(db, "SELECT state FROM sms_outbox WHERE to_phone = ?", phone));
    }

    private static String single(Connection db, String sql, String param) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
