package org.huiying.server.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranges of instants, each {@code [start, end)}, in order and not overlapping, numbered from 0: report
 * periods (days, weeks, months in the centre's zone) as a derived table a statement joins its rows to
 * and groups by. The boundaries are computed by the caller, so periods follow the calendar (months of
 * different lengths, a zone's daylight saving) without date arithmetic in SQL, which H2 and PostgreSQL
 * spell differently.
 */
public final class InstantRanges {

    private final List<Instant> starts;
    private final List<Instant> ends;

    private InstantRanges(List<Instant> starts, List<Instant> ends) {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("at least one range");
        }
        for (int i = 0; i < starts.size(); i++) {
            if (!ends.get(i).isAfter(starts.get(i)) || i > 0 && starts.get(i).isBefore(ends.get(i - 1))) {
                throw new IllegalArgumentException("ranges must be non-empty, in order and apart: " + starts + " " + ends);
            }
        }
        this.starts = List.copyOf(starts);
        this.ends = List.copyOf(ends);
    }

    /** Consecutive ranges: {@code bounds} strictly increasing, range i from bound i to bound i + 1. */
    public static InstantRanges of(List<Instant> bounds) {
        if (bounds.size() < 2) {
            throw new IllegalArgumentException("at least one range (two bounds)");
        }
        return new InstantRanges(bounds.subList(0, bounds.size() - 1), bounds.subList(1, bounds.size()));
    }

    /** Ranges with gaps between them allowed: range i from {@code starts[i]} to {@code ends[i]}. */
    public static InstantRanges of(List<Instant> starts, List<Instant> ends) {
        if (starts.size() != ends.size()) {
            throw new IllegalArgumentException("a start for every end");
        }
        return new InstantRanges(new ArrayList<>(starts), new ArrayList<>(ends));
    }

    public int size() {
        return starts.size();
    }

    /** The first range's start. */
    public Instant start() {
        return starts.get(0);
    }

    /** The last range's end. */
    public Instant end() {
        return ends.get(ends.size() - 1);
    }

    public Instant start(int range) {
        return starts.get(range);
    }

    public Instant end(int range) {
        return ends.get(range);
    }

    /**
     * {@code (VALUES (0, ?, ?), (1, ?, ?), …) AS alias (idx, starts, ends)}, the instants bound by
     * {@link #params()} in this order. Join on {@code x >= alias.starts AND x < alias.ends}.
     */
    public String table(String alias) {
        StringBuilder sql = new StringBuilder("(VALUES ");
        for (int i = 0; i < size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('(').append(i)
                    .append(", CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE))");
        }
        return sql.append(") AS ").append(alias).append(" (idx, starts, ends)").toString();
    }

    /** The parameters of {@link #table}: each range's start and end. */
    public List<Object> params() {
        List<Object> params = new ArrayList<>(2 * size());
        for (int i = 0; i < size(); i++) {
            params.add(Timestamps.sql(start(i)));
            params.add(Timestamps.sql(end(i)));
        }
        return params;
    }
}
