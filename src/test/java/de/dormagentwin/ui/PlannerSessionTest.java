package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's state without a window: what is on screen, the alerts over it and their pulse. */
class PlannerSessionTest {
    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");
    private final PlannerSession session = new PlannerSession();

    /** PM10 at the house, {@code minutes} after T. */
    private static LiveFeed.Snapshot pm10(double value, int minutes) {
        Datastream stream = new Datastream("s", "box/pm10", null, "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC);
        return new LiveFeed.Snapshot(Map.of("house", List.of(new Latest(7, stream, "house", T.plusSeconds(60L * minutes), value, null, 1, null))), 1);
    }

    @Test
    void historyOnScreenKeepsTheNewestLiveValuesAsideForTheWayBack() {
        LiveFeed.Snapshot past = pm10(20, 0);
        session.show(past, T);
        LiveFeed.Snapshot newest = pm10(30, 60);
        session.receive(newest);

        assertSame(past, session.shown());
        assertSame(newest, session.live());
        assertEquals(T, session.shownTime(T.plusSeconds(3_600)));

        session.show(session.live(), null);
        assertSame(newest, session.shown());
        assertNull(session.shownAt());
        assertEquals(T.plusSeconds(3_600), session.shownTime(T.plusSeconds(3_600)));
    }

    @Test
    void anAlertPulsesUntilAcknowledgedAndStaysListedAfter() {
        assertTrue(session.show(pm10(70, 0), null));
        assertEquals(Set.of("house"), session.alertingObjects());
        session.turnPulse();
        assertTrue(session.pulseOn());

        session.acknowledge(7);
        assertFalse(session.show(session.shown(), session.shownAt()));

        assertFalse(session.pulseOn());
        assertEquals(Set.of(), session.alertingObjects());
        assertEquals(1, session.alerts().size());
        assertTrue(session.alerts().get(0).acknowledged());
    }

    @Test
    void valuesBelowTheLimitRaiseNoAlertAndNoPulse() {
        assertFalse(session.show(pm10(49.9, 0), null));
        assertEquals(List.of(), session.alerts());
        assertEquals(Set.of(), session.alertingObjects());
    }
}
