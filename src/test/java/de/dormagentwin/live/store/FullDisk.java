package de.dormagentwin.live.store;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * H2's own disk file system with a capacity: a file may grow only while {@link #free} bytes are left, and a write
 * past them fails as the kernel's does on a full disk ("No space left on device"), after writing nothing. Everything
 * else is the real disk: real files, real H2, only the disk's size is made up. Tests name files "fulldisk:/path".
 */
public final class FullDisk extends FilePathWrapper {
    static final String PREFIX = "fulldisk:";
    /** Bytes the disk still has; shared by every file, as a disk's free space is. */
    static final AtomicLong free = new AtomicLong(Long.MAX_VALUE);

    static {
        FilePath.register(new FullDisk());
    }

    /** Registers the file system (once per JVM) and leaves {@code bytes} free on it. */
    static void leaveFree(long bytes) {
        free.set(bytes);
    }

    @Override
    public String getScheme() {
        return "fulldisk";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    @Override
    public void delete() {
        long size = getBase().exists() ? getBase().size() : 0;
        super.delete();
        free.accumulateAndGet(size, (left, freed) -> left == Long.MAX_VALUE ? left : left + freed);
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        private void claim(long position, int length) throws IOException {
            long growth = Math.max(0, position + length - base.size());
            if (growth == 0) {
                return;
            }
            long left = free.get();
            if (left != Long.MAX_VALUE) {
                if (growth > left || !free.compareAndSet(left, left - growth)) {
                    throw new IOException("No space left on device");
                }
            }
        }

        @Override
        public synchronized int write(ByteBuffer src, long position) throws IOException {
            claim(position, src.remaining());
            return base.write(src, position);
        }

        @Override
        public synchronized int write(ByteBuffer src) throws IOException {
            claim(base.position(), src.remaining());
            return base.write(src);
        }

        @Override
        public synchronized int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public synchronized FileChannel truncate(long size) throws IOException {
            long before = base.size();
            base.truncate(size);
            long freed = Math.max(0, before - size);
            free.accumulateAndGet(freed, (left, more) -> left == Long.MAX_VALUE ? left : left + more);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
