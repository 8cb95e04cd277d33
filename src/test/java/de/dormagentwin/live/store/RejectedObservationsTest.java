package de.dormagentwin.live.store;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One bad observation is refused and named; the rest of its batch is stored, and the cache's "newest" stays true. */
class RejectedObservationsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path folder;

    private LiveStore open() throws CacheException {
        return LiveStore.open(folder, null, CLOCK);
    }

    private static Observation pm10(Instant time, double value) {
        return Observation.number("test", "pm10", time, value);
    }

    private static void register(LiveStore store) throws CacheException {
        store.putDatastream(new Datastream("test", "pm10", null, "PM10", "PM10", "", "", "µg/m³", Classification.PUBLIC));
    }

    @Test
    void valuesFromTheFarFutureOrBeyondWhatTheCacheHoldsAreRefusedAndTheRestStored() throws Exception {
        Instant good = NOW.minus(Duration.ofHours(1));
        Instant soon = NOW.plus(Duration.ofHours(23));
        try (LiveStore store = open()) {
            register(store);

            WriteResult result = store.write(List.of(pm10(good, 1), pm10(Instant.parse("2099-01-01T00:00:00Z"), 2),
                    pm10(Instant.MAX, 3), pm10(Instant.parse("+999999999-01-01T00:00:00Z"), 4), pm10(Instant.MIN, 5),
                    pm10(soon, 6)));

            assertEquals(2, result.stored());
            assertEquals(4, result.rejected().size(), result.rejected().toString());
            assertTrue(result.rejected().get(0).contains("2099-01-01T00:00:00Z") && result.rejected().get(0).contains("ahead"),
                    result.rejected().get(0));
            assertTrue(result.rejected().get(1).contains(Instant.MAX.toString()), result.rejected().get(1));
            assertTrue(result.rejected().get(3).contains("outside the times"), result.rejected().get(3));
            assertEquals(Optional.of(soon), store.lastTime("test", "pm10"), "the newest good value is where the next fetch starts");
            assertEquals(6.0, store.latest().get(0).number());
        }
    }

    @Test
    void aDatastreamIdOverTwoHundredFiftyFiveCharactersIsRefusedAndNamedCut() throws Exception {
        String longId = "x".repeat(300);
        String longestKept = "y".repeat(LiveStore.MAX_ID_LENGTH);
        Datastream tooLong = new Datastream("test", longId, null, "too long", "PM10", "", "", "", Classification.PUBLIC);
        try (LiveStore store = open()) {
            register(store);
            Optional<String> problem = LiveStore.problemWith(tooLong);
            assertTrue(problem.isPresent() && problem.get().contains("300 characters") && problem.get().contains("(240 more)"),
                    problem.toString());
            assertThrows(CacheException.class, () -> store.putDatastream(tooLong));
            store.putDatastream(new Datastream("test", longestKept, null, "longest", "PM10", "", "", "", Classification.PUBLIC));
            store.putThing(new Thing("test", longestKept, "a thing", "", Map.of(), null, Double.NaN, Double.NaN));

            WriteResult result = store.write(List.of(Observation.number("test", longId, NOW, 1), pm10(NOW, 2),
                    Observation.number("test", longestKept, NOW, 3)));

            assertEquals(2, result.stored());
            assertEquals(1, result.rejected().size());
            String named = result.rejected().get(0);
            assertTrue(named.contains("300 characters") && named.contains("x".repeat(60) + "…(240 more)") && !named.contains("x".repeat(61)), named);
            assertTrue(LiveStore.problemWith(new Thing("test", "t", "n".repeat(501), "", Map.of(), null, 0, 0)).isPresent());
        }
    }

    @Test
    void aCacheThatAlreadyHoldsAValueFromTheFutureFetchesAfterTheNewestGoodOneAndShowsTheNextGoodOne() throws Exception {
        Instant good = NOW.minus(Duration.ofHours(2));
        try (LiveStore store = open()) {
            register(store);
            store.write(List.of(pm10(good, 1)));
        }
        // As an earlier version of the program left it: the value from 2099 stored, and taken as the latest.
        long future = Instant.parse("2099-01-01T00:00:00Z").toEpochMilli();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("live").toAbsolutePath(), "twin", "");
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO observation (datastream_id, phenomenon_time, result_number, fetched_at) "
                    + "SELECT id, " + future + ", 99, 0 FROM datastream");
            statement.execute("UPDATE datastream SET latest_time = " + future + ", latest_number = 99");
        }
        try (LiveStore store = open()) {
            assertEquals(Optional.of(good), store.lastTime("test", "pm10"));

            store.write(List.of(pm10(NOW.minus(Duration.ofHours(1)), 2)));

            assertEquals(2.0, store.latest().get(0).number());
            assertEquals(Optional.of(NOW.minus(Duration.ofHours(1))), store.lastTime("test", "pm10"));
        }
    }

    @Test
    void rejectedRecordsAreCountedPerSourceAndKeptAcrossRuns() throws Exception {
        try (LiveStore store = open()) {
            store.countRejected("sensorthings http://a", 2, "two bad ones");
            store.countRejected("csv /drop", 1, "one bad line");
            store.countRejected("sensorthings http://a", 1, "one more");
        }
        try (LiveStore store = open()) {
            assertEquals(Map.of("sensorthings http://a", 3L, "csv /drop", 1L), store.rejected());
            assertEquals(Map.of("sensorthings http://a", 3L, "csv /drop", 1L), store.stats().rejected());
            store.countRejected("csv /drop", 1, "\u0000".repeat(10_000));
            assertEquals(2L, store.rejected().get("csv /drop"), "a long message of control characters still fits");
        }
    }
}
