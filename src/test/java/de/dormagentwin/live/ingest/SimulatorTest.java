package de.dormagentwin.live.ingest;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Place;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.CacheException;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.live.store.SeriesPoint;
import de.dormagentwin.live.store.Stats;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.testing.LogCapture;
import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator against the real sample model. A real cache with two days of history covers what reaches it:
 * counts, bindings, classifications, continuation. The month of history the cycles and exceedances are judged on
 * goes through the same fetch into a sink in memory: 2.3 million observations, which the cache's own tests need
 * not see again.
 */
@Slow
class SimulatorTest {
    /** A Wednesday, noon UTC; the month before it has no change of daylight saving time. */
    private static final Instant NOW = Instant.parse("2025-03-26T12:00:00Z");
    private static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");
    private static final long SEED = 41539;
    private static final int DAYS = 30;
    private static final int CACHED_DAYS = 2;

    @TempDir
    static Path cacheFolder;
    private static CityModel model;
    private static Simulator simulator;
    private static RecordingSink month;
    private static LiveStore cache;

    @BeforeAll
    static void fillAMonthAndACache() throws IOException, CacheException, InterruptedException {
        model = CityJsonReader.read(Path.of("assets/dormagen.city.jsonl"));
        simulator = new Simulator(model, SEED, clock(NOW), Duration.ofDays(DAYS));
        month = new RecordingSink(id -> id.startsWith("env-") && (id.endsWith("/cars") || id.endsWith("/temperature")
                || id.endsWith("/pm10")) || id.endsWith("/nox"));
        simulator.fetch(month);
        cache = LiveStore.open(cacheFolder, null);
        assertTrue(ingest(cache, new Simulator(model, SEED, clock(NOW), Duration.ofDays(CACHED_DAYS)), NOW));
    }

    @AfterAll
    static void closeTheCache() throws CacheException {
        cache.close(false);
    }

    private static Clock clock(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static boolean ingest(LiveStore store, Simulator source, Instant now) throws InterruptedException {
        try (LogCapture logs = new LogCapture()) {
            boolean worked = new IngestService(store, List.of(source), Duration.ofSeconds(1), Duration.ofMillis(10), clock(now)).runOnce();
            assertEquals(List.of(), logs.messages());
            return worked;
        }
    }

    private static LiveStore dayOfHistory(Path folder, long seed) throws CacheException, InterruptedException {
        LiveStore store = LiveStore.open(folder, null);
        ingest(store, new Simulator(model, seed, clock(NOW), Duration.ofDays(1)), NOW);
        return store;
    }

    private static String kind(Thing thing) {
        return (String) thing.properties().get("kind");
    }

    /** The month's observations of every environment box's datastream of one quantity, such as "cars". */
    private static List<Observation> boxSeries(String quantity) {
        return month.kept.entrySet().stream().filter(entry -> entry.getKey().startsWith("env-") && entry.getKey().endsWith("/" + quantity))
                .flatMap(entry -> entry.getValue().stream()).toList();
    }

    /** All cached observations of a datastream: far more points allowed than there are, so none is averaged. */
    private static List<SeriesPoint> everything(LiveStore store, long datastreamId) throws CacheException {
        return store.series(datastreamId, NOW.minus(Duration.ofDays(CACHED_DAYS + 1)), NOW.plus(Duration.ofDays(1)), 1_000_000);
    }

    private static ZonedDateTime local(Observation observation) {
        return observation.phenomenonTime().atZone(LOCAL);
    }

    @Test
    void spreadsFiftyFourEnvironmentBoxesOverEveryDistrict() {
        List<Thing> boxes = simulator.things().stream().filter(thing -> "environment box".equals(kind(thing))).toList();
        assertEquals(54, boxes.size());
        Set<String> districts = model.objects().stream().map(object -> object.textAttribute("district"))
                .filter(district -> district != null).collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = new TreeSet<>();
        for (Thing box : boxes) {
            CityObject building = model.object(box.objectId());
            assertEquals("Building", building.type(), box.remoteId());
            assertEquals(building.textAttribute("district"), box.properties().get("district"), box.remoteId());
            covered.add(building.textAttribute("district"));
        }
        assertEquals(districts, covered);
        assertEquals(54, boxes.stream().map(Thing::objectId).distinct().count(), "one box per building");
        Map<String, Long> perDistrict = boxes.stream().collect(Collectors.groupingBy(box -> (String) box.properties().get("district"), Collectors.counting()));
        assertTrue(perDistrict.get("Dormagen-Mitte") > perDistrict.get("Zons"), perDistrict.toString());
        Set<String> ids = boxes.stream().map(Thing::remoteId).collect(Collectors.toSet());
        assertTrue(ids.containsAll(List.of("env-zons-03", "env-mitte-15", "env-stuerzelberg-01")), ids.toString());
    }

    @Test
    void givesEveryBoxTheTenEnvironmentDatastreams() {
        Map<String, List<String>> perThing = simulator.datastreams().stream().filter(datastream -> datastream.remoteId().startsWith("env-"))
                .collect(Collectors.groupingBy(Datastream::thingRemoteId, TreeMap::new,
                        Collectors.mapping(datastream -> datastream.remoteId().substring(datastream.remoteId().indexOf('/') + 1), Collectors.toList())));
        assertEquals(54, perThing.size());
        for (List<String> quantities : perThing.values()) {
            assertEquals(List.of("temperature", "humidity", "co2", "pm10", "pm25", "noise", "pedestrians", "bikes", "cars", "lorries"), quantities);
        }
    }

    @Test
    void watchesEveryStackTankAndPlantBuildingOfTheChempark() {
        Map<String, Long> things = simulator.things().stream().collect(Collectors.groupingBy(SimulatorTest::kind, TreeMap::new, Collectors.counting()));
        Map<String, Long> objects = model.objects().stream().filter(object -> "CHEMPARK".equals(object.textAttribute("site")))
                .collect(Collectors.groupingBy(object -> object.textAttribute("function"), Collectors.counting()));
        assertEquals(objects.get("stack"), things.get("emission monitor"));
        assertEquals(objects.get("storage tank"), things.get("tank gauge"));
        assertEquals(objects.get("plant building"), things.get("power meter"));
        assertEquals(1L, things.get("weather mast"));
        assertEquals(1L, things.get("river gauge"));
        assertEquals(54 * 10 + objects.get("stack") * 2 + objects.get("storage tank") + objects.get("plant building") + 2 + 1,
                simulator.datastreamCount());
        assertEquals(simulator.datastreamCount(), simulator.datastreams().size());
    }

    @Test
    void bindsEveryThingButTheRiverGaugeToAnObjectOfTheModelThatFitsIt() throws CacheException {
        Map<String, String> functions = Map.of("emission monitor", "stack", "tank gauge", "storage tank", "power meter", "plant building");
        Thing gauge = thingOfKind("river gauge");
        for (Thing thing : simulator.things()) {
            if (thing == gauge) {
                continue;
            }
            CityObject object = model.object(thing.objectId());
            assertNotNull(object, thing.remoteId() + " is bound to " + thing.objectId());
            String function = functions.get(kind(thing));
            if (function != null) {
                assertEquals(function, object.textAttribute("function"), thing.remoteId());
            }
        }
        assertNull(gauge.objectId(), "a gauge is a point in the river, not the river");
        assertNotEquals("stack", model.object(thingOfKind("weather mast").objectId()).textAttribute("function"));
        List<Latest> cached = cache.latest();
        assertEquals(simulator.datastreamCount(), cached.size());
        for (Latest latest : cached) {
            if (latest.datastream().thingRemoteId().equals(gauge.remoteId())) {
                assertEquals(Place.point(gauge.longitudeDegrees(), gauge.latitudeDegrees()), latest.objectId(), "shown at its position");
            } else {
                assertNotNull(model.object(latest.objectId()), latest.datastream().remoteId());
            }
        }
    }

    private static Thing thingOfKind(String kind) {
        return simulator.things().stream().filter(thing -> kind.equals(kind(thing))).findFirst().orElseThrow();
    }

    @Test
    void placesEveryThingInsideDormagen() {
        for (Thing thing : simulator.things()) {
            assertTrue(thing.hasPosition(), thing.remoteId());
            assertTrue(thing.latitudeDegrees() > 51.02 && thing.latitudeDegrees() < 51.18, thing.remoteId() + " at " + thing.latitudeDegrees());
            assertTrue(thing.longitudeDegrees() > 6.72 && thing.longitudeDegrees() < 6.95, thing.remoteId() + " at " + thing.longitudeDegrees());
        }
    }

    @Test
    void showsTheEnvironmentToEveryoneAndKeepsProcessDataFromTheKiosk() throws CacheException {
        Map<String, Classification> expected = Map.of("env", Classification.PUBLIC, "weather-mast", Classification.PUBLIC,
                "rhine-gauge", Classification.PUBLIC, "stack", Classification.PARTNER, "tank", Classification.CONFIDENTIAL,
                "power", Classification.CONFIDENTIAL);
        for (Latest latest : cache.latest()) {
            String thing = latest.datastream().thingRemoteId();
            String prefix = thing.startsWith("weather-mast") || thing.startsWith("rhine-gauge") ? thing : thing.substring(0, thing.indexOf('-'));
            assertEquals(expected.get(prefix), latest.datastream().classification(), latest.datastream().remoteId());
        }
    }

    @Test
    void theSameSeedFillsTwoCachesWithTheSameValuesAndAnotherSeedDoesNot(@TempDir Path folder) throws Exception {
        LiveStore first = dayOfHistory(folder.resolve("first"), SEED);
        LiveStore second = dayOfHistory(folder.resolve("second"), SEED);
        LiveStore other = dayOfHistory(folder.resolve("other"), SEED + 1);
        try {
            Map<String, Double> firstValues = latestValues(first);
            assertEquals(simulator.datastreamCount(), firstValues.size());
            assertEquals(firstValues, latestValues(second));
            Map<String, Double> otherValues = latestValues(other);
            long differing = firstValues.keySet().stream().filter(id -> !firstValues.get(id).equals(otherValues.get(id))).count();
            assertTrue(differing > firstValues.size() / 2, differing + " of " + firstValues.size() + " differ");
        } finally {
            first.close(false);
            second.close(false);
            other.close(false);
        }
    }

    private static Map<String, Double> latestValues(LiveStore store) throws CacheException {
        Map<String, Double> values = new HashMap<>();
        for (Latest latest : store.latest()) {
            assertEquals(NOW, latest.time(), latest.datastream().remoteId());
            values.put(latest.datastream().remoteId(), latest.number());
        }
        return values;
    }

    @Test
    void aBackfillWritesNinetySixObservationsADayForEveryDatastream() throws CacheException {
        Stats stats = cache.stats();
        assertEquals(simulator.datastreamCount(), stats.datastreams().size());
        for (Stats.Stream stream : stats.datastreams()) {
            assertEquals(CACHED_DAYS * 96, stream.observations(), stream.latest().datastream().remoteId());
            assertEquals(NOW, stream.latest().time());
        }
        assertEquals((long) CACHED_DAYS * 96 * simulator.datastreamCount(), stats.observations());

        assertEquals(simulator.datastreamCount(), month.counts.size());
        month.counts.forEach((remoteId, count) -> assertEquals(DAYS * 96, count, remoteId));
    }

    @Test
    void aFetchAnHourLaterAddsFourObservationsPerDatastreamAndChangesNothingOlder(@TempDir Path folder) throws Exception {
        try (LiveStore store = dayOfHistory(folder, SEED)) {
            Map<Long, List<SeriesPoint>> before = new HashMap<>();
            for (Latest latest : store.latest()) {
                before.put(latest.datastreamId(), everything(store, latest.datastreamId()));
            }
            Instant later = NOW.plus(Duration.ofHours(1));
            // A fresh simulator, as after a restart: the series continue from what the cache holds.
            assertTrue(ingest(store, new Simulator(model, SEED, clock(later), Duration.ofDays(1)), later));
            for (Stats.Stream stream : store.stats().datastreams()) {
                assertEquals(96 + 4, stream.observations(), stream.latest().datastream().remoteId());
                assertEquals(later, stream.latest().time());
            }
            for (Latest latest : store.latest()) {
                List<SeriesPoint> after = everything(store, latest.datastreamId());
                assertEquals(before.get(latest.datastreamId()), after.subList(0, 96), latest.datastream().remoteId());
                assertEquals(simulator.value(latest.datastream().remoteId(), later), latest.number(), latest.datastream().remoteId());
            }
        }
    }

    @Test
    void aLiveStepOfAMinuteFillsOnlyTheLastHourMinuteByMinute(@TempDir Path folder) throws Exception {
        Simulator lively = new Simulator(model, SEED, clock(NOW), Duration.ofDays(1), Duration.ofMinutes(1));
        try (LiveStore store = LiveStore.open(folder, null)) {
            assertTrue(ingest(store, lively, NOW));
            for (Stats.Stream stream : store.stats().datastreams()) {
                assertEquals(23 * 4 + 60, stream.observations(), stream.latest().datastream().remoteId());
            }
        }
        Instant minute = NOW.minus(Duration.ofMinutes(7));
        for (Datastream datastream : simulator.datastreams()) {
            assertEquals(simulator.value(datastream.remoteId(), minute), lively.value(datastream.remoteId(), minute), datastream.remoteId());
        }
    }

    @Test
    void streamsTheBackfillInPagesAndRegistersTheNetworkOnlyOnce() throws Exception {
        long observations = month.pages.stream().mapToLong(Integer::longValue).sum();
        assertEquals((long) DAYS * 96 * simulator.datastreamCount(), observations);
        assertTrue(month.pages.stream().allMatch(size -> size <= Simulator.PAGE_SIZE), "pages of at most " + Simulator.PAGE_SIZE);
        assertTrue(month.pages.size() >= observations / Simulator.PAGE_SIZE, month.pages.size() + " pages");
        assertEquals(simulator.things().size(), month.things);
        assertEquals(simulator.datastreamCount(), month.datastreams);

        RecordingSink sink = new RecordingSink(id -> false);
        Simulator fresh = new Simulator(model, SEED, clock(NOW), Duration.ofHours(6));
        fresh.fetch(sink);
        int pages = sink.pages.size();
        fresh.fetch(sink);
        assertEquals(fresh.things().size(), sink.things, "registered once");
        assertEquals(fresh.datastreamCount(), sink.datastreams, "registered once");
        assertEquals(pages, sink.pages.size(), "nothing new at the same time");
    }

    /** Remembers what fetches hand over and answers "last time" from it, as the cache would. */
    private static final class RecordingSink implements Sink {
        private final Predicate<String> keep;
        int things;
        int datastreams;
        final List<Integer> pages = new ArrayList<>();
        final Map<String, Integer> counts = new HashMap<>();
        final Map<String, Instant> last = new HashMap<>();
        final Map<String, List<Observation>> kept = new TreeMap<>();

        RecordingSink(Predicate<String> keep) {
            this.keep = keep;
        }

        @Override
        public void thing(Thing thing) {
            things++;
        }

        @Override
        public void datastream(Datastream datastream) {
            datastreams++;
        }

        @Override
        public void observations(List<Observation> observations) {
            pages.add(observations.size());
            for (Observation observation : observations) {
                String remoteId = observation.datastreamRemoteId();
                counts.merge(remoteId, 1, Integer::sum);
                last.merge(remoteId, observation.phenomenonTime(), (a, b) -> a.isAfter(b) ? a : b);
                if (keep.test(remoteId)) {
                    kept.computeIfAbsent(remoteId, id -> new ArrayList<>()).add(observation);
                }
            }
        }

        @Override
        public Optional<Instant> lastTime(String datastreamRemoteId) {
            return Optional.ofNullable(last.get(datastreamRemoteId));
        }

        @Override
        public void problem(String message) {
            throw new AssertionError(message);
        }
    }

    @Test
    void carsPeakAtTheMorningRushHourAndAreFewAtNight() {
        double[] sum = new double[24];
        int[] count = new int[24];
        for (Observation observation : boxSeries("cars")) {
            ZonedDateTime time = local(observation);
            if (time.getMinute() == 0) {
                sum[time.getHour()] += observation.number();
                count[time.getHour()]++;
            }
        }
        double atEight = sum[8] / count[8];
        double atThree = sum[3] / count[3];
        assertTrue(atEight > 5 * atThree, "cars at 8:00 " + atEight + ", at 3:00 " + atThree);
    }

    @Test
    void fewerCarsDriveOnSundaysThanOnWednesdays() {
        Map<LocalDate, Double> daily = new TreeMap<>();
        for (Observation observation : boxSeries("cars")) {
            daily.merge(local(observation).toLocalDate(), observation.number(), Double::sum);
        }
        double sundays = meanOver(daily, DayOfWeek.SUNDAY);
        double wednesdays = meanOver(daily, DayOfWeek.WEDNESDAY);
        assertTrue(sundays < 0.7 * wednesdays, "cars on a Sunday " + sundays + ", on a Wednesday " + wednesdays);
    }

    /** The mean over the whole days that fall on a weekday (the month's first and last days are partial). */
    private static double meanOver(Map<LocalDate, Double> daily, DayOfWeek day) {
        LocalDate first = NOW.minus(Duration.ofDays(DAYS)).atZone(LOCAL).toLocalDate();
        LocalDate last = NOW.atZone(LOCAL).toLocalDate();
        return daily.entrySet().stream().filter(entry -> entry.getKey().getDayOfWeek() == day)
                .filter(entry -> entry.getKey().isAfter(first) && entry.getKey().isBefore(last))
                .mapToDouble(Map.Entry::getValue).average().orElseThrow();
    }

    @Test
    void theAfternoonIsWarmerThanTheHourBeforeDawn() {
        double afternoon = 0;
        double dawn = 0;
        for (Observation observation : boxSeries("temperature")) {
            int hour = local(observation).getHour();
            afternoon += hour == 15 ? observation.number() : 0;
            dawn += hour == 5 ? observation.number() : 0;
        }
        assertTrue(afternoon > dawn, "sum at 15:00 " + afternoon + ", at 5:00 " + dawn);
    }

    @Test
    void pm10ExceedsFiftyAsADailyMeanOnSomeDaysButNotOnMost() {
        Set<LocalDate> exceeded = new TreeSet<>();
        for (Map.Entry<String, List<Observation>> series : month.kept.entrySet()) {
            if (series.getKey().endsWith("/pm10")) {
                Map<LocalDate, double[]> daily = new TreeMap<>();
                for (Observation observation : series.getValue()) {
                    double[] sumAndCount = daily.computeIfAbsent(local(observation).toLocalDate(), date -> new double[2]);
                    sumAndCount[0] += observation.number();
                    sumAndCount[1]++;
                }
                daily.forEach((date, sumAndCount) -> {
                    if (sumAndCount[1] >= 48 && sumAndCount[0] / sumAndCount[1] > 50) {
                        exceeded.add(date);
                    }
                });
            }
        }
        assertTrue(!exceeded.isEmpty() && exceeded.size() < DAYS / 2, "days with a PM10 daily mean over 50 somewhere: " + exceeded);
    }

    @Test
    void stackNitrogenOxidesSpikeNowAndThenButRarely() {
        List<Observation> nitrogenOxides = month.kept.entrySet().stream().filter(entry -> entry.getKey().endsWith("/nox"))
                .flatMap(entry -> entry.getValue().stream()).toList();
        assertEquals(model.objects().stream().filter(object -> "stack".equals(object.textAttribute("function"))).count() * DAYS * 96,
                nitrogenOxides.size());
        long spikes = nitrogenOxides.stream().filter(observation -> observation.number() > 150).count();
        assertTrue(spikes > 0 && spikes < nitrogenOxides.size() / 100, spikes + " of " + nitrogenOxides.size() + " NOx values over 150 mg/m³");
    }
}
