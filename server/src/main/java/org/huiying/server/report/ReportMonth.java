package org.huiying.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.huiying.server.web.ApiException;

/** A calendar month in the centre's zone, as reports take it ({@code 2026-11}). */
record ReportMonth(YearMonth month, ZoneId zone) {

    static ReportMonth parse(String value, YearMonth fallback, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return new ReportMonth(fallback, zone);
        }
        try {
            return new ReportMonth(YearMonth.parse(value.strip()), zone);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_month", "month: a month such as 2026-11");
        }
    }

    static YearMonth current(Instant now, ZoneId zone) {
        return YearMonth.from(LocalDate.ofInstant(now, zone));
    }

    Instant start() {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    ReportMonth previous() {
        return new ReportMonth(month.minusMonths(1), zone);
    }

    /** The month before and this one, as two periods (0: before, 1: this). */
    ReportRange withPrevious() {
        return ReportRange.of(previous().start(), end(), GroupBy.MONTH, zone);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
