package de.dormagentwin.live.ingest;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record no cache column can hold is skipped, named and counted; the fetch and the rest of its page go on. */
class RejectedRecordsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final String LONG_ID = "tank-".repeat(60);

    @TempDir
    Path folder;

    private final LogCapture logs = new LogCapture();
    private final List<String> log = logs.messages();

    /** Everything a careless or hostile server could send in one fetch, among good records. */
    private static final class Careless implements Source {
        @Override
        public String name() {
            return "careless";
        }

        @Override
        public void fetch(Sink sink) throws java.io.IOException {
            sink.thing(new Thing(name(), LONG_ID, "a thing", "", Map.of(), null, Double.NaN, Double.NaN));
            sink.datastream(new Datastream(name(), LONG_ID, null, "Tank level", "fill level", "", "percent", "%", Classification.CONFIDENTIAL));
            sink.datastream(new Datastream(name(), "pm10", null, "PM10", "PM10", "", "", "µg/m³", Classification.PUBLIC));
            sink.observations(List.of(Observation.number(name(), "pm10", NOW.minusSeconds(120), 10),
                    Observation.number(name(), LONG_ID, NOW.minusSeconds(90), 55),
                    Observation.number(name(), "pm10", Instant.parse("+999999999-12-31T23:59:59Z"), 11),
                    Observation.number(name(), "pm10", Instant.MAX, 12),
                    Observation.number(name(), "pm10", NOW.plus(Duration.ofDays(2)), 13),
                    Observation.number(name(), "pm10", NOW.minusSeconds(60), 14)));
            sink.problem("line 7: no time; skipped");
        }
    }

    @AfterEach
    void stopCapturingTheLog() {
        logs.close();
    }

    @Test
    void aTooLongIdAndTimesBeyondTheCacheAreSkippedNamedAndCountedAndTheRestStored() throws Exception {
        try (LiveStore store = LiveStore.open(folder, null, Clock.fixed(NOW, ZoneOffset.UTC))) {
            IngestService ingest = new IngestService(store, List.of(new Careless()), Duration.ofSeconds(1), Duration.ofMillis(10),
                    Clock.fixed(NOW, ZoneOffset.UTC));

            assertTrue(ingest.runOnce(), log.toString());
            assertTrue(ingest.runOnce(), log.toString());
            ingest.close();

            assertEquals(List.of("pm10"), store.latest().stream().map(latest -> latest.datastream().remoteId()).toList());
            assertEquals(2, store.stats().observations());
            assertEquals(14.0, store.latest().get(0).number());
            String cut = LONG_ID.substring(0, 60) + "…(240 more)";
            assertTrue(log.stream().anyMatch(line -> line.startsWith("careless: Thing " + cut)), log.toString());
            assertTrue(log.stream().anyMatch(line -> line.startsWith("careless: Datastream " + cut)), log.toString());
            assertTrue(log.stream().noneMatch(line -> line.contains(LONG_ID)), "a long id is named, cut: " + log);
            // Thing and datastream once, the four bad observations once: a record sent again is not counted again.
            // The source's own problem is its to tell once; it told it at each fetch here.
            assertEquals(Map.of("careless", 2L + 4L + 2L), store.rejected());
        }
    }

    /** A source whose name, its URL, is long: one thing with one datastream and one value. */
    private record LongNamed(String name) implements Source {
        @Override
        public void fetch(Sink sink) throws java.io.IOException {
            sink.thing(new Thing(name, "gate-4", "Gate 4", "", Map.of(), null, Double.NaN, Double.NaN));
            sink.datastream(new Datastream(name, "no2", "gate-4", "NO2", "NO2", "", "", "µg/m³", Classification.PUBLIC));
            sink.observations(List.of(Observation.number(name, "no2", NOW.minusSeconds(60), 21)));
        }
    }

    @Test
    void aLongButHonestServiceUrlIsStoredAndAnAbsurdOneRefusedAtTheStart() throws Exception {
        String honest = "sensorthings https://sensors.dormagen.example/FROST-Server/v1.1?tenant=" + "chempark".repeat(60);
        try (LiveStore store = LiveStore.open(folder, null, Clock.fixed(NOW, ZoneOffset.UTC))) {
            IngestService ingest = new IngestService(store, List.of(new LongNamed(honest)), Duration.ofSeconds(1),
                    Duration.ofMillis(10), Clock.fixed(NOW, ZoneOffset.UTC));
            assertTrue(ingest.runOnce(), log.toString());
            ingest.close();
            assertEquals(21.0, store.latest().get(0).number());

            IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new IngestService(store, List.of(new LongNamed("sensorthings https://x/" + "y".repeat(2_000))),
                            Duration.ofSeconds(1), Duration.ofMillis(10), Clock.fixed(NOW, ZoneOffset.UTC)));
            assertTrue(refused.getMessage().contains("longer than the cache keeps"), refused.getMessage());
        }
    }
}
