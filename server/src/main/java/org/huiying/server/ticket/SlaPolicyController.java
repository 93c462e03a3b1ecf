package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.huiying.routing.TicketType;
import org.huiying.server.privacy.AuditAction;
import org.huiying.server.privacy.AuditLog;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * SLA policies as data: every type's policy in force and its history (supervisors and admins read;
 * admins change). A change is a new version taking effect now or at a later time given; tickets already
 * open keep the targets they opened with.
 */
@RestController
class SlaPolicyController {

    static final Duration MAX = Duration.ofDays(30);

    private final SlaPolicyStore store;
    private final AuditLog audit;
    private final Clock clock;

    SlaPolicyController(SlaPolicyStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** A type's policy in force, and the versions it has had (newest first, a scheduled one among them). */
    record PolicyView(String type, String firstResponse, String resolution, Instant effectiveAt, Long updatedBy,
                      List<SlaPolicyVersion> versions) {
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/sla/policies")
    List<PolicyView> policies(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Only supervisors and admins see the SLA policies.");
        }
        Instant now = clock.instant();
        List<SlaPolicyVersion> all = store.versions();
        List<PolicyView> views = new ArrayList<>();
        for (TicketType type : TicketType.values()) {
            List<SlaPolicyVersion> ofType = all.stream().filter(v -> v.type().equals(type.name())).toList();
            ofType.stream().filter(v -> !v.effectiveAt().isAfter(now)).findFirst().ifPresent(current -> views.add(new PolicyView(
                    type.name(), current.firstResponse().toString(), current.resolution().toString(), current.effectiveAt(),
                    current.createdBy(), ofType)));
        }
        return views;
    }

    record PolicyBody(String firstResponse, String resolution, String effectiveAt) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping("/api/sla/policies/{type}")
    @Transactional
    PolicyView change(@PathVariable String type, @RequestBody(required = false) PolicyBody body, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("ADMIN")) {
            throw ApiException.forbidden("Only admins change the SLA policies.");
        }
        TicketType ticketType;
        try {
            ticketType = TicketType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("ticket type " + type);
        }
        if (body == null) {
            throw ApiException.badRequest("invalid_duration", "firstResponse and resolution: ISO-8601 durations such as PT2H");
        }
        Duration first = duration(body.firstResponse(), "firstResponse");
        Duration resolution = duration(body.resolution(), "resolution");
        if (resolution.compareTo(first) < 0) {
            throw ApiException.badRequest("invalid_duration", "resolution: not shorter than firstResponse");
        }
        Instant now = Timestamps.now(clock);
        Instant effective = now;
        if (body.effectiveAt() != null && !body.effectiveAt().isBlank()) {
            try {
                effective = Instant.parse(body.effectiveAt());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("invalid_effective_at", "effectiveAt: an ISO-8601 instant such as 2026-12-01T00:00:00Z");
            }
            if (effective.isBefore(now)) {
                throw ApiException.badRequest("invalid_effective_at", "effectiveAt: now or later; the past is as it was");
            }
        }
        store.add(ticketType, first, resolution, effective, me.id());
        audit.record(me.id(), AuditAction.SLA_POLICY, null, ticketType.name(),
                first + "/" + resolution + (effective.equals(now) ? "" : " from " + effective), null);
        List<SlaPolicyVersion> versions = store.versions().stream().filter(v -> v.type().equals(ticketType.name())).toList();
        return new PolicyView(ticketType.name(), first.toString(), resolution.toString(), effective, me.id(), versions);
    }

    private static Duration duration(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_duration", field + ": an ISO-8601 duration such as PT2H");
        }
        Duration d;
        try {
            d = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_duration", field + ": an ISO-8601 duration such as PT2H");
        }
        if (d.isZero() || d.isNegative() || d.compareTo(MAX) > 0) {
            throw ApiException.badRequest("invalid_duration", field + ": more than zero and at most 30 days");
        }
        return d;
    }
}
