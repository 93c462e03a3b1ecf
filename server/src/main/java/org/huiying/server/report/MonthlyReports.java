package org.huiying.server.report;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.huiying.routing.TicketType;
import java.util.Optional;
import org.huiying.server.runtime.HuiyingProperties;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.web.ApiException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly service report (每月生成服务报告): generated once the month is over (on the 1st, by
 * {@link ReportJobs}, or when first asked for) and kept as it was then, so the figures sent to the
 * regional office never change afterwards; the month under way is computed as asked and not kept.
 */
@Service
class MonthlyReports {

    private final TicketFigures tickets;
    private final ServiceReport service;
    private final ProblemReport problems;
    private final AlertLog alerts;
    private final MonthlyStore store;
    private final JsonMapper json;
    private final HuiyingProperties huiying;
    private final Clock clock;

    MonthlyReports(TicketFigures tickets, ServiceReport service, ProblemReport problems, AlertLog alerts, MonthlyStore store,
                   JsonMapper json, HuiyingProperties huiying, Clock clock) {
        this.tickets = tickets;
        this.service = service;
        this.problems = problems;
        this.alerts = alerts;
        this.store = store;
        this.json = json;
        this.huiying = huiying;
        this.clock = clock;
    }

    /** {@code month} as kept, generated and kept now if it is over but was not yet, or live if under way. */
    MonthlyReport get(String month) {
        Instant now = Timestamps.now(clock);
        YearMonth current = ReportMonth.current(now, huiying.zone());
        ReportMonth asked = ReportMonth.parse(month, current.minusMonths(1), huiying.zone());
        if (asked.month().isAfter(current)) {
            throw ApiException.badRequest("invalid_month", "month: " + asked + " has not begun");
        }
        Optional<MonthlyReport> kept = kept(asked);
        if (kept.isPresent()) {
            return kept.get();
        }
        return asked.month().isBefore(current) ? keep(asked) : generate(asked, now);
    }

    /** Keeps last month's report if nobody has yet: run after every month's end. */
    void keepLastMonth() {
        YearMonth current = ReportMonth.current(Timestamps.now(clock), huiying.zone());
        ReportMonth last = new ReportMonth(current.minusMonths(1), huiying.zone());
        if (!store.has(last.toString())) {
            keep(last);
        }
    }

    private MonthlyReport keep(ReportMonth month) {
        MonthlyReport report = generate(month, Timestamps.now(clock)).asKept();
        if (store.keep(month.toString(), report.generatedAt(), json.writeValueAsString(report))) {
            return report;
        }
        return kept(month).orElseThrow();
    }

    private Optional<MonthlyReport> kept(ReportMonth month) {
        // a report kept by an older version may hold a figure this one no longer has: it is read without it
        return store.body(month.toString()).map(body -> json.readerFor(MonthlyReport.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body));
    }

    private MonthlyReport generate(ReportMonth month, Instant now) {
        ReportRange whole = ReportRange.of(month.start(), month.end(), GroupBy.MONTH, huiying.zone());
        ReportRange days = ReportRange.of(month.start(), month.end(), GroupBy.DAY, huiying.zone());
        // one read of the month's tickets, day by day; the month is the days together
        List<Map<TicketType, Tally>> daily = tickets.tallies(days, now);
        Map<TicketType, Tally> merged = new EnumMap<>(TicketType.class);
        daily.forEach(day -> day.forEach((type, t) -> merged.computeIfAbsent(type, k -> new Tally()).add(t)));
        ServiceReport.Report service = this.service.of(days, daily, now);
        List<SlaReport.Row> slaDaily = SlaReport.rows(days, daily, null).stream().filter(r -> r.type().equals("ALL")).toList();
        return new MonthlyReport(month.toString(), month.start(), month.end(), now, false, service.csatTarget(),
                service.expertTargetSeconds(), SlaReport.rows(whole, List.of(merged), null), slaDaily,
                ServiceReport.Figures.of(month.toString(), service.total().counts(), service.csatTarget()), service.periods(),
                problems.of(month), alerts.raisedBetween(month.start(), month.end()));
    }
}
