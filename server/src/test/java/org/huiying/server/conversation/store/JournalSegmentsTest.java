package org.huiying.server.conversation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSegmentsTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(JournalSegments segments) {
        return segments.recovered().stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void recordsWrittenBeforeARestartAreReadBackFromTheAppliedPointOn() throws IOException {
        List<JournalSegments.Position> ends;
        try (JournalSegments segments = JournalSegments.open(dir, 1 << 20, JournalSegments.Position.START)) {
            ends = segments.append(List.of(bytes("第一条"), bytes("第二条"), bytes("第三条")));
        }
        try (JournalSegments all = JournalSegments.open(dir, 1 << 20, JournalSegments.Position.START)) {
            assertThat(texts(all)).containsExactly("第一条", "第二条", "第三条");
            assertThat(all.recovered().get(2).end()).isEqualTo(ends.get(2));
        }
        try (JournalSegments rest = JournalSegments.open(dir, 1 << 20, ends.get(0))) {
            assertThat(texts(rest)).containsExactly("第二条", "第三条");
        }
    }

    @Test
    void aTornRecordAtTheEndIsCutOffAndNewRecordsFollowTheLastWholeOne() throws IOException {
        try (JournalSegments segments = JournalSegments.open(dir, 1 << 20, JournalSegments.Position.START)) {
            segments.append(List.of(bytes("完整的"), bytes("写了一半")));
        }
        Path file = onlySegment();
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3); // the crash hit in the middle of the last record
        }
        try (JournalSegments segments = JournalSegments.open(dir, 1 << 20, JournalSegments.Position.START)) {
            assertThat(texts(segments)).containsExactly("完整的");
            segments.append(List.of(bytes("重启之后")));
        }
        try (JournalSegments segments = JournalSegments.open(dir, 1 << 20, JournalSegments.Position.START)) {
            assertThat(texts(segments)).containsExactly("完整的", "重启之后");
        }
    }

    @Test
    void aRecordWhoseChecksumDoesNotMatchEndsTheLastSegment() throws IOException {
        try (JournalSegments segments = JournalSegments.open(dir, 1 << 20, JournalSegments.Position.START)) {
            segments.append(List.of(bytes("好的"), bytes("坏的")));
        }
        Path file = onlySegment();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x55}), Files.size(file) - 1);
        }
        try (JournalSegments segments = JournalSegments.open(dir, 1 << 20, JournalSegments.Position.START)) {
            assertThat(texts(segments)).containsExactly("好的");
        }
    }

    @Test
    void damageInsideAnOlderSegmentRefusesToStartRatherThanSkipMessages() throws IOException {
        try (JournalSegments segments = JournalSegments.open(dir, 16, JournalSegments.Position.START)) {
            segments.append(List.of(bytes("第一段的消息")));
            segments.append(List.of(bytes("第二段的消息"))); // the first segment is full: a new one
        }
        Path first;
        try (Stream<Path> files = Files.list(dir)) {
            first = files.sorted().findFirst().orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(first, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x55}), Files.size(first) - 1);
        }
        assertThatThrownBy(() -> JournalSegments.open(dir, 16, JournalSegments.Position.START))
                .isInstanceOf(IOException.class).hasMessageContaining("damaged");
    }

    @Test
    void segmentsWhollyAppliedAreDeletedAndTheRestStays() throws IOException {
        try (JournalSegments segments = JournalSegments.open(dir, 16, JournalSegments.Position.START)) {
            segments.append(List.of(bytes("第一条消息"))); // each record outgrows a 16-byte segment
            segments.append(List.of(bytes("第二条消息")));
            List<JournalSegments.Position> third = segments.append(List.of(bytes("第三条消息")));
            assertThat(segmentCount()).isEqualTo(3);
            segments.deleteBefore(third.get(0));
            assertThat(segmentCount()).isEqualTo(1);
        }
        try (JournalSegments segments = JournalSegments.open(dir, 16, JournalSegments.Position.START)) {
            assertThat(texts(segments)).containsExactly("第三条消息");
        }
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private long segmentCount() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
