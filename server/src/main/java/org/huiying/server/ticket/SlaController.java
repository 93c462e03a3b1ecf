package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.web.ApiException;
import org.huiying.server.web.InstantParam;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervisor's list of warned and breached tickets, and one ticket's SLA history, from the SLA event log. */
@RestController
class SlaController {

    private final SlaLog log;
    private final Clock clock;
    private final RecordAccess access;

    SlaController(SlaLog log, Clock clock, RecordAccess access) {
        this.log = log;
        this.clock = clock;
        this.access = access;
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/sla/breaches")
    List<SlaLog.Crossing> breaches(@RequestParam(required = false) String since, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Only supervisors and admins see the SLA board.");
        }
        return log.crossingsSince(InstantParam.parse("since", since, clock.instant().minus(Duration.ofDays(1))));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN', 'TECHNICIAN')")
    @GetMapping("/api/tickets/{id}/sla-events")
    List<SlaLog.LogEntry> log(@PathVariable String id, Authentication auth) {
        access.requireTicket(id, CurrentStaff.of(auth));
        List<SlaLog.LogEntry> entries = log.history(id);
        if (entries.isEmpty()) {
            throw ApiException.notFound("ticket");
        }
        return entries;
    }
}
