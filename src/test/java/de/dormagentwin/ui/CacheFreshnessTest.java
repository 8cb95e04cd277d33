package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CacheFreshnessTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Datastream PM10 = new Datastream("test", "box/pm10", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC);

    private static Latest at(long id, String object, Instant time) {
        return new Latest(id, PM10, object, time, time == null ? Double.NaN : 20, null, 1, null);
    }

    @Test
    void theNewestValueAcrossAllObjectsCountsAndValuelessStreamsDoNot() {
        LiveFeed.Snapshot snapshot = new LiveFeed.Snapshot(Map.of(
                "house-a", List.of(at(1, "house-a", NOW.minusSeconds(3600)), at(2, "house-a", null)),
                "house-b", List.of(at(3, "house-b", NOW.minusSeconds(150)))), 3);
        assertEquals(NOW.minusSeconds(150), CacheFreshness.newest(snapshot));
        assertEquals("cache: newest value 2 min ago", CacheFreshness.text(snapshot, NOW));
    }

    @Test
    void anEmptyCacheSaysSoAndOldValuesSayHowOld() {
        assertNull(CacheFreshness.newest(LiveFeed.Snapshot.EMPTY));
        assertEquals("cache: no data", CacheFreshness.text(LiveFeed.Snapshot.EMPTY, NOW));
        assertEquals("cache: newest value just now", CacheFreshness.text(NOW.minusSeconds(20), NOW));
        assertEquals("cache: newest value 5 h ago", CacheFreshness.text(NOW.minusSeconds(5 * 3600 + 60), NOW));
        assertEquals("cache: newest value 3 days ago", CacheFreshness.text(NOW.minusSeconds(3 * 86_400), NOW));
    }
}
