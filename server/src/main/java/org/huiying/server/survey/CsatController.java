package org.huiying.server.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.huiying.server.web.InstantParam;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CSAT over scored survey answers (satisfied = 4 or 5), against the target ({@code huiying.survey.target}, 90 %), overall and broken down. */
@RestController
class CsatController {

    private final CsatFigures figures;
    private final SurveyProperties properties;
    private final Clock clock;

    CsatController(CsatFigures figures, SurveyProperties properties, Clock clock) {
        this.figures = figures;
        this.properties = properties;
        this.clock = clock;
    }

    record Report(long responses, long satisfied, double csat, double target, boolean meetsTarget,
                  List<CsatFigures.Group> byAgent, List<CsatFigures.Group> byCategory, List<CsatFigures.Group> byModel) {
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/reports/csat")
    Report csat(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Only supervisors and admins see reports.");
        }
        Instant end = InstantParam.parse("to", to, clock.instant());
        Instant start = InstantParam.parse("from", from, end.minus(Duration.ofDays(30)));
        CsatFigures.Group all = figures.groups(CsatFigures.By.ALL, start, end).get(0);
        double target = properties.target();
        return new Report(all.responses(), all.satisfied(), all.csat(), target, all.responses() > 0 && all.csat() >= target,
                figures.groups(CsatFigures.By.AGENT, start, end), figures.groups(CsatFigures.By.CATEGORY, start, end),
                figures.groups(CsatFigures.By.MODEL, start, end));
    }
}
