package org.huiying.server.telephony.voice;

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

/**
 * The floor sees the phones: callers waiting now, and over a period how many waited for a person, how
 * many were answered and how fast (the service level: answered within
 * {@code huiying.voice.service-level-threshold} of all who waited), and how many hung up waiting.
 */
@RestController
class CallReportController {

    static final Duration MAX_RANGE = Duration.ofDays(400);

    /** Rates 0–1; times in seconds; null where nothing was measured. */
    record Report(long offered, long answered, long abandoned, Double averageSpeedOfAnswerSeconds, Double serviceLevel,
                  long serviceLevelThresholdSeconds, long longestWaitSeconds, Double averageHandleSeconds) {
    }

    private final CallFigures figures;
    private final VoiceProperties voice;
    private final Clock clock;

    CallReportController(CallFigures figures, VoiceProperties voice, Clock clock) {
        this.figures = figures;
        this.voice = voice;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/reports/calls")
    Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Authentication auth) {
        supervisorsOnly(auth);
        Instant now = clock.instant();
        Instant end = InstantParam.parse("to", to, now);
        Instant start = InstantParam.parse("from", from, end.minus(Duration.ofDays(1)));
        if (start.isAfter(end)) {
            throw ApiException.badRequest("bad_range", "from must not be after to");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ApiException.badRequest("bad_range", "a report covers at most 400 days");
        }
        List<CallFigures.QueuedCall> calls = figures.queuedBetween(start, end);
        List<CallFigures.QueuedCall> answered = calls.stream().filter(CallFigures.QueuedCall::answered).toList();
        long threshold = voice.serviceLevelThreshold().toSeconds();
        long withinThreshold = answered.stream().filter(c -> c.waited(now).toSeconds() <= threshold).count();
        Double speed = answered.isEmpty() ? null : answered.stream().mapToLong(c -> c.waited(now).toSeconds()).average().orElse(0);
        List<Long> handled = answered.stream().filter(c -> c.endedAt() != null)
                .map(c -> Duration.between(c.answeredAt(), c.endedAt()).toSeconds()).toList();
        return new Report(calls.size(), answered.size(), calls.stream().filter(CallFigures.QueuedCall::abandoned).count(), speed,
                calls.isEmpty() ? null : withinThreshold / (double) calls.size(), threshold,
                calls.stream().mapToLong(c -> c.waited(now).toSeconds()).max().orElse(0),
                handled.isEmpty() ? null : handled.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/calls/live")
    CallFigures.Live live(Authentication auth) {
        supervisorsOnly(auth);
        return figures.live(clock.instant());
    }

    private static void supervisorsOnly(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Only supervisors and admins see the hotline's figures.");
        }
    }
}
