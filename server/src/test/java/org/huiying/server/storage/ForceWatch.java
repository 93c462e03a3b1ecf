package org.huiying.server.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:forcewatch:file:…}) that passes everything to the disk and
 * numbers the writes, so a test can tell whether a write had been forced to the device by a moment.
 */
public final class ForceWatch extends FilePathWrapper {

    private static final AtomicLong WRITES = new AtomicLong();
    private static final AtomicLong FORCED_UP_TO = new AtomicLong();

    public static void register() {
        FilePath.register(new ForceWatch());
    }

    /** How many writes any file of the scheme has had. */
    public static long writes() {
        return WRITES.get();
    }

    /** The number of the last write known to be on the device (a force began after it). */
    public static long forcedUpTo() {
        return FORCED_UP_TO.get();
    }

    @Override
    public String getScheme() {
        return "forcewatch";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Watched(getBase().open(mode));
    }

    private static final class Watched extends FileBase {

        private final FileChannel channel;

        Watched(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = channel.write(src);
            WRITES.incrementAndGet();
            return n;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            int n = channel.write(src, position);
            WRITES.incrementAndGet();
            return n;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            long upTo = WRITES.get();
            channel.force(metaData);
            FORCED_UP_TO.accumulateAndGet(upTo, Math::max);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return channel.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            channel.truncate(size);
            return this;
        }

        @Override
        public synchronized FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return channel.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            channel.close();
        }
    }
}
