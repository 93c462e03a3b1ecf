package org.huiying.server.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the SMS channel behaves as configured: without an account, and with a Messaging Service. */
@ExtendWith(OutputCaptureExtension.class)
class H2SmsDeploymentIntegrationTests {

    private static final String PUBLIC_BASE = "https://hotline.example.com";

    @TempDir
    Path dataDir;

    @Test
    void withoutATwilioAccountRepliesStayInTheOutboxAsDryRunAndAreLoggedMasked(CapturedOutput output) {
        try (RunningServer server = new RunningServer(dataDir, "--huiying.public-base-url=" + PUBLIC_BASE,
                "--huiying.twilio.auth-token=" + TwilioStandIn.AUTH_TOKEN).start()) {
            Api api = server.api();
            String admin = api.adminToken();
            TwilioWebhooks webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), PUBLIC_BASE, TwilioStandIn.AUTH_TOKEN);
            assertThat(webhooks.post("/twilio/sms", TwilioPayloads.incomingSms(TwilioPayloads.newMessageSid(), "+8613612345678", "空调不制冷")).status())
                    .isEqualTo(200);
            JdbcClient db = server.bean(JdbcClient.class);
            String conversationId = db.sql("SELECT conversation_id FROM sms_thread WHERE phone = '+8613612345678'").query(String.class).single();
            // acknowledged from the journal: the ticket opens as the text reaches the database
            String ticketId = await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("SELECT id FROM ticket WHERE conversation_id = ?")
                    .param(conversationId).query(String.class).optional(), java.util.Optional::isPresent).orElseThrow();

            Api.Response reply = api.post("/api/tickets/" + ticketId + "/messages", admin, Map.of("text", "请问空调出风口有风吗？"));

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.text("delivery")).isEqualTo("queued");
            assertThat(db.sql("SELECT state FROM sms_outbox WHERE conversation_id = ?").param(conversationId).query(String.class).single())
                    .isEqualTo("DRY_RUN");
            assertThat(output.getAll()).contains("SMS dry-run").contains("136****5678")
                    .doesNotContain("+8613612345678").doesNotContain("13612345678");
        }
    }

    @Test
    void withAMessagingServiceTwilioChoosesTheSender() {
        try (TwilioStandIn twilio = new TwilioStandIn();
             RunningServer server = new RunningServer(dataDir, args(twilio, "--huiying.twilio.from=",
                     "--huiying.twilio.messaging-service-sid=MG0123456789abcdef0123456789abcdef")).start()) {
            server.bean(SmsSender.class).sendTo("13512345678", "您的车辆年检即将到期，请及时预约。");

            await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo("+8613512345678").size() == 1);
            TwilioStandIn.Call call = twilio.sendsTo("+8613512345678").get(0);
            assertThat(call.param("MessagingServiceSid")).isEqualTo("MG0123456789abcdef0123456789abcdef");
            assertThat(call.params()).doesNotContainKey("From");
        }
    }

    private static String[] args(TwilioStandIn twilio, String... more) {
        List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
        args.add("--huiying.public-base-url=" + PUBLIC_BASE);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
