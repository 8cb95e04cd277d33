package de.dormagentwin.ui.kiosk;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * When the kiosk is left alone: after {@code idleTimeout} without input the visitor's session is reset (home view,
 * panels closed, default language) and the attract tour starts, one step after another, round and round; any input
 * stops it. Driven by {@link #tick()} and {@link #input()}, with the time from a clock, so a test sets the time.
 */
public final class KioskSession {
    /** What the kiosk does at each turn of the session. */
    public interface Listener {
        void reset();

        void showTourStep(int step);

        void stopTour();
    }

    private final InstantSource clock;
    private final Duration idleTimeout;
    private final Duration stepDuration;
    private final int steps;
    private final Listener listener;
    private Instant lastInput;
    private boolean touring;
    private int step;
    private Instant stepStarted;

    public KioskSession(InstantSource clock, Duration idleTimeout, Duration stepDuration, int steps, Listener listener) {
        if (steps < 1 || idleTimeout.isNegative() || idleTimeout.isZero() || stepDuration.isNegative() || stepDuration.isZero()) {
            throw new IllegalArgumentException("a tour needs steps, and the idle time and step time must be positive");
        }
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.stepDuration = stepDuration;
        this.steps = steps;
        this.listener = listener;
        lastInput = clock.instant();
    }

    /** A visitor touched, clicked, scrolled or typed. */
    public void input() {
        lastInput = clock.instant();
        if (touring) {
            touring = false;
            listener.stopTour();
        }
    }

    /** Looks at the time: starts the tour when idle long enough, or moves it on a step. */
    public void tick() {
        Instant now = clock.instant();
        if (!touring) {
            if (Duration.between(lastInput, now).compareTo(idleTimeout) >= 0) {
                touring = true;
                listener.reset();
                show(0, now);
            }
        } else if (Duration.between(stepStarted, now).compareTo(stepDuration) >= 0) {
            show((step + 1) % steps, now);
        }
    }

    private void show(int next, Instant now) {
        step = next;
        stepStarted = now;
        listener.showTourStep(step);
    }

    public boolean isTouring() {
        return touring;
    }
}
