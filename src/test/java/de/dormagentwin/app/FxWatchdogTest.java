package de.dormagentwin.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The watchdog acts once when the FX thread stops answering, and not while it answers. */
class FxWatchdogTest {
    // "try": the watchdog works from its own thread while open; the test only counts its reports.
    @SuppressWarnings("try")
    @Test
    void aStalledFxThreadIsReportedOnceAndAnAnsweringOneNever() throws Exception {
        Display3D.require();
        AtomicInteger stalls = new AtomicInteger();
        // A limit of seconds, so that a GC pause on a loaded machine is not taken for a stall.
        try (FxWatchdog watchdog = new FxWatchdog(Duration.ofMillis(50), Duration.ofSeconds(3), System::nanoTime, stalls::incrementAndGet)) {
            Thread.sleep(1000);
            assertEquals(0, stalls.get(), "an idle FX thread answers");
            FxThread.call(() -> {
                Thread.sleep(6000);
                return null;
            });
            Thread.sleep(300);
            assertEquals(1, stalls.get(), "one report for one stall");
        }
    }

    @Test
    void aLongerLimitLetsALongStartPassAndTheShortOneCatchesTheNextStall() throws Exception {
        Display3D.require();
        AtomicInteger stalls = new AtomicInteger();
        try (FxWatchdog watchdog = new FxWatchdog(Duration.ofMillis(50), Duration.ofSeconds(60), System::nanoTime, stalls::incrementAndGet)) {
            FxThread.call(() -> {
                Thread.sleep(4000);
                return null;
            });
            Thread.sleep(300);
            assertEquals(0, stalls.get(), "a start of 4 s is within the start's limit");
            watchdog.setLimit(Duration.ofSeconds(2));
            FxThread.call(() -> {
                Thread.sleep(4000);
                return null;
            });
            Thread.sleep(300);
            assertEquals(1, stalls.get(), "the same silence after the start is a stall");
        }
    }
}
