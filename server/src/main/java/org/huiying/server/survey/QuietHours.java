package org.huiying.server.survey;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily window in which nobody is messaged (default 21:00–08:00 Shanghai time). A window may
 * wrap past midnight; an empty setting means none.
 */
final class QuietHours {

    private static final Pattern WINDOW = Pattern.compile("(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");

    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    private QuietHours(LocalTime start, LocalTime end, ZoneId zone) {
        this.start = start;
        this.end = end;
        this.zone = zone;
    }

    /** Parses {@code HH:mm-HH:mm}; blank means no quiet hours. */
    static QuietHours parse(String window, ZoneId zone) {
        if (window == null || window.isBlank()) {
            return new QuietHours(null, null, zone);
        }
        Matcher m = WINDOW.matcher(window.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("huiying.survey.quiet-hours must look like 21:00-08:00, was " + window);
        }
        return new QuietHours(LocalTime.parse(m.group(1)), LocalTime.parse(m.group(2)), zone);
    }

    /** {@code at} itself if it is outside the window, else the end of the window it falls in. */
    Instant nextAllowed(Instant at) {
        if (start == null || start.equals(end)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = start.isAfter(end);
        boolean quiet = wraps ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return at;
        }
        ZonedDateTime endToday = local.with(end);
        return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
    }
}
