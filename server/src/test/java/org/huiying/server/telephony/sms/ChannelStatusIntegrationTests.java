package org.huiying.server.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The admin's channel status: configured or not, the URLs for Twilio, the last webhook's signature — never a secret. */
class ChannelStatusIntegrationTests {

    static final String BASE = "https://hotline.example.com";

    @TempDir
    Path dataDir;

    @Test
    void theAdminSeesTheWebhookUrlsAndWhetherTheLastSignatureHeldButNoSecret() {
        try (TwilioStandIn twilio = new TwilioStandIn()) {
            List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
            args.add("--huiying.public-base-url=" + BASE);
            try (RunningServer server = new RunningServer(dataDir, args.toArray(String[]::new)).start()) {
                Api api = server.api();
                String admin = api.adminToken();
                TwilioWebhooks signed = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), BASE, TwilioStandIn.AUTH_TOKEN);
                TwilioWebhooks forged = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), BASE, "not-the-token");

                JsonNode before = api.get("/api/admin/channels", admin).body();
                assertThat(before.get("sms").get("sending").asBoolean()).isTrue();
                assertThat(before.get("sms").get("webhooks").get(0).asString()).isEqualTo(BASE + "/twilio/sms");
                assertThat(before.get("voice").get("webhooks").get(0).asString()).isEqualTo(BASE + "/twilio/voice");
                assertThat(before.get("sms").path("lastWebhook").isNull() || before.get("sms").path("lastWebhook").isMissingNode()).isTrue();

                assertThat(signed.post("/twilio/sms", TwilioPayloads.incomingSms(TwilioPayloads.newMessageSid(), "+8613900001111", "你好"))
                        .status()).isEqualTo(200);
                assertThat(api.get("/api/admin/channels", admin).body().get("sms").get("lastWebhook").get("signatureValid").asBoolean()).isTrue();
                assertThat(forged.post("/twilio/sms", TwilioPayloads.incomingSms(TwilioPayloads.newMessageSid(), "+8613900001111", "你好"))
                        .status()).isEqualTo(403);
                Api.Response after = api.get("/api/admin/channels", admin);
                assertThat(after.body().get("sms").get("lastWebhook").get("signatureValid").asBoolean()).isFalse();
                assertThat(after.raw()).doesNotContain(TwilioStandIn.AUTH_TOKEN).doesNotContain(TwilioStandIn.ACCOUNT_SID);

                api.createStaff(admin, "sup.channels", "SUPERVISOR", 1);
                assertThat(api.get("/api/admin/channels", api.loginStaff("sup.channels")).status()).isEqualTo(403);
            }
        }
    }
}
