package org.huiying.server.report;

import java.time.Clock;
import java.util.Locale;
import org.huiying.routing.TicketType;
import org.huiying.server.runtime.HuiyingProperties;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervisors' reports: SLA compliance, service figures, problems by vehicle and the monthly report. */
@RestController
class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SlaReport sla;
    private final ServiceReport service;
    private final ProblemReport problems;
    private final MonthlyReports monthly;
    private final HuiyingProperties huiying;
    private final Clock clock;

    ReportController(SlaReport sla, ServiceReport service, ProblemReport problems, MonthlyReports monthly,
                     HuiyingProperties huiying, Clock clock) {
        this.sla = sla;
        this.service = service;
        this.problems = problems;
        this.monthly = monthly;
        this.huiying = huiying;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/reports/sla")
    SlaReport.Report sla(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String type, @RequestParam(required = false) String groupBy,
                         Authentication auth) {
        supervisor(auth);
        TicketType ticketType = type(type);
        return sla.of(ReportRange.parse(from, to, groupBy, clock.instant(), huiying.zone()), ticketType);
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/reports/service")
    ServiceReport.Report service(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String groupBy, Authentication auth) {
        supervisor(auth);
        return service.of(ReportRange.parse(from, to, groupBy, clock.instant(), huiying.zone()));
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/reports/problems")
    ProblemReport.Report problems(@RequestParam(required = false) String month, Authentication auth) {
        supervisor(auth);
        ReportMonth asked = ReportMonth.parse(month, ReportMonth.current(clock.instant(), huiying.zone()), huiying.zone());
        if (asked.month().isAfter(ReportMonth.current(clock.instant(), huiying.zone()))) {
            throw ApiException.badRequest("invalid_month", "month: " + asked + " has not begun");
        }
        return problems.of(asked);
    }

    /** {@code format}: json (default), csv or xlsx. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/reports/monthly")
    ResponseEntity<?> monthly(@RequestParam(required = false) String month, @RequestParam(required = false) String format,
                              Authentication auth) {
        supervisor(auth);
        String as = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        if (!as.equals("json") && !as.equals("csv") && !as.equals("xlsx")) {
            throw ApiException.badRequest("invalid_format", "format: json, csv or xlsx");
        }
        MonthlyReport report = monthly.get(month);
        return switch (as) {
            case "csv" -> file(MonthlyFiles.csv(report, huiying.zone()), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                    report.month(), "csv");
            case "xlsx" -> file(MonthlyFiles.xlsx(report, huiying.zone()), XLSX, report.month(), "xlsx");
            default -> ResponseEntity.ok(report);
        };
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String month, String extension) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("huiying-monthly-report-" + month + "." + extension).build().toString())
                .body(body);
    }

    private static TicketType type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return TicketType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_type", "type: one of INQUIRY, COMPLAINT, APPOINTMENT, TECH_SUPPORT, CALLBACK, ROADSIDE");
        }
    }

    private static void supervisor(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Only supervisors and admins see reports.");
        }
    }
}
