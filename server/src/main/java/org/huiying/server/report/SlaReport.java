package org.huiying.server.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.huiying.routing.TicketType;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.SlaFigures;
import org.springframework.stereotype.Service;

/**
 * SLA compliance per period and ticket type ({@code GET /api/reports/sla}): of the tickets opened in the
 * period, the share whose first response and resolution met their deadlines among those whose deadline
 * has come due, the median and 90th percentile times (pauses excluded), the tickets that missed a target
 * and those still open past one. Without a type filter each period also has a row of type {@code ALL}.
 */
@Service
class SlaReport {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Row(String period, String type, long opened, Double firstResponseMetPct, Double resolutionMetPct,
               Long medianFirstResponseSeconds, Long p90FirstResponseSeconds, Long medianResolutionSeconds,
               Long p90ResolutionSeconds, long breaches, long openOverTarget, long firstResponseJudged,
               long firstResponseMet, long resolutionJudged, long resolutionMet) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(Instant from, Instant to, String groupBy, String type, Instant at, List<Row> rows) {
    }

    private final SlaFigures figures;
    private final Clock clock;

    SlaReport(SlaFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    Report of(ReportRange range, TicketType type) {
        Instant now = Timestamps.now(clock);
        return new Report(range.from(), range.to(), range.groupBy().json(), type == null ? null : type.name(), now,
                rows(range, type, now));
    }

    List<Row> rows(ReportRange range, TicketType type, Instant now) {
        return figures.rows(range.ranges(), type, now).stream().map(r -> new Row(range.label(r.period()),
                r.type() == null ? "ALL" : r.type().name(), r.opened(),
                Rates.percent(r.firstResponseMet(), r.firstResponseJudged()), Rates.percent(r.resolutionMet(), r.resolutionJudged()),
                Rates.seconds(r.medianFirstResponseSeconds()), Rates.seconds(r.p90FirstResponseSeconds()),
                Rates.seconds(r.medianResolutionSeconds()), Rates.seconds(r.p90ResolutionSeconds()), r.breaches(),
                r.openOverTarget(), r.firstResponseJudged(), r.firstResponseMet(), r.resolutionJudged(), r.resolutionMet())).toList();
    }
}
