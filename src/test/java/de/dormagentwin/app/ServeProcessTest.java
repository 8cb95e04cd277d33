package de.dormagentwin.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.dormagentwin.live.ingest.FakeSensorThingsServer;
import de.dormagentwin.live.ingest.MosquittoBroker;
import de.dormagentwin.live.ingest.MqttSource;
import de.dormagentwin.live.store.ServiceFile;
import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site as deployed: a SensorThings server and an MQTT broker upstream (real Mosquitto, a loopback SensorThings
 * service), one {@code twin serve} process, and displays in processes of their own. What the displays draw is read
 * from their debug log, which names each value whose drawing changed.
 */
@Slow
class ServeProcessTest {
    private static final String DATASTREAM = "7";

    @TempDir
    Path folder;

    private FakeSensorThingsServer upstream;
    private Path config;
    private Path cache;

    private void site(String mqtt) throws Exception {
        upstream = new FakeSensorThingsServer(100);
        JsonNode entities = upstream.mapper().readTree("""
                {"thing": {"@iot.id": 1, "name": "Air box Rheinufer", "properties": {},
                   "Locations": [{"@iot.id": 1, "name": "Rheinufer", "encodingType": "application/geo+json",
                                  "location": {"type": "Point", "coordinates": [6.84, 51.09]}}]},
                 "datastream": {"@iot.id": 7, "name": "PM10 Rheinufer", "description": "PM10 at the Rhine",
                   "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                   "unitOfMeasurement": {"name": "microgram per cubic metre", "symbol": "µg/m³", "definition": "ucum"},
                   "Sensor": {"@iot.id": 3, "name": "SDS011", "encodingType": "text/plain", "metadata": "none"},
                   "ObservedProperty": {"@iot.id": 4, "name": "PM10", "definition": "pm10"}}}
                """);
        upstream.thing((ObjectNode) entities.get("thing"), (ObjectNode) entities.get("datastream"));
        cache = folder.resolve("cache");
        config = folder.resolve("config.json");
        Files.writeString(config, "{\"sources\": [{\"type\": \"sensorthings\", \"url\": \"" + upstream.root() + "\", "
                + "\"classification\": \"public\", \"interval\": \"PT2S\""
                + (mqtt == null ? "" : ", \"mqtt\": \"" + mqtt + "\", \"datastreams\": [\"" + DATASTREAM + "\"]")
                + "}], \"kiosk\": {\"pin\": \"2468\"}}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    /** An observation the upstream server holds: a new one, or one it had before the service started. */
    private ObjectNode observation(long id, Instant time, double value) {
        ObjectNode observation = upstream.mapper().createObjectNode().put("@iot.id", id).put("phenomenonTime", time.toString());
        observation.put("result", value);
        upstream.observations(upstream.mapper().getNodeFactory().numberNode(Integer.parseInt(DATASTREAM)), observation);
        return observation;
    }

    private Map<String, String> environment() {
        return Map.of("TWIN_LOG_LEVEL", "FINE", "XDG_STATE_HOME", folder.resolve("state").toString());
    }

    private TwinDaemon serve(String name) throws Exception {
        TwinDaemon serve = TwinDaemon.start(name, folder, environment(), "serve", "--cache", cache.toString(), "--config", config.toString());
        serve.await("serving " + cache);
        return serve;
    }

    @Test
    void twoDisplaysFollowTheServiceThroughAKillAndARestart() throws Exception {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but no DISPLAY: run under Xvfb");
            }
            Assumptions.abort("no DISPLAY: run under Xvfb (xvfb-run -a -s \"-screen 0 1920x1080x24\")");
        }
        try (MosquittoBroker broker = MosquittoBroker.start(folder)) {
            site(broker.url());
            // Stale from the start (no usual interval yet: stale after an hour): the displays' first drawing of it
            // says they are up.
            Instant t0 = Instant.now().minus(105, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            observation(1, t0, 10);
            // The kiosk as its unit starts it, maybe before the service: --service waits for it. The planner,
            // started later without the flag, finds the service by itself.
            try (TwinDaemon kiosk = TwinDaemon.start("kiosk", folder, environment(), "view", "--kiosk", "--service", "--cache",
                    cache.toString(), "--config", config.toString())) {
                TwinDaemon serve = serve("serve-1");
                try (TwinDaemon planner = TwinDaemon.start("planner", folder, environment(), "view", "--cache", cache.toString(),
                        "--config", config.toString())) {
                    planner.await(DATASTREAM + " = 10.0, stale");
                    kiosk.await(DATASTREAM + " = 10.0, stale");

                    // A value that is fresh now and stale some 25 s from now: dated so that twice its interval since
                    // the last one ends then (the cache learns a stream's usual interval from the gap between values).
                    Instant publish = Instant.now();
                    Duration gap = Duration.between(t0, publish.plusSeconds(25)).dividedBy(3);
                    Instant t1 = t0.plus(gap).truncatedTo(ChronoUnit.MILLIS);
                    broker.publish(MqttSource.topic(DATASTREAM), upstream.mapper().writeValueAsString(observation(2, t1, 21.5)));
                    planner.await(DATASTREAM + " = 21.5, fresh");
                    kiosk.await(DATASTREAM + " = 21.5, fresh");

                    serve.kill();
                    assertTrue(Files.exists(cache.resolve(ServiceFile.FILE_NAME)), "SIGKILL leaves the service file");
                    planner.awaitAll("twin serve does not answer", DATASTREAM + " = 21.5, stale");
                    kiosk.awaitAll("twin serve does not answer", DATASTREAM + " = 21.5, stale");

                    // Stored upstream while the service is down; the broker tells no one. The restarted service
                    // backfills it, and takes the next one over MQTT.
                    Instant t2 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    observation(3, t2, 35);
                    serve = serve("serve-2");
                    // The feed may read the new value before the service watch's next look says the service is back.
                    planner.awaitAll("twin serve answers again", DATASTREAM + " = 35.0, fresh");
                    kiosk.awaitAll("twin serve answers again", DATASTREAM + " = 35.0, fresh");
                    Instant t3 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    broker.publish(MqttSource.topic(DATASTREAM), upstream.mapper().writeValueAsString(observation(4, t3, 44)));
                    planner.await(DATASTREAM + " = 44.0, fresh");
                    kiosk.await(DATASTREAM + " = 44.0, fresh");

                    // 143, the JVM's code after SIGTERM once its shutdown hooks have run (systemd: SuccessExitStatus=143).
                    assertEquals(143, serve.stop());
                    assertFalse(Files.exists(cache.resolve(ServiceFile.FILE_NAME)), "a stopped service removes its file");
                    for (TwinDaemon viewer : List.of(planner, kiosk)) {
                        assertFalse(viewer.output().contains("\tat "), viewer.output());
                    }
                    // Every observation exactly once, whichever way it came (backfill, MQTT, both): read from the file.
                    List<Long> stored = new ArrayList<>();
                    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + cache.resolve("live").toAbsolutePath(), "twin", "");
                         Statement statement = connection.createStatement();
                         ResultSet rows = statement.executeQuery("SELECT phenomenon_time FROM observation ORDER BY phenomenon_time")) {
                        while (rows.next()) {
                            stored.add(rows.getLong(1));
                        }
                    }
                    assertEquals(Stream.of(t0, t1, t2, t3).map(Instant::toEpochMilli).toList(), stored);
                } finally {
                    serve.close();
                }
            }
        } finally {
            if (upstream != null) {
                upstream.close();
            }
        }
    }

    @Test
    void oneServiceWritesTheCacheAndOthersReadThroughIt() throws Exception {
        site(null);
        observation(1, Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS), 12);
        try (TwinDaemon serve = serve("serve")) {
            ServiceFile service = ServiceFile.read(cache).orElseThrow();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.resolve(ServiceFile.FILE_NAME))));

            TwinProcess second = TwinProcess.twin(environment(), "serve", "--cache", cache.toString(), "--config", config.toString());
            assertNotEquals(0, second.exitCode());
            assertTrue(second.output().contains("holds the cache") && second.output().contains("process " + service.pid()), second.output());
            TwinProcess ingest = TwinProcess.twin(environment(), "ingest", "--once", "--cache", cache.toString(), "--config", config.toString());
            assertNotEquals(0, ingest.exitCode());
            assertTrue(ingest.output().contains("one writer"), ingest.output());
            assertTrue(second.endedWithAMessage() && ingest.endedWithAMessage());

            // The upstream value arrives at the service's first fetch; stats, reading through it, waits for it.
            TwinProcess stats;
            Instant deadline = Instant.now().plus(TwinDaemon.HANG);
            do {
                stats = TwinProcess.twin(environment(), "cache", "stats", "--cache", cache.toString(), "--config", config.toString());
                assertEquals(0, stats.exitCode(), stats.output());
            } while (!stats.output().contains("1 observations") && Instant.now().isBefore(deadline));
            assertTrue(stats.output().contains("PM10 Rheinufer") || stats.output().contains(DATASTREAM), stats.output());
            assertFalse(serve.output().contains("\tat "), serve.output());
        } finally {
            upstream.close();
        }
    }

    @Test
    void aServiceFileLeftBySigkillCountsForNothingAndAForgedOneIsRefused() throws Exception {
        cache = folder.resolve("cache");
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").start();
        gone.waitFor();
        Files.createDirectories(cache);
        Files.writeString(cache.resolve(ServiceFile.FILE_NAME), "port=40000\nkey=" + "ab".repeat(32) + "\npid=" + gone.pid() + "\n");
        TwinRun stats = TwinRun.twin("cache", "stats", "--cache", cache.toString(), "--config", folder.resolve("none.json").toString());
        assertEquals(0, stats.exitCode(), stats.err());
        assertTrue(stats.out().contains("0 observations"), stats.out());

        Files.writeString(cache.resolve(ServiceFile.FILE_NAME), "port=99999\nkey=short\npid=1\n");
        TwinRun forged = TwinRun.twin("cache", "stats", "--cache", cache.toString(), "--config", folder.resolve("none.json").toString());
        assertEquals(1, forged.exitCode());
        assertTrue(forged.err().contains("is not a service file of twin serve"), forged.err());
    }
}
