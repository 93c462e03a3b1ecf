package org.huiying.server.runtime;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored versions of the rule texts admins edit; see {@link EditableRule}. Owns the table {@code rule_text}. */
@Component
public class RuleTexts {

    private final JdbcClient jdbc;
    private final Clock clock;

    RuleTexts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public <T> EditableRule<T> rule(String name, Supplier<T> defaults, BiFunction<T, InputStream, T> extend, Path legacyFile) {
        return new EditableRule<>(this, name, defaults, extend, legacyFile);
    }

    long latestVersion(String name) {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM rule_text WHERE name = ?").param(name).query(Long.class).single();
    }

    Optional<EditableRule.Text> latest(String name) {
        return jdbc.sql("SELECT body, created_by, created_at FROM rule_text WHERE name = ? ORDER BY id DESC LIMIT 1").param(name)
                .query((rs, n) -> {
                    long by = rs.getLong("created_by");
                    return new EditableRule.Text(rs.getString("body"), rs.wasNull() ? null : by, Timestamps.read(rs, "created_at"));
                })
                .optional();
    }

    void save(String name, String body, Long byStaffId) {
        jdbc.sql("INSERT INTO rule_text (name, body, created_by, created_at) VALUES (?, ?, ?, ?)")
                .params(name, body, byStaffId, Timestamps.sql(Timestamps.now(clock))).update();
    }
}
