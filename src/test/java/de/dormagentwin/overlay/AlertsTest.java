package de.dormagentwin.overlay;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertsTest {
    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");
    private final Alerts alerts = new Alerts(OverlayRules.defaults());

    private static Map<String, List<Latest>> pm10(double value, int minutes) {
        Datastream stream = new Datastream("s", "box/pm10", null, "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC);
        return Map.of("house", List.of(new Latest(7, stream, "house", T.plusSeconds(60L * minutes), value, null, 1, null)));
    }

    @Test
    void aValueAtTheLimitRaisesAnAlertThatKeepsTheTimeItBegan() {
        assertEquals(List.of(), alerts.update(pm10(49.9, 0)));
        List<Alerts.Alert> raised = alerts.update(pm10(50, 15));
        assertEquals(1, raised.size());
        assertEquals(50, raised.get(0).limit());
        assertEquals(T.plusSeconds(900), raised.get(0).since());
        assertEquals(T.plusSeconds(900), alerts.update(pm10(63, 30)).get(0).since());
        assertEquals("house", raised.get(0).objectId());
    }

    @Test
    void anAcknowledgedAlertStaysQuietUntilTheValueFallsAndRisesAgain() {
        alerts.update(pm10(70, 0));
        alerts.acknowledge(7);
        assertTrue(alerts.update(pm10(72, 15)).get(0).acknowledged());
        assertEquals(List.of(), alerts.update(pm10(30, 30)));
        Alerts.Alert again = alerts.update(pm10(55, 45)).get(0);
        assertFalse(again.acknowledged());
        assertEquals(T.plusSeconds(45 * 60), again.since());
    }

    @Test
    void gradientRulesHaveNoLimit() {
        assertTrue(Alerts.limitOf(OverlayRules.named("Temperature").orElseThrow()).isEmpty());
        assertEquals(50, Alerts.limitOf(OverlayRules.named("PM10").orElseThrow()).getAsDouble());
    }
}
