package de.dormagentwin.app;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * Reads files (a folder's tiles) ahead on a pool of threads and hands out the results in the files' order, so that a
 * loop over the files that calls {@link #next()} where it would have read the file gets the same results, sooner.
 * The pool never reads far ahead: at most {@link Limits#window()} files are being read or wait, read, for the
 * loop, and their sizes together stay within {@link Limits#bytes()} (one file alone may exceed it), so a slow
 * consumer holds the readers back instead of letting parsed tiles pile up in the heap.
 *
 * @param <T> what names a file
 * @param <R> what reading one gives
 */
final class OrderedReads<T, R> implements AutoCloseable {
    /** Reading one file: a result, or the exception the loop gets for that file alone. */
    @FunctionalInterface
    interface Read<T, R> {
        R read(T file) throws IOException;
    }

    /** How many files are read at once, how many may be in hand (reading or read), and the bytes they may have. */
    record Limits(int threads, int window, long bytes) {
        Limits {
            if (threads < 1 || window < threads || bytes < 0) {
                throw new IllegalArgumentException("threads " + threads + ", window " + window + ", bytes " + bytes);
            }
        }

        /** One thread per core. */
        static Limits cores() {
            return threads(Runtime.getRuntime().availableProcessors());
        }

        /**
         * As many files in hand as threads, and file bytes up to a quarter of the heap's limit: a tile's model takes
         * less heap than its GML has bytes (0.4 of it for NRW's, BENCHMARKS.md), and with its meshes, where the viewer
         * meshes it on the pool, still less (0.7), so the tiles in hand and the ones being parsed leave most of the
         * heap to the city being built.
         */
        static Limits threads(int threads) {
            return new Limits(threads, threads, Runtime.getRuntime().maxMemory() / 4);
        }
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final List<T> files;
    private final Limits limits;
    private final ToLongFunction<T> size;
    private final Read<T, R> read;
    private final ExecutorService readers;
    private final Deque<Pending<R>> inHand = new ArrayDeque<>();
    private long bytesInHand;
    private int submitted;
    private long lastNanos;

    /** Starts reading {@code files}, {@code size} telling each one's bytes for {@link Limits#bytes()}. */
    OrderedReads(List<T> files, Limits limits, ToLongFunction<T> size, Read<T, R> read) {
        this.files = List.copyOf(files);
        this.limits = limits;
        this.size = size;
        this.read = read;
        int pool = POOLS.incrementAndGet();
        AtomicInteger number = new AtomicInteger();
        readers = Executors.newFixedThreadPool(Math.max(1, Math.min(limits.threads(), files.size())), task -> {
            Thread thread = new Thread(task, "tile-reader-" + pool + "-" + number.incrementAndGet());
            // A viewer closed while its tiles load must not wait for them.
            thread.setDaemon(true);
            return thread;
        });
        fill();
    }

    /** The files of a folder read ahead on every core. */
    static <R> OrderedReads<Path, R> ofFiles(List<Path> files, Read<Path, R> read) {
        return new OrderedReads<>(files, Limits.cores(), OrderedReads::fileSize, read);
    }

    /** A file's size in bytes; 0 where it cannot be told, for its reader to report. */
    static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException | SecurityException e) {
            return 0;
        }
    }

    /**
     * The next file's result, or the exception reading it threw (an {@link IOException} or a runtime exception, as
     * the reader threw it). Waits while that file is being read.
     */
    R next() throws IOException {
        Pending<R> first = inHand.pollFirst();
        if (first == null) {
            throw new NoSuchElementException();
        }
        bytesInHand -= first.bytes();
        Outcome<R> outcome;
        try {
            outcome = first.future().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading was interrupted");
        } catch (ExecutionException e) {
            // Only an Error gets here, since outcome() catches every exception: out of memory is no one file's problem.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        fill();
        lastNanos = outcome.nanos();
        if (outcome.failure() instanceof IOException io) {
            throw io;
        }
        if (outcome.failure() instanceof RuntimeException runtime) {
            throw runtime;
        }
        return outcome.result();
    }

    /** How long reading the file last handed out took, on the thread that read it. */
    long lastNanos() {
        return lastNanos;
    }

    /** Stops the reading: files not yet handed out are not read, or their reading is interrupted. */
    @Override
    public void close() {
        readers.shutdownNow();
        inHand.clear();
    }

    private void fill() {
        while (submitted < files.size() && inHand.size() < limits.window()
                && (inHand.isEmpty() || bytesInHand + size.applyAsLong(files.get(submitted)) <= limits.bytes())) {
            T file = files.get(submitted++);
            long bytes = size.applyAsLong(file);
            bytesInHand += bytes;
            inHand.add(new Pending<>(bytes, readers.submit(() -> outcome(file))));
        }
    }

    private Outcome<R> outcome(T file) {
        long start = System.nanoTime();
        try {
            R result = read.read(file);
            return new Outcome<>(result, null, System.nanoTime() - start);
        } catch (IOException | RuntimeException e) {
            return new Outcome<>(null, e, System.nanoTime() - start);
        }
    }

    private record Pending<R>(long bytes, Future<Outcome<R>> future) {
    }

    private record Outcome<R>(R result, Exception failure, long nanos) {
    }
}
