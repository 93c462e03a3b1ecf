package org.huiying.server.expert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.huiying.server.web.InstantParam;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.Tickets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How the expert desk keeps the seed's promise (answers in 5 minutes on average), and what it is asked about. */
@RestController
class ExpertReportController {

    static final long TARGET_SECONDS = 300;

    private final TechQuestions questionsAsked;
    private final Tickets tickets;
    private final Clock clock;

    ExpertReportController(TechQuestions questionsAsked, Tickets tickets, Clock clock) {
        this.questionsAsked = questionsAsked;
        this.tickets = tickets;
        this.clock = clock;
    }

    record CodeCount(String model, String code, long questions) {
    }

    record Report(long questions, long answered, Double averageFirstResponseSeconds, Double withinTargetShare,
                  long targetSeconds, List<CodeCount> topCodes) {
    }

    @PreAuthorize("hasAnyRole('EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/reports/experts")
    Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN") && !me.has("EXPERT")) {
            throw ApiException.forbidden("Only experts, supervisors and admins see this report.");
        }
        Instant end = InstantParam.parse("to", to, clock.instant());
        Instant start = InstantParam.parse("from", from, end.minus(Duration.ofDays(30)));
        long questions = 0;
        List<Long> answerSeconds = new ArrayList<>();
        Map<String, Long> codes = new HashMap<>();
        List<TechQuestions.Asked> asked = questionsAsked.askedBetween(start, end);
        Map<String, Ticket> ticketOf = tickets.getAll(asked.stream().map(TechQuestions.Asked::ticketId).toList());
        for (TechQuestions.Asked q : asked) {
            questions++;
            Ticket ticket = ticketOf.get(q.ticketId());
            if (ticket != null && ticket.sla().firstRespondedAt() != null) {
                answerSeconds.add(Duration.between(ticket.openedAt(), ticket.sla().firstRespondedAt()).toSeconds());
            }
            String model = q.model() == null ? "未知车型" : q.model();
            for (String code : q.dtcCodes().split(",")) {
                if (!code.isEmpty()) {
                    codes.merge(model + "\t" + code, 1L, Long::sum);
                }
            }
        }
        Double average = answerSeconds.isEmpty() ? null : answerSeconds.stream().mapToLong(Long::longValue).average().orElse(0);
        Double within = answerSeconds.isEmpty() ? null
                : answerSeconds.stream().filter(s -> s <= TARGET_SECONDS).count() / (double) answerSeconds.size();
        List<CodeCount> top = codes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20)
                .map(e -> {
                    String[] k = e.getKey().split("\t");
                    return new CodeCount(k[0], k[1], e.getValue());
                })
                .toList();
        return new Report(questions, answerSeconds.size(), average, within, TARGET_SECONDS, top);
    }

}
