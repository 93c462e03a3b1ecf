package org.huiying.server.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.huiying.server.web.ApiException;

/** How a report's range is cut into periods: calendar days, ISO weeks (Monday first) or months, in the centre's zone. */
enum GroupBy {
    DAY, WEEK, MONTH;

    static GroupBy parse(String value) {
        if (value == null || value.isBlank()) {
            return DAY;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_group_by", "groupBy: day, week or month");
        }
    }

    /** The first day of the period holding {@code day}. */
    LocalDate periodStart(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    LocalDate next(LocalDate periodStart) {
        return switch (this) {
            case DAY -> periodStart.plusDays(1);
            case WEEK -> periodStart.plusWeeks(1);
            case MONTH -> periodStart.plusMonths(1);
        };
    }

    /** 2026-11-05, 2026-W45, 2026-11. */
    String label(LocalDate periodStart) {
        return switch (this) {
            case DAY -> periodStart.toString();
            case WEEK -> String.format("%d-W%02d", periodStart.get(IsoFields.WEEK_BASED_YEAR), periodStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> periodStart.format(DateTimeFormatter.ofPattern("yyyy-MM"));
        };
    }

    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
