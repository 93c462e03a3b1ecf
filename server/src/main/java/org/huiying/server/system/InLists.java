package org.huiying.server.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Values for an {@code IN (:values)} parameter, padded with repeats of the last one up to the next
 * power of two: the number of placeholders, and with it the statement's text, takes a handful of
 * values instead of one per list size, so the database's statement cache keeps them prepared.
 */
public final class InLists {

    private InLists() {
    }

    public static <T> List<T> padded(Collection<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        List<T> padded = new ArrayList<>(values);
        int size = Integer.highestOneBit(padded.size());
        if (size < padded.size()) {
            size <<= 1;
        }
        T last = padded.get(padded.size() - 1);
        while (padded.size() < size) {
            padded.add(last);
        }
        return padded;
    }
}
