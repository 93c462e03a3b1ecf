package org.huiying.server.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A table the product ships with, extended by the admin's own lines kept in the database ({@link RuleTexts}):
 * edited from /admin/, in force on every node within {@link #RECHECK_EVERY} of a save and at once on the
 * node that saved, without a restart. A text that does not parse is refused before it is stored, so the
 * version in force always parses. The first time, the admin's file from the data directory (how these
 * rules were edited before) becomes the first version.
 *
 * @param <T> what the text is read into
 */
public final class EditableRule<T> {

    static final Duration RECHECK_EVERY = Duration.ofSeconds(5);

    /** The admin's text as stored, with who saved it and when (both null for the empty first version). */
    public record Text(String body, Long updatedBy, Instant updatedAt) {
    }

    private final RuleTexts store;
    private final String name;
    private final Supplier<T> defaults;
    private final BiFunction<T, InputStream, T> extend;
    private volatile Loaded<T> loaded;

    private record Loaded<T>(long version, T table, long checkedAtNanos) {
    }

    EditableRule(RuleTexts store, String name, Supplier<T> defaults, BiFunction<T, InputStream, T> extend, Path legacyFile) {
        this.store = store;
        this.name = name;
        this.defaults = defaults;
        this.extend = extend;
        if (store.latest(name).isEmpty() && legacyFile != null && Files.isRegularFile(legacyFile)) {
            try {
                String text = Files.readString(legacyFile, StandardCharsets.UTF_8);
                parse(text);
                store.save(name, text, null);
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                // a broken old file is not carried over; the shipped table stays in force
            }
        }
    }

    /** The table in force. */
    public T get() {
        Loaded<T> l = loaded;
        if (l != null && System.nanoTime() - l.checkedAtNanos() < RECHECK_EVERY.toNanos()) {
            return l.table();
        }
        return reload(l);
    }

    private synchronized T reload(Loaded<T> seen) {
        if (loaded != seen) {
            return loaded.table();
        }
        long version = store.latestVersion(name);
        if (seen != null && seen.version() == version) {
            loaded = new Loaded<>(version, seen.table(), System.nanoTime());
            return seen.table();
        }
        T table = store.latest(name).map(t -> parse(t.body())).orElseGet(defaults);
        loaded = new Loaded<>(version, table, System.nanoTime());
        return table;
    }

    public Text text() {
        return store.latest(name).orElse(new Text("", null, null));
    }

    /** The shipped table extended by {@code text}; an {@link IllegalArgumentException} names the line that does not parse. */
    public T parse(String text) {
        if (text == null || text.isBlank()) {
            return defaults.get();
        }
        return extend.apply(defaults.get(), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Checks, stores and puts in force the admin's new text. */
    public synchronized void replace(String text, long byStaffId) {
        parse(text);
        store.save(name, text, byStaffId);
        loaded = null;
    }
}
