package de.dormagentwin.live.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.model.text.SafeText;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

/**
 * Pulls an OGC SensorThings API v1.1 service over HTTP: its things with their first location and their datastreams,
 * then each datastream's observations newer than the newest the cache holds, oldest first. Every page goes to the
 * sink as it arrives, so a fetch that breaks off keeps what it got and the next one goes on from there.
 *
 * <p>Each request, from connecting to the last byte of the answer, must finish within the timeout, and its answer
 * hold at most {@link HttpGet#MAX_BODY_BYTES}; one fetch reads at most {@link #MAX_PAGES} pages, and follows
 * next links and redirects only on the service root's own scheme, host and port. Numbers become
 * numeric results, texts and booleans text results; a measurement stream (OM_Measurement, OM_CountObservation) takes
 * a text only where it is a decimal number.
 */
public final class SensorThingsSource implements Source {
    /** Observations asked for per page; servers cap it lower and then give a next link. */
    static final int PAGE_SIZE = 1_000;
    /** The cache's result_text column: a longer text would fail the whole page there, so it is skipped here. */
    static final int MAX_TEXT_LENGTH = 2_000;
    /**
     * Pages one fetch reads at most, all collections together: a server whose next links never end cannot hold
     * {@code twin ingest --once} for good. A million observations at FROST-Server's usual 1,000 a page; what is
     * left comes at the next fetch, which goes on from the newest stored observation.
     */
    static final int MAX_PAGES = 1_000;
    /** The cache's remote id columns; a longer id is a skipped entity rather than a failed fetch. */
    static final int MAX_ID_LENGTH = 255;
    private static final String THINGS_EXPAND = "Locations,Datastreams($expand=Sensor,ObservedProperty)";
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@";
    /** Reserved characters that mean nothing special inside an OData query value, kept so URLs in messages read well. */
    private static final String QUERY_SAFE = "-._~$'(),:/@=";
    private static final int MAX_FILTER_LENGTH = 1_000;

    private final String root;
    private final URI origin;
    private final String name;
    private final Classification classification;
    private final HttpClient client;
    private final HttpGet http;
    private final int maxPages;
    private final Clock clock = Clock.systemUTC();
    private final boolean ownsClient;
    private final ObjectMapper mapper = FeedJson.builder()
            // A server that writes NaN for one result should cost that observation, not the whole page.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /**
     * Bad entities and observations reported by the last fetch: each fetch reads the things again, and one bad
     * observation that stays newest is fetched again each time, but each is told (and counted) once.
     */
    private Set<String> reportedBefore = Set.of();
    private Set<String> reported = new HashSet<>();
    private int pagesRead;
    /** An OData filter on the service's Things (null: all of them); set before the first fetch. */
    private String thingFilter;

    /** A source with an HTTP client of its own, closed by {@link #close}. */
    public SensorThingsSource(URI serviceRoot, Classification classification, Duration timeout) {
        this(serviceRoot, classification, timeout, HttpGet.MAX_BODY_BYTES, MAX_PAGES);
    }

    /** A source with its own client and other limits than the usual: for tests, which cannot wait for the real ones. */
    SensorThingsSource(URI serviceRoot, Classification classification, Duration timeout, long maxBodyBytes, int maxPages) {
        this(serviceRoot, classification, timeout, HttpGet.client(positive(timeout)), true, maxBodyBytes, maxPages);
    }

    /** A source that uses the caller's HTTP client and leaves closing it to the caller. */
    public SensorThingsSource(URI serviceRoot, Classification classification, Duration timeout, HttpClient client) {
        this(serviceRoot, classification, timeout, client, false, HttpGet.MAX_BODY_BYTES, MAX_PAGES);
    }

    private SensorThingsSource(URI serviceRoot, Classification classification, Duration timeout, HttpClient client, boolean ownsClient,
                               long maxBodyBytes, int maxPages) {
        this.root = root(serviceRoot);
        this.origin = URI.create(root);
        this.name = "sensorthings " + root;
        this.classification = Objects.requireNonNull(classification, "classification");
        this.client = Objects.requireNonNull(client, "client");
        this.http = new HttpGet(client, positive(timeout), maxBodyBytes);
        if (maxPages < 1) {
            throw new IllegalArgumentException("a fetch reads at least one page, not " + maxPages);
        }
        this.maxPages = maxPages;
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

    /**
     * Fetches only the Things that match an OData {@code $filter}, such as {@code properties/site eq 'CHEMPARK'}: a
     * site takes what its screens show, not the whole service. The server applies it; the text is sent encoded.
     */
    public SensorThingsSource onlyThings(String filter) {
        thingFilter = checkedThingFilter(filter);
        return this;
    }

    /** {@code filter} if it can be a Things filter: one line of printable text, not too long for a URL. */
    public static String checkedThingFilter(String filter) {
        if (filter.isBlank() || filter.length() > MAX_FILTER_LENGTH || !SafeText.of(filter, MAX_FILTER_LENGTH).equals(filter)) {
            throw new IllegalArgumentException("a Things filter is one line of OData, at most " + MAX_FILTER_LENGTH + " characters, not "
                    + SafeText.of(filter, 80));
        }
        return filter;
    }

    @Override
    public void fetch(Sink sink) throws IOException, InterruptedException {
        reported = new HashSet<>();
        pagesRead = 0;
        try {
            Map<String, Stream> datastreams = new LinkedHashMap<>();
            URI things = URI.create(root + "/Things?" + (thingFilter == null ? "" : "$filter=" + encode(thingFilter, "-._~") + "&")
                    + "$expand=" + encode(THINGS_EXPAND, QUERY_SAFE));
            forEachPage(things, (url, page) -> {
                for (JsonNode thing : page) {
                    readThing(url, thing, sink, datastreams);
                }
            });
            for (Stream datastream : datastreams.values()) {
                fetchObservations(datastream, sink);
            }
        } finally {
            reportedBefore = reported;
        }
    }

    private void readThing(URI page, JsonNode node, Sink sink, Map<String, Stream> datastreams) throws IOException, InterruptedException {
        EntityId id = EntityId.of(node);
        if (id == null) {
            problem(sink, "a Thing without @iot.id; skipped");
            return;
        }
        if (id.text().length() > MAX_ID_LENGTH) {
            problem(sink, "a Thing whose @iot.id " + SafeText.of(id.text(), 40) + " is longer than " + MAX_ID_LENGTH
                    + " characters; skipped with its datastreams");
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
            problem(sink, "a Datastream of Thing " + SafeText.of(thing.text()) + " without @iot.id; skipped");
            return;
        }
        if (id.text().length() > MAX_ID_LENGTH) {
            problem(sink, "a Datastream of Thing " + SafeText.of(thing.text()) + " whose @iot.id " + SafeText.of(id.text(), 40)
                    + " is longer than " + MAX_ID_LENGTH + " characters; skipped");
            return;
        }
        JsonNode property = node.path("ObservedProperty");
        if (!property.isObject()) {
            problem(sink, "Datastream " + SafeText.of(id.text()) + " came without its ObservedProperty; skipped");
            return;
        }
        JsonNode unit = node.path("unitOfMeasurement");
        sink.datastream(new Datastream(name, id.text(), thing.text(), text(node, "name"), text(property, "name"),
                text(node.path("Sensor"), "name"), text(unit, "name"), text(unit, "symbol"), classification));
        String type = text(node, "observationType");
        boolean measurement = type.endsWith("OM_Measurement") || type.endsWith("OM_CountObservation");
        datastreams.put(id.text(), new Stream(id, measurement));
    }

    private void fetchObservations(Stream datastream, Sink sink) throws IOException, InterruptedException {
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
                    String observation = node.hasNonNull("@iot.id") ? "observation " + SafeText.of(node.get("@iot.id").asText())
                            : "an observation without @iot.id";
                    String message = "Datastream " + SafeText.of(datastream.id().text()) + ", " + observation + ": "
                            + e.getMessage() + "; skipped";
                    problem(sink, message);
                }
            }
            if (!observations.isEmpty()) {
                sink.observations(observations);
            }
        });
    }

    private void problem(Sink sink, String message) {
        if (!reportedBefore.contains(message)) {
            sink.problem(message);
        }
        reported.add(message);
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
                throw new BadObservation("result \"" + SafeText.of(result.asText(), 60) + "\" is not a number, as a measurement's must be");
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
            throw new BadObservation("result " + SafeText.of(written, 60) + " is not a finite number");
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
            throw new BadObservation("phenomenonTime " + SafeText.of(node.toString(), 80) + " is not an ISO 8601 time or interval with an offset");
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
            if (pagesRead == maxPages) {
                throw new IOException("GET " + url + ": not read, this fetch has read " + maxPages + " pages, the most one "
                        + "fetch reads; the next fetch goes on from what is stored");
            }
            pagesRead++;
            JsonNode page = get(url);
            JsonNode values = page.path("value");
            if (!page.isObject() || !values.isArray()) {
                throw new IOException("GET " + url + ": the answer is not a SensorThings collection (no \"value\" array)");
            }
            reader.read(url, values);
            url = nextLink(url, page, "@iot.nextLink");
        }
    }

    private URI nextLink(URI page, JsonNode container, String field) throws IOException {
        JsonNode link = container.get(field);
        if (link == null || link.isNull() || link.asText().isBlank()) {
            return null;
        }
        URI next;
        try {
            next = page.resolve(new URI(link.asText()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("GET " + page + ": the server's " + field + " " + SafeText.of(link.toString()) + " is not a URL", e);
        }
        // A next link elsewhere would send this source's requests, and its trust, to a host nobody configured.
        if (!HttpGet.sameOrigin(next, origin)) {
            throw new IOException("GET " + page + ": the server's " + field + " leads to " + SafeText.of(next.toString())
                    + ", on another host than " + HttpGet.origin(origin) + "; refused");
        }
        return next;
    }

    private JsonNode get(URI url) throws IOException, InterruptedException {
        HttpGet.Response response = http.get(url, origin, "application/json");
        if (response.status() / 100 != 2) {
            String message = "GET " + SafeText.of(url.toString(), 1_000) + ": HTTP " + response.status() + serverMessage(response.body());
            Optional<Duration> wait = HttpGet.retryAfter(response, clock);
            if (wait.isPresent()) {
                throw new RetryLater(message + "; the server asks to wait " + HttpGet.words(wait.get()), wait.get());
            }
            throw new IOException(message);
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

    /** SensorThings servers explain an error in a JSON "message"; anything else is left out of the log line. */
    private String serverMessage(byte[] body) {
        try {
            JsonNode message = mapper.readTree(body).path("message");
            return message.isTextual() && !message.asText().isBlank() ? " (" + SafeText.of(message.asText()) + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String beginning(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return "\"" + SafeText.of(text) + (body.length > 60 ? "…\"" : "\"");
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
        private static final long serialVersionUID = 1L;

        BadObservation(String message) {
            super(message, null, false, false);
        }
    }
}
