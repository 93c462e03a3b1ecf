package org.huiying.server.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive ranges of instants, each {@code [start, end)}, numbered from 0: report periods (days,
 * weeks, months in the centre's zone) as a derived table a statement joins its rows to and groups by.
 * The boundaries are computed by the caller, so periods follow the calendar (months of different
 * lengths, a zone's daylight saving) without date arithmetic in SQL, which H2 and PostgreSQL spell
 * differently.
 */
public final class InstantRanges {

    private final List<Instant> bounds;

    private InstantRanges(List<Instant> bounds) {
        this.bounds = List.copyOf(bounds);
    }

    /** {@code bounds}: at least two instants, strictly increasing; range i runs from bound i to bound i + 1. */
    public static InstantRanges of(List<Instant> bounds) {
        if (bounds.size() < 2) {
            throw new IllegalArgumentException("at least one range (two bounds)");
        }
        for (int i = 1; i < bounds.size(); i++) {
            if (!bounds.get(i).isAfter(bounds.get(i - 1))) {
                throw new IllegalArgumentException("bounds must increase: " + bounds);
            }
        }
        return new InstantRanges(bounds);
    }

    public int size() {
        return bounds.size() - 1;
    }

    public Instant start() {
        return bounds.get(0);
    }

    public Instant end() {
        return bounds.get(bounds.size() - 1);
    }

    public Instant start(int range) {
        return bounds.get(range);
    }

    public Instant end(int range) {
        return bounds.get(range + 1);
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
