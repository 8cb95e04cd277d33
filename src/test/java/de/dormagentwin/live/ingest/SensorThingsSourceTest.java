package de.dormagentwin.live.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.live.store.SeriesPoint;
import de.dormagentwin.live.store.Stats;
import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensorThingsSourceTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final String TYPES = "http://www.opengis.net/def/observationType/OGC-OM/2.0/";
    private static final String MEASUREMENT = TYPES + "OM_Measurement";
    private static final String CATEGORY = TYPES + "OM_CategoryObservation";
    private static final String TRUTH = TYPES + "OM_TruthObservation";
    /** Generous, so a busy machine never fails a test by accident; the timeout test uses a short one of its own. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String NO2 = "gate-4's no2";

    @TempDir
    Path cacheFolder;

    private final LogCapture logs = new LogCapture();
    private final List<String> messages = logs.messages();
    private final List<HttpServer> others = new ArrayList<>();
    private FakeSensorThingsServer server;
    private JsonMapper json;
    private LiveStore store;
    private IngestService ingest;
    private String sourceName;

    @BeforeEach
    void startServerAndCache() throws Exception {
        server = new FakeSensorThingsServer(3);
        json = server.mapper();
        sourceName = "sensorthings " + server.root();
        store = LiveStore.open(cacheFolder, null);
    }

    @AfterEach
    void stopEverything() throws Exception {
        logs.close();
        if (ingest != null) {
            ingest.close();
        }
        server.close();
        others.forEach(other -> other.stop(0));
        store.close(false);
    }

    // ---- the service and the cache -------------------------------------------------------------------------

    @Test
    void aFirstFetchStoresThingsWithTheirPlaceAndDatastreamsWithTheirUnits() throws Exception {
        dormagen();

        assertTrue(runOnce());

        assertEquals(List.of(), messages);
        assertEquals(Map.of("1", "DEBY_LOD2_0001 6.8427 51.0962", "gate-4", "- 6.8301 51.0855", "3", "4711 no place",
                "4", "- no place"), thingsInTheCache());
        Datastream level = latest("11").datastream();
        assertEquals(new Datastream(sourceName, "11", "1", "Water level", "Water level", "Radar gauge", "centimetre",
                "cm", Classification.PARTNER), level);
        assertEquals("DEBY_LOD2_0001", latest("11").objectId());
        assertEquals(new Datastream(sourceName, NO2, "gate-4", "NO2 at gate 4", "Nitrogen dioxide", "Passive sampler",
                "microgram per cubic metre", "µg/m³", Classification.PARTNER), latest(NO2).datastream());
        assertEquals(new Datastream(sourceName, "13", "gate-4", "Gate 4 state", "Gate state", "", "", "",
                Classification.PARTNER), latest("13").datastream());
        Stats stats = store.stats();
        assertEquals(8, stats.datastreams().size());
        assertEquals(17, stats.observations());
        // Four things in pages of three.
        assertEquals(2, server.requests().stream().filter(request -> request.path().equals("/v1.1/Things")).count());
        // Thing 3 has four datastreams: the server expands three and links to the fourth.
        assertEquals("Wind direction", latest("34").datastream().name());
        assertTrue(server.requests().stream().anyMatch(request -> request.path().equals("/v1.1/Things(3)/Datastreams")));
    }

    @Test
    void observationsArriveAcrossPagesWhenTheServerCapsTop() throws Exception {
        dormagen();

        assertTrue(runOnce());

        List<FakeSensorThingsServer.Request> pages = server.observationRequests("11");
        assertEquals(3, pages.size());
        assertEquals("1000", pages.get(0).query().get("$top"));
        assertEquals("phenomenonTime asc", pages.get(0).query().get("$orderby"));
        assertNull(pages.get(0).query().get("$filter"));
        assertEquals(List.of(250.0, 251.0, 252.0, 253.0, 254.0, 255.0, 256.0), values("11"));
        assertEquals(7, count("11"));
        assertEquals(T0.plusSeconds(360), latest("11").time());
        assertEquals(256.0, latest("11").number());
    }

    @Test
    void aSecondFetchAsksOnlyForObservationsNewerThanTheCachedOnes() throws Exception {
        dormagen();
        assertTrue(runOnce());
        int servedBefore = server.observationsServed();
        server.observations(id(11), observation(1108, T0.plusSeconds(420), 257), observation(1109, T0.plusSeconds(480), 258));

        assertTrue(runOnce());

        assertEquals(2, server.observationsServed() - servedBefore);
        List<FakeSensorThingsServer.Request> level = server.observationRequests("11");
        assertEquals("phenomenonTime gt 2024-05-01T10:06:00Z", level.get(level.size() - 1).query().get("$filter"));
        // The second NO2 observation was written with +02:00; the filter asks in UTC.
        List<FakeSensorThingsServer.Request> no2 = server.observationRequests("'gate-4''s no2'");
        assertEquals("phenomenonTime gt 2024-05-01T10:01:00Z", no2.get(no2.size() - 1).query().get("$filter"));
        assertEquals(9, count("11"));
        assertEquals(258.0, latest("11").number());
        assertEquals(19, store.stats().observations());
    }

    @Test
    void numbersTextsAndBooleansAreStoredAsTheirKind() throws Exception {
        dormagen();

        assertTrue(runOnce());

        assertEquals(256.0, latest("11").number());
        assertNull(latest("11").text());
        // A measurement written as a decimal text is still a number.
        assertEquals(List.of(21.5, 23.25), values(NO2));
        assertEquals("closed", latest("13").text());
        assertEquals(T0.plusSeconds(300), latest("13").time());
        assertEquals("true", latest("14").text());
        assertEquals(List.of(), values("13"));
        assertEquals(2, count("13"));
    }

    @Test
    void unknownFieldsAtEveryLevelAreIgnored() throws Exception {
        ObjectNode thing = thing(5, "Vendor station", json.createObjectNode().put("objectId", "DEBY_LOD2_0005"),
                json.createArrayNode().add(json.createObjectNode().put("name", "area").set("location",
                        json.readTree("{\"type\": \"Polygon\", \"coordinates\": [[[6.8, 51.0], [6.9, 51.0], [6.9, 51.1], [6.8, 51.0]]]}"))));
        thing.set("x-vendor", json.readTree("{\"colour\": \"teal\", \"tags\": [1, null, {\"deep\": true}]}"));
        thing.set("HistoricalLocations@iot.navigationLink", json.getNodeFactory().textNode("Things(5)/HistoricalLocations"));
        ((ObjectNode) thing.get("properties")).set("nested", json.readTree("{\"a\": [1, 2], \"b\": null}"));
        ((ObjectNode) thing.get("properties")).putNull("retired");
        ObjectNode datastream = datastream(51, "Noise", MEASUREMENT, "Noise level", "Microphone", "decibel", "dB");
        datastream.set("properties", json.readTree("{\"calibrated\": \"2024-01-01\"}"));
        datastream.put("phenomenonTime", "2024-05-01T10:00:00Z/2024-05-01T10:01:00Z");
        datastream.set("observedArea", json.readTree("{\"type\": \"Point\", \"coordinates\": [6.8, 51.0]}"));
        server.thing(thing, datastream);
        ObjectNode observation = observation(5101, T0, 42.5);
        observation.put("resultTime", T0.plusSeconds(5).toString());
        observation.put("validTime", "2024-05-01T10:00:00Z/2024-05-01T11:00:00Z");
        observation.set("resultQuality", json.readTree("[{\"name\": \"flag\", \"value\": \"ok\"}]"));
        observation.set("parameters", json.readTree("{\"windowMinutes\": 10}"));
        observation.put("FeatureOfInterest@iot.navigationLink", "Observations(5101)/FeatureOfInterest");
        server.observations(id(51), observation);

        assertTrue(runOnce());

        assertEquals(List.of(), messages);
        assertEquals(Map.of("5", "DEBY_LOD2_0005 no place"), thingsInTheCache());
        assertEquals(42.5, latest("51").number());
        assertEquals("dB", latest("51").datastream().unitSymbol());
    }

    @Test
    void duplicatesAndOutOfOrderObservationsEndAsOneRowEach() throws Exception {
        server.ignoreOrderBy();
        server.thing(thing(6, "Rhine temperature", json.createObjectNode(), json.createArrayNode()),
                datastream(61, "Water temperature", MEASUREMENT, "Water temperature", "Probe", "degree Celsius", "°C"));
        server.observations(id(61),
                observation(6101, T0.plusSeconds(120), 2),
                observation(6102, T0, 0),
                observation(6103, T0.plusSeconds(60), 1),
                observation(6104, "2024-05-01T12:02:00+02:00", json.getNodeFactory().numberNode(22)),
                observation(6105, T0 + "/" + T0.plusSeconds(60), json.getNodeFactory().numberNode(11)),
                observation(6106, T0.minusSeconds(3600) + "/PT1H", json.getNodeFactory().numberNode(0.5)));

        assertTrue(runOnce());
        assertTrue(runOnce());

        assertEquals(List.of(), messages);
        // Intervals count from their start: T0/T0+60 s replaces the value at T0, T0-1 h/PT1H is a row of its own.
        assertEquals(4, count("61"));
        assertEquals(List.of(0.5, 11.0, 1.0, 22.0), values("61"));
        assertEquals(T0.plusSeconds(120), latest("61").time());
        assertEquals(22.0, latest("61").number());
    }

    @Test
    void aBadObservationIsReportedOnceAndTheRestOfItsPageKept() throws Exception {
        dormagen();
        var nodes = json.getNodeFactory();
        server.observations(id(11),
                observation(2001, T0.plusSeconds(30).toString(), json.readTree("{\"value\": 3}")),
                observation(2002, T0.plusSeconds(90).toString(), json.readTree("[1, 2]")),
                observation(2003, T0.plusSeconds(150).toString(), nodes.nullNode()),
                observation(2004, T0.plusSeconds(210).toString(), nodes.numberNode(Double.NaN)),
                observation(2005, T0.plusSeconds(270).toString(), nodes.textNode("NaN")),
                observation(2006, "yesterday", nodes.numberNode(1)),
                observation(2007, "2024-05-01T10:03:30", nodes.numberNode(1)),
                observation(2008, T0.plusSeconds(600).toString(), json.readTree("{\"value\": 4}")));
        ObjectNode timeless = json.createObjectNode().put("@iot.id", 2009).put("result", 1);
        server.observations(id(11), timeless);

        assertTrue(runOnce());

        assertEquals(9, messages.size(), messages.toString());
        for (int id = 2001; id <= 2009; id++) {
            String prefix = sourceName + ": Datastream 11, observation " + id + ": ";
            assertEquals(1, messages.stream().filter(message -> message.startsWith(prefix)).count(), prefix + " in " + messages);
        }
        assertTrue(messages.contains(sourceName + ": Datastream 11, observation 2004: result NaN is not a finite number; skipped"),
                messages.toString());
        assertTrue(messages.contains(sourceName + ": Datastream 11, observation 2006: phenomenonTime \"yesterday\" is not an "
                + "ISO 8601 time or interval with an offset; skipped"), messages.toString());
        assertEquals(List.of(250.0, 251.0, 252.0, 253.0, 254.0, 255.0, 256.0), values("11"));
        assertEquals(17, store.stats().observations());

        // The bad newest one is asked for again (nothing newer is cached), but told only once.
        messages.clear();
        assertTrue(runOnce());
        assertEquals(List.of(), messages);
        assertEquals(17, store.stats().observations());
    }

    @Test
    void aThingsFilterGoesToTheServerAsOData() throws Exception {
        dormagen();
        ingest = new IngestService(store, List.of(new SensorThingsSource(server.root(), Classification.PARTNER, TIMEOUT)
                .onlyThings("properties/site eq 'CHEMPARK' and name ne 'Gate & 4'")),
                Duration.ofSeconds(1), Duration.ofMillis(10), Clock.systemUTC());

        assertTrue(runOnce(), messages.toString());

        FakeSensorThingsServer.Request things = server.requests().stream().filter(request -> request.path().equals("/v1.1/Things"))
                .findFirst().orElseThrow();
        assertEquals("properties/site eq 'CHEMPARK' and name ne 'Gate & 4'", things.query().get("$filter"));
    }

    @Test
    void aNumberOfThousandsOfDigitsCostsItsObservationNotThePage() throws Exception {
        dormagen();
        var nodes = json.getNodeFactory();
        server.observations(id(11),
                observation(2001, T0.plusSeconds(30).toString(), nodes.numberNode(3.5)),
                observation(2002, T0.plusSeconds(90).toString(), nodes.numberNode(new java.math.BigInteger("9".repeat(5_000)))),
                observation(2003, T0.plusSeconds(150).toString(), nodes.numberNode(4.5)));

        assertTrue(runOnce(), messages.toString());

        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith(sourceName + ": Datastream 11, observation 2002: "), messages.toString());
        assertTrue(values("11").containsAll(List.of(3.5, 4.5)), values("11").toString());
    }

    // ---- faults: each fails the fetch with one message and keeps the cache ----------------------------------

    @Test
    void aServerErrorFailsTheFetchAndKeepsTheCache() throws Exception {
        assertFailureKeepsTheCache(() -> server.fault((exchange, request) -> {
            FakeSensorThingsServer.respond(exchange, 503, "{\"code\": 503, \"type\": \"error\", \"message\": \"down for maintenance\"}");
            return true;
        }), "GET " + server.root() + "/Things?$expand=Locations,Datastreams($expand=Sensor,ObservedProperty): HTTP 503 (down for maintenance)");
    }

    @Test
    void garbageInsteadOfJsonFailsTheFetchAndKeepsTheCache() throws Exception {
        assertFailureKeepsTheCache(() -> server.fault((exchange, request) -> {
            if (!request.path().endsWith("/Observations")) {
                return false;
            }
            FakeSensorThingsServer.respond(exchange, 200, "<html><body>Proxy error</body></html>");
            return true;
        }), "GET " + server.root() + "/Datastreams(11)/Observations?$filter=phenomenonTime%20gt%202024-05-01T10:06:00Z"
                + "&$orderby=phenomenonTime%20asc&$top=1000: the answer is not JSON: \"<html><body>Proxy error</body></html>\"");
    }

    @Test
    void jsonThatIsNoCollectionFailsTheFetchAndKeepsTheCache() throws Exception {
        assertFailureKeepsTheCache(() -> server.fault((exchange, request) -> {
            FakeSensorThingsServer.respond(exchange, 200, "{\"values\": []}");
            return true;
        }), "/Things?$expand=Locations,Datastreams($expand=Sensor,ObservedProperty): the answer is not a SensorThings collection");
    }

    @Test
    void anAnswerSlowerThanTheTimeoutFailsTheFetchAndKeepsTheCache() throws Exception {
        assertFailureKeepsTheCache(() -> {
            useTimeout(Duration.ofMillis(300));
            server.fault((exchange, request) -> {
                server.hang(exchange);
                return true;
            });
        }, "/Things?$expand=Locations,Datastreams($expand=Sensor,ObservedProperty): no answer within 300 ms");
    }

    @Test
    void aClosedPortFailsTheFetchAndKeepsTheCache() throws Exception {
        assertFailureKeepsTheCache(() -> server.close(), "GET " + server.root() + "/Things?$expand=Locations,"
                + "Datastreams($expand=Sensor,ObservedProperty): cannot connect");
    }

    @Test
    void aFailureOnALaterPageKeepsThePagesBeforeIt() throws Exception {
        dormagen();
        server.fault((exchange, request) -> {
            if (request.path().equals("/v1.1/Datastreams(11)/Observations") && request.query().containsKey("$skip")) {
                FakeSensorThingsServer.respond(exchange, 503, "");
                return true;
            }
            return false;
        });

        assertFalse(runOnce());

        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("/Datastreams(11)/Observations?"), messages.get(0));
        assertTrue(messages.get(0).contains("$skip=3"), messages.get(0));
        assertTrue(messages.get(0).contains(": HTTP 503; retrying"), messages.get(0));
        assertEquals(List.of(250.0, 251.0, 252.0), values("11"));

        server.fault(null);
        assertTrue(runOnce());
        assertEquals(List.of(250.0, 251.0, 252.0, 253.0, 254.0, 255.0, 256.0), values("11"));
        assertEquals(17, store.stats().observations());
    }

    @Test
    void aServiceRootMustBeAnHttpUrl() {
        assertThrows(IllegalArgumentException.class,
                () -> new SensorThingsSource(URI.create("file:///tmp/v1.1"), Classification.PUBLIC, TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> new SensorThingsSource(URI.create("http://host/v1.1?$top=1"), Classification.PUBLIC, TIMEOUT));
        try (SensorThingsSource source = new SensorThingsSource(URI.create("http://host/v1.1/"), Classification.PARTNER, TIMEOUT)) {
            assertEquals("sensorthings http://host/v1.1", source.name());
        }
    }

    @Test
    void aSourceLeavesAClientItWasGivenOpen() throws Exception {
        dormagen();
        try (HttpClient client = HttpClient.newHttpClient()) {
            try (SensorThingsSource source = new SensorThingsSource(server.root(), Classification.PARTNER, TIMEOUT, client)) {
                ingest = new IngestService(store, List.of(source), Duration.ofSeconds(1), Duration.ofMillis(10), Clock.systemUTC());
                assertTrue(ingest.runOnce());
            }
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.root() + "/Things?$expand="
                    + FakeSensorThingsServer.THINGS_EXPAND)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
        }
        assertEquals(17, store.stats().observations());
    }

    // ---- hostile servers: bounded pages and memory, nowhere else, no forged log lines ------------------------

    @Test
    void anEndlessChainOfNextLinksEndsAfterTheMostPagesOneFetchReads() throws Exception {
        AtomicInteger served = new AtomicInteger();
        server.fault((exchange, request) -> {
            int page = served.incrementAndGet();
            FakeSensorThingsServer.respond(exchange, 200, "{\"value\": [], \"@iot.nextLink\": \"" + server.root()
                    + "/Things?$expand=" + FakeSensorThingsServer.THINGS_EXPAND + "&$skip=" + page + "\"}");
            return true;
        });

        // A guard against the hang this test is about, not a limit on speed.
        boolean ok = assertTimeoutPreemptively(Duration.ofSeconds(120), this::runOnce);

        assertFalse(ok);
        assertEquals(SensorThingsSource.MAX_PAGES, served.get());
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("$skip=" + SensorThingsSource.MAX_PAGES + ": not read, this fetch has read "
                + SensorThingsSource.MAX_PAGES + " pages, the most one fetch reads"), messages.get(0));
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedAndThatHostNeverAsked() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        URI other = elsewhere(asked);
        server.fault((exchange, request) -> {
            FakeSensorThingsServer.respond(exchange, 200, "{\"value\": [], \"@iot.nextLink\": \"" + other + "/Things?$skip=3\"}");
            return true;
        });

        assertFalse(runOnce());

        assertEquals(List.of(), asked);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("the server's @iot.nextLink leads to " + other + "/Things?$skip=3, on another host than "
                + "http://127.0.0.1:" + server.root().getPort() + "; refused"), messages.get(0));
    }

    @Test
    void aRedirectToAnotherHostIsRefusedAndThatHostNeverAsked() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        URI other = elsewhere(asked);
        server.fault((exchange, request) -> {
            exchange.getResponseHeaders().set("Location", other + "/Things");
            exchange.sendResponseHeaders(307, -1);
            return true;
        });

        assertFalse(runOnce());

        assertEquals(List.of(), asked);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("HTTP 307 redirects to " + other + "/Things, on another host than http://127.0.0.1:"
                + server.root().getPort() + "; refused"), messages.get(0));
    }

    @Test
    void aRedirectOnTheSameHostIsFollowed() throws Exception {
        dormagen();
        server.fault((exchange, request) -> {
            if (!request.path().equals("/v1.1/moved/Things")) {
                return false;
            }
            exchange.getResponseHeaders().set("Location", "/v1.1/Things?$expand=" + FakeSensorThingsServer.THINGS_EXPAND.replace("$", "%24"));
            exchange.sendResponseHeaders(301, -1);
            return true;
        });
        ingest = new IngestService(store, List.of(new SensorThingsSource(URI.create(server.root().toString().replace("/v1.1", "/v1.1/moved")),
                Classification.PARTNER, TIMEOUT)), Duration.ofSeconds(1), Duration.ofMillis(10), Clock.systemUTC());

        ingest.runOnce();

        assertTrue(server.requests().stream().anyMatch(request -> request.path().equals("/v1.1/Things")), server.requests().toString());
    }

    @Test
    void anAnswerLargerThanTheCapFailsTheFetchNamingTheUrl() throws Exception {
        server.fault((exchange, request) -> {
            FakeSensorThingsServer.respond(exchange, 200, "{\"value\": [], \"padding\": \"" + "x".repeat(100_000) + "\"}");
            return true;
        });
        ingest = new IngestService(store, List.of(new SensorThingsSource(server.root(), Classification.PARTNER, TIMEOUT, 65_536, 10)),
                Duration.ofSeconds(1), Duration.ofMillis(10), Clock.systemUTC());

        assertFalse(ingest.runOnce());

        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("GET " + server.root() + "/Things?$expand=Locations,Datastreams($expand=Sensor,ObservedProperty): "
                + "the answer is larger than 65,536 bytes; refused"), messages.get(0));
    }

    @Test
    void controlCharactersFromTheServerReachTheLogEscaped() throws Exception {
        String evil = "evil\n2024-05-01 twin: forged\u001b[2J";
        server.thing(thing(7, "Evil\n\u001b[2J", json.createObjectNode(), json.createArrayNode()),
                datastream(evil, "Evil\u001b[2J", MEASUREMENT, "Evil", "Evil", "unit\n", "\u001b"));
        server.observations(id(evil), observation(7001, "yesterday\n\u001b[2J", json.getNodeFactory().numberNode(1)));

        assertTrue(runOnce(), messages.toString());
        server.fault((exchange, request) -> {
            FakeSensorThingsServer.respond(exchange, 503, "{\"message\": \"down \\u001b[2J\\nforged line\"}");
            return true;
        });
        assertFalse(runOnce());

        assertEquals(2, messages.size(), messages.toString());
        for (String message : messages) {
            assertFalse(message.contains("\n") || message.contains("\u001b") || message.contains("\r"), message);
        }
        assertTrue(messages.get(0).contains("Datastream evil\\n2024-05-01 twin: forged\\u001B[2J, observation 7001"), messages.get(0));
        assertTrue(messages.get(1).contains("HTTP 503 (down \\u001B[2J\\nforged line)"), messages.get(1));
    }

    @Test
    void aDatastreamIdTooLongForTheCacheIsSkippedAndToldOnceAndTheOthersStored() throws Exception {
        dormagen();
        String longId = "d".repeat(SensorThingsSource.MAX_ID_LENGTH + 1);
        server.thing(thing(8, "Long ids", json.createObjectNode(), json.createArrayNode()),
                datastream(longId, "Long", MEASUREMENT, "Long", "Long", "metre", "m"));
        server.observations(id(longId), observation(8001, T0, 1));

        assertTrue(runOnce(), messages.toString());
        assertTrue(runOnce(), messages.toString());

        assertEquals(17, store.stats().observations());
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("a Datastream of Thing 8 whose @iot.id " + "d".repeat(40) + "…(" + (SensorThingsSource.MAX_ID_LENGTH - 39)
                + " more) is longer than 255 characters; skipped"), messages.get(0));
    }

    /** A second server, on another port: where a hostile feed would like the twin to go. */
    private URI elsewhere(List<String> asked) throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            FakeSensorThingsServer.respond(exchange, 200, "{\"value\": []}");
        });
        other.start();
        others.add(other);
        return URI.create("http://127.0.0.1:" + other.getAddress().getPort() + "/v1.1");
    }

    private void assertFailureKeepsTheCache(ThrowingRunnable breakTheService, String problem) throws Exception {
        dormagen();
        assertTrue(runOnce());
        server.observations(id(11), observation(1108, T0.plusSeconds(420), 257));
        Stats before = store.stats();
        List<Latest> latestBefore = store.latest();
        messages.clear();

        breakTheService.run();
        assertFalse(runOnce());

        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith(sourceName + ": "), messages.get(0));
        assertTrue(messages.get(0).contains(problem), messages.get(0) + "\ndoes not say\n" + problem);
        assertTrue(messages.get(0).endsWith("; retrying, everything cached so far is kept"), messages.get(0));
        assertEquals(before.observations(), store.stats().observations());
        assertEquals(latestBefore, store.latest());
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ---- driving -------------------------------------------------------------------------------------------


    private boolean runOnce() throws InterruptedException {
        if (ingest == null) {
            useTimeout(TIMEOUT);
        }
        return ingest.runOnce();
    }

    private void useTimeout(Duration timeout) {
        if (ingest != null) {
            ingest.close();
        }
        ingest = new IngestService(store, List.of(new SensorThingsSource(server.root(), Classification.PARTNER, timeout)),
                Duration.ofSeconds(1), Duration.ofMillis(10), Clock.systemUTC());
    }

    private Latest latest(String datastream) throws Exception {
        return store.latest().stream().filter(latest -> latest.datastream().remoteId().equals(datastream)).findFirst().orElseThrow();
    }

    private long count(String datastream) throws Exception {
        return store.stats().datastreams().stream().filter(stream -> stream.latest().datastream().remoteId().equals(datastream))
                .findFirst().orElseThrow().observations();
    }

    private List<Double> values(String datastream) throws Exception {
        List<Double> values = new ArrayList<>();
        for (SeriesPoint point : store.series(latest(datastream).datastreamId(), T0.minusSeconds(86_400), T0.plusSeconds(86_400), 100_000)) {
            values.add(point.mean());
        }
        return values;
    }

    /** Thing remote id to "objectId longitude latitude": the cache has no reader for things yet, so ask H2 itself. */
    private Map<String, String> thingsInTheCache() throws Exception {
        Map<String, String> things = new TreeMap<>();
        String url = "jdbc:h2:file:" + cacheFolder.resolve("live").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection connection = DriverManager.getConnection(url, "twin", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT t.remote_id, t.object_id, l.longitude, l.latitude "
                     + "FROM thing t LEFT JOIN location l ON l.thing_id = t.id")) {
            while (rows.next()) {
                String objectId = rows.getString(2) == null ? "-" : rows.getString(2);
                double longitude = rows.getDouble(3);
                String place = rows.wasNull() ? "no place" : longitude + " " + rows.getDouble(4);
                things.put(rows.getString(1), objectId + " " + place);
            }
        }
        return things;
    }

    // ---- the service's entities ----------------------------------------------------------------------------

    /**
     * Four things: a Rhine gauge (numeric id, a point), CHEMPARK gate 4 (text id, a GeoJSON Feature, texts and
     * booleans), an air station with more datastreams than the server expands, and a planned station with nothing.
     */
    private void dormagen() throws Exception {
        ObjectNode gauge = thing(1, "Pegel Dormagen", json.createObjectNode().put("objectId", "DEBY_LOD2_0001").put("operator", "WSV"),
                json.createArrayNode().add(location(100, json.readTree("{\"type\": \"Point\", \"coordinates\": [6.8427, 51.0962, 35.0]}"))));
        gauge.put("description", "Rhine gauge at the ferry landing");
        gauge.put("@iot.selfLink", server.root() + "/Things(1)");
        ObjectNode level = datastream(11, "Water level", MEASUREMENT, "Water level", "Radar gauge", "centimetre", "cm");
        level.put("resultTime", (String) null);
        server.thing(gauge, level);
        for (int i = 0; i < 7; i++) {
            ObjectNode observation = observation(1101 + i, T0.plusSeconds(60L * i), 250 + i);
            observation.put("resultTime", T0.plusSeconds(60L * i + 2).toString());
            server.observations(id(11), observation);
        }

        ObjectNode gate = thing("gate-4", "CHEMPARK gate 4", json.createObjectNode().put("site", "CHEMPARK"),
                json.createArrayNode().add(location("gate-4-entrance", json.readTree("{\"type\": \"Feature\", \"properties\": {}, "
                        + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [6.8301, 51.0855]}}"))));
        ObjectNode state = datastream(13, "Gate 4 state", CATEGORY, "Gate state", null, null, null);
        state.putNull("unitOfMeasurement");
        server.thing(gate,
                datastream(NO2, "NO2 at gate 4", MEASUREMENT, "Nitrogen dioxide", "Passive sampler", "microgram per cubic metre", "µg/m³"),
                state,
                datastream(14, "Gate 4 alarm", TRUTH, "Alarm", "Gas detector", null, null));
        var nodes = json.getNodeFactory();
        server.observations(id(NO2), observation(1, T0, 21.5), observation(2, "2024-05-01T12:01:00+02:00", nodes.textNode("23.25")));
        server.observations(id(13), observation(1301, T0.toString(), nodes.textNode("open")),
                observation(1302, T0.plusSeconds(300).toString(), nodes.textNode("closed")));
        server.observations(id(14), observation(1401, T0.toString(), nodes.booleanNode(false)),
                observation(1402, T0.plusSeconds(120).toString(), nodes.booleanNode(true)));

        server.thing(thing(3, "Air station Horrem", json.createObjectNode().put("objectId", 4711), json.createArrayNode()),
                datastream(31, "Temperature", MEASUREMENT, "Air temperature", "Thermometer", "degree Celsius", "°C"),
                datastream(32, "Humidity", MEASUREMENT, "Relative humidity", "Hygrometer", "percent", "%"),
                datastream(33, "Wind speed", MEASUREMENT, "Wind speed", "Anemometer", "metre per second", "m/s"),
                datastream(34, "Wind direction", MEASUREMENT, "Wind direction", "Wind vane", "degree", "°"));
        for (int n = 31; n <= 34; n++) {
            server.observations(id(n), observation(n * 100, T0, n));
        }

        ObjectNode planned = json.createObjectNode().put("@iot.id", 4).put("name", "Planned station");
        server.thing(planned);
    }

    private JsonNode id(Object id) {
        return json.valueToTree(id);
    }

    private ObjectNode thing(Object id, String name, ObjectNode properties, JsonNode locations) {
        ObjectNode thing = json.createObjectNode();
        thing.set("@iot.id", id(id));
        thing.put("name", name);
        thing.set("properties", properties);
        thing.set("Locations", locations);
        return thing;
    }

    private ObjectNode location(Object id, JsonNode geometry) {
        ObjectNode location = json.createObjectNode();
        location.set("@iot.id", id(id));
        location.put("name", "where it stands");
        location.put("encodingType", "application/geo+json");
        location.set("location", geometry);
        return location;
    }

    private ObjectNode datastream(Object id, String name, String type, String property, String sensor, String unitName, String unitSymbol) {
        ObjectNode datastream = json.createObjectNode();
        datastream.set("@iot.id", id(id));
        datastream.put("name", name);
        datastream.put("description", name + " of the Dormagen test service");
        datastream.put("observationType", type);
        datastream.set("unitOfMeasurement", json.createObjectNode().put("name", unitName).put("symbol", unitSymbol)
                .put("definition", "http://unitsofmeasure.org/ucum.html"));
        if (sensor != null) {
            datastream.set("Sensor", json.createObjectNode().put("@iot.id", sensor.hashCode()).put("name", sensor)
                    .put("encodingType", "application/pdf").put("metadata", "https://example.org/" + sensor.length()));
        }
        datastream.set("ObservedProperty", json.createObjectNode().put("@iot.id", property.hashCode()).put("name", property)
                .put("definition", "https://example.org/properties/" + property.length()));
        return datastream;
    }

    private ObjectNode observation(long id, Instant time, double result) {
        return observation(id, time.toString(), json.getNodeFactory().numberNode(result));
    }

    private ObjectNode observation(long id, String phenomenonTime, JsonNode result) {
        ObjectNode observation = json.createObjectNode();
        observation.put("@iot.id", id);
        observation.put("phenomenonTime", phenomenonTime);
        observation.set("result", result);
        return observation;
    }
}
