package org.huiying.server.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.huiying.server.runtime.HuiyingProperties;
import org.huiying.server.storage.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every {@code huiying.reports.check-every}: the thresholds are checked at the clock's time, finished days
 * get their tickets' tallies kept, and a month just over gets its report kept (so on the 1st, shortly after
 * midnight, for the month before). Each node checks; the alerts' keys and the days' and month's rows make
 * the outcome once.
 */
@Component
class ReportJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);

    private final CsatAlert csat;
    private final FaultCodeAlert faultCodes;
    private final ReworkAlert rework;
    private final OverrunAlert overrun;
    private final MonthlyReports monthly;
    private final TicketFigures tickets;
    private final ReportProperties properties;
    private final HuiyingProperties huiying;
    private final Clock clock;
    private final ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "report-checks"));

    ReportJobs(CsatAlert csat, FaultCodeAlert faultCodes, ReworkAlert rework, OverrunAlert overrun, MonthlyReports monthly,
               TicketFigures tickets, ReportProperties properties, HuiyingProperties huiying, Clock clock) {
        this.csat = csat;
        this.faultCodes = faultCodes;
        this.rework = rework;
        this.overrun = overrun;
        this.monthly = monthly;
        this.tickets = tickets;
        this.properties = properties;
        this.huiying = huiying;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        long every = properties.checkEvery().toMillis();
        work.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
    }

    /** One round at the clock's time; each part on its own, so one failing does not stop the others. */
    void run() {
        Instant now = Timestamps.now(clock);
        ZoneId zone = huiying.zone();
        quietly("CSAT alert", () -> csat.check(now, zone));
        quietly("fault-code alert", () -> faultCodes.check(now, zone));
        quietly("rework alert", () -> rework.check(now, zone));
        quietly("overrun alert", () -> overrun.check(now, zone));
        quietly("finished days", () -> tickets.keepDoneDays(now));
        quietly("monthly report", monthly::keepLastMonth);
    }

    private static void quietly(String what, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            log.warn("{} check failed; the next round retries", what, e);
        }
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
