package org.huiying.server.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huiying.routing.TicketType;
import org.huiying.server.storage.Timestamps;
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

        static Row of(String period, String type, Tally t) {
            return new Row(period, type, t.opened, Rates.percent(t.firstResponseMet, t.firstResponseJudged),
                    Rates.percent(t.resolutionMet, t.resolutionJudged), Rates.millisAsSeconds(t.firstResponse.percentile(0.5)),
                    Rates.millisAsSeconds(t.firstResponse.percentile(0.9)), Rates.millisAsSeconds(t.resolution.percentile(0.5)),
                    Rates.millisAsSeconds(t.resolution.percentile(0.9)), t.breaches, t.overTarget, t.firstResponseJudged,
                    t.firstResponseMet, t.resolutionJudged, t.resolutionMet);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(Instant from, Instant to, String groupBy, String type, Instant at, List<Row> rows) {
    }

    private final TicketFigures tickets;
    private final Clock clock;

    SlaReport(TicketFigures tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    Report of(ReportRange range, TicketType type) {
        Instant now = Timestamps.now(clock);
        return new Report(range.from(), range.to(), range.groupBy().json(), type == null ? null : type.name(), now,
                rows(range, tickets.tallies(range, now), type));
    }

    /** By period, then type; periods without tickets have no row; all types together last, when no type is asked for. */
    static List<Row> rows(ReportRange range, List<Map<TicketType, Tally>> tallies, TicketType type) {
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < tallies.size(); p++) {
            Map<TicketType, Tally> byType = tallies.get(p);
            if (byType.isEmpty()) {
                continue;
            }
            String period = range.label(p);
            if (type != null) {
                if (byType.containsKey(type)) {
                    rows.add(Row.of(period, type.name(), byType.get(type)));
                }
                continue;
            }
            byType.keySet().stream().sorted(java.util.Comparator.comparing(Enum::name))
                    .forEach(t -> rows.add(Row.of(period, t.name(), byType.get(t))));
            rows.add(Row.of(period, "ALL", TicketFigures.all(byType)));
        }
        return rows;
    }
}
