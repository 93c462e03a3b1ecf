package org.huiying.server.telephony.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hotline that checks Twilio's signatures but has no account to call out with: callbacks are
 * placed as dry runs, recorded and logged, and the task stays open for a real call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CallbackDryRunContract {

    static final String PUBLIC_BASE = "https://hotline.example.com";
    static final String AUTH_TOKEN = "dry-run-auth-token";

    protected RunningServer server;
    protected TwilioWebhooks webhooks;
    protected Api api;
    protected JdbcClient db;

    protected abstract RunningServer newServer(String... args);

    @BeforeAll
    void start() {
        server = newServer("--huiying.public-base-url=" + PUBLIC_BASE, "--huiying.twilio.auth-token=" + AUTH_TOKEN).start();
        api = server.api();
        db = server.bean(JdbcClient.class);
        webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), PUBLIC_BASE, AUTH_TOKEN);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withoutATwilioAccountACallbackIsADryRunThatLeavesTheTaskOpen() {
        String phone = "+8613600001234";
        var r = webhooks.post("/twilio/voice/menu?attempt=1", Map.of("CallSid", "CAdry0001", "From", phone, "Digits", "9"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String taskId = db.sql("""
                SELECT t.id FROM callback_task t JOIN ticket k ON k.id = t.ticket_id
                JOIN voice_thread v ON v.conversation_id = k.conversation_id WHERE v.phone = ?""")
                .param(phone).query(String.class).single();
        String admin = api.adminToken();
        api.createStaff(admin, "dry-agent", "AGENT", 5);

        Api.Response placed = api.post("/api/callbacks/" + taskId + "/call", api.loginStaff("dry-agent"), Map.of());

        assertThat(placed.status()).as(placed.raw()).isEqualTo(202);
        assertThat(placed.body().get("dryRun").asBoolean()).isTrue();
        assertThat(placed.text("status")).isEqualTo("dry-run");
        assertThat(db.sql("SELECT phone FROM voice_call WHERE call_sid = ?").param(placed.text("callSid"))
                .query(String.class).single()).isEqualTo(phone);
        assertThat(db.sql("SELECT status FROM callback_task WHERE id = ?").param(taskId).query(String.class).single())
                .isEqualTo("OPEN");
    }
}
