package org.huiying.server.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.huiying.kb.analysis.SynonymDictionary;

/** The admin-editable synonym file in the data dir, and whether it changed since it was last read. */
final class DictionaryFile {

    private final Path file;
    private FileTime readAt;

    DictionaryFile(Path file) {
        this.file = file;
    }

    synchronized SynonymDictionary read() {
        try {
            readAt = Files.getLastModifiedTime(file);
            return SynonymDictionary.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized boolean changed() {
        try {
            return Files.exists(file) && !Files.getLastModifiedTime(file).equals(readAt);
        } catch (IOException e) {
            return false;
        }
    }

    Path path() {
        return file;
    }
}
