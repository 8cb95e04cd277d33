package de.dormagentwin.live.ingest;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Mosquitto on a free port of 127.0.0.1, for tests that take SensorThings observations over MQTT. Without
 * Mosquitto the test skips with a message; under CI=true that fails instead.
 */
public final class MosquittoBroker implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static boolean told;

    private final Path executable;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private MosquittoBroker(Path executable, Path folder, int port) {
        this.executable = executable;
        this.config = folder.resolve("mosquitto.conf");
        this.log = folder.resolve("mosquitto.log");
        this.port = port;
    }

    /** A broker on a free port; $SYS every second, so that a test can watch the number of connected clients. */
    public static MosquittoBroker start(Path folder) throws Exception {
        Path executable = find();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        MosquittoBroker broker = new MosquittoBroker(executable, folder, port);
        Files.writeString(broker.config, "listener " + port + " 127.0.0.1\nallow_anonymous true\nsys_interval 1\n");
        broker.restart();
        return broker;
    }

    private static Path find() {
        Optional<Path> found = Stream.concat(Stream.of("/usr/sbin", "/usr/local/sbin"),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
        String message = "mosquitto is not installed (apt-get install mosquitto): the MQTT tests need a real broker";
        if (found.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but " + message);
            }
            // Surefire's summary shows only a count of skipped tests; say once on the console why they skip.
            if (!told) {
                told = true;
                System.err.println("MQTT tests skipped: " + message);
            }
        }
        Assumptions.assumeTrue(found.isPresent(), message);
        return found.get();
    }

    /** Starts the broker again, on the same port, after {@link #stop}. */
    public void restart() throws Exception {
        process = new ProcessBuilder(executable.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!listening()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                stop();
                Assertions.fail("mosquitto does not listen on port " + port + "; its log:\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Publishes as a SensorThings server does when it stores an observation: on a connection of its own. */
    public void publish(String topic, String payload) throws Exception {
        MqttClient publisher = new MqttClient(url(), "test-publisher-" + System.nanoTime(), new MemoryPersistence());
        try {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            publisher.connect(options);
            publisher.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.disconnect();
        } finally {
            publisher.close();
        }
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    @Override
    public void close() {
        // Not thrown: an interrupt from close() would be swallowed as a suppressed exception by try-with-resources.
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
