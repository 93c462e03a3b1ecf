package org.huiying.server.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiying.routing.TicketType;
import org.huiying.server.runtime.HuiyingProperties;
import org.huiying.server.storage.InstantRanges;
import org.huiying.server.ticket.TicketTimes;
import org.springframework.stereotype.Service;

/**
 * The tickets of a report's periods, tallied per type: whole days that are done come from their kept
 * tally ({@link DayRollups}), the rest (recent days, days with a ticket still open, the cut ends of a range
 * given in instants) are read ticket by ticket ({@link TicketTimes}) — and a day read that turns out done
 * is kept for next time. So a year reads ~400 kept days and only the last week's tickets.
 */
@Service
class TicketFigures {

    /** A day keeps only once it is this far behind: a ticket may still be stored a little after the moment it opened. */
    static final Duration SETTLE = Duration.ofHours(1);

    private final TicketTimes times;
    private final DayRollups rollups;
    private final ReportProperties properties;
    private final ZoneId zone;

    TicketFigures(TicketTimes times, DayRollups rollups, ReportProperties properties, HuiyingProperties huiying) {
        this.times = times;
        this.rollups = rollups;
        this.properties = properties;
        this.zone = huiying.zone();
    }

    /** A stretch of one period read ticket by ticket; {@code day} when it is a whole day (then it may be kept). */
    private record Live(int period, Instant start, Instant end, Instant day) {
    }

    /** Per period of {@code range} (index), per type: the tickets opened in it, judged at {@code now}. */
    List<Map<TicketType, Tally>> tallies(ReportRange range, Instant now) {
        Duration window = properties.firstContactWindow();
        InstantRanges periods = range.ranges();
        List<Map<TicketType, Tally>> tallies = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            tallies.add(new EnumMap<>(TicketType.class));
        }
        Map<Instant, Map<TicketType, Tally>> kept = rollups.between(periods.start(), periods.end(), zone, window);
        List<Live> live = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            for (Live piece : pieces(p, periods.start(p), periods.end(p))) {
                Map<TicketType, Tally> day = piece.day() == null ? null : kept.get(piece.day());
                if (day != null) {
                    day.forEach((type, t) -> tallies.get(piece.period()).computeIfAbsent(type, k -> new Tally()).add(t));
                } else {
                    live.add(piece);
                }
            }
        }
        if (!live.isEmpty()) {
            readLive(live, tallies, now, window);
        }
        return tallies;
    }

    /**
     * Reads and keeps the days of the last {@link ReportRange#LONGEST} not kept yet whose tickets are all
     * settled, so reports find them kept (run in the background: a first run on a year of history reads it
     * all once).
     */
    void keepDoneDays(Instant now) {
        Duration window = properties.firstContactWindow();
        LocalDate last = LocalDate.ofInstant(now.minus(SETTLE), zone).minusDays(1);
        LocalDate first = LocalDate.ofInstant(now.minus(ReportRange.LONGEST), zone);
        Set<Instant> done = rollups.done(first.atStartOfDay(zone).toInstant(), last.atStartOfDay(zone).toInstant(), zone, window);
        List<Live> missing = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Instant start = day.atStartOfDay(zone).toInstant();
            if (!done.contains(start)) {
                missing.add(new Live(0, start, day.plusDays(1).atStartOfDay(zone).toInstant(), start));
            }
        }
        if (!missing.isEmpty()) {
            List<Map<TicketType, Tally>> scratch = new ArrayList<>(List.of(new EnumMap<>(TicketType.class)));
            readLive(missing, scratch, now, window);
        }
    }

    private void readLive(List<Live> live, List<Map<TicketType, Tally>> tallies, Instant now, Duration window) {
        List<Map<TicketType, Tally>> days = new ArrayList<>();
        boolean[] unsettled = new boolean[live.size()];
        for (int i = 0; i < live.size(); i++) {
            days.add(new EnumMap<>(TicketType.class));
        }
        InstantRanges ranges = InstantRanges.of(live.stream().map(Live::start).toList(), live.stream().map(Live::end).toList());
        times.forEach(ranges, now, window, t -> {
            tallies.get(live.get(t.period()).period()).computeIfAbsent(t.type(), k -> new Tally()).add(t);
            days.get(t.period()).computeIfAbsent(t.type(), k -> new Tally()).add(t);
            unsettled[t.period()] |= !t.settled();
        });
        Map<Instant, Map<TicketType, Tally>> done = new java.util.LinkedHashMap<>();
        for (int i = 0; i < live.size(); i++) {
            Live piece = live.get(i);
            if (piece.day() != null && !unsettled[i] && !piece.end().plus(SETTLE).isAfter(now)) {
                done.put(piece.day(), days.get(i));
            }
        }
        if (!done.isEmpty()) {
            rollups.keep(done, zone, window);
        }
    }

    /** The whole days in {@code [start, end)} and the cut pieces at either end. */
    private List<Live> pieces(int period, Instant start, Instant end) {
        List<Live> pieces = new ArrayList<>();
        Instant at = start;
        while (at.isBefore(end)) {
            LocalDate day = LocalDate.ofInstant(at, zone);
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant to = dayEnd.isBefore(end) ? dayEnd : end;
            boolean whole = at.equals(dayStart) && to.equals(dayEnd);
            pieces.add(new Live(period, at, to, whole ? dayStart : null));
            at = to;
        }
        return merged(pieces);
    }

    /** Cut pieces next to each other are read as one stretch (only whole days are kept, so they stay apart). */
    private static List<Live> merged(List<Live> pieces) {
        List<Live> out = new ArrayList<>();
        for (Live piece : pieces) {
            Live last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.day() == null && piece.day() == null && last.end().equals(piece.start())) {
                out.set(out.size() - 1, new Live(piece.period(), last.start(), piece.end(), null));
            } else {
                out.add(piece);
            }
        }
        return out;
    }

    /** Every type's tally of a period together (the all-types figures). */
    static Tally all(Map<TicketType, Tally> byType) {
        Tally all = new Tally();
        byType.values().forEach(all::add);
        return all;
    }
}
