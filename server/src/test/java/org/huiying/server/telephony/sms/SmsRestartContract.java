package org.huiying.server.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.huiying.server.conversation.Appended;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox is durable: what it held when the server stopped goes out after a restart. Once per database. */
abstract class SmsRestartContract {

    /** A server on the same database (and data directory) each time it is called. */
    protected abstract RunningServer newServer(String... args);

    @Test
    void whatWasInTheOutboxWhenTheServerStoppedIsSentAfterItRestarts() {
        try (TwilioStandIn twilio = new TwilioStandIn()) {
            Appended queued;
            try (RunningServer first = newServer(args(twilio, "--huiying.twilio.outbox.autostart=false")).start()) {
                queued = first.bean(SmsSender.class).sendTo("13712345678", "您好，您的车辆已到店。");
            }
            assertThat(twilio.sends()).isEmpty();

            try (RunningServer second = newServer(args(twilio)).start()) {
                JdbcClient db = second.bean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("SELECT state FROM sms_outbox WHERE conversation_id = ?")
                        .param(queued.message().conversationId()).query(String.class).single(), "SENT"::equals);
                assertThat(twilio.sendsTo("+8613712345678")).hasSize(1);
                assertThat(twilio.sendsTo("+8613712345678").get(0).param("Body")).isEqualTo("您好，您的车辆已到店。");
            }
        }
    }

    private static String[] args(TwilioStandIn twilio, String... more) {
        List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
        args.add("--huiying.public-base-url=https://hotline.example.com");
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
