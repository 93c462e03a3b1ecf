package org.huiying.server.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A month's service report, as kept: SLA compliance per type (and {@code ALL}) for the month and per day,
 * the service figures for the month and per day (the CSAT trend against its target), problems by model,
 * region and dealer against the month before, and the threshold alerts raised in the month.
 * {@code kept}: generated once the month was over and stored as it was then; false for the month under way.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record MonthlyReport(String month, Instant from, Instant to, Instant generatedAt, boolean kept, double csatTarget,
                     long expertTargetSeconds, List<SlaReport.Row> sla, List<SlaReport.Row> slaDaily,
                     ServiceReport.Figures service, List<ServiceReport.Figures> serviceDaily, ProblemReport.Report problems,
                     List<AlertLog.Raised> alerts) {

    MonthlyReport asKept() {
        return new MonthlyReport(month, from, to, generatedAt, true, csatTarget, expertTargetSeconds, sla, slaDaily, service,
                serviceDaily, problems, alerts);
    }
}
