package de.dormagentwin.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.dormagentwin.live.Classification;
import de.dormagentwin.live.ingest.IngestService;
import de.dormagentwin.live.ingest.SensorThingsSource;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What reaches the kiosk, the cache's folder and one bad value, through the command line as a user runs it. */
class CacheTrustTest {
    private static final Set<Classification> KIOSK = EnumSet.of(Classification.PUBLIC);
    private static final String TANK = "tank-3/level";

    @TempDir
    Path folder;

    private Path cache() {
        return folder.resolve("cache");
    }

    /** A CSV file in a drop folder, old enough that the source does not wait for a copy to finish. */
    private Path drop(String dropName, String file, String content) throws Exception {
        Path drop = Files.createDirectories(folder.resolve(dropName));
        Path csv = drop.resolve(file);
        Files.writeString(csv, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(csv, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        return drop;
    }

    private static String tankLevel(Instant time, double value) {
        return "datastream,time,value,unit\n" + TANK + "," + time + "," + value + ",%\n";
    }

    private TwinRun ingestCsv(Path drop, String... more) {
        List<String> args = new ArrayList<>(List.of("ingest", "--csv", drop.toString(), "--once", "--cache", cache().toString()));
        args.addAll(List.of(more));
        return twin(args.toArray(String[]::new));
    }

    private JsonNode stats() throws Exception {
        TwinRun stats = twin("cache", "stats", "--json", "--cache", cache().toString());
        assertEquals(0, stats.exitCode(), stats.err());
        return new ObjectMapper().readTree(stats.out());
    }

    /** What the kiosk's live feed would read: the public streams' latest values, and as of now. */
    private int publicStreams() throws Exception {
        try (LiveStore store = LiveStore.open(cache(), null)) {
            return store.changedSince(-1, KIOSK).values().size() + store.asOf(Instant.now(), KIOSK).size();
        }
    }

    @Test
    void aCsvStreamWithoutAFlagIsConfidentialAndTheKioskReadsNothingOfIt() throws Exception {
        Path drop = drop("drop", "tank.csv", tankLevel(Instant.now().minus(Duration.ofHours(1)), 81.5));

        TwinRun ingest = ingestCsv(drop);

        assertEquals(0, ingest.exitCode(), ingest.err());
        JsonNode stream = stats().get("datastreams").get(0);
        assertEquals(TANK, stream.get("remoteId").asText());
        assertEquals("confidential", stream.get("classification").asText());
        assertEquals(1, stream.get("observations").asLong());
        assertEquals(0, publicStreams());
    }

    @Test
    void reIngestingWithALooserFlagOrNoneKeepsAStreamConfidential() throws Exception {
        Path drop = drop("drop", "first.csv", tankLevel(Instant.now().minus(Duration.ofHours(3)), 80));
        assertEquals(0, ingestCsv(drop, "--classification", "confidential").exitCode());
        drop("drop", "second.csv", tankLevel(Instant.now().minus(Duration.ofHours(2)), 81));
        TwinRun looser = ingestCsv(drop, "--classification", "public");
        assertEquals(0, looser.exitCode(), looser.err());
        assertTrue(looser.err().contains("datastream " + TANK + " stays confidential, stricter than public"), looser.err());
        drop("drop", "third.csv", tankLevel(Instant.now().minus(Duration.ofHours(1)), 82));
        assertEquals(0, ingestCsv(drop).exitCode());

        JsonNode stream = stats().get("datastreams").get(0);
        assertEquals("confidential", stream.get("classification").asText());
        assertEquals(3, stream.get("observations").asLong(), "the data is stored; only who sees it stays");
        assertEquals(0, publicStreams());
    }

    @Test
    void cacheClassifyLoosensAStreamSaysWhatChangedAndKeepsARecord() throws Exception {
        Path drop = drop("drop", "tank.csv", tankLevel(Instant.now().minus(Duration.ofHours(1)), 81.5));
        assertEquals(0, ingestCsv(drop).exitCode());

        TwinRun classify = twin("cache", "classify", "--datastream", TANK, "--as", "public", "--cache", cache().toString());

        assertEquals(0, classify.exitCode(), classify.err());
        assertEquals("csv " + drop + " " + TANK + ": confidential -> public", classify.out().strip());
        assertTrue(classify.err().contains("classification changed: csv " + drop + " " + TANK + ": confidential -> public"), classify.err());
        assertEquals("public", stats().get("datastreams").get(0).get("classification").asText());
        assertEquals(2, publicStreams(), "the kiosk reads it now, latest and as of now");
        try (LiveStore store = LiveStore.open(cache(), null)) {
            List<String> changes = store.classificationChanges();
            assertEquals(1, changes.size());
            assertTrue(changes.get(0).endsWith("csv " + drop + " " + TANK + " confidential -> public (cache classify)"), changes.get(0));
        }
    }

    @Test
    void cacheClassifyNamesAnUnknownStreamAndAsksWhichOfSeveralSources() throws Exception {
        Path north = drop("north", "tank.csv", tankLevel(Instant.now().minus(Duration.ofHours(1)), 1));
        Path south = drop("south", "tank.csv", tankLevel(Instant.now().minus(Duration.ofHours(1)), 2));
        assertEquals(0, ingestCsv(north).exitCode());
        assertEquals(0, ingestCsv(south).exitCode());

        TwinRun unknown = twin("cache", "classify", "--datastream", "tank-9", "--as", "public", "--cache", cache().toString());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("no datastream tank-9"), unknown.err());

        TwinRun several = twin("cache", "classify", "--datastream", TANK, "--as", "public", "--cache", cache().toString());
        assertEquals(2, several.exitCode());
        assertTrue(several.err().contains("--source") && several.err().contains("csv " + north) && several.err().contains("csv " + south),
                several.err());

        TwinRun one = twin("cache", "classify", "--datastream", TANK, "--source", "csv " + south, "--as", "partner", "--cache", cache().toString());
        assertEquals(0, one.exitCode(), one.err());
        assertEquals("csv " + south + " " + TANK + ": confidential -> partner", one.out().strip());
        List<String> classifications = new ArrayList<>();
        stats().get("datastreams").forEach(stream -> classifications.add(stream.get("source").asText() + "=" + stream.get("classification").asText()));
        assertEquals(List.of("csv " + north + "=confidential", "csv " + south + "=partner"), classifications.stream().sorted().toList());

        assertEquals(2, twin("cache", "classify", "--datastream", TANK, "--as", "secret", "--cache", cache().toString()).exitCode());
    }

    @Test
    void aCacheFolderWithSettingsInItsNameIsRefusedAndItsScriptNeverRuns() throws Exception {
        Path marker = folder.resolve("marker");
        Path script = folder.resolve("evil.sql");
        Files.writeString(script, "CALL FILE_WRITE(STRINGTOUTF8('owned'), '" + marker.toAbsolutePath() + "');\n");
        String evil = folder.resolve("x").toAbsolutePath() + ";INIT=RUNSCRIPT FROM '" + script.toAbsolutePath() + "'\\;--";

        TwinRun stats = twin("cache", "stats", "--cache", evil);

        assertFalse(Files.exists(marker), "the script ran");
        assertEquals(1, stats.exitCode(), stats.out());
        assertTrue(stats.err().contains(evil) && stats.err().contains("--cache"), stats.err());
    }

    @Test
    void aValueFromTheFutureIsCountedAsRejectedAndTheNextFetchStartsAfterTheNewestGoodOne() throws Exception {
        Instant first = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant newestGood = first.plus(Duration.ofHours(1));
        List<String> filters = new CopyOnWriteArrayList<>();
        try (LogCapture logs = new LogCapture();
             OneStreamServer server = new OneStreamServer(filters, List.of(observation(1, first, 20.5),
                observation(2, Instant.parse("2099-01-01T00:00:00Z"), 99), observation(3, newestGood, 21.5)))) {
            List<String> log = logs.messages();
            try (LiveStore store = LiveStore.open(cache(), null)) {
                IngestService ingest = new IngestService(store, List.of(new SensorThingsSource(server.root(), Classification.PUBLIC,
                        Duration.ofSeconds(10))), Duration.ofSeconds(1), Duration.ofMillis(10), Clock.systemUTC());
                assertTrue(ingest.runOnce(), log.toString());
                assertTrue(ingest.runOnce(), log.toString());
                ingest.close();
            }
            assertEquals(List.of("", "phenomenonTime gt " + newestGood), filters);
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.get(0).contains("2099-01-01T00:00:00Z") && log.get(0).contains("sensorthings " + server.root()), log.get(0));

            JsonNode stats = stats();
            assertEquals(2, stats.get("observations").asLong());
            assertEquals(21.5, stats.get("datastreams").get(0).get("latestValue").asDouble());
            JsonNode source = stats.get("sources").get(0);
            assertEquals("sensorthings " + server.root(), source.get("source").asText());
            assertEquals(1, source.get("rejected").asLong());
            TwinRun plain = twin("cache", "stats", "--cache", cache().toString());
            assertTrue(plain.out().contains("1 records rejected from sensorthings " + server.root()), plain.out());
        }
    }

    @Test
    void csvRowsFromTheFutureOrBeyondTheCacheAreRejectedAndCountedAndTheRestOfTheirFileStored() throws Exception {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Path drop = drop("drop", "tank.csv", tankLevel(hourAgo, 80) + TANK + ",2099-01-01T00:00:00Z,99,%\n"
                + TANK + ",+999999999-12-31T23:59:59Z,98,%\n" + TANK + "," + hourAgo.plusSeconds(60) + ",81,%\n");

        TwinRun ingest = ingestCsv(drop);

        assertEquals(0, ingest.exitCode(), ingest.err());
        assertTrue(ingest.out().contains("2 new observations") && ingest.out().contains("2 records rejected"), ingest.out());
        assertTrue(ingest.err().contains("2099-01-01T00:00:00Z"), ingest.err());
        assertTrue(Files.exists(drop.resolve("done").resolve("tank.csv")), "the file is done with, not retried for ever");
        JsonNode stats = stats();
        assertEquals(81.0, stats.get("datastreams").get(0).get("latestValue").asDouble());
        assertEquals("csv " + drop, stats.get("sources").get(0).get("source").asText());
        assertEquals(2, stats.get("sources").get(0).get("rejected").asLong());
    }

    @Test
    void everyBadRowOfAFileIsCountedThoughOnlyTheFirstAreToldOneByOne() throws Exception {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder rows = new StringBuilder(tankLevel(hourAgo, 80));
        for (int i = 0; i < 50; i++) {
            rows.append(TANK).append(",not a time,").append(i).append(",%\n");
        }
        Path drop = drop("drop", "tank.csv", rows.toString());

        TwinRun ingest = ingestCsv(drop);

        assertEquals(0, ingest.exitCode(), ingest.err());
        assertTrue(ingest.err().contains("30 more bad rows skipped"), ingest.err());
        assertEquals(50, stats().get("sources").get(0).get("rejected").asLong());
    }

    private static String observation(int id, Instant time, double value) {
        return "{\"@iot.id\": " + id + ", \"phenomenonTime\": \"" + time + "\", \"result\": " + value + "}";
    }

    /** A SensorThings service of one thing with one datastream, answering the observations after a $filter's time. */
    private static final class OneStreamServer implements AutoCloseable {
        private static final Pattern AFTER = Pattern.compile("phenomenonTime gt ([^&\\s]+)");
        private static final Pattern TIME = Pattern.compile("\"phenomenonTime\": \"([^\"]+)\"");
        private final HttpServer server;

        OneStreamServer(List<String> filters, List<String> observations) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1.1/Things", exchange -> respond(exchange, "{\"value\": [{\"@iot.id\": 1, \"name\": \"Gate 4\", "
                    + "\"properties\": {}, \"Locations\": [], \"Datastreams\": [{\"@iot.id\": 7, \"name\": \"NO2\", "
                    + "\"observationType\": \"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement\", "
                    + "\"unitOfMeasurement\": {\"name\": \"microgram per cubic metre\", \"symbol\": \"µg/m³\"}, "
                    + "\"Sensor\": {\"name\": \"sampler\"}, \"ObservedProperty\": {\"name\": \"Nitrogen dioxide\"}}]}]}"));
            server.createContext("/v1.1/Datastreams(7)/Observations", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                Matcher after = AFTER.matcher(query);
                Instant since = after.find() ? Instant.parse(after.group(1)) : Instant.MIN;
                filters.add(since == Instant.MIN ? "" : after.group());
                List<String> newer = observations.stream().filter(observation -> {
                    Matcher time = TIME.matcher(observation);
                    return time.find() && Instant.parse(time.group(1)).isAfter(since);
                }).toList();
                respond(exchange, "{\"value\": [" + String.join(", ", newer) + "]}");
            });
            server.start();
        }

        URI root() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.1");
        }

        private static void respond(HttpExchange exchange, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
