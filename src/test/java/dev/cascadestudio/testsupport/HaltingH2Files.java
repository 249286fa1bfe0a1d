package dev.cascadestudio.testsupport;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.disk.FilePathDisk;

/**
 * In a child JVM, puts a counter in front of every write H2 makes to an {@code .mv.db} file and can
 * stop the JVM ({@link Runtime#halt}, as abrupt as SIGKILL: no shutdown hooks, no close) just before
 * the n-th write after {@link #arm}, or half-way through it. A process killed at any instant leaves
 * the file as some prefix of its writes left it (the operating system keeps what was written), so
 * stopping before each write in turn, and in the middle of each, reaches every state a kill can leave
 * the file in — which a kill timed from outside cannot, for a commit that lasts a millisecond.
 *
 * <p>H2 takes plain paths from its default file system provider, a private static final field of
 * {@link FilePath}; {@link #install} replaces it (test code only, in the child JVM).
 */
public final class HaltingH2Files {

    /** What to do at the n-th write after {@link #arm}. */
    public enum Mode { COUNT, HALT_BEFORE, HALT_HALF_WAY }

    /** The exit status of a JVM stopped by this class. */
    public static final int HALTED = 77;

    private static volatile boolean armed;
    private static volatile Mode mode = Mode.COUNT;
    private static volatile int haltAt;
    private static int writes;

    private HaltingH2Files() {}

    /** Routes H2's plain paths through the counter; call before H2 opens anything. */
    public static void install() {
        try {
            Field field = FilePath.class.getDeclaredField("defaultProvider");
            Field unsafeField = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            unsafeField.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) unsafeField.get(null);
            @SuppressWarnings("deprecation")
            Object base = unsafe.staticFieldBase(field);
            @SuppressWarnings("deprecation")
            long offset = unsafe.staticFieldOffset(field);
            unsafe.putObjectVolatile(base, offset, new CountingPath());
            FilePath.register(new CountingPath()); // "file:" names, where H2 keeps the prefix
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot route H2's files through the counter", e);
        }
    }

    /** From now on, counts writes to {@code .mv.db} files and acts on the {@code n}-th (from 1) as {@code mode} says. */
    public static synchronized void arm(Mode mode, int n) {
        HaltingH2Files.mode = mode;
        haltAt = n;
        writes = 0;
        armed = true;
    }

    /** Stops counting; returns how many writes were counted since {@link #arm}. */
    public static synchronized int disarm() {
        armed = false;
        return writes;
    }

    private static synchronized boolean onWrite(ByteBuffer src, FileChannel delegate, long position) throws IOException {
        if (!armed) {
            return false;
        }
        writes++;
        if (writes != haltAt || mode == Mode.COUNT) {
            return false;
        }
        if (mode == Mode.HALT_HALF_WAY && src.remaining() > 1) {
            ByteBuffer half = src.duplicate();
            half.limit(half.position() + src.remaining() / 2);
            while (half.hasRemaining()) {
                delegate.write(half, position + (half.position() - src.position()));
            }
        }
        Runtime.getRuntime().halt(HALTED);
        return true;
    }

    /** H2's disk file system, with {@code .mv.db} files opened through {@link CountingChannel}. */
    static final class CountingPath extends FilePathDisk {

        @Override
        public FilePathDisk getPath(String path) {
            CountingPath p = new CountingPath();
            p.name = super.getPath(path).toString();
            return p;
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            FileChannel channel = super.open(mode);
            return name.endsWith(".mv.db") ? new CountingChannel(channel) : channel;
        }
    }

    /** Delegates everything; positional and sequential writes pass through {@link #onWrite} first. */
    static final class CountingChannel extends FileChannel {

        private final FileChannel delegate;

        CountingChannel(FileChannel delegate) {
            this.delegate = delegate;
        }

        @Override public int read(ByteBuffer dst) throws IOException { return delegate.read(dst); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return delegate.read(dsts, offset, length); }
        @Override public int read(ByteBuffer dst, long position) throws IOException { return delegate.read(dst, position); }

        @Override
        public int write(ByteBuffer src) throws IOException {
            onWrite(src, delegate, delegate.position());
            return delegate.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += write(srcs[i]);
            }
            return total;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            onWrite(src, delegate, position);
            return delegate.write(src, position);
        }

        @Override public long position() throws IOException { return delegate.position(); }
        @Override public FileChannel position(long newPosition) throws IOException { delegate.position(newPosition); return this; }
        @Override public long size() throws IOException { return delegate.size(); }
        @Override public FileChannel truncate(long size) throws IOException { delegate.truncate(size); return this; }
        @Override public void force(boolean metaData) throws IOException { delegate.force(metaData); }
        @Override public long transferTo(long position, long count, WritableByteChannel target) throws IOException { return delegate.transferTo(position, count, target); }
        @Override public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException { return delegate.transferFrom(src, position, count); }
        @Override public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException { return delegate.map(mode, position, size); }
        @Override public FileLock lock(long position, long size, boolean shared) throws IOException { return delegate.lock(position, size, shared); }
        @Override public FileLock tryLock(long position, long size, boolean shared) throws IOException { return delegate.tryLock(position, size, shared); }
        @Override protected void implCloseChannel() throws IOException { delegate.close(); }
    }
}
