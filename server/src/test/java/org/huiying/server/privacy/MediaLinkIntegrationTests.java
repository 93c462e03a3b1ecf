package org.huiying.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Links Twilio posts (MMS MediaUrl, RecordingUrl) are only kept when they are Twilio's https links:
 * one pointing into a private network or at the cloud metadata service is dropped with a note, so
 * no one is ever led (or a later fetcher sent) there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaLinkIntegrationTests {

    static final String PUBLIC_BASE = "https://hotline.example.com";
    static final String TWILIO_PHOTO = "https://api.twilio.com/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages/MM1/Media/ME1";
    static final String METADATA = "https://169.254.169.254/latest/meta-data/iam/security-credentials/";
    static final String INTERNAL = "http://10.0.0.8/admin.jpg";

    @TempDir
    static Path dataDir;

    RunningServer server;
    TwilioStandIn twilio;
    TwilioWebhooks webhooks;
    JdbcClient db;

    @BeforeAll
    void start() {
        twilio = new TwilioStandIn();
        List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
        args.add("--huiying.public-base-url=" + PUBLIC_BASE);
        server = new RunningServer(dataDir, args.toArray(String[]::new)).start();
        webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), PUBLIC_BASE, TwilioStandIn.AUTH_TOKEN);
        db = server.bean(JdbcClient.class);
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

    @Test
    void anMmsKeepsTwiliosPhotoAndDropsLinksIntoPrivateNetworks() {
        Map<String, String> mms = new LinkedHashMap<>(Map.of("MessageSid", "SM" + "b".repeat(32), "AccountSid", TwilioStandIn.ACCOUNT_SID,
                "From", "+8613811112222", "To", TwilioStandIn.FROM, "Body", "仪表盘照片", "NumMedia", "3"));
        List<String> urls = List.of(TWILIO_PHOTO, METADATA, INTERNAL);
        for (int i = 0; i < urls.size(); i++) {
            mms.put("MediaUrl" + i, urls.get(i));
            mms.put("MediaContentType" + i, "image/jpeg");
        }

        assertThat(webhooks.post("/twilio/sms", mms).status()).isEqualTo(200);

        assertThat(db.sql("SELECT url FROM message_media").query(String.class).list()).containsExactly(TWILIO_PHOTO);
        String text = db.sql("SELECT body FROM message WHERE client_msg_id = ?").param(mms.get("MessageSid")).query(String.class).single();
        assertThat(text).contains("仪表盘照片", TWILIO_PHOTO).doesNotContain("169.254", "10.0.0.8");
        assertThat(text.split("\\[附件链接来源不受信任，已丢弃]", -1)).hasSize(3);
    }

    @Test
    void aVoicemailRecordingOnAnotherHostIsNotKeptAsALink() {
        Map<String, String> recording = Map.of("CallSid", "CA" + "c".repeat(32), "AccountSid", TwilioStandIn.ACCOUNT_SID,
                "From", "+8613833334444", "To", TwilioStandIn.FROM, "RecordingUrl", METADATA, "RecordingSid", "RE" + "d".repeat(32),
                "RecordingDuration", "12");

        assertThat(webhooks.post("/twilio/voice/recording", recording).status()).isEqualTo(200);

        String text = db.sql("SELECT body FROM message WHERE client_msg_id = ?").param("rec-" + recording.get("RecordingSid"))
                .query(String.class).single();
        assertThat(text).contains("录音链接来源不受信任").doesNotContain("169.254");
    }
}
