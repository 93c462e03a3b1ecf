package org.huiying.server.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiying.routing.TicketType;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finished days' tallies ({@code report_day}), per type, kept once nothing about the day's tickets can
 * change: written once, read for every range that covers the day. A day done with no ticket at all has
 * only its marker row (type {@code *}). Kept per zone and first-contact window, the two settings that
 * decide what a day and a first contact are.
 */
@Repository
class DayRollups {

    static final String DONE = "*";
    /** A day's list longer than this is not kept (the column holds 1,000,000 characters): it is counted live. */
    private static final int LONGEST = 900_000;

    private static final String[] EMPTY = {"", ""};
    private static final String INSERT = """
            INSERT INTO report_day (day_start, zone, window_seconds, ticket_type, opened, fr_judged, fr_met, res_judged,
              res_met, breaches, first_contact, fr_ms, res_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DayRollups(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Tallies of the days done starting in {@code [from, to]}: day start → type → tally (a done day without tickets maps to an empty map). */
    Map<Instant, Map<TicketType, Tally>> between(Instant from, Instant to, ZoneId zone, Duration window) {
        Map<Instant, Map<TicketType, Tally>> days = new HashMap<>();
        jdbc.sql("""
                        SELECT day_start, ticket_type, opened, fr_judged, fr_met, res_judged, res_met, breaches, first_contact, fr_ms, res_ms
                        FROM report_day WHERE day_start >= ? AND day_start <= ? AND zone = ? AND window_seconds = ?""")
                .params(Timestamps.sql(from), Timestamps.sql(to), zone.getId(), window.toSeconds())
                .query(rs -> {
                    Map<TicketType, Tally> day = days.computeIfAbsent(Timestamps.read(rs, "day_start"), k -> new HashMap<>());
                    String type = rs.getString("ticket_type");
                    if (DONE.equals(type)) {
                        return;
                    }
                    Tally t = new Tally();
                    t.opened = rs.getInt("opened");
                    t.firstResponseJudged = rs.getInt("fr_judged");
                    t.firstResponseMet = rs.getInt("fr_met");
                    t.resolutionJudged = rs.getInt("res_judged");
                    t.resolutionMet = rs.getInt("res_met");
                    t.breaches = rs.getInt("breaches");
                    t.firstContact = rs.getInt("first_contact");
                    decode(rs.getString("fr_ms"), t.firstResponse);
                    decode(rs.getString("res_ms"), t.resolution);
                    day.put(TicketType.valueOf(type), t);
                });
        return days;
    }

    /** The days done starting in {@code [from, to]}. */
    Set<Instant> done(Instant from, Instant to, ZoneId zone, Duration window) {
        return new HashSet<>(jdbc.sql("""
                        SELECT day_start FROM report_day WHERE day_start >= ? AND day_start <= ? AND zone = ? AND window_seconds = ?
                          AND ticket_type = ?""")
                .params(Timestamps.sql(from), Timestamps.sql(to), zone.getId(), window.toSeconds(), DONE)
                .query((rs, n) -> Timestamps.read(rs, "day_start")).list());
    }

    /**
     * Keeps done days, all in one transaction (on the embedded database every commit waits for the disk);
     * a day another node or request kept first is left as it is. A day whose list of durations would not
     * fit its column is not kept, and is counted live.
     */
    @Transactional
    void keep(Map<Instant, Map<TicketType, Tally>> days, ZoneId zone, Duration window) {
        List<Instant> starts = new ArrayList<>();
        Map<Instant, Map<String, String[]>> lists = new HashMap<>();
        days.forEach((start, day) -> {
            Map<String, String[]> encoded = new HashMap<>();
            for (Map.Entry<TicketType, Tally> e : day.entrySet()) {
                encoded.put(e.getKey().name(), new String[] {encode(e.getValue().firstResponse), encode(e.getValue().resolution)});
            }
            if (encoded.values().stream().allMatch(l -> l[0].length() <= LONGEST && l[1].length() <= LONGEST)) {
                starts.add(start);
                lists.put(start, encoded);
            }
        });
        if (starts.isEmpty()) {
            return;
        }
        int[] marked = batch.batchUpdate(INSERT, starts.stream().map(start -> row(start, zone, window, DONE, new Tally(), EMPTY)).toList());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = starts.get(i);
            if (marked[i] != 0) { // 0: kept first by someone else
                days.get(start).forEach((type, t) -> rows.add(row(start, zone, window, type.name(), t, lists.get(start).get(type.name()))));
            }
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate(INSERT, rows);
        }
    }

    private static Object[] row(Instant dayStart, ZoneId zone, Duration window, String type, Tally t, String[] lists) {
        return new Object[] {Timestamps.sql(dayStart), zone.getId(), window.toSeconds(), type, t.opened, t.firstResponseJudged,
                t.firstResponseMet, t.resolutionJudged, t.resolutionMet, t.breaches, t.firstContact, lists[0], lists[1]};
    }

    /** Sorted values as base-36 steps: 1000,1500,4000 → "rs,dw,1xs" (the first from 0). */
    static String encode(Durations durations) {
        StringBuilder out = new StringBuilder();
        long before = 0;
        for (long v : durations.sorted()) {
            out.append(out.length() == 0 ? "" : ",").append(Long.toString(v - before, 36));
            before = v;
        }
        return out.toString();
    }

    static void decode(String encoded, Durations into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        long value = 0;
        int from = 0;
        while (from <= encoded.length()) {
            int comma = encoded.indexOf(',', from);
            int to = comma < 0 ? encoded.length() : comma;
            value += Long.parseLong(encoded, from, to, 36);
            into.add(value);
            from = to + 1;
        }
    }
}
