package org.huiying.server.report;

import java.time.Instant;
import java.time.ZoneId;
import org.huiying.server.ticket.ProblemFigures;
import org.springframework.stereotype.Component;

/**
 * Seed rule: a model whose repeat visits (返修) this month exceed {@code huiying.alerts.rework-rate} (5 %) of
 * its complaints and technical problems needs investigating, judged once it has
 * {@code rework-min-visits} such visits in the month. Raised once per model and month, listing the repeats.
 */
@Component
class ReworkAlert {

    private static final int MOST_TICKETS = 50;

    private final ProblemFigures tickets;
    private final ReportAlerts alerts;
    private final AlertProperties properties;

    ReworkAlert(ProblemFigures tickets, ReportAlerts alerts, AlertProperties properties) {
        this.tickets = tickets;
        this.alerts = alerts;
        this.properties = properties;
    }

    void check(Instant now, ZoneId zone) {
        ReportMonth month = new ReportMonth(ReportMonth.current(now, zone), zone);
        ReportRange range = ReportRange.of(month.start(), month.end(), GroupBy.MONTH, zone);
        for (ProblemFigures.Reworks r : tickets.reworksByModel(range.ranges())) {
            if (r.model() == null || r.eligible() < properties.reworkMinVisits()
                    || r.reworks() <= properties.reworkRate() * r.eligible() + 1e-9) {
                continue;
            }
            String subject = String.format("%s %s 返修率 %.1f%%（%d/%d），超过 %.0f%%：请追查设计或配件问题", r.model(), month,
                    r.reworks() * 100.0 / r.eligible(), r.reworks(), r.eligible(), properties.reworkRate() * 100);
            alerts.raise("rework:" + month + ":" + r.model(), ReportAlerts.REWORK, subject,
                    () -> tickets.reworksOf(r.model(), month.start(), month.end(), MOST_TICKETS));
        }
    }
}
