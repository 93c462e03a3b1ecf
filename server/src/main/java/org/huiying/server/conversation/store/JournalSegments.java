package org.huiying.server.conversation.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The journal's files: numbered segments of length-prefixed, checksummed records, appended and
 * forced to the disk in groups. A crash can leave a torn record at the end of the last segment;
 * it was never acknowledged (its group's force had not returned), so recovery cuts it off.
 */
final class JournalSegments implements AutoCloseable {

    /** Where a record ends: the journal is applied up to such a point. */
    record Position(long segment, long offset) implements Comparable<Position> {
        static final Position START = new Position(0, 0);

        @Override
        public int compareTo(Position o) {
            return segment != o.segment ? Long.compare(segment, o.segment) : Long.compare(offset, o.offset);
        }
    }

    /** A record read back at start, with the point it ends at. */
    record Recovered(byte[] payload, Position end) {
    }

    private static final int HEADER = 8;
    private static final int MAX_RECORD = 1 << 20;

    private final Path dir;
    private final long segmentBytes;
    private final List<Recovered> recovered;
    private long segment;
    private FileChannel channel;
    private long offset;

    private JournalSegments(Path dir, long segmentBytes, Position applied) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(dir);
        TreeMap<Long, Path> files = segmentFiles();
        this.recovered = new ArrayList<>();
        for (var file : files.entrySet()) {
            if (file.getKey() < applied.segment()) {
                continue;
            }
            long from = file.getKey() == applied.segment() ? applied.offset() : 0;
            long validEnd = read(file.getKey(), file.getValue(), from);
            boolean last = file.getKey().equals(files.lastKey());
            if (validEnd < Files.size(file.getValue())) {
                if (!last) {
                    throw new IOException("journal segment " + file.getValue() + " is damaged at byte " + validEnd
                            + " and is not the last one: refusing to start without its messages");
                }
                try (FileChannel cut = FileChannel.open(file.getValue(), StandardOpenOption.WRITE)) {
                    cut.truncate(validEnd);
                    cut.force(true);
                }
            }
        }
        segment = files.isEmpty() ? Math.max(1, applied.segment()) : Math.max(files.lastKey(), applied.segment());
        channel = openSegment(segment);
        offset = channel.size();
    }

    /** Opens the journal in {@code dir}, reading back every record after {@code applied}. */
    static JournalSegments open(Path dir, long segmentBytes, Position applied) throws IOException {
        return new JournalSegments(dir, segmentBytes, applied);
    }

    /** Records after the applied point found when the journal was opened, in order. */
    List<Recovered> recovered() {
        return recovered;
    }

    /**
     * Writes the records and forces them to the disk; returns where each ends. Only after this
     * returns may anyone be told they are stored.
     */
    List<Position> append(List<byte[]> payloads) throws IOException {
        if (offset >= segmentBytes) {
            channel.force(true);
            channel.close();
            channel = openSegment(++segment);
            offset = 0;
            forceDirectory();
        }
        int total = 0;
        for (byte[] p : payloads) {
            total += HEADER + p.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        List<Position> ends = new ArrayList<>(payloads.size());
        long at = offset;
        CRC32C crc = new CRC32C();
        for (byte[] p : payloads) {
            crc.reset();
            crc.update(p);
            buffer.putInt(p.length).putInt((int) crc.getValue()).put(p);
            at += HEADER + p.length;
            ends.add(new Position(segment, at));
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer, offset + buffer.position());
        }
        channel.force(false);
        offset = at;
        return ends;
    }

    /** Deletes the segments wholly before {@code applied}: their every record is in the database. */
    void deleteBefore(Position applied) throws IOException {
        for (var file : segmentFiles().headMap(applied.segment()).values()) {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private long read(long number, Path file, long from) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            long at = from;
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            CRC32C crc = new CRC32C();
            while (at + HEADER <= size) {
                header.clear();
                readFully(in, header, at);
                int length = header.getInt(0);
                int sum = header.getInt(4);
                if (length <= 0 || length > MAX_RECORD || at + HEADER + length > size) {
                    return at;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(in, payload, at + HEADER);
                crc.reset();
                crc.update(payload.array());
                if ((int) crc.getValue() != sum) {
                    return at;
                }
                at += HEADER + length;
                recovered.add(new Recovered(payload.array(), new Position(number, at)));
            }
            return at;
        }
    }

    private static void readFully(FileChannel in, ByteBuffer into, long at) throws IOException {
        while (into.hasRemaining()) {
            if (in.read(into, at + into.position()) < 0) {
                throw new IOException("unexpected end of journal segment");
            }
        }
    }

    private FileChannel openSegment(long number) throws IOException {
        return FileChannel.open(dir.resolve(String.format("%016d.log", number)),
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** A new segment's name must survive a power cut as well as its records do. */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory; the segment's own force still holds its data
        }
    }

    private TreeMap<Long, Path> segmentFiles() throws IOException {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.matches("\\d{16}\\.log")) {
                    files.put(Long.parseLong(name.substring(0, 16)), p);
                }
            });
        }
        return files;
    }
}
