package org.huiying.server.telephony.sms;

import java.time.Instant;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SMS outbox as the admin's channel status shows it: what waits, what failed, and the last failure's reason. */
@Component
public class SmsChannelStatus {

    /** Counts of the outbox and its newest failure (its reason as Twilio gave it; no number, no text). */
    public record Outbox(long waiting, long failed, long dryRun, Instant lastFailureAt, String lastFailure) {
    }

    private final JdbcClient jdbc;

    SmsChannelStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Outbox outbox() {
        long waiting = count("state IN ('PENDING', 'SENDING')");
        long failed = count("state = 'FAILED'");
        long dryRun = count("state = 'DRY_RUN'");
        var last = jdbc.sql("SELECT updated_at, last_error FROM sms_outbox WHERE state = 'FAILED' ORDER BY updated_at DESC LIMIT 1")
                .query((rs, n) -> new Object[] {Timestamps.read(rs, "updated_at"), rs.getString("last_error")}).optional();
        return new Outbox(waiting, failed, dryRun, last.map(r -> (Instant) r[0]).orElse(null), last.map(r -> (String) r[1]).orElse(null));
    }

    private long count(String where) {
        return jdbc.sql("SELECT COUNT(*) FROM sms_outbox WHERE " + where).query(Long.class).single();
    }
}
