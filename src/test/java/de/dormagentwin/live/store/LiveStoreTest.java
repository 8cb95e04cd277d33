package de.dormagentwin.live.store;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Place;
import de.dormagentwin.live.Thing;
import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveStoreTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final LogCapture logs = new LogCapture();
    private final List<String> log = logs.messages();

    private LiveStore open() throws CacheException {
        return LiveStore.open(folder, null, CLOCK);
    }

    /** A thing with two datastreams: PM10 (public) and a tank level (confidential). */
    static void register(LiveStore store) throws CacheException {
        store.putThing(new Thing("test", "box-1", "Box 1", "a LoRaWAN box", Map.of("district", "Zons"), "zons-b1", 6.84, 51.12));
        store.putDatastream(new Datastream("test", "box-1/pm10", "box-1", "PM10 at box 1", "PM10", "SDS011", "microgram per cubic metre", "µg/m³", Classification.PUBLIC));
        store.putDatastream(new Datastream("test", "tank-7/level", null, "Tank 7 level", "fill level", "radar", "percent", "%", Classification.CONFIDENTIAL));
    }

    static Observation pm10(int minutes, double value) {
        return Observation.number("test", "box-1/pm10", T0.plus(Duration.ofMinutes(minutes)), value);
    }

    private static long rows(Path folder, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("live").toAbsolutePath(), "twin", "");
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @AfterEach
    void stopCapturingTheLog() {
        logs.close();
    }

    @Test
    void thePageCacheHasAFixedLimitThatItStaysWithin() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            List<Observation> day = new ArrayList<>();
            for (int minute = 0; minute < 20_000; minute++) {
                day.add(pm10(minute, minute % 60));
            }
            store.write(day);
            store.latest();
            long[] cache = store.pageCacheMegabytes();
            assertEquals(16, cache[1], "H2's default limit: a kiosk's heap must not grow with its cache file");
            assertTrue(cache[0] >= 0 && cache[0] <= cache[1], cache[0] + " MB of " + cache[1]);
        }
    }

    @Test
    void theSameObservationTwiceIsOneRowAndANewerResultReplacesTheOld() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            assertEquals(2, store.write(List.of(pm10(0, 10), pm10(15, 12))).stored());
            store.write(List.of(pm10(15, 12)));
            store.write(List.of(pm10(15, 30)));
            Stats stats = store.stats();
            assertEquals(2, stats.observations());
            Latest latest = store.latest().stream().filter(value -> value.datastream().remoteId().equals("box-1/pm10")).findFirst().orElseThrow();
            assertEquals(30, latest.number());
            assertEquals(T0.plus(Duration.ofMinutes(15)), latest.time());
            assertEquals("zons-b1", latest.objectId());
        }
    }

    @Test
    void anOlderObservationArrivingLateDoesNotBecomeTheLatest() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            store.write(List.of(pm10(30, 20)));
            store.write(List.of(pm10(15, 99)));
            Latest latest = store.latest().get(0);
            assertEquals(20, latest.number());
            assertEquals(2, store.stats().observations());
        }
    }

    @Test
    void anObservationOfAnUnknownDatastreamIsNamedAndTheRestStored() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            WriteResult result = store.write(List.of(pm10(0, 1), Observation.number("test", "nowhere", T0, 5), pm10(15, 2)));
            assertEquals(2, result.stored());
            assertEquals(List.of("observation at " + T0 + " of unknown datastream nowhere of test; skipped"), result.rejected());
        }
    }

    @Test
    void latestHoldsEveryDatastreamAndChangedSinceOnlyTheOnesThatChanged() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            List<Latest> empty = store.latest();
            assertEquals(2, empty.size());
            assertFalse(empty.get(1).hasValue());
            store.write(List.of(pm10(0, 10), Observation.number("test", "tank-7/level", T0, 55)));
            Changes first = store.changedSince(0);
            assertEquals(2, first.values().size());
            store.write(List.of(pm10(15, 11)));
            Changes second = store.changedSince(first.revision());
            assertEquals(List.of("box-1/pm10"), second.values().stream().map(value -> value.datastream().remoteId()).toList());
            assertEquals(11, second.values().get(0).number());
            assertEquals(List.of(), store.changedSince(second.revision()).values());
            assertEquals(Classification.CONFIDENTIAL, store.latest().get(1).datastream().classification());
        }
    }

    @Test
    void aThingWithoutAnObjectIsPlacedAtItsLocationAndOneWithNeitherNowhere() throws Exception {
        try (LiveStore store = open()) {
            store.putThing(new Thing("test", "gauge", "Gauge", "", Map.of(), null, 6.8575, 51.12));
            store.putThing(new Thing("test", "somewhere", "Box", "", Map.of(), null, Double.NaN, Double.NaN));
            store.putDatastream(new Datastream("test", "gauge/level", "gauge", "Level", "water level", "", "", "cm", Classification.PUBLIC));
            store.putDatastream(new Datastream("test", "somewhere/pm10", "somewhere", "PM10", "PM10", "", "", "µg/m³", Classification.PUBLIC));
            List<Latest> latest = store.latest();
            assertEquals(Place.point(6.8575, 51.12), latest.get(0).objectId());
            assertEquals(6.8575, Place.lonLat(latest.get(0).objectId())[0], 1e-9);
            assertEquals(51.12, Place.lonLat(latest.get(0).objectId())[1], 1e-9);
            assertNull(latest.get(1).objectId());
            assertNull(Place.lonLat("house-b"), "an object's id is no point");
        }
    }

    @Test
    void textResultsAreKeptAsText() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            store.write(List.of(Observation.text("test", "tank-7/level", T0, "sensor fault")));
            Latest latest = store.latest().get(1);
            assertEquals("sensor fault", latest.text());
            assertTrue(Double.isNaN(latest.number()));
        }
    }

    @Test
    void asOfGivesEachDatastreamsLastValueAtOrBeforeTheTime() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            store.write(List.of(pm10(0, 10), pm10(15, 20), pm10(30, 30)));
            List<Latest> atTwenty = store.asOf(T0.plus(Duration.ofMinutes(20)));
            assertEquals(20, atTwenty.get(0).number());
            assertEquals(T0.plus(Duration.ofMinutes(15)), atTwenty.get(0).time());
            assertFalse(atTwenty.get(1).hasValue(), "the tank has no data at all");
            assertEquals(30, store.asOf(T0.plus(Duration.ofMinutes(30))).get(0).number());
            assertNull(store.asOf(T0.minusSeconds(1)).get(0).time());
        }
    }

    @Test
    void asOfFindsTheLastValueHoweverLongBeforeTheTimeItCame() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            int day = 24 * 60;
            // Thirty days earlier, so that all of it lies before the cache's clock, which refuses values from the future.
            int start = -30 * day;
            // A gap of two days, then one of forty, then data after the asked times.
            store.write(List.of(pm10(start, 1), pm10(start + 2 * day, 2), pm10(start + 42 * day, 3), pm10(start + 50 * day, 4)));
            assertEquals(2, store.asOf(T0.plus(Duration.ofMinutes(start + 3 * day))).get(0).number());
            assertEquals(2, store.asOf(T0.plus(Duration.ofMinutes(start + 41 * day))).get(0).number());
            assertEquals(1, store.asOf(T0.plus(Duration.ofMinutes(start + day))).get(0).number());
            assertEquals(3, store.asOf(T0.plus(Duration.ofMinutes(start + 42 * day + 30))).get(0).number());
            assertEquals(4, store.asOf(T0.plus(Duration.ofMinutes(start + 60 * day))).get(0).number());
        }
    }

    @Test
    void aSeriesIsDownsampledToAtMostTheAskedNumberOfPointsKeepingMeanMinAndMax() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            List<Observation> day = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                day.add(pm10(i * 15, i));
            }
            store.write(day);
            long id = store.latest().get(0).datastreamId();
            Instant end = T0.plus(Duration.ofMinutes(95 * 15));
            List<SeriesPoint> all = store.series(id, T0, end, 1000);
            assertEquals(96, all.size());
            List<SeriesPoint> ten = store.series(id, T0, end, 10);
            assertTrue(ten.size() <= 10 && ten.size() >= 9, "points: " + ten.size());
            assertEquals(96, ten.stream().mapToInt(SeriesPoint::count).sum());
            assertEquals(0, ten.get(0).min());
            assertEquals(95, ten.get(ten.size() - 1).max());
            double total = ten.stream().mapToDouble(point -> point.mean() * point.count()).sum();
            assertEquals(95 * 96 / 2.0, total, 1e-6);
            assertTrue(ten.get(0).time().isBefore(ten.get(1).time()));
        }
    }

    @Test
    void pruneDeletesOnlyWhatIsOlderInChunks() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            List<Observation> many = new ArrayList<>();
            for (int i = 0; i < 25_000; i++) {
                many.add(pm10(i, i));
            }
            store.write(many);
            long deleted = store.prune(T0.plus(Duration.ofMinutes(21_000)));
            assertEquals(21_000, deleted);
            assertEquals(4_000, store.stats().observations());
            assertEquals(24_999, store.latest().get(0).number());
        }
    }

    @Test
    void aReopenedCacheKeepsItsDataAndDoesNotMigrateTwice() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            store.write(List.of(pm10(0, 10)));
        }
        try (LiveStore store = open()) {
            assertEquals(1, store.stats().observations());
        }
        assertEquals(4, rows(folder, "SELECT COUNT(*) FROM schema_version"), "one row per migration");
    }

    @Test
    void theUsualIntervalIsLearntFromHowOftenAStreamReports() throws Exception {
        try (LiveStore store = open()) {
            register(store);
            store.write(List.of(pm10(0, 1)));
            assertNull(store.latest().get(0).usualInterval(), "one observation says nothing about the interval");
            store.write(List.of(pm10(15, 1)));
            assertEquals(Duration.ofMinutes(15), store.latest().get(0).usualInterval());
            store.write(List.of(pm10(20, 1), pm10(25, 1), pm10(30, 1)));
            assertEquals(Duration.ofMinutes(5), store.latest().get(0).usualInterval());
        }
    }

    @Test
    void aCacheOfTheFirstSchemaIsMigratedAndKeepsItsData() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("live").toAbsolutePath(), "twin", "");
             Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM 'classpath:/de/dormagentwin/live/store/V1__sensorthings.sql'");
            statement.execute("CREATE TABLE schema_version (version INT NOT NULL)");
            statement.execute("INSERT INTO schema_version VALUES (1)");
            statement.execute("INSERT INTO observed_property (name) VALUES ('PM10')");
            statement.execute("INSERT INTO datastream (source, remote_id, observed_property_id, name, unit_name, unit_symbol, "
                    + "classification, fetched_at, latest_time, latest_number) VALUES ('old', 'd', 1, 'D', '', '', 'public', 0, 5, 7.5)");
        }
        try (LiveStore store = open()) {
            assertEquals(7.5, store.latest().get(0).number());
            assertNull(store.latest().get(0).usualInterval());
        }
        assertEquals(4, rows(folder, "SELECT MAX(version) FROM schema_version"));
    }

    @Test
    void aCacheFromANewerProgramIsRefusedWithoutBeingMoved() throws Exception {
        try (LiveStore store = open()) {
            register(store);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("live").toAbsolutePath(), "twin", "");
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version VALUES (99)");
        }
        CacheException error = assertThrows(CacheException.class, this::open);
        assertTrue(error.getMessage().contains("schema version 99"), error.getMessage());
        assertEquals(List.of("live.mv.db"), files());
    }

    @Test
    void anEncryptedCacheOpensWithItsPasswordAndRefusesAWrongOneOrNone() throws Exception {
        try (LiveStore store = LiveStore.open(folder, "s3cret".toCharArray(), CLOCK)) {
            register(store);
            store.write(List.of(pm10(0, 42)));
        }
        byte[] bytes = Files.readAllBytes(folder.resolve("live.mv.db"));
        assertFalse(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Box 1"), "the file is encrypted");

        CacheException wrong = assertThrows(CacheException.class, () -> LiveStore.open(folder, "guess".toCharArray(), CLOCK));
        assertTrue(wrong.getMessage().startsWith("wrong password"), wrong.getMessage());
        CacheException none = assertThrows(CacheException.class, () -> LiveStore.open(folder, null, CLOCK));
        assertTrue(none.getMessage().contains("is encrypted"), none.getMessage());
        assertEquals(List.of("live.mv.db"), files(), "nothing moved aside");
        assertArrayEquals(bytes, Files.readAllBytes(folder.resolve("live.mv.db")));

        try (LiveStore store = LiveStore.open(folder, "s3cret".toCharArray(), CLOCK)) {
            assertEquals(42, store.latest().get(0).number());
        }
    }

    @Test
    void aPlainCacheOpenedWithAPasswordIsRefused() throws Exception {
        try (LiveStore store = open()) {
            register(store);
        }
        CacheException error = assertThrows(CacheException.class, () -> LiveStore.open(folder, "s3cret".toCharArray(), CLOCK));
        assertTrue(error.getMessage().contains("not encrypted"), error.getMessage());
    }

    @Test
    void aCorruptFileIsMovedAsideWithATimeStampAndAFreshCacheBuilt() throws Exception {
        byte[] garbage = "H:2,this is not a database at all".repeat(200).getBytes();
        Files.write(folder.resolve("live.mv.db"), garbage);
        try (LiveStore store = open()) {
            register(store);
            assertEquals(0, store.stats().observations());
        }
        Path aside = folder.resolve("live.mv.db.broken-20261128T120000Z");
        assertArrayEquals(garbage, Files.readAllBytes(aside), "the broken file is kept as it was");
        assertEquals(1, log.size(), () -> "log: " + log);
        assertTrue(log.get(0).contains("would not open") && log.get(0).contains(aside.getFileName().toString()), log.get(0));
    }

    @Test
    void thePasswordComesFromTheEnvironmentBeforeTheConfiguration() {
        assertArrayEquals("env".toCharArray(), CachePassword.resolve(Map.of(CachePassword.ENVIRONMENT_VARIABLE, "env"), "config"));
        assertArrayEquals("config".toCharArray(), CachePassword.resolve(Map.of(), "config"));
        assertNull(CachePassword.resolve(Map.of(), null));
        assertThrows(IllegalArgumentException.class, () -> CachePassword.resolve(Map.of(), "two words"));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(path -> path.getFileName().toString()).filter(name -> !name.endsWith(".trace.db")).sorted().toList();
        }
    }
}
