package org.huiying.server.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.expert.FaultCodeFigures;
import org.springframework.stereotype.Component;

/**
 * Seed rule: a model's fault code whose share of the model's questions rises by {@code huiying.alerts.fault-code-rise}
 * (a tenth) over last month's means parts should be ordered ahead. Judged on the month so far, once the
 * code was named in {@code fault-code-min-questions} questions this month; a code new this month counts
 * as risen. Raised once per model, code and month, listing the month's questions naming it.
 */
@Component
class FaultCodeAlert {

    private static final int MOST_TICKETS = 50;

    private final FaultCodeFigures codes;
    private final ReportAlerts alerts;
    private final AlertProperties properties;

    FaultCodeAlert(FaultCodeFigures codes, ReportAlerts alerts, AlertProperties properties) {
        this.codes = codes;
        this.alerts = alerts;
        this.properties = properties;
    }

    void check(Instant now, ZoneId zone) {
        ReportMonth month = new ReportMonth(ReportMonth.current(now, zone), zone);
        FaultCodeFigures.Counts counts = codes.counts(month.withPrevious().ranges());
        Map<List<Object>, Long> questions = new HashMap<>();
        counts.models().forEach(m -> questions.put(java.util.Arrays.asList(m.period(), m.model()), m.questions()));
        Map<List<String>, long[]> named = new HashMap<>();
        counts.codes().stream().filter(c -> c.model() != null)
                .forEach(c -> named.computeIfAbsent(List.of(c.model(), c.code()), k -> new long[2])[c.period()] += c.questions());
        named.forEach((k, n) -> {
            if (n[1] < properties.faultCodeMinQuestions()) {
                return;
            }
            String model = k.get(0);
            String code = k.get(1);
            double share = n[1] / (double) questions.get(java.util.Arrays.asList(1, model));
            long before = questions.getOrDefault(java.util.Arrays.asList(0, model), 0L);
            double previous = before == 0 ? 0 : n[0] / (double) before;
            if (previous > 0 && share < previous * (1 + properties.faultCodeRise()) - 1e-12) {
                return;
            }
            String subject = String.format("%s 故障码 %s 占比 %.1f%%（%d/%d），上月 %.1f%%：请提前备件", model, code, share * 100, n[1],
                    questions.get(java.util.Arrays.asList(1, model)), previous * 100);
            alerts.raise("fault:" + month + ":" + model + ":" + code, ReportAlerts.FAULT_CODE, subject,
                    () -> codes.ticketsNaming(model, code, month.start(), month.end(), MOST_TICKETS));
        });
    }
}
