package org.huiying.server.expert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.huiying.server.runtime.HuiyingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The photos on disk: {@code <photo dir>/<id>.<jpg|png>}, each on the disk before anyone is told it is stored. */
@Component
class PhotoFiles {

    private static final Logger log = LoggerFactory.getLogger(PhotoFiles.class);
    /** Ids are ours ({@code ph_} and URL-safe base64); checked again so no id can name a path elsewhere. */
    private static final Pattern ID = Pattern.compile("ph_[A-Za-z0-9_-]{10,40}");

    private final Path dir;

    PhotoFiles(ExpertProperties properties, HuiyingProperties huiying) {
        this.dir = properties.photoDirUnder(huiying);
    }

    /** Writes the file and forces it to the disk; a half-written file never carries the photo's name. */
    void write(String id, PhotoFormat format, byte[] data) {
        Path target = file(id, format);
        try {
            Files.createDirectories(dir);
            Path partial = dir.resolve(id + ".part");
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store photo " + id, e);
        }
    }

    Path file(String id, PhotoFormat format) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a photo id: " + id);
        }
        return dir.resolve(id + "." + format.extension());
    }

    /** Best effort: a file left behind is only disk space, never shown (no row points at it). */
    void delete(String id, PhotoFormat format) {
        try {
            Files.deleteIfExists(file(id, format));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete photo file {}", id, e);
        }
    }
}
