package org.huiying.server.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table the product ships with, extended by an admin's file in the data directory and re-read
 * whenever that file changes — no restart. A broken file is reported in the log and the last
 * good version stays in force.
 *
 * @param <T> what the file is read into
 */
public final class EditableFile<T> {

    private static final Logger log = LoggerFactory.getLogger(EditableFile.class);

    private final Path file;
    private final Supplier<T> defaults;
    private final BiFunction<T, InputStream, T> extend;
    private volatile T current;
    private volatile FileTime loaded;

    /**
     * @param extend returns the defaults extended by the admin's file (it must not change the defaults passed in)
     */
    public EditableFile(Path file, Supplier<T> defaults, BiFunction<T, InputStream, T> extend) {
        this.file = file;
        this.defaults = defaults;
        this.extend = extend;
        this.current = defaults.get();
    }

    /** The table as of the file's current contents. */
    public T get() {
        reloadIfChanged();
        return current;
    }

    private synchronized void reloadIfChanged() {
        try {
            FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (modified == null ? loaded == null : modified.equals(loaded)) {
                return;
            }
            T table = defaults.get();
            if (modified != null) {
                try (InputStream in = Files.newInputStream(file)) {
                    table = extend.apply(table, in);
                }
                log.info("Reloaded {}", file);
            }
            current = table;
            loaded = modified;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            log.warn("Ignoring {}: {}; the previous version stays in force", file, e.getMessage());
        }
    }
}
