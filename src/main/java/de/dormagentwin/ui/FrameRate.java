package de.dormagentwin.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;

/**
 * Frames per second over the last second, as text for the status bar ("23 fps"). It counts the pulses an
 * {@link AnimationTimer} sees: a slow 3D frame delays the next pulse, so the count falls with the frame rate. The
 * timer asks for a pulse every frame, so whoever starts it stops it (a kiosk runs for weeks). FX thread.
 */
public final class FrameRate {
    /** Shown until a whole second has been counted. */
    public static final String MEASURING = "– fps";
    private static final long SECOND_NANOS = 1_000_000_000L;
    /** More than any pulse rate: JavaFX caps pulses at 60 a second unless told otherwise. */
    private static final int CAPACITY = 1024;

    private final long[] frames = new long[CAPACITY];
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(MEASURING);
    /** Index of the oldest kept frame time, and how many are kept: a ring over {@link #frames}. */
    private int oldest;
    private int count;
    private long firstNanos;
    /** Made on start: constructing a timer needs the running toolkit, and a stopped meter needs none. */
    private AnimationTimer timer;

    /** "23 fps", "– fps" until a second has been counted; the label changes only when the number does. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public void start() {
        if (timer != null) {
            return;
        }
        reset();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        timer.start();
    }

    public void stop() {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
        reset();
    }

    public boolean isRunning() {
        return timer != null;
    }

    private void reset() {
        oldest = 0;
        count = 0;
        text.set(MEASURING);
    }

    /** Counts a frame drawn at {@code nanos} (the timer's clock) and updates the text. */
    void frame(long nanos) {
        if (count == 0) {
            firstNanos = nanos;
        }
        if (count == CAPACITY) {
            oldest = (oldest + 1) % CAPACITY;
            count--;
        }
        frames[(oldest + count) % CAPACITY] = nanos;
        count++;
        while (count > 0 && frames[oldest] <= nanos - SECOND_NANOS) {
            oldest = (oldest + 1) % CAPACITY;
            count--;
        }
        if (nanos - firstNanos >= SECOND_NANOS) {
            text.set(text(count));
        }
    }

    /** "23 fps". */
    static String text(int framesPerSecond) {
        return String.format(Locale.ROOT, "%d fps", framesPerSecond);
    }
}
