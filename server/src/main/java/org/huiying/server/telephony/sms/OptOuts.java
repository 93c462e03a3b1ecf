package org.huiying.server.telephony.sms;

import java.time.Instant;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Numbers (E.164) that asked for no more SMS. */
@Repository
class OptOuts {

    private final JdbcClient jdbc;

    OptOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isOptedOut(String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM sms_opt_out WHERE phone = ?").param(phone).query(Long.class).single() > 0;
    }

    /** Idempotent: a repeated STOP keeps the first one's time. */
    void optOut(String phone, String keyword, Instant at) {
        jdbc.sql("INSERT INTO sms_opt_out (phone, keyword, opted_out_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(phone, keyword, Timestamps.sql(at)).update();
    }

    void optIn(String phone) {
        jdbc.sql("DELETE FROM sms_opt_out WHERE phone = ?").param(phone).update();
    }
}
