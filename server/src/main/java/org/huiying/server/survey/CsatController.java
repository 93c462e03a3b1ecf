package org.huiying.server.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.huiying.server.web.InstantParam;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CSAT over scored survey answers (satisfied = 4 or 5), against the 90 % target, overall and broken down. */
@RestController
class CsatController {

    static final double TARGET = 0.9;

    private final JdbcClient jdbc;
    private final Clock clock;

    CsatController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Group(String key, long responses, long satisfied, double csat) {
    }

    record Report(long responses, long satisfied, double csat, double target, boolean meetsTarget,
                  List<Group> byAgent, List<Group> byCategory, List<Group> byModel) {
    }

    @GetMapping("/api/reports/csat")
    Report csat(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Only supervisors and admins see reports.");
        }
        Instant end = InstantParam.parse("to", to, clock.instant());
        Instant start = InstantParam.parse("from", from, end.minus(Duration.ofDays(30)));
        Group all = groups(null, start, end).get(0);
        return new Report(all.responses(), all.satisfied(), all.csat(), TARGET, all.responses() > 0 && all.csat() >= TARGET,
                groups("CAST(staff_id AS VARCHAR(20))", start, end), groups("category", start, end),
                groups("vehicle_model", start, end));
    }

    /** Per value of {@code key}, or one overall group when {@code key} is null. */
    private List<Group> groups(String key, Instant start, Instant end) {
        String select = key == null ? "'all'" : key;
        String groupBy = key == null ? "" : " GROUP BY " + key + " ORDER BY n DESC";
        return jdbc.sql("SELECT " + select + " AS k, COUNT(*) AS n, COALESCE(SUM(CASE WHEN score >= 4 THEN 1 ELSE 0 END), 0) AS ok "
                        + "FROM survey WHERE score IS NOT NULL AND answered_at >= ? AND answered_at < ?" + groupBy)
                .params(Timestamps.sql(start), Timestamps.sql(end))
                .query((rs, i) -> {
                    long n = rs.getLong("n");
                    long ok = rs.getLong("ok");
                    return new Group(rs.getString("k"), n, ok, n == 0 ? 0 : Math.round(ok * 1000.0 / n) / 1000.0);
                })
                .list();
    }

}
