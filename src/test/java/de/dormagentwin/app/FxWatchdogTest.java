package de.dormagentwin.app;

import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The watchdog acts once when the FX thread stops answering, and not while it answers. Its clock is the test's and
 * its looks are the test's calls ({@link FxWatchdog#check()}; the timer's period is an hour), so seconds of silence
 * take no seconds, and a look is known to have been answered once the FX thread has run what was posted before.
 */
@Rendering
class FxWatchdogTest {
    private static final Duration NEVER = Duration.ofHours(1);
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger stalls = new AtomicInteger();

    @BeforeEach
    void display() throws Exception {
        Display3D.require();
    }

    /** A second passes, the watchdog looks, and the FX thread, if it answers, has answered. */
    private void secondPasses(FxWatchdog watchdog, boolean answering) throws Exception {
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        watchdog.check();
        if (answering) {
            FxThread.call(() -> null);
        }
    }

    /** Holds the FX thread until the latch opens: everything posted after it waits. */
    private static CountDownLatch stall() {
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }

    @Test
    void aStalledFxThreadIsReportedOnceAndAnAnsweringOneNever() throws Exception {
        try (FxWatchdog watchdog = new FxWatchdog(NEVER, Duration.ofSeconds(3), clock::get, stalls::incrementAndGet)) {
            for (int second = 0; second < 10; second++) {
                secondPasses(watchdog, true);
            }
            assertEquals(0, stalls.get(), "ten seconds of an answering FX thread");

            CountDownLatch release = stall();
            for (int second = 0; second < 3; second++) {
                secondPasses(watchdog, false);
            }
            assertEquals(0, stalls.get(), "three seconds of silence are within the limit");
            for (int second = 0; second < 5; second++) {
                secondPasses(watchdog, false);
            }
            assertEquals(1, stalls.get(), "one report for one stall, however long it lasts");

            release.countDown();
            FxThread.call(() -> null);
            secondPasses(watchdog, true);
            secondPasses(watchdog, true);
            assertEquals(1, stalls.get(), "answering again");
            release = stall();
            for (int second = 0; second < 5; second++) {
                secondPasses(watchdog, false);
            }
            release.countDown();
            assertEquals(2, stalls.get(), "the next stall is reported again");
        }
    }

    @Test
    void aLongerLimitLetsALongStartPassAndTheShortOneCatchesTheNextStall() throws Exception {
        try (FxWatchdog watchdog = new FxWatchdog(NEVER, Duration.ofSeconds(60), clock::get, stalls::incrementAndGet)) {
            CountDownLatch start = stall();
            for (int second = 0; second < 40; second++) {
                secondPasses(watchdog, false);
            }
            start.countDown();
            FxThread.call(() -> null);
            assertEquals(0, stalls.get(), "a start of 40 s is within the start's limit");

            watchdog.setLimit(Duration.ofSeconds(2));
            secondPasses(watchdog, true);
            CountDownLatch stall = stall();
            for (int second = 0; second < 4; second++) {
                secondPasses(watchdog, false);
            }
            stall.countDown();
            assertEquals(1, stalls.get(), "four seconds of silence after the start are a stall");
        }
    }
}
