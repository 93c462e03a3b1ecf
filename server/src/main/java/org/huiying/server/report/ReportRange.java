package org.huiying.server.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.huiying.server.storage.InstantRanges;
import org.huiying.server.web.ApiException;

/**
 * A report's time range {@code [from, to)} cut into periods. {@code from} and {@code to} are ISO instants
 * or dates in the centre's zone: a date {@code from} starts at the beginning of that day, a date
 * {@code to} includes that whole day. Without them: the last 30 days up to now. At most 400 days.
 */
record ReportRange(Instant from, Instant to, GroupBy groupBy, List<String> labels, InstantRanges ranges) {

    static final Duration LONGEST = Duration.ofDays(400);
    static final Duration DEFAULT = Duration.ofDays(30);

    static ReportRange parse(String from, String to, String groupBy, Instant now, ZoneId zone) {
        GroupBy by = GroupBy.parse(groupBy);
        Instant end = to == null || to.isBlank() ? now : instant("to", to, zone, true);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT) : instant("from", from, zone, false);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("invalid_range", "from must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ApiException.badRequest("range_too_long", "from–to: at most 400 days");
        }
        return of(start, end, by, zone);
    }

    /** The periods of {@code by} covering {@code [start, end)}; the first and last may be cut short by the range. */
    static ReportRange of(Instant start, Instant end, GroupBy by, ZoneId zone) {
        List<Instant> bounds = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        bounds.add(start);
        LocalDate period = by.periodStart(LocalDate.ofInstant(start, zone));
        while (true) {
            labels.add(by.label(period));
            period = by.next(period);
            Instant next = period.atStartOfDay(zone).toInstant();
            if (!next.isBefore(end)) {
                bounds.add(end);
                break;
            }
            bounds.add(next);
        }
        return new ReportRange(start, end, by, List.copyOf(labels), InstantRanges.of(bounds));
    }

    String label(int period) {
        return labels.get(period);
    }

    private static Instant instant(String name, String value, ZoneId zone, boolean end) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("bad_parameter", name + ": a date such as 2026-11-01 or an instant such as 2026-11-01T00:00:00Z");
        }
    }
}
