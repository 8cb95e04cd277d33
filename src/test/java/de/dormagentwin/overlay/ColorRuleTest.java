package de.dormagentwin.overlay;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColorRuleTest {
    private final ColorRule pm10 = OverlayRules.named("pm10").orElseThrow();

    @Test
    void pm10FollowsTheEuBandsWithEachBoundInTheUpperBand() {
        int green = pm10.bands().get(0).argb();
        int yellow = pm10.bands().get(1).argb();
        int orange = pm10.bands().get(2).argb();
        int red = pm10.bands().get(3).argb();
        assertEquals(green, pm10.colorOf(-3));
        assertEquals(green, pm10.colorOf(19.99));
        assertEquals(yellow, pm10.colorOf(20));
        assertEquals(orange, pm10.colorOf(49.9));
        assertEquals(red, pm10.colorOf(50));
        assertEquals(red, pm10.colorOf(400));
    }

    @Test
    void aGradientBlendsBetweenItsStopsAndClampsOutside() {
        ColorRule rule = ColorRule.gradient("t", "t", "", new ColorRule.Band(0, 0xFF000000), new ColorRule.Band(10, 0xFFFFFFFF));
        assertEquals(0xFF000000, rule.colorOf(-5));
        assertEquals(0xFF808080, rule.colorOf(5));
        assertEquals(0xFFFFFFFF, rule.colorOf(99));
    }

    @Test
    void bandsThatDoNotRiseAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ColorRule.thresholds("bad", "p", "", "",
                new ColorRule.Band(10, 0xFF000000), new ColorRule.Band(5, 0xFFFFFFFF)));
        assertTrue(error.getMessage().contains("must rise"), error.getMessage());
    }

    @Test
    void aStaleColourKeepsItsHueButLosesMostOfItsSaturation() {
        int red = 0xFFD7261E;
        int stale = Colors.stale(red);
        int r = (stale >> 16) & 0xFF;
        int g = (stale >> 8) & 0xFF;
        int b = stale & 0xFF;
        assertTrue(r > g && r > b, Integer.toHexString(stale));
        assertTrue(r - Math.min(g, b) < (0xD7 - 0x1E) / 2, Integer.toHexString(stale));
    }

    @Test
    void aValueIsStaleOnlyWhenOlderThanTwiceItsStreamsUsualInterval() {
        Instant time = Instant.parse("2026-11-28T10:00:00Z");
        Latest value = new Latest(1, new Datastream("s", "d", null, "d", "PM10 concentration", "", "", "", Classification.PUBLIC),
                null, time, 12, null, 1, Duration.ofMinutes(15));
        assertFalse(Freshness.isStale(value, time.plus(Duration.ofMinutes(30))));
        assertTrue(Freshness.isStale(value, time.plus(Duration.ofMinutes(31))));
        Latest unknownInterval = new Latest(1, value.datastream(), null, time, 12, null, 1, null);
        assertFalse(Freshness.isStale(unknownInterval, time.plus(Duration.ofMinutes(59))));
        assertTrue(Freshness.isStale(unknownInterval, time.plus(Duration.ofMinutes(61))));
        Latest everyMinute = new Latest(1, value.datastream(), null, time, 12, null, 1, Duration.ofMinutes(1));
        assertFalse(Freshness.isStale(everyMinute, time.plus(Duration.ofMinutes(20))), "intervals count as 15 minutes at least");
        assertTrue(Freshness.isStale(everyMinute, time.plus(Duration.ofMinutes(31))));
        Latest none = new Latest(1, value.datastream(), null, null, Double.NaN, null, 1, null);
        assertFalse(Freshness.isStale(none, time), "no data is not stale: it is drawn as no data");
    }
}
