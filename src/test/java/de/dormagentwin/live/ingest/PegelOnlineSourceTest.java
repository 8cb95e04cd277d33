package de.dormagentwin.live.ingest;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import de.dormagentwin.live.Classification;
import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PegelOnlineSourceTest {
    private static final String STATION = "8f7e5f92-1153-4f93-acba-ca48670c8ca9";
    private static final String STATION_JSON = """
            {"uuid":"8f7e5f92-1153-4f93-acba-ca48670c8ca9","number":"2750010","shortname":"DÜSSELDORF",
             "longname":"DÜSSELDORF","km":744.2,"agency":"WSA RHEIN","longitude":6.770076,"latitude":51.225285,
             "water":{"shortname":"RHEIN","longname":"RHEIN"}}""";
    private static final String MEASUREMENTS = """
            [{"timestamp":"2022-02-06T10:15:00+01:00","value":333},
             {"timestamp":"2022-02-06T10:30:00+01:00","value":335.5}]""";

    @TempDir
    Path cache;

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final LogCapture logs = new LogCapture();
    private final List<String> messages = logs.messages();
    private HttpServer server;
    private HttpServer elsewhere;
    private URI base;
    private LiveStore store;
    private PegelOnlineSource source;
    private IngestService service;

    private record Answer(int status, String body, Map<String, String> headers) {
        Answer(int status, String body) {
            this(status, body, Map.of());
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(path + (query == null ? "" : "?" + query));
            HttpHandler special = handlers.get(path);
            if (special != null) {
                special.handle(exchange);
                return;
            }
            Answer answer = answers.getOrDefault(path, new Answer(404, "{\"message\":\"not found\"}"));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        answers.put("/api/stations/" + STATION + ".json", new Answer(200, STATION_JSON));
        answers.put("/api/stations/" + STATION + "/W/measurements.json", new Answer(200, MEASUREMENTS));
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
        store = LiveStore.open(cache, null);
        source = new PegelOnlineSource(base, STATION, Duration.ofSeconds(5));
        service = new IngestService(store, List.of(source), Duration.ofSeconds(1), Duration.ofMillis(10), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        logs.close();
        service.close();
        store.close();
        server.stop(0);
        if (elsewhere != null) {
            elsewhere.stop(0);
        }
    }

    private void use(PegelOnlineSource other) {
        service.close();
        source = other;
        service = new IngestService(store, List.of(source), Duration.ofSeconds(1), Duration.ofMillis(10), Clock.systemUTC());
    }

    private void measurements(int status, String body) {
        measurements(status, body, Map.of());
    }

    private void measurements(int status, String body, Map<String, String> headers) {
        answers.put("/api/stations/" + STATION + "/W/measurements.json", new Answer(status, body, headers));
    }

    private Latest level() throws Exception {
        List<Latest> latest = store.latest();
        assertEquals(1, latest.size(), latest.toString());
        return latest.get(0);
    }

    @Test
    void levelsInCentimetresWithOffsetsAreStoredAtTheirUtcInstants() throws Exception {
        assertTrue(service.runOnce(), messages.toString());

        assertEquals(2, store.stats().observations());
        Latest level = level();
        assertEquals(Instant.parse("2022-02-06T09:30:00Z"), level.time());
        assertEquals(335.5, level.number());
        assertEquals("pegelonline " + STATION, level.datastream().source());
        assertEquals(STATION + "/W", level.datastream().remoteId());
        assertEquals("Rhine level at DÜSSELDORF", level.datastream().name());
        assertEquals("water level", level.datastream().observedProperty());
        assertEquals("centimetre", level.datastream().unitName());
        assertEquals("cm", level.datastream().unitSymbol());
        assertEquals(Classification.PUBLIC, level.datastream().classification());
        assertTrue(requests.contains("/api/stations/" + STATION + "/W/measurements.json?start=P1D"), requests.toString());
        assertTrue(messages.isEmpty(), messages.toString());
    }

    @Test
    void stationBecomesAThingWithItsPosition() throws Exception {
        assertTrue(service.runOnce(), messages.toString());

        assertEquals(STATION, level().datastream().thingRemoteId());
        // LiveStore has no reader for things yet; the test reads the cache's tables over a second connection.
        String url = "jdbc:h2:file:" + cache.resolve("live").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection connection = DriverManager.getConnection(url, "twin", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT t.remote_id, t.name, t.description, l.longitude, l.latitude "
                     + "FROM thing t JOIN location l ON l.thing_id = t.id")) {
            assertTrue(rows.next());
            assertEquals(STATION, rows.getString(1));
            assertEquals("DÜSSELDORF", rows.getString(2));
            assertEquals("DÜSSELDORF, RHEIN km 744.2", rows.getString(3));
            assertEquals(6.770076, rows.getDouble(4), 1e-9);
            assertEquals(51.225285, rows.getDouble(5), 1e-9);
            assertFalse(rows.next());
        }
    }

    @Test
    void secondFetchHandsOnOnlyValuesNewerThanTheCache() throws Exception {
        assertTrue(service.runOnce(), messages.toString());
        long revision = store.changedSince(-1).revision();

        assertTrue(service.runOnce(), messages.toString());
        assertTrue(store.changedSince(revision).values().isEmpty(), "the same day again changes nothing");

        measurements(200, """
                [{"timestamp":"2022-02-06T10:15:00+01:00","value":333},
                 {"timestamp":"2022-02-06T10:30:00+01:00","value":335.5},
                 {"timestamp":"2022-02-06T10:45:00+01:00","value":337}]""");
        assertTrue(service.runOnce(), messages.toString());
        assertEquals(3, store.stats().observations());
        assertEquals(Instant.parse("2022-02-06T09:45:00Z"), level().time());
        assertEquals(337.0, level().number());
        assertEquals(3, requests.stream().filter(request -> request.contains("measurements.json?start=P1D")).count());
        assertEquals(1, requests.stream().filter(request -> request.endsWith(STATION + ".json")).count(), "station read once");
    }

    @Test
    void serverErrorFailsTheFetchWithOneClearMessageAndKeepsCachedRows() throws Exception {
        assertTrue(service.runOnce(), messages.toString());

        measurements(503, "<html>Service Unavailable</html>");
        assertFalse(service.runOnce());
        assertFalse(service.runOnce());

        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("pegelonline " + STATION + ": PEGELONLINE answered HTTP 503 for http://127.0.0.1:"),
                messages.get(0));
        assertEquals(2, store.stats().observations());
        assertEquals(335.5, level().number());
    }

    @Test
    void garbageAnswerFailsTheFetchWithOneClearMessageAndKeepsCachedRows() throws Exception {
        assertTrue(service.runOnce(), messages.toString());

        measurements(200, "<html>maintenance</html>");
        assertFalse(service.runOnce());

        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("PEGELONLINE sent an unreadable answer for http://127.0.0.1:"), messages.get(0));
        assertEquals(2, store.stats().observations());
        assertEquals(SourceStatus.State.RETRYING, service.statuses().get(0).state());
    }

    @Test
    void jsonThatIsNotAListFailsTheFetch() throws Exception {
        measurements(200, "{\"message\":\"Timeseries not found\"}");

        assertFalse(service.runOnce());

        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("not a list of measurements"), messages.get(0));
        assertEquals(0, store.stats().observations());
    }

    @Test
    void badMeasurementIsReportedAndTheOthersAreStored() throws Exception {
        measurements(200, """
                [{"timestamp":"2022-02-06T10:15:00+01:00","value":333},
                 {"timestamp":"yesterday","value":334},
                 {"timestamp":"2022-02-06T10:45:00+01:00","value":null},
                 {"timestamp":"2022-02-06T11:00:00+01:00","value":336}]""");

        assertTrue(service.runOnce(), messages.toString());

        assertEquals(2, store.stats().observations());
        assertEquals(336.0, level().number());
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("measurement 2 of station " + STATION + " has the timestamp 'yesterday'"), messages.get(0));
        assertTrue(messages.get(1).contains("measurement 3 of station " + STATION + " at 2022-02-06T09:45:00Z has no numeric value"),
                messages.get(1));
    }

    @Test
    void unreachableServiceFailsTheFetch() throws Exception {
        server.stop(0);

        assertFalse(service.runOnce());

        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("is unreachable"), messages.get(0));
    }

    // ---- hostile servers: bounded time and memory, nowhere else ---------------------------------------------

    @Test
    void aServerTricklingItsAnswerFailsTheFetchWithinTheTimeoutNamingTheUrl() throws Exception {
        use(new PegelOnlineSource(base, STATION, Duration.ofSeconds(2)));
        handlers.put("/api/stations/" + STATION + "/W/measurements.json", exchange -> {
            exchange.sendResponseHeaders(200, 100_000);
            try (OutputStream out = exchange.getResponseBody()) {
                // A byte now and then, far below any timeout between reads: only a bound on the whole answer ends it.
                for (int i = 0; i < 100_000; i++) {
                    out.write('[');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                // The client gave up: that is what the test wants.
            }
        });

        // A guard against the hang this test is about, not a limit on speed.
        boolean ok = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> service.runOnce());

        assertFalse(ok);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("PEGELONLINE at " + base + "stations/" + STATION
                + "/W/measurements.json?start=P1D is unreachable: the answer did not finish within 2 s"), messages.get(0));
    }

    @Test
    void anAnswerLargerThanTheCapFailsTheFetchAndStoresNothing() throws Exception {
        // A day of valid measurements, repeated past the cap: only the size is wrong.
        byte[] chunk = "{\"timestamp\":\"2022-02-06T10:15:00+01:00\",\"value\":333},".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        handlers.put("/api/stations/" + STATION + "/W/measurements.json", exchange -> {
            // Chunked, with no length up front: the cap has to count what arrives.
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write('[');
                for (long written = 0; written <= HttpGet.MAX_BODY_BYTES; written += chunk.length) {
                    out.write(chunk);
                }
                out.write("{\"timestamp\":\"2022-02-06T10:30:00+01:00\",\"value\":335}]".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The client stopped reading at the cap.
            }
        });

        assertFalse(service.runOnce());

        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("PEGELONLINE at " + base + "stations/" + STATION
                + "/W/measurements.json?start=P1D: the answer is larger than " + HttpGet.MAX_BODY_BYTES / (1024 * 1024) + " MB; refused"),
                messages.get(0));
        assertEquals(0, store.stats().observations());
    }

    @Test
    void aRedirectToAnotherHostIsRefusedAndThatHostNeverAsked() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            byte[] body = MEASUREMENTS.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        elsewhere.start();
        String target = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/measurements.json";
        handlers.put("/api/stations/" + STATION + "/W/measurements.json", exchange -> {
            exchange.getResponseHeaders().set("Location", target);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });

        assertFalse(service.runOnce());

        assertEquals(List.of(), asked);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("HTTP 302 redirects to " + target + ", on another host than http://127.0.0.1:"
                + server.getAddress().getPort() + "; refused"), messages.get(0));
        assertEquals(0, store.stats().observations());
    }

    @Test
    void retryAfterInSecondsDelaysTheNextTryByThatMuch() throws Exception {
        measurements(503, "busy", Map.of("Retry-After", "30"));

        assertFalse(service.runOnce());

        assertEquals(Duration.ofSeconds(30), service.delay(source));
        assertTrue(messages.get(0).contains("HTTP 503"), messages.toString());
    }

    @Test
    void retryAfterAsAnHttpDateDelaysTheNextTryUntilThen() throws Exception {
        Instant then = Instant.now().plusSeconds(120);
        measurements(429, "slow down", Map.of("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(then.atZone(ZoneOffset.UTC))));

        assertFalse(service.runOnce());

        Duration delay = service.delay(source);
        assertTrue(delay.compareTo(Duration.ofSeconds(60)) > 0 && delay.compareTo(Duration.ofSeconds(121)) <= 0, delay.toString());
    }

    @Test
    void retryAfterOfYearsIsCappedAndSuccessForgetsIt() throws Exception {
        measurements(503, "busy", Map.of("Retry-After", "99999999"));

        assertFalse(service.runOnce());
        assertEquals(RetryLater.MAX_WAIT, service.delay(source));

        measurements(200, MEASUREMENTS);
        assertTrue(service.runOnce(), messages.toString());
        assertEquals(Duration.ofSeconds(1), service.delay(source));
    }

    @Test
    void aTimeBeyondTheCachesRangeIsSkippedOnceAndNeverBlocksTheStation() throws Exception {
        measurements(200, """
                [{"timestamp":"2022-02-06T10:15:00+01:00","value":333},
                 {"timestamp":"+999999999-12-31T23:00:00Z","value":334},
                 {"timestamp":"2022-02-06T10:45:00+01:00","value":337}]""");

        assertTrue(service.runOnce(), messages.toString());

        assertEquals(2, store.stats().observations());
        assertEquals(337.0, level().number());
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("measurement 2 of station " + STATION + " has the timestamp '+999999999-12-31T23:00:00Z'"),
                messages.get(0));

        measurements(200, """
                [{"timestamp":"2022-02-06T10:15:00+01:00","value":333},
                 {"timestamp":"+999999999-12-31T23:00:00Z","value":334},
                 {"timestamp":"2022-02-06T10:45:00+01:00","value":337},
                 {"timestamp":"2022-02-06T11:00:00+01:00","value":338}]""");
        assertTrue(service.runOnce(), messages.toString());
        assertEquals(3, store.stats().observations());
        assertEquals(338.0, level().number());
        assertEquals(1, messages.size(), "told once, not at every fetch of the day that holds it: " + messages);
    }
}
