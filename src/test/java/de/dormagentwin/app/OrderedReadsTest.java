package de.dormagentwin.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files read ahead on a pool come out in their order, several at once, and never far ahead of the consumer. */
class OrderedReadsTest {
    /** Far above any honest wait: only a read that can never go on reaches it. */
    private static final long HANG_SECONDS = 60;

    private static List<Integer> files(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(HANG_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the other read never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void resultsComeInTheFilesOrderEvenWhenLaterFilesAreReadFirst() throws Exception {
        CountDownLatch lastRead = new CountDownLatch(1);
        List<String> results = new ArrayList<>();
        try (OrderedReads<Integer, String> reads = new OrderedReads<>(files(4), new OrderedReads.Limits(4, 4, Long.MAX_VALUE), file -> 0L, file -> {
            if (file == 0) {
                await(lastRead);
            }
            if (file == 3) {
                lastRead.countDown();
            }
            return "tile " + file;
        })) {
            for (int i = 0; i < 4; i++) {
                results.add(reads.next());
            }
        }
        assertEquals(List.of("tile 0", "tile 1", "tile 2", "tile 3"), results);
    }

    @Test
    void twoThreadsReadTwoFilesAtOnce() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (OrderedReads<Integer, Integer> reads = new OrderedReads<>(files(2), OrderedReads.Limits.threads(2), file -> 0L, file -> {
            threads.add(Thread.currentThread().getName());
            bothStarted.countDown();
            await(bothStarted);
            return file;
        })) {
            assertEquals(0, reads.next());
            assertEquals(1, reads.next());
        }
        assertEquals(2, threads.size(), "each file on a thread of its own");
    }

    @Test
    void aFileThatFailsGivesItsOwnExceptionAndTheOthersStillLoad() throws Exception {
        List<String> seen = new ArrayList<>();
        try (OrderedReads<Integer, String> reads = new OrderedReads<>(files(5), OrderedReads.Limits.threads(3), file -> 0L, file -> {
            if (file == 1) {
                throw new IOException("tile 1: malformed XML at line 4");
            }
            if (file == 3) {
                throw new IllegalStateException("tile 3 broke the reader");
            }
            return "tile " + file;
        })) {
            seen.add(reads.next());
            seen.add(assertThrows(IOException.class, reads::next).getMessage());
            seen.add(reads.next());
            seen.add(assertThrows(IllegalStateException.class, reads::next).getMessage());
            seen.add(reads.next());
        }
        assertEquals(List.of("tile 0", "tile 1: malformed XML at line 4", "tile 2", "tile 3 broke the reader", "tile 4"), seen);
    }

    @Test
    void aSlowConsumerHoldsTheReadersToTheWindow() throws Exception {
        int window = 3;
        AtomicInteger started = new AtomicInteger();
        AtomicInteger mostAhead = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        try (OrderedReads<Integer, Integer> reads = new OrderedReads<>(files(20), new OrderedReads.Limits(2, window, Long.MAX_VALUE), file -> 0L, file -> {
            int ahead = started.incrementAndGet() - consumed.get();
            mostAhead.accumulateAndGet(ahead, Math::max);
            return file;
        })) {
            for (int i = 0; i < 20; i++) {
                assertEquals(i, reads.next());
                // Slow, so that readers without a bound would run far ahead meanwhile.
                Thread.sleep(10);
                consumed.incrementAndGet();
            }
        }
        assertEquals(20, started.get());
        assertTrue(mostAhead.get() <= window + 1, "read but not consumed, the one in the consumer's hands included: " + mostAhead.get());
    }

    @Test
    void theFilesInHandStayWithinTheByteLimitButALargeFileStillLoadsAlone() throws Exception {
        long[] sizes = {40, 40, 40, 100, 10, 10, 10, 10};
        AtomicLong bytesInHand = new AtomicLong();
        AtomicLong mostBytes = new AtomicLong();
        AtomicInteger mostFiles = new AtomicInteger();
        AtomicInteger filesInHand = new AtomicInteger();
        List<Long> sizesHandedOut = new ArrayList<>();
        List<Integer> all = files(sizes.length);
        try (OrderedReads<Integer, Long> reads = new OrderedReads<>(all, new OrderedReads.Limits(4, 4, 90), file -> sizes[file], file -> {
            mostBytes.accumulateAndGet(bytesInHand.addAndGet(sizes[file]), Math::max);
            mostFiles.accumulateAndGet(filesInHand.incrementAndGet(), Math::max);
            return sizes[file];
        })) {
            for (int i = 0; i < sizes.length; i++) {
                long size = reads.next();
                Thread.sleep(10);
                sizesHandedOut.add(size);
                bytesInHand.addAndGet(-size);
                filesInHand.decrementAndGet();
            }
        }
        assertEquals(List.of(40L, 40L, 40L, 100L, 10L, 10L, 10L, 10L), sizesHandedOut);
        // The file in the consumer's hands counts too: at most 90 read ahead of it, or the file of 100 alone.
        assertTrue(mostBytes.get() <= 100 + 90, "bytes read and not yet consumed: " + mostBytes.get());
        assertTrue(mostFiles.get() <= 4 + 1, "files read and not yet consumed: " + mostFiles.get());
    }

    @Test
    void limitsRefuseAWindowSmallerThanThePool() {
        assertThrows(IllegalArgumentException.class, () -> new OrderedReads.Limits(4, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new OrderedReads.Limits(0, 0, 1));
    }
}
