package de.dormagentwin.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FrameRateTest {
    private static final long MILLIS = 1_000_000L;

    /** Frames every {@code stepMillis} from {@code fromMillis} up to but not including {@code toMillis}. */
    private static void frames(FrameRate rate, long fromMillis, long toMillis, long stepMillis) {
        for (long at = fromMillis; at < toMillis; at += stepMillis) {
            rate.frame(at * MILLIS);
        }
    }

    @Test
    void countsTheFramesOfTheLastSecondOnceASecondHasPassed() {
        FrameRate rate = new FrameRate();
        frames(rate, 5_000, 5_900, 40);
        assertEquals(FrameRate.MEASURING, rate.textProperty().get(), "not a whole second yet");
        frames(rate, 5_920, 7_000, 40);
        assertEquals("25 fps", rate.textProperty().get());
    }

    @Test
    void followsTheRateDownAndUpAsTheWindowSlides() {
        FrameRate rate = new FrameRate();
        frames(rate, 0, 2_000, 20);
        assertEquals("50 fps", rate.textProperty().get());
        frames(rate, 2_000, 4_000, 100);
        assertEquals("10 fps", rate.textProperty().get());
        frames(rate, 4_000, 7_000, 1_500);
        assertEquals("1 fps", rate.textProperty().get(), "a frame every 1.5 s: only itself in the last second");
    }

    @Test
    void aStoppedMeterShowsNoNumberAndNeedsNoRunningToolkit() {
        FrameRate rate = new FrameRate();
        frames(rate, 0, 2_000, 20);
        rate.stop();
        assertFalse(rate.isRunning());
        assertEquals(FrameRate.MEASURING, rate.textProperty().get());
    }
}
