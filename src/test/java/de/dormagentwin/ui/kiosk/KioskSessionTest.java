package de.dormagentwin.ui.kiosk;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk's idle timer and attract tour on a clock the test sets: no window, no waiting. */
class KioskSessionTest {
    private static final Duration IDLE = Duration.ofSeconds(90);
    private static final Duration STEP = Duration.ofSeconds(12);

    private Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private final InstantSource clock = () -> now;
    /** What the session told the kiosk to do, in order. */
    private final List<String> told = new ArrayList<>();
    private final KioskSession.Listener listener = new KioskSession.Listener() {
        @Override
        public void reset() {
            told.add("reset");
        }

        @Override
        public void showTourStep(int step) {
            told.add("step " + step);
        }

        @Override
        public void stopTour() {
            told.add("stop");
        }
    };

    private KioskSession session(int steps) {
        return new KioskSession(clock, IDLE, STEP, steps, listener);
    }

    private void later(Duration duration) {
        now = now.plus(duration);
    }

    @Test
    void leftAloneForTheIdleTimeTheSessionResetsAndThenStartsTheTour() {
        KioskSession session = session(3);
        later(IDLE.minusMillis(1));
        session.tick();
        assertEquals(List.of(), told, "a millisecond short of the idle time");
        assertFalse(session.isTouring());

        later(Duration.ofMillis(1));
        session.tick();
        assertEquals(List.of("reset", "step 0"), told, "the visitor's session goes before the tour's first step");
        assertTrue(session.isTouring());
    }

    @Test
    void theTourMovesOnAStepPerStepTimeAndGoesRound() {
        KioskSession session = session(3);
        later(IDLE);
        session.tick();
        told.clear();

        later(STEP.minusMillis(1));
        session.tick();
        assertEquals(List.of(), told, "a step shows for its whole time");
        for (int i = 0; i < 3; i++) {
            later(i == 0 ? Duration.ofMillis(1) : STEP);
            session.tick();
        }
        assertEquals(List.of("step 1", "step 2", "step 0"), told, "after the last step the first again, with no reset between");
    }

    @Test
    void aTouchStopsTheTourOnceAndTheIdleTimeStartsAgainFromIt() {
        KioskSession session = session(2);
        later(IDLE);
        session.tick();
        told.clear();

        session.input();
        session.input();
        assertEquals(List.of("stop"), told, "only the touch that ends the tour stops it");
        assertFalse(session.isTouring());

        later(IDLE.minusSeconds(1));
        session.tick();
        assertEquals(List.of("stop"), told, "the idle time counts from the touch, not from when the tour began");
        later(Duration.ofSeconds(1));
        session.tick();
        assertEquals(List.of("stop", "reset", "step 0"), told);
    }

    @Test
    void aVisitorWhoKeepsTouchingNeverSeesTheTour() {
        KioskSession session = session(2);
        for (int i = 0; i < 5; i++) {
            later(IDLE.minusSeconds(1));
            session.input();
            session.tick();
        }
        assertEquals(List.of(), told, "neither a reset nor a stop while a visitor is there");
        assertFalse(session.isTouring());
    }

    @Test
    void aTourWithoutStepsOrWithoutTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KioskSession(clock, IDLE, STEP, 0, listener));
        assertThrows(IllegalArgumentException.class, () -> new KioskSession(clock, Duration.ZERO, STEP, 2, listener));
        assertThrows(IllegalArgumentException.class, () -> new KioskSession(clock, IDLE, Duration.ofSeconds(-1), 2, listener));
    }
}
