package org.huiying.server.expert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.huiying.server.web.InstantParam;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How the expert desk keeps the seed's promise (answers in 5 minutes on average), and what it is asked about. */
@RestController
class ExpertReportController {

    static final long TARGET_SECONDS = 300;

    private final JdbcClient jdbc;
    private final Clock clock;

    ExpertReportController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record CodeCount(String model, String code, long questions) {
    }

    record Report(long questions, long answered, Double averageFirstResponseSeconds, Double withinTargetShare,
                  long targetSeconds, List<CodeCount> topCodes) {
    }

    @GetMapping("/api/reports/experts")
    Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN") && !me.has("EXPERT")) {
            throw ApiException.forbidden("Only experts, supervisors and admins see this report.");
        }
        Instant end = InstantParam.parse("to", to, clock.instant());
        Instant start = InstantParam.parse("from", from, end.minus(Duration.ofDays(30)));
        long questions = 0;
        List<Long> answerSeconds = new ArrayList<>();
        Map<String, Long> codes = new HashMap<>();
        var rows = jdbc.sql("""
                SELECT t.opened_at, t.first_responded_at, q.vehicle_model, q.dtc_codes FROM tech_question q
                JOIN ticket t ON t.id = q.ticket_id WHERE q.created_at >= ? AND q.created_at < ?""")
                .params(Timestamps.sql(start), Timestamps.sql(end))
                .query((rs, n) -> new Object[] {Timestamps.read(rs, "opened_at"), Timestamps.read(rs, "first_responded_at"),
                        rs.getString("vehicle_model"), rs.getString("dtc_codes")})
                .list();
        for (Object[] r : rows) {
            questions++;
            if (r[1] != null) {
                answerSeconds.add(Duration.between((Instant) r[0], (Instant) r[1]).toSeconds());
            }
            String model = r[2] == null ? "未知车型" : (String) r[2];
            for (String code : ((String) r[3]).split(",")) {
                if (!code.isEmpty()) {
                    codes.merge(model + "\t" + code, 1L, Long::sum);
                }
            }
        }
        Double average = answerSeconds.isEmpty() ? null : answerSeconds.stream().mapToLong(Long::longValue).average().orElse(0);
        Double within = answerSeconds.isEmpty() ? null
                : answerSeconds.stream().filter(s -> s <= TARGET_SECONDS).count() / (double) answerSeconds.size();
        List<CodeCount> top = codes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20)
                .map(e -> {
                    String[] k = e.getKey().split("\t");
                    return new CodeCount(k[0], k[1], e.getValue());
                })
                .toList();
        return new Report(questions, answerSeconds.size(), average, within, TARGET_SECONDS, top);
    }

}
