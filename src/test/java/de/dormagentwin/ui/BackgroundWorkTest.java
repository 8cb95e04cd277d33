package de.dormagentwin.ui;

import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The viewer's work off the FX thread: what fails is logged and told, the threads are named daemons, and closing
 * ends them. Answers go to the test's thread here, as they would go to the FX thread.
 */
class BackgroundWorkTest {
    /** Long enough for any machine to start a thread: only a hang waits this long. */
    private static final long HANG_GUARD_SECONDS = 60;

    private static List<LogRecord> awaitRecords(LogCapture logs, String prefix, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
        List<LogRecord> found = List.of();
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
            found = logs.records().stream().filter(record -> record.getMessage().startsWith(prefix)).toList();
        }
        return found;
    }

    @Test
    void aTaskThatThrowsIsLoggedWithItsCause() throws Exception {
        try (LogCapture logs = new LogCapture(); BackgroundWork work = new BackgroundWork("test-work", 2, Runnable::run)) {
            work.execute("indexing", () -> {
                throw new IllegalStateException("no index for \u001b[31mred");
            });

            List<LogRecord> logged = awaitRecords(logs, "indexing: ", 1);
            assertEquals(1, logged.size(), logs.messages().toString());
            assertEquals(Level.SEVERE, logged.get(0).getLevel());
            assertInstanceOf(IllegalStateException.class, logged.get(0).getThrown());
            assertFalse(logged.get(0).getMessage().contains("\u001b"), "control characters from outside reach the log: " + logged.get(0).getMessage());
        }
    }

    @Test
    void aCallThatFailsIsLoggedAndItsMessageGoesToTheScreen() throws Exception {
        try (LogCapture logs = new LogCapture(); BackgroundWork work = new BackgroundWork("test-work", 2, Runnable::run)) {
            CompletableFuture<String> told = new CompletableFuture<>();
            work.call("export", () -> {
                throw new IOException("/no/such/folder/view.png");
            }, result -> told.completeExceptionally(new AssertionError("an answer from a failed call: " + result)), told::complete);

            assertEquals("/no/such/folder/view.png", told.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            List<LogRecord> logged = awaitRecords(logs, "export: ", 1);
            assertEquals(Level.WARNING, logged.get(0).getLevel(), "the world failing, not the code: a warning");
            assertInstanceOf(IOException.class, logged.get(0).getThrown());
        }
    }

    @Test
    void aRepeatedTaskThatThrowsIsLoggedAndRunsAgain() throws Exception {
        try (LogCapture logs = new LogCapture(); BackgroundWork work = new BackgroundWork("test-work", 1, Runnable::run)) {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch again = new CountDownLatch(1);
            work.lane("test-poller").repeat("polling", Duration.ofMillis(1), () -> {
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("one bad moment");
                }
                again.countDown();
            });

            assertTrue(again.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the schedule stopped after a failure");
            assertEquals(1, awaitRecords(logs, "polling: ", 1).size(), logs.messages().toString());
        }
    }

    @Test
    void itsThreadsAreNamedDaemonsAndClosingEndsThem() throws Exception {
        BackgroundWork work = new BackgroundWork("test-work", 2, Runnable::run);
        CompletableFuture<Thread> pooled = new CompletableFuture<>();
        CompletableFuture<Thread> laned = new CompletableFuture<>();
        CountDownLatch never = new CountDownLatch(1);
        work.execute("waiting", () -> {
            pooled.complete(Thread.currentThread());
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        BackgroundWork.Lane lane = work.lane("test-poller");
        lane.repeat("polling", Duration.ofMillis(5), () -> laned.complete(Thread.currentThread()));
        Thread pool = pooled.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        Thread poller = laned.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);

        assertTrue(pool.isDaemon() && poller.isDaemon(), "a thread that would keep the JVM from ending");
        assertTrue(pool.getName().startsWith("test-work-"), pool.getName());
        assertEquals("test-poller", poller.getName());

        work.close();

        assertTrue(work.isTerminated());
        pool.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
        poller.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
        assertFalse(pool.isAlive(), "a task waiting on the pool is not interrupted by closing");
        assertFalse(poller.isAlive());
        assertThrows(RejectedExecutionException.class, () -> work.execute("late", () -> { }));
        assertThrows(RejectedExecutionException.class, () -> lane.execute("late", () -> { }));
    }
}
