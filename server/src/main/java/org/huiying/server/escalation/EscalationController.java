package org.huiying.server.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.huiying.server.web.InstantParam;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EscalationController {

    private final EscalationRepository escalations;
    private final Clock clock;

    EscalationController(EscalationRepository escalations, Clock clock) {
        this.escalations = escalations;
        this.clock = clock;
    }

    @GetMapping("/api/escalations")
    List<EscalationRaised> list(@RequestParam(required = false) String since, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Only supervisors and admins see escalations.");
        }
        Instant from = InstantParam.parse("since", since, clock.instant().minus(Duration.ofDays(30)));
        return escalations.since(from);
    }
}
