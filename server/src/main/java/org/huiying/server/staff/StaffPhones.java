package org.huiying.server.staff;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The phone an agent takes hotline calls on when not at the browser softphone (E.164, or none). */
@Repository
public class StaffPhones {

    private final JdbcClient jdbc;

    StaffPhones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> phoneOf(long staffId) {
        return jdbc.sql("SELECT phone FROM staff WHERE id = ?").param(staffId).query(String.class).optional()
                .filter(p -> p != null && !p.isBlank());
    }

    void setPhone(long staffId, String e164) {
        jdbc.sql("UPDATE staff SET phone = ? WHERE id = ?").params(e164, staffId).update();
    }
}
