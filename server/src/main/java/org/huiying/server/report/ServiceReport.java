package org.huiying.server.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huiying.routing.TicketType;
import org.huiying.server.callback.CallbackFigures;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.survey.SurveyFigures;
import org.huiying.server.ticket.SlaTargets;
import org.springframework.stereotype.Service;

/**
 * The service figures of the seeds ({@code GET /api/reports/service}), for the range and per period.
 * Ticket figures count the tickets opened in the period; survey response the surveys sent in it; CSAT
 * the answers given in it; callbacks those that fell due in it (up to now). Each figure comes with the
 * counts it is divided from.
 */
@Service
class ServiceReport {

    /** The counts behind {@link Figures}; they add up over periods. */
    record Counts(long complaintsOpened, long complaintsResolved, long resolved, double handlingSeconds,
                  long firstContactResolved, long surveysSent, long surveysAnswered, long csatResponses, long csatSatisfied,
                  long callbacksDue, long callbacksCompleted, long callbacksFixed, long expertAnswered, long expertWithinTarget) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(complaintsOpened + o.complaintsOpened, complaintsResolved + o.complaintsResolved, resolved + o.resolved,
                    handlingSeconds + o.handlingSeconds, firstContactResolved + o.firstContactResolved, surveysSent + o.surveysSent,
                    surveysAnswered + o.surveysAnswered, csatResponses + o.csatResponses, csatSatisfied + o.csatSatisfied,
                    callbacksDue + o.callbacksDue, callbacksCompleted + o.callbacksCompleted, callbacksFixed + o.callbacksFixed,
                    expertAnswered + o.expertAnswered, expertWithinTarget + o.expertWithinTarget);
        }
    }

    /** Rates 0–1; {@code selfServiceRate} stays null: no channel answers customers without staff yet, so there is nothing to count. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Figures(String period, Double closureRate, Long averageHandlingSeconds, Double firstContactResolution,
                   Double surveyResponseRate, Double csat, double csatTarget, Boolean csatMeetsTarget, Double callbackCompletionRate,
                   Double fixedShare, Double selfServiceRate, Double expertWithinTarget, Counts counts) {

        static Figures of(String period, Counts c, double target) {
            Double csat = Rates.rate(c.csatSatisfied(), c.csatResponses());
            return new Figures(period, Rates.rate(c.complaintsResolved(), c.complaintsOpened()),
                    c.resolved() == 0 ? null : Math.round(c.handlingSeconds() / c.resolved()),
                    Rates.rate(c.firstContactResolved(), c.resolved()), Rates.rate(c.surveysAnswered(), c.surveysSent()), csat,
                    target, csat == null ? null : csat >= target,
                    Rates.rate(c.callbacksCompleted(), c.callbacksDue()), Rates.rate(c.callbacksFixed(), c.callbacksCompleted()),
                    null, Rates.rate(c.expertWithinTarget(), c.expertAnswered()), c);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(Instant from, Instant to, String groupBy, Instant at, double csatTarget, long expertTargetSeconds,
                  Figures total, List<Figures> periods) {
    }

    private final TicketFigures tickets;
    private final SurveyFigures surveys;
    private final CallbackFigures callbacks;
    private final SlaTargets targets;
    private final Clock clock;

    ServiceReport(TicketFigures tickets, SurveyFigures surveys, CallbackFigures callbacks, SlaTargets targets, Clock clock) {
        this.tickets = tickets;
        this.surveys = surveys;
        this.callbacks = callbacks;
        this.targets = targets;
        this.clock = clock;
    }

    Report of(ReportRange range) {
        Instant now = Timestamps.now(clock);
        return of(range, tickets.tallies(range, now), now);
    }

    /** With the periods' tickets already tallied (the monthly report shares them with its SLA figures). */
    Report of(ReportRange range, List<Map<TicketType, Tally>> tallies, Instant now) {
        Counts[] counts = counts(range, tallies, now);
        double target = surveys.target();
        List<Figures> periods = new ArrayList<>();
        Counts total = Counts.NONE;
        for (int i = 0; i < counts.length; i++) {
            periods.add(Figures.of(range.label(i), counts[i], target));
            total = total.plus(counts[i]);
        }
        return new Report(range.from(), range.to(), range.groupBy().json(), now, target,
                targets.firstResponse(TicketType.TECH_SUPPORT).toSeconds(), Figures.of(null, total, target), periods);
    }

    private Counts[] counts(ReportRange range, List<Map<TicketType, Tally>> tallies, Instant now) {
        Counts[] counts = new Counts[range.ranges().size()];
        java.util.Arrays.fill(counts, Counts.NONE);
        long expertTarget = targets.firstResponse(TicketType.TECH_SUPPORT).toMillis();
        for (int p = 0; p < tallies.size(); p++) {
            Map<TicketType, Tally> byType = tallies.get(p);
            Tally all = TicketFigures.all(byType);
            Tally complaints = byType.getOrDefault(TicketType.COMPLAINT, new Tally());
            Tally experts = byType.getOrDefault(TicketType.TECH_SUPPORT, new Tally());
            counts[p] = counts[p].plus(new Counts(complaints.opened, complaints.resolution.size(), all.resolution.size(),
                    all.resolution.sum() / 1000.0, all.firstContact, 0, 0, 0, 0, 0, 0, 0, experts.firstResponse.size(),
                    experts.firstResponse.atMost(expertTarget)));
        }
        for (SurveyFigures.Row r : surveys.rows(range.ranges())) {
            counts[r.period()] = counts[r.period()].plus(new Counts(0, 0, 0, 0, 0, r.sent(), r.sentAnswered(), r.responses(),
                    r.satisfied(), 0, 0, 0, 0, 0));
        }
        for (CallbackFigures.Row r : callbacks.rows(range.ranges(), now)) {
            counts[r.period()] = counts[r.period()].plus(new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, r.due(), r.completed(), r.fixed(), 0, 0));
        }
        return counts;
    }
}
