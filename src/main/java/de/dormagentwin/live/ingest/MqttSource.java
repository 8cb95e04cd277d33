package de.dormagentwin.live.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.live.Observation;
import de.dormagentwin.model.text.SafeText;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.io.IOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * SensorThings observations pushed over MQTT as they are made: one subscription to
 * {@code v1.1/Datastreams(id)/Observations} per datastream. Push has no memory, so whatever was published while
 * the client was not connected is fetched by the backfill source, the HTTP source that registered the datastreams:
 * at the first fetch and after every reconnection, once subscribed again, so that nothing falls between the two.
 *
 * <p>The connection is checked at each fetch: a lost one is reported when it is lost and made again at the next
 * fetch (a failed attempt is thrown, and the ingest service retries with backoff), rather than by Paho's automatic
 * reconnect, whose callback thread would run the backfill at the same time as a fetch.
 *
 * <p>This source stands in for its backfill source in the ingest service (list one of the two, not both) and has
 * its name: the cache knows the datastreams, and the last time of each, under that name.
 */
public final class MqttSource implements Source {
    /** SensorThings' MQTT topics carry the API version; FROST-Server serves v1.0 and v1.1 alike. */
    static final String TOPIC_PREFIX = "v1.1/";
    /** Messages that arrive before the first backfill has registered the datastreams wait; this many at most. */
    static final int MAX_HELD = 10_000;
    /** One observation is a few hundred bytes; a larger message is skipped unread, so a broker cannot flood the parser. */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = FeedJson.builder().build();
    private static final int QUALITY_OF_SERVICE = 1;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final long DISCONNECT_MILLIS = 2_000;

    private final String broker;
    private final Map<String, String> datastreamsByTopic = new LinkedHashMap<>();
    private final Source backfill;
    private final String sourceName;
    /** Guards making and dropping the connection. */
    private final Object connection = new Object();
    /** Guards the held messages; Paho's callback thread takes it only briefly, never while a client closes. */
    private final Object holding = new Object();
    /** The client of the current connection; Paho's callbacks compare against it to ignore a replaced one. */
    private volatile MqttClient client;
    private volatile Sink sink;
    private volatile boolean backfillDue = true;
    /** Until the first backfill has run, the cache may not know the datastreams yet; null after it. */
    private List<Observation> held = new ArrayList<>();
    private int dropped;

    /**
     * @param broker              the broker, {@code tcp://host:port} (or {@code ssl://}, {@code ws://}, {@code wss://})
     * @param datastreamRemoteIds the SensorThings ids of the datastreams to follow, as the backfill source names them
     * @param backfill            the HTTP source of the same datastreams; this source closes it
     * @param sourceName          the name the observations are stored under: the backfill source's name
     */
    public MqttSource(URI broker, List<String> datastreamRemoteIds, Source backfill, String sourceName) {
        if (broker.getScheme() == null || !Set.of("tcp", "ssl", "ws", "wss").contains(broker.getScheme())) {
            throw new IllegalArgumentException("an MQTT broker is given as tcp://host:port, not " + broker);
        }
        if (!backfill.name().equals(sourceName)) {
            throw new IllegalArgumentException("MQTT observations are stored under the name of the source that registered "
                    + "their datastreams, '" + backfill.name() + "', not '" + sourceName + "'");
        }
        if (datastreamRemoteIds.isEmpty()) {
            throw new IllegalArgumentException("an MQTT source follows at least one datastream");
        }
        this.broker = broker.toString();
        this.backfill = backfill;
        this.sourceName = sourceName;
        for (String id : datastreamRemoteIds) {
            datastreamsByTopic.put(topic(id), id);
        }
    }

    /**
     * The topic of a datastream's observations. A SensorThings id that is not a number is a string literal in the
     * path, in single quotes with inner quotes doubled, as in the HTTP API.
     */
    public static String topic(String datastreamRemoteId) {
        if (datastreamRemoteId.isEmpty() || datastreamRemoteId.matches(".*[+#/\\u0000].*")) {
            throw new IllegalArgumentException("'" + datastreamRemoteId + "' cannot be part of an MQTT topic");
        }
        String key = datastreamRemoteId.matches("\\d+") ? datastreamRemoteId : "'" + datastreamRemoteId.replace("'", "''") + "'";
        return TOPIC_PREFIX + "Datastreams(" + key + ")/Observations";
    }

    @Override
    public String name() {
        return sourceName;
    }

    @Override
    public void fetch(Sink sink) throws IOException, InterruptedException {
        this.sink = sink;
        MqttClient current = client;
        if (current == null || !current.isConnected()) {
            connect();
        }
        if (backfillDue) {
            // Cleared first: a message that fails to store while the backfill runs sets it again for the next fetch.
            backfillDue = false;
            boolean done = false;
            try {
                backfill.fetch(sink);
                releaseHeld(sink);
                done = true;
            } finally {
                if (!done) {
                    backfillDue = true;
                }
            }
        }
    }

    private void connect() throws IOException {
        synchronized (connection) {
            closeClient();
            MqttClient fresh;
            try {
                // Client ids must be unique per broker; with a clean session nothing is kept under it anyway.
                fresh = new MqttClient(broker, "twin-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                        new MemoryPersistence());
            } catch (MqttException e) {
                throw new IOException("cannot make an MQTT client for " + broker + ": " + describe(e), e);
            }
            fresh.setCallback(new Callback(fresh));
            // Without a limit, a broker that accepts the connection but never acknowledges the subscription would
            // hold the fetch forever.
            fresh.setTimeToWait(CONNECT_TIMEOUT_SECONDS * 1000L);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setAutomaticReconnect(false);
            options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
            options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
            try {
                fresh.connect(options);
                String[] topics = datastreamsByTopic.keySet().toArray(String[]::new);
                int[] qualities = new int[topics.length];
                Arrays.fill(qualities, QUALITY_OF_SERVICE);
                fresh.subscribe(topics, qualities);
            } catch (MqttException e) {
                close(fresh);
                throw new IOException("cannot connect to the MQTT broker " + broker + ": " + describe(e), e);
            }
            client = fresh;
            backfillDue = true;
        }
    }

    /** Writes what arrived before the datastreams were registered; from now on messages are written as they come. */
    private void releaseHeld(Sink sink) throws IOException {
        List<Observation> waiting;
        int lost;
        synchronized (holding) {
            waiting = held;
            lost = dropped;
            held = null;
        }
        if (waiting == null) {
            return;
        }
        if (lost > 0) {
            sink.note(lost + " MQTT messages arrived before the first backfill and were dropped; the backfill has them");
        }
        if (!waiting.isEmpty()) {
            sink.observations(waiting);
        }
    }

    /** How many messages wait for the first backfill: lets a test see a message arrive before registration. */
    int heldCount() {
        synchronized (holding) {
            return held == null ? 0 : held.size();
        }
    }

    private void arrived(String topic, byte[] payload) {
        Sink target = sink;
        String datastream = datastreamsByTopic.get(topic);
        if (datastream == null) {
            target.problem("MQTT message on " + SafeText.of(topic) + ", which this source did not subscribe to; ignored");
            return;
        }
        Observation observation;
        try {
            observation = observation(datastream, payload);
        } catch (BadMessage e) {
            target.problem("MQTT message on " + SafeText.of(topic) + " skipped: " + e.getMessage());
            return;
        }
        synchronized (holding) {
            if (held != null) {
                if (held.size() < MAX_HELD) {
                    held.add(observation);
                } else {
                    dropped++;
                }
                return;
            }
        }
        try {
            target.observations(List.of(observation));
        } catch (IOException e) {
            // The observation is on the server: the next backfill fetches it.
            backfillDue = true;
            target.problem("MQTT observation of datastream " + SafeText.of(datastream) + " at " + observation.phenomenonTime()
                    + " not stored (" + SafeText.of(e.getMessage()) + "); the next fetch backfills it");
        }
    }

    /**
     * A SensorThings Observation: {@code phenomenonTime} an instant, or an interval whose start is taken, and
     * {@code result} a number or a text (a boolean as its word).
     */
    private Observation observation(String datastream, byte[] payload) throws BadMessage {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new BadMessage(String.format(Locale.ROOT, "%,d bytes, more than the %,d an observation may have",
                    payload.length, MAX_PAYLOAD_BYTES));
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(payload);
        } catch (JacksonException e) {
            throw new BadMessage("not JSON (" + SafeText.of(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new BadMessage("unreadable (" + SafeText.of(e.getMessage()) + ")");
        }
        if (json == null || !json.isObject()) {
            throw new BadMessage("not a SensorThings Observation object");
        }
        JsonNode time = json.path("phenomenonTime");
        if (!time.isTextual()) {
            throw new BadMessage("no phenomenonTime");
        }
        String text = time.asText();
        int slash = text.indexOf('/');
        Instant instant;
        try {
            instant = OffsetDateTime.parse(slash < 0 ? text : text.substring(0, slash)).toInstant();
        } catch (DateTimeException e) {
            throw new BadMessage("phenomenonTime '" + SafeText.of(text, 80) + "' is not an ISO-8601 time");
        }
        try {
            // The cache keeps epoch milliseconds; a time past them would fail its write.
            instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new BadMessage("phenomenonTime '" + SafeText.of(text, 80) + "' is outside the range the cache can hold");
        }
        JsonNode result = json.path("result");
        if (result.isNumber()) {
            double number = result.asDouble();
            if (!Double.isFinite(number)) {
                throw new BadMessage("result " + SafeText.of(result.toString(), 60) + " is out of range");
            }
            return Observation.number(sourceName, datastream, instant, number);
        }
        if (result.isTextual() || result.isBoolean()) {
            if (result.asText().length() > SensorThingsSource.MAX_TEXT_LENGTH) {
                throw new BadMessage("result text is longer than " + SensorThingsSource.MAX_TEXT_LENGTH + " characters");
            }
            return Observation.text(sourceName, datastream, instant, result.asText());
        }
        throw new BadMessage(result.isMissingNode() ? "no result"
                : "result " + SafeText.of(result.toString(), 60) + " is neither a number nor a text");
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return e.getMessage() + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }

    /** Disconnects from the broker and closes the backfill source. */
    @Override
    public void close() {
        synchronized (connection) {
            closeClient();
        }
        backfill.close();
    }

    private void closeClient() {
        MqttClient old = client;
        client = null;
        if (old != null) {
            close(old);
        }
    }

    private static void close(MqttClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect(DISCONNECT_MILLIS);
            }
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(DISCONNECT_MILLIS);
            } catch (MqttException ignored) {
                // Closing below releases the client's threads whether or not the broker heard the goodbye.
            }
        }
        try {
            client.close();
        } catch (MqttException ignored) {
            // Nothing is left to release on a client that will not close.
        }
    }

    /** Paho calls back on its own thread: nothing may be thrown out of here, or Paho drops the connection. */
    private final class Callback implements MqttCallback {
        private final MqttClient owner;

        Callback(MqttClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectionLost(Throwable cause) {
            Sink target = sink;
            if (owner != client || target == null) {
                return;
            }
            String why = cause == null || cause.getMessage() == null ? "" : " (" + SafeText.of(cause.getMessage()) + ")";
            target.note("lost the connection to the MQTT broker " + broker + why + "; reconnecting and backfilling at the next fetch");
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                arrived(topic, message.getPayload());
            } catch (RuntimeException e) {
                Sink target = sink;
                if (target != null) {
                    target.problem("MQTT message on " + SafeText.of(topic) + " skipped: " + SafeText.of(e.toString()));
                }
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // This client only subscribes; it publishes nothing whose delivery it would wait for.
        }
    }

    private static final class BadMessage extends Exception {
        private static final long serialVersionUID = 1L;

        BadMessage(String message) {
            super(message);
        }
    }
}
