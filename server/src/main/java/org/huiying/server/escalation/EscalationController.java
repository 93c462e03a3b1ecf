package org.huiying.server.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.huiying.server.web.InstantParam;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Escalations for R&D (their queue), supervisors and admins (all). */
@RestController
class EscalationController {

    private static final int MAX_TEXT = 2000;

    private final Escalations escalations;
    private final Clock clock;

    EscalationController(Escalations escalations, Clock clock) {
        this.escalations = escalations;
        this.clock = clock;
    }

    /**
     * Newest first. Without {@code status}: those raised since {@code since} (default the last 30 days);
     * with it (comma-separated) those in that state, however old, unless {@code since} is given too.
     */
    @PreAuthorize("hasAnyRole('RND', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/escalations")
    List<EscalationView> list(@RequestParam(required = false) String since, @RequestParam(required = false) String status,
                              @RequestParam(required = false) String queue, Authentication auth) {
        CurrentStaff me = worker(auth);
        List<EscalationStatus> statuses = statuses(status);
        Instant defaultSince = statuses.isEmpty() ? clock.instant().minus(Duration.ofDays(30)) : null;
        Instant from = InstantParam.parse("since", since, defaultSince);
        String wanted = queue == null || queue.isBlank() ? null : queue.strip();
        if (wanted != null && !wanted.equals(EscalationQueues.RND) && !wanted.equals(EscalationQueues.SUPERVISORS)) {
            throw ApiException.badRequest("bad_parameter", "queue: RND or SUPERVISORS");
        }
        boolean seesAll = me.has("SUPERVISOR") || me.has("ADMIN");
        if (!seesAll) {
            if (EscalationQueues.SUPERVISORS.equals(wanted)) {
                throw ApiException.forbidden("R&D sees the R&D queue only.");
            }
            wanted = EscalationQueues.RND;
        }
        EscalationRepository.Filter filter = wanted == null
                ? new EscalationRepository.Filter(from, statuses, List.of(), false)
                : new EscalationRepository.Filter(from, statuses, EscalationQueues.rndKinds(), wanted.equals(EscalationQueues.SUPERVISORS));
        return escalations.list(filter);
    }

    @PreAuthorize("hasAnyRole('RND', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/escalations/{id}")
    EscalationDetail get(@PathVariable String id, Authentication auth) {
        return escalations.detail(id, worker(auth));
    }

    @PreAuthorize("hasAnyRole('RND', 'SUPERVISOR', 'ADMIN')")
    @PatchMapping("/api/escalations/{id}")
    EscalationView move(@PathVariable String id, @RequestBody MoveBody body, Authentication auth) {
        CurrentStaff me = worker(auth);
        return escalations.move(id, body.valid(), me);
    }

    @PreAuthorize("hasAnyRole('RND', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/escalations/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    EscalationDetail.Comment comment(@PathVariable String id, @RequestBody CommentBody body, Authentication auth) {
        CurrentStaff me = worker(auth);
        return escalations.comment(id, required(body.text(), "text_required", "text"), me);
    }

    private static CurrentStaff worker(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("RND") && !me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Only R&D, supervisors and admins work escalations.");
        }
        return me;
    }

    private static List<EscalationStatus> statuses(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        List<EscalationStatus> found = new ArrayList<>();
        for (String s : csv.split(",")) {
            try {
                found.add(EscalationStatus.valueOf(s.strip()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("bad_parameter", "status: OPEN, ACKNOWLEDGED, RESOLVED, REJECTED (comma-separated)");
            }
        }
        return found;
    }

    private static String required(String text, String code, String field) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(code, field + ": required");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw ApiException.badRequest("text_too_long", field + ": at most " + MAX_TEXT + " characters");
        }
        return text.strip();
    }

    record CommentBody(String text) {
    }

    /** {@code {"status":"ACKNOWLEDGED"}}, {@code {"status":"RESOLVED","rootCause","fix"}} or {@code {"status":"REJECTED","reason"}}. */
    record MoveBody(String status, String rootCause, String fix, String reason) {

        Escalations.Transition valid() {
            EscalationStatus to = Arrays.stream(EscalationStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                    .filter(s -> s != EscalationStatus.OPEN)
                    .orElseThrow(() -> ApiException.badRequest("invalid_status", "status: ACKNOWLEDGED, RESOLVED or REJECTED"));
            return switch (to) {
                case RESOLVED -> new Escalations.Transition(to, required(rootCause, "root_cause_required", "rootCause"),
                        required(fix, "fix_required", "fix"), null);
                case REJECTED -> new Escalations.Transition(to, null, null, required(reason, "reason_required", "reason"));
                default -> new Escalations.Transition(to, null, null, null);
            };
        }
    }
}
