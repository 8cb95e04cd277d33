package de.dormagentwin.live.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Pulls an OGC SensorThings API v1.1 service over HTTP: its things with their first location and their datastreams,
 * then each datastream's observations newer than the newest the cache holds, oldest first. Every page goes to the
 * sink as it arrives, so a fetch that breaks off keeps what it got and the next one goes on from there.
 *
 * <p>Each request, from connecting to the last byte of the answer, must finish within the timeout. Numbers become
 * numeric results, texts and booleans text results; a measurement stream (OM_Measurement, OM_CountObservation) takes
 * a text only where it is a decimal number.
 */
public final class SensorThingsSource implements Source {
    /** Observations asked for per page; servers cap it lower and then give a next link. */
    static final int PAGE_SIZE = 1_000;
    /** The cache's result_text column: a longer text would fail the whole page there, so it is skipped here. */
    static final int MAX_TEXT_LENGTH = 2_000;
    private static final String THINGS_EXPAND = "Locations,Datastreams($expand=Sensor,ObservedProperty)";
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@";
    /** Reserved characters that mean nothing special inside an OData query value, kept so URLs in messages read well. */
    private static final String QUERY_SAFE = "-._~$'(),:/@=";

    private final String root;
    private final String name;
    private final Classification classification;
    private final Duration timeout;
    private final HttpClient client;
    private final boolean ownsClient;
    private final ObjectMapper mapper = JsonMapper.builder()
            // A server that writes NaN for one result should cost that observation, not the whole page.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Bad observations reported by the last fetch: one that stays newest is fetched again each time, but told once. */
    private Set<String> reportedBefore = Set.of();

    /** A source with an HTTP client of its own, closed by {@link #close}. */
    public SensorThingsSource(URI serviceRoot, Classification classification, Duration timeout) {
        this(serviceRoot, classification, timeout, HttpClient.newBuilder()
                .connectTimeout(positive(timeout))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build(), true);
    }

    /** A source that uses the caller's HTTP client and leaves closing it to the caller. */
    public SensorThingsSource(URI serviceRoot, Classification classification, Duration timeout, HttpClient client) {
        this(serviceRoot, classification, timeout, client, false);
    }

    private SensorThingsSource(URI serviceRoot, Classification classification, Duration timeout, HttpClient client, boolean ownsClient) {
        this.root = root(serviceRoot);
        this.name = "sensorthings " + root;
        this.classification = Objects.requireNonNull(classification, "classification");
        this.timeout = positive(timeout);
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
    }

    private static String root(URI serviceRoot) {
        String scheme = serviceRoot.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || serviceRoot.getHost() == null
                || serviceRoot.getRawQuery() != null || serviceRoot.getRawFragment() != null) {
            throw new IllegalArgumentException("a SensorThings service root is an http or https URL without query, such as "
                    + "http://host/FROST-Server/v1.1, not '" + serviceRoot + "'");
        }
        String text = serviceRoot.toString();
        // ".../v1.1/" and ".../v1.1" are one service, and the name is the cache's provenance.
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static Duration positive(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
        return timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fetch(Sink sink) throws IOException, InterruptedException {
        Set<String> reported = new HashSet<>();
        try {
            Map<String, Stream> datastreams = new LinkedHashMap<>();
            URI things = URI.create(root + "/Things?$expand=" + encode(THINGS_EXPAND, QUERY_SAFE));
            forEachPage(things, (url, page) -> {
                for (JsonNode thing : page) {
                    readThing(url, thing, sink, datastreams);
                }
            });
            for (Stream datastream : datastreams.values()) {
                fetchObservations(datastream, sink, reported);
            }
        } finally {
            reportedBefore = reported;
        }
    }

    private void readThing(URI page, JsonNode node, Sink sink, Map<String, Stream> datastreams) throws IOException, InterruptedException {
        EntityId id = EntityId.of(node);
        if (id == null) {
            sink.problem("a Thing without @iot.id; skipped");
            return;
        }
        JsonNode properties = node.path("properties");
        JsonNode objectId = properties.get("objectId");
        double[] position = position(node.path("Locations"));
        sink.thing(new Thing(name, id.text(), text(node, "name"), text(node, "description"), properties(properties),
                objectId == null || !objectId.isValueNode() || objectId.isNull() ? null : objectId.asText(),
                position[0], position[1]));
        for (JsonNode datastream : node.path("Datastreams")) {
            readDatastream(datastream, id, sink, datastreams);
        }
        // Servers cap expanded collections too, and give the rest of them behind a link of their own.
        URI more = nextLink(page, node, "Datastreams@iot.nextLink");
        if (more != null) {
            forEachPage(more, (url, values) -> {
                for (JsonNode datastream : values) {
                    readDatastream(datastream, id, sink, datastreams);
                }
            });
        }
    }

    private void readDatastream(JsonNode node, EntityId thing, Sink sink, Map<String, Stream> datastreams) throws IOException {
        EntityId id = EntityId.of(node);
        if (id == null) {
            sink.problem("a Datastream of Thing " + thing.text() + " without @iot.id; skipped");
            return;
        }
        JsonNode property = node.path("ObservedProperty");
        if (!property.isObject()) {
            sink.problem("Datastream " + id.text() + " came without its ObservedProperty; skipped");
            return;
        }
        JsonNode unit = node.path("unitOfMeasurement");
        sink.datastream(new Datastream(name, id.text(), thing.text(), text(node, "name"), text(property, "name"),
                text(node.path("Sensor"), "name"), text(unit, "name"), text(unit, "symbol"), classification));
        String type = text(node, "observationType");
        boolean measurement = type.endsWith("OM_Measurement") || type.endsWith("OM_CountObservation");
        datastreams.put(id.text(), new Stream(id, measurement));
    }

    private void fetchObservations(Stream datastream, Sink sink, Set<String> reported) throws IOException, InterruptedException {
        Optional<Instant> last = sink.lastTime(datastream.id().text());
        StringBuilder query = new StringBuilder();
        last.ifPresent(time -> query.append("$filter=").append(encode("phenomenonTime gt " + time, QUERY_SAFE)).append('&'));
        query.append("$orderby=").append(encode("phenomenonTime asc", QUERY_SAFE)).append("&$top=").append(PAGE_SIZE);
        URI first = URI.create(root + "/Datastreams(" + encode(datastream.id().inUrl(), PATH_SAFE) + ")/Observations?" + query);
        forEachPage(first, (url, page) -> {
            List<Observation> observations = new ArrayList<>(page.size());
            for (JsonNode node : page) {
                try {
                    observations.add(observation(datastream, node));
                } catch (BadObservation e) {
                    String observation = node.hasNonNull("@iot.id") ? "observation " + node.get("@iot.id").asText()
                            : "an observation without @iot.id";
                    String message = "Datastream " + datastream.id().text() + ", " + observation + ": " + e.getMessage() + "; skipped";
                    if (!reportedBefore.contains(message)) {
                        sink.problem(message);
                    }
                    reported.add(message);
                }
            }
            if (!observations.isEmpty()) {
                sink.observations(observations);
            }
        });
    }

    private Observation observation(Stream stream, JsonNode node) throws BadObservation {
        if (!node.isObject()) {
            throw new BadObservation("not a JSON object");
        }
        Instant time = phenomenonTime(node.get("phenomenonTime"));
        JsonNode result = node.get("result");
        if (result == null || result.isNull()) {
            throw new BadObservation("no result");
        }
        String datastream = stream.id().text();
        if (result.isNumber()) {
            return Observation.number(name, datastream, time, finite(result.asDouble(), result.asText()));
        }
        if (result.isTextual() && stream.measurement()) {
            try {
                double number = new BigDecimal(result.asText().trim()).doubleValue();
                return Observation.number(name, datastream, time, finite(number, result.asText()));
            } catch (NumberFormatException e) {
                throw new BadObservation("result \"" + result.asText() + "\" is not a number, as a measurement's must be");
            }
        }
        if (result.isTextual() || result.isBoolean()) {
            if (result.asText().length() > MAX_TEXT_LENGTH) {
                throw new BadObservation("result text is longer than " + MAX_TEXT_LENGTH + " characters");
            }
            return Observation.text(name, datastream, time, result.asText());
        }
        throw new BadObservation("result is " + (result.isArray() ? "an array" : "an object") + ", not a number, text or boolean");
    }

    private static double finite(double number, String written) throws BadObservation {
        if (!Double.isFinite(number)) {
            throw new BadObservation("result " + written + " is not a finite number");
        }
        return number;
    }

    /**
     * An instant, or the start of an interval: the cache keys on it, and the incremental filter
     * {@code phenomenonTime gt <last>} compares interval starts, so an end would skip the next interval. The MQTT
     * source takes the start too, so the same observation from either way is one row.
     */
    private static Instant phenomenonTime(JsonNode node) throws BadObservation {
        if (node == null || node.isNull()) {
            throw new BadObservation("no phenomenonTime");
        }
        String text = node.asText().trim();
        try {
            if (!node.isTextual()) {
                throw new DateTimeException("not a text");
            }
            int slash = text.indexOf('/');
            Instant time = instant(slash < 0 ? text : text.substring(0, slash));
            // The cache keeps epoch milliseconds; a time past them would fail the whole page there.
            time.toEpochMilli();
            return time;
        } catch (DateTimeException | ArithmeticException e) {
            throw new BadObservation("phenomenonTime " + node + " is not an ISO 8601 time or interval with an offset");
        }
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** The first Location's GeoJSON point as {longitude, latitude}, NaN where there is none. */
    private static double[] position(JsonNode locations) {
        JsonNode geometry = locations.path(0).path("location");
        if ("Feature".equals(geometry.path("type").asText())) {
            geometry = geometry.path("geometry");
        }
        JsonNode coordinates = geometry.path("coordinates");
        if ("Point".equals(geometry.path("type").asText()) && coordinates.path(0).isNumber() && coordinates.path(1).isNumber()) {
            return new double[] {coordinates.get(0).asDouble(), coordinates.get(1).asDouble()};
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    private Map<String, Object> properties(JsonNode properties) {
        if (!properties.isObject()) {
            return Map.of();
        }
        Map<String, Object> map = mapper.convertValue(properties, new TypeReference<LinkedHashMap<String, Object>>() { });
        // A thing keeps an immutable copy, which holds no nulls; an absent property says the same.
        map.values().removeIf(Objects::isNull);
        return map;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private void forEachPage(URI first, PageReader reader) throws IOException, InterruptedException {
        Set<URI> seen = new HashSet<>();
        URI url = first;
        while (url != null) {
            if (!seen.add(url)) {
                throw new IOException("GET " + url + ": the server's @iot.nextLink leads back to a page already read");
            }
            JsonNode page = get(url);
            JsonNode values = page.path("value");
            if (!page.isObject() || !values.isArray()) {
                throw new IOException("GET " + url + ": the answer is not a SensorThings collection (no \"value\" array)");
            }
            reader.read(url, values);
            url = nextLink(url, page, "@iot.nextLink");
        }
    }

    private static URI nextLink(URI page, JsonNode container, String field) throws IOException {
        JsonNode link = container.get(field);
        if (link == null || link.isNull() || link.asText().isBlank()) {
            return null;
        }
        try {
            return page.resolve(new URI(link.asText()));
        } catch (URISyntaxException e) {
            throw new IOException("GET " + page + ": the server's " + field + " " + link + " is not a URL (" + e.getReason() + ")", e);
        }
    }

    private JsonNode get(URI url) throws IOException, InterruptedException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            throw new IOException("GET " + url + ": not an http or https URL", e);
        }
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            // The request's own timeout ends at the headers; this one also covers a body that trickles in.
            response = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IOException("GET " + url + ": no answer within " + words(timeout));
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new IOException("GET " + url + ": " + describe(e.getCause()), e.getCause());
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("GET " + url + ": HTTP " + response.statusCode() + serverMessage(response.body()));
        }
        if (response.body().length == 0) {
            throw new IOException("GET " + url + ": the answer is empty");
        }
        try {
            return mapper.readTree(response.body());
        } catch (JsonProcessingException e) {
            // A proxy's HTML error page is the usual case; its first words say more than the parser does.
            throw new IOException("GET " + url + ": the answer is not JSON: " + beginning(response.body()), e);
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "no connection within " + words(timeout);
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + words(timeout);
        }
        if (failure instanceof ConnectException) {
            return failure.getCause() instanceof UnresolvedAddressException ? "cannot connect: unknown host" : "cannot connect";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return firstLine(cause.getMessage());
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** SensorThings servers explain an error in a JSON "message"; anything else is left out of the log line. */
    private String serverMessage(byte[] body) {
        try {
            JsonNode message = mapper.readTree(body).path("message");
            return message.isTextual() && !message.asText().isBlank() ? " (" + firstLine(message.asText()) + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String beginning(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?").strip();
        return "\"" + text + (body.length > 60 ? "…\"" : "\"");
    }

    private static String words(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1_000 == 0 ? millis / 1_000 + " s" : millis + " ms";
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Percent-encodes UTF-8 bytes, keeping unreserved characters and {@code safe}. */
    private static String encode(String text, String safe) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c < 0x80 && safe.indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    /** An entity's {@code @iot.id}: a number or a text, which OData writes differently in a URL. */
    private record EntityId(String text, boolean numeric) {

        static EntityId of(JsonNode entity) {
            JsonNode id = entity.path("@iot.id");
            if (id.isNumber() || (id.isTextual() && !id.asText().isEmpty())) {
                return new EntityId(id.asText(), id.isNumber());
            }
            return null;
        }

        String inUrl() {
            return numeric ? text : "'" + text.replace("'", "''") + "'";
        }
    }

    /** A datastream to fetch observations of; a measurement's results must be numbers. */
    private record Stream(EntityId id, boolean measurement) {
    }

    @FunctionalInterface
    private interface PageReader {
        void read(URI url, JsonNode values) throws IOException, InterruptedException;
    }

    /** Why one observation was skipped; the rest of its page is kept. */
    private static final class BadObservation extends Exception {
        BadObservation(String message) {
            super(message, null, false, false);
        }
    }
}
