package de.dormagentwin.live.ingest;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.testing.LogCapture;
import de.dormagentwin.testing.Slow;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real Mosquitto broker, started for each test on a free port of 127.0.0.1. */
@Slow
class MqttSourceTest {
    private static final String SOURCE = "sensorthings http://frost.example/v1.1";
    private static final String DATASTREAM = "7";
    /** Generous: arrival is asynchronous, and the machine may be busy; a working test never waits this long. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private final LogCapture logs = new LogCapture();
    private final List<String> messages = logs.messages();
    private final Server server = new Server();
    private MosquittoBroker broker;
    private LiveStore store;
    private MqttSource source;
    private IngestService service;

    /**
     * The SensorThings server's HTTP side, as the backfill sees it: registers the thing and datastream, and hands on
     * what the server holds newer than the cache.
     */
    private static final class Server implements Source {
        final List<Observation> observations = new CopyOnWriteArrayList<>();
        final AtomicInteger fetches = new AtomicInteger();
        volatile boolean closed;
        /** Runs in the first fetch before the datastream is registered, as a message could arrive there. */
        volatile ThrowingRunnable beforeRegistering = () -> { };

        @Override
        public String name() {
            return SOURCE;
        }

        @Override
        public void fetch(Sink sink) throws IOException {
            if (fetches.incrementAndGet() == 1) {
                try {
                    beforeRegistering.run();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
            sink.thing(new Thing(SOURCE, "1", "Weather station Rheinufer", null, null, null, 6.84, 51.09));
            sink.datastream(new Datastream(SOURCE, DATASTREAM, "1", "Air temperature", "air temperature", "PT100",
                    "degree Celsius", "°C", Classification.PUBLIC));
            Optional<Instant> last = sink.lastTime(DATASTREAM);
            sink.observations(observations.stream()
                    .filter(observation -> last.isEmpty() || observation.phenomenonTime().isAfter(last.get())).toList());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.start(folder);
        store = LiveStore.open(folder.resolve("cache"), null);
        source = new MqttSource(URI.create(broker.url()), List.of(DATASTREAM), server, SOURCE);
        service = new IngestService(store, List.of(source), Duration.ofSeconds(1), Duration.ofMillis(10), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        logs.close();
        if (service != null) {
            service.close();
        }
        if (store != null) {
            store.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private void publish(String payload) throws Exception {
        broker.publish(MqttSource.topic(DATASTREAM), payload);
    }

    /** An observation the server stores, and publishes if the broker is up. */
    private void observe(String time, double value, boolean brokerUp) throws Exception {
        server.observations.add(Observation.number(SOURCE, DATASTREAM, Instant.parse(time), value));
        if (brokerUp) {
            publish("{\"@iot.id\":" + server.observations.size() + ",\"phenomenonTime\":\"" + time + "\",\"result\":" + value + "}");
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                Assertions.fail("waited " + DEADLINE.toSeconds() + " s for: " + what);
            }
            Thread.sleep(20);
        }
    }

    private Latest latest() {
        try {
            return store.latest().get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long stored() {
        try {
            return store.stats().observations();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void publishedObservationArrivesInTheCache() throws Exception {
        observe("2024-05-01T10:00:00Z", 14.0, false);
        assertTrue(service.runOnce(), messages.toString());
        assertEquals(1, stored(), "the first fetch backfills what the server holds");

        publish("{\"@iot.id\":2,\"phenomenonTime\":\"2024-05-01T12:15:00+02:00\",\"result\":12.3}");

        await("the published observation is stored", () -> stored() == 2);
        assertEquals(Instant.parse("2024-05-01T10:15:00Z"), latest().time());
        assertEquals(12.3, latest().number());
        assertEquals(SOURCE, latest().datastream().source());
        assertTrue(messages.isEmpty(), messages.toString());
    }

    @Test
    void observationsOfTheGapAreBackfilledAfterTheBrokerComesBack() throws Exception {
        assertTrue(service.runOnce(), messages.toString());
        observe("2024-05-01T10:00:00Z", 14.0, true);
        await("the first observation is stored", () -> stored() == 1);

        broker.stop();
        await("the lost connection is reported", () -> messages.stream().anyMatch(message -> message.contains("lost the connection")));
        observe("2024-05-01T10:05:00Z", 14.5, false);
        observe("2024-05-01T10:10:00Z", 15.0, false);
        assertFalse(service.runOnce(), "no broker, no fetch");
        assertEquals(1, stored(), "what is cached stays");

        broker.restart();
        assertTrue(service.runOnce(), messages.toString());
        assertEquals(3, stored(), "the gap is backfilled");
        assertEquals(15.0, latest().number());

        observe("2024-05-01T10:15:00Z", 15.5, true);
        await("a new observation arrives after the reconnection", () -> stored() == 4);
        assertEquals(Instant.parse("2024-05-01T10:15:00Z"), latest().time());
        assertEquals(2, server.fetches.get(), "backfilled at the first connection and at the reconnection only");
        await("the threads of the lost connection's client end", () -> clientThreads().stream()
                .map(name -> name.substring(name.indexOf("twin-"))).distinct().count() == 1);
    }

    /**
     * Paho names its threads "MQTT Rec: client-id" and so on; the source's ids start with "twin-". Other threads of
     * the twin (the feed, the ingest, the watchdog) are named "twin-..." too and may outlive earlier test classes.
     */
    private static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("MQTT ") && name.contains("twin-")).toList();
    }

    @Test
    void messageArrivingBeforeTheFirstBackfillRegisteredItsDatastreamIsKept() throws Exception {
        server.beforeRegistering = () -> {
            observe("2024-05-01T10:00:00Z", 14.0, true);
            await("the message waits for the datastream", () -> source.heldCount() == 1);
        };

        assertTrue(service.runOnce(), messages.toString());

        assertEquals(1, stored());
        assertEquals(0, source.heldCount());
        assertTrue(messages.isEmpty(), "nothing written to an unknown datastream: " + messages);
    }

    @Test
    void fetchWhileConnectedNeedsNoBackfill() throws Exception {
        assertTrue(service.runOnce(), messages.toString());
        assertTrue(service.runOnce(), messages.toString());
        assertTrue(service.runOnce(), messages.toString());

        assertEquals(1, server.fetches.get());
    }

    @Test
    void badMessagesAreReportedAndTheSubscriptionGoesOn() throws Exception {
        assertTrue(service.runOnce(), messages.toString());

        publish("not json");
        publish("{\"@iot.id\":1,\"phenomenonTime\":\"soon\",\"result\":1}");
        publish("{\"@iot.id\":2,\"phenomenonTime\":\"2024-05-01T10:00:00Z\",\"result\":{\"a\":1}}");
        publish("{\"@iot.id\":3,\"phenomenonTime\":\"2024-05-01T10:00:00Z/2024-05-01T10:05:00Z\",\"result\":\"dry\"}");

        await("the good observation after the bad ones is stored", () -> stored() == 1);
        assertEquals("dry", latest().text());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), latest().time(), "an interval is stored at its start");
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("skipped: not JSON"), messages.get(0));
        assertTrue(messages.get(1).contains("skipped: phenomenonTime 'soon' is not an ISO-8601 time"), messages.get(1));
        assertTrue(messages.get(2).contains("skipped: result {\"a\":1} is neither a number nor a text"), messages.get(2));
    }

    @Test
    void anOversizedPayloadOrATimeBeyondTheCacheIsOneSkippedMessageAndEscapedInTheLog() throws Exception {
        assertTrue(service.runOnce(), messages.toString());

        publish("{\"@iot.id\":1,\"phenomenonTime\":\"2024-05-01T10:00:00Z\",\"result\":1,\"pad\":\"" + "x".repeat(100_000) + "\"}");
        publish("{\"@iot.id\":2,\"phenomenonTime\":\"+999999999-12-31T23:59:59Z\",\"result\":2}");
        publish("{\"@iot.id\":3,\"phenomenonTime\":\"soon\\n\\u001b[2J\",\"result\":3}");
        publish("{\"@iot.id\":4,\"phenomenonTime\":\"2024-05-01T10:05:00Z\",\"result\":4}");

        await("the good observation after the bad ones is stored", () -> stored() == 1);
        assertEquals(4.0, latest().number());
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("skipped: 100,") && messages.get(0).contains("bytes, more than the 65,536 an observation may have"),
                messages.get(0));
        assertTrue(messages.get(1).contains("skipped: phenomenonTime '+999999999-12-31T23:59:59Z' is outside the range the cache can hold"),
                messages.get(1));
        assertTrue(messages.get(2).contains("skipped: phenomenonTime 'soon\\n\\u001B[2J' is not an ISO-8601 time"), messages.get(2));
        assertTrue(messages.stream().noneMatch(message -> message.contains("\n") || message.contains("\u001b")), messages.toString());
    }

    @Test
    void closingDisconnectsAndClosesTheBackfillSource() throws Exception {
        AtomicReference<String> connected = new AtomicReference<>("");
        MqttClient watcher = new MqttClient(broker.url(), "test-watcher", new MemoryPersistence());
        try {
            watcher.connect();
            watcher.subscribe("$SYS/broker/clients/connected", (topic, message) -> connected.set(message.toString()));
            assertTrue(service.runOnce(), messages.toString());
            await("the broker counts the source and the watcher", () -> connected.get().equals("2"));

            service.close();
            service = null;

            assertTrue(server.closed);
            await("the broker counts the watcher alone", () -> connected.get().equals("1"));
            await("Paho's threads end", () -> clientThreads().isEmpty());
            watcher.disconnect();
        } finally {
            watcher.close();
        }
    }

    @Test
    void sourceNameMustBeThatOfTheBackfillSource() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> new MqttSource(URI.create(broker.url()), List.of(DATASTREAM), server, "mqtt"));

        assertTrue(wrong.getMessage().contains("'" + SOURCE + "'"), wrong.getMessage());
    }

    @Test
    void topicsQuoteIdsThatAreNotNumbers() {
        assertEquals("v1.1/Datastreams(7)/Observations", MqttSource.topic("7"));
        assertEquals("v1.1/Datastreams('boiler''s')/Observations", MqttSource.topic("boiler's"));
        assertThrows(IllegalArgumentException.class, () -> MqttSource.topic("a/#"));
    }
}
