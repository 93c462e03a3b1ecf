package org.huiying.server.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Values for an {@code IN (:values)} parameter, padded with repeats of the last one up to the next
 * power of two: the number of placeholders, and with it the statement's text, takes a handful of
 * values instead of one per list size, so the database's statement cache keeps them prepared.
 */
public final class InLists {

    /**
     * The most values one statement gets from {@link #inChunks}: H2 checks every row it finds against
     * the list one value at a time, so a list of a thousand conversations cost half a million
     * comparisons a statement (a third of the agent-desk lookup thread under a full gateway).
     */
    public static final int CHUNK = 64;

    private InLists() {
    }

    /** Runs {@code query} on padded chunks of at most {@value #CHUNK} values and returns all it found. */
    public static <T, R> List<R> inChunks(Collection<T> values, Function<List<T>, List<R>> query) {
        List<T> all = new ArrayList<>(values);
        List<R> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(query.apply(padded(all.subList(from, Math.min(all.size(), from + CHUNK)))));
        }
        return found;
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
