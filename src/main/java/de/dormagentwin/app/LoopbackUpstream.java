package de.dormagentwin.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.dormagentwin.live.Classification;
import de.dormagentwin.live.ingest.MqttSource;
import de.dormagentwin.live.ingest.SensorThingsSource;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The edge data centre of {@code twin bench latency}, on 127.0.0.1: a real Mosquitto, a SensorThings service as small
 * as the MQTT source's backfill needs (one Thing bound to a city object, its one PM10 Datastream, one Observation),
 * and a client that publishes Observations on the datastream's topic, as a SensorThings server with MQTT does.
 */
final class LoopbackUpstream implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LoopbackUpstream.class.getName());
    static final String DATASTREAM = "1";
    static final String OBSERVED_PROPERTY = "PM10 concentration";
    private static final Duration BROKER_START = Duration.ofSeconds(20);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path folder;
    private final Process broker;
    private final int port;
    private final HttpServer http;
    private final MqttClient publisher;

    private LoopbackUpstream(Path folder, Process broker, int port, HttpServer http, MqttClient publisher) {
        this.folder = folder;
        this.broker = broker;
        this.port = port;
        this.http = http;
        this.publisher = publisher;
    }

    /** The Mosquitto program, where Debian and a PATH put it. */
    static Optional<Path> mosquitto() {
        return Stream.concat(Stream.of("/usr/sbin", "/usr/local/sbin"), Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts the broker and the service, whose Thing is bound to {@code objectId} and whose one observation is {@code firstValue}, made now. */
    static LoopbackUpstream start(Path mosquitto, String objectId, double firstValue) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("twin-bench-upstream");
        Process broker = null;
        HttpServer http = null;
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            Path config = folder.resolve("mosquitto.conf");
            Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\n");
            Path log = folder.resolve("mosquitto.log");
            broker = new ProcessBuilder(mosquitto.toString(), "-c", config.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            awaitListening(broker, port, log);
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String things = json(Map.of("value", List.of(Map.of("@iot.id", 1, "name", "Bench box", "properties", Map.of("objectId", objectId),
                    "Datastreams", List.of(Map.of("@iot.id", Integer.parseInt(DATASTREAM), "name", "PM10",
                            "observationType", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                            "unitOfMeasurement", Map.of("name", "microgram per cubic metre", "symbol", "µg/m³"),
                            "Sensor", Map.of("name", "Bench sensor"), "ObservedProperty", Map.of("name", OBSERVED_PROPERTY)))))));
            // The one observation, whatever the $filter: the cache keeps each time of a datastream once.
            String observations = json(Map.of("value", List.of(observation(Instant.now(), firstValue))));
            http.createContext("/v1.1/Things", exchange -> answer(exchange, things));
            http.createContext("/v1.1/Datastreams(" + DATASTREAM + ")/Observations", exchange -> answer(exchange, observations));
            http.start();
            return new LoopbackUpstream(folder, broker, port, http, publisher(port));
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(broker, http);
            CacheBenchmark.delete(folder);
            throw e;
        }
    }

    private static MqttClient publisher(int port) throws IOException {
        try {
            MqttClient publisher = new MqttClient("tcp://127.0.0.1:" + port, "twin-bench-publisher", new MemoryPersistence());
            publisher.connect();
            return publisher;
        } catch (MqttException e) {
            throw new IOException("cannot connect to the loopback Mosquitto: " + e.getMessage(), e);
        }
    }

    private static void awaitListening(Process broker, int port, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BROKER_START.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                return;
            } catch (IOException notYet) {
                if (!broker.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("mosquitto does not listen on 127.0.0.1:" + port + "; its log: "
                            + Files.readString(log).strip().replace('\n', ' '));
                }
                Thread.sleep(20);
            }
        }
    }

    private static Map<String, Object> observation(Instant time, double value) {
        return Map.of("phenomenonTime", time.toString(), "result", value);
    }

    private static String json(Object value) throws IOException {
        return MAPPER.writeValueAsString(value);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** A source of the datastream's observations over MQTT, backfilled from the service: the viewer's or the service's own. */
    MqttSource source() {
        SensorThingsSource backfill = new SensorThingsSource(URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/v1.1"),
                Classification.PUBLIC, IngestCommand.FETCH_TIMEOUT);
        return new MqttSource(URI.create("tcp://127.0.0.1:" + port), List.of(DATASTREAM), backfill, backfill.name());
    }

    /** Publishes an observation of {@code value} made now, and returns once the broker has it (QoS 1). */
    void publish(double value) throws IOException {
        try {
            publisher.publish(MqttSource.topic(DATASTREAM), json(observation(Instant.now(), value)).getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            throw new IOException("cannot publish to the loopback Mosquitto: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            publisher.disconnect();
            publisher.close();
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the benchmark's MQTT publisher: " + e.getMessage(), e);
        }
        // Not thrown: an interrupt from close() would be swallowed as a suppressed exception by try-with-resources.
        try {
            stop(broker, http);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CacheBenchmark.delete(folder);
    }

    private static void stop(Process broker, HttpServer http) throws InterruptedException {
        if (http != null) {
            http.stop(0);
        }
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(10, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
