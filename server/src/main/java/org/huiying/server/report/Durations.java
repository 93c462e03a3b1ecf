package org.huiying.server.report;

import java.util.Arrays;

/**
 * Durations in milliseconds, gathered unsorted and read as percentiles the way SQL's PERCENTILE_CONT reads
 * them (linear between the two nearest ranks), without a boxed value per ticket: a year holds a million.
 */
final class Durations {

    private long[] values = new long[16];
    private int size;
    private boolean sorted = true;

    void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
        sorted = false;
    }

    void addAll(Durations other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    long sum() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum;
    }

    int atMost(long millis) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] <= millis) {
                n++;
            }
        }
        return n;
    }

    /** The {@code fraction} percentile in milliseconds; null when empty. */
    Double percentile(double fraction) {
        if (size == 0) {
            return null;
        }
        long[] in = sorted();
        double position = fraction * (size - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return in[below] + (position - below) * (in[above] - in[below]);
    }

    /** Ascending, as stored in a day's roll-up. */
    long[] sorted() {
        if (!sorted) {
            values = Arrays.copyOf(values, size);
            Arrays.sort(values);
            sorted = true;
        }
        return size == values.length ? values : Arrays.copyOf(values, size);
    }
}
