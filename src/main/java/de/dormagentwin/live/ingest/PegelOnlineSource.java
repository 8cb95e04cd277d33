package de.dormagentwin.live.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.model.text.SafeText;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The water level (W) of one gauge from PEGELONLINE, the federal waterways' REST service: the station becomes a
 * thing with its position, its level one public datastream in centimetres. Each fetch asks for the last day
 * ({@code start=P1D}, what the service keeps at full resolution) and hands on only what is newer than the cache.
 *
 * <p>Each request, answer included, must finish within the timeout and hold at most {@link HttpGet#MAX_BODY_BYTES};
 * redirects are followed only on the service's own scheme, host and port. A bad measurement is skipped and told
 * once, not at every fetch of the day that still holds it.
 */
public final class PegelOnlineSource implements Source {
    /** The public service; tests and mirrors give another. */
    public static final URI SERVICE = URI.create("https://www.pegelonline.wsv.de/webservices/rest-api/v2");
    /** The Rhine gauge downstream of Dormagen. */
    public static final String DUESSELDORF_STATION = "8f7e5f92-1153-4f93-acba-ca48670c8ca9";
    /** The Rhine gauge upstream of Dormagen. */
    public static final String COLOGNE_STATION = "a6ee8177-107b-47dd-bcfd-30960ccc6e9c";

    private static final ObjectMapper MAPPER = FeedJson.builder().build();
    private static final String TIMESERIES = "W";

    private final String base;
    private final String stationUuid;
    private final String name;
    private final String datastreamRemoteId;
    private final URI origin;
    private final HttpClient client;
    private final HttpGet http;
    /** Bad measurements told at the last fetch: the day asked for holds them for a day, but each is told once. */
    private Set<String> reportedBefore = Set.of();
    /** The station changes (almost) never; it is stored once per run, not at every fetch. */
    private boolean stationStored;

    public PegelOnlineSource(URI base, String stationUuid, Duration timeout) {
        if (stationUuid == null || !stationUuid.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("a PEGELONLINE station is named by its UUID, not '" + stationUuid + "'");
        }
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.stationUuid = stationUuid;
        this.name = "pegelonline " + stationUuid;
        this.datastreamRemoteId = stationUuid + "/" + TIMESERIES;
        this.origin = URI.create(this.base);
        if (origin.getHost() == null || !("http".equalsIgnoreCase(origin.getScheme()) || "https".equalsIgnoreCase(origin.getScheme()))) {
            throw new IllegalArgumentException("PEGELONLINE is an http or https URL, not '" + base + "'");
        }
        this.client = HttpGet.client(timeout);
        this.http = new HttpGet(client, timeout, HttpGet.MAX_BODY_BYTES);
    }

    @Override
    public String name() {
        return name;
    }

    /** The remote id of the water-level datastream: the station's UUID and the timeseries, {@code uuid/W}. */
    public String datastreamRemoteId() {
        return datastreamRemoteId;
    }

    @Override
    public void fetch(Sink sink) throws IOException, InterruptedException {
        if (!stationStored) {
            storeStation(sink, get("stations/" + stationUuid + ".json"));
            stationStored = true;
        }
        String path = "stations/" + stationUuid + "/" + TIMESERIES + "/measurements.json?start=P1D";
        JsonNode measurements = get(path);
        if (!measurements.isArray()) {
            throw new IOException("PEGELONLINE answered " + path + " with JSON that is not a list of measurements");
        }
        Optional<Instant> last = sink.lastTime(datastreamRemoteId);
        List<Observation> newer = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        Consumer<String> problem = message -> {
            if (!reportedBefore.contains(message)) {
                sink.problem(message);
            }
            reported.add(message);
        };
        int index = 0;
        for (JsonNode measurement : measurements) {
            index++;
            Optional<Observation> observation = observation(measurement, index, problem);
            if (observation.isPresent() && (last.isEmpty() || observation.get().phenomenonTime().isAfter(last.get()))) {
                newer.add(observation.get());
            }
        }
        if (!newer.isEmpty()) {
            sink.observations(newer);
        }
        reportedBefore = reported;
    }

    private Optional<Observation> observation(JsonNode measurement, int index, Consumer<String> problem) {
        String where = "measurement " + index + " of station " + stationUuid;
        JsonNode timestamp = measurement.path("timestamp");
        JsonNode value = measurement.path("value");
        if (!timestamp.isTextual()) {
            problem.accept(where + " has no timestamp");
            return Optional.empty();
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(timestamp.asText()).toInstant();
            // The cache keeps epoch milliseconds: a time past them would fail the whole day's write at every fetch.
            time.toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            problem.accept(where + " has the timestamp '" + SafeText.of(timestamp.asText(), 60)
                    + "', not an ISO-8601 time with offset that the cache can hold");
            return Optional.empty();
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            problem.accept(where + " at " + time + " has no numeric value (" + SafeText.of(value.toString(), 60) + ")");
            return Optional.empty();
        }
        return Optional.of(Observation.number(name, datastreamRemoteId, time, value.asDouble()));
    }

    private void storeStation(Sink sink, JsonNode station) throws IOException {
        if (!station.isObject()) {
            throw new IOException("PEGELONLINE answered station " + stationUuid + " with JSON that is not a station");
        }
        String shortName = station.path("shortname").asText(stationUuid);
        String water = station.path("water").path("shortname").asText("");
        Map<String, Object> properties = new LinkedHashMap<>();
        if (station.path("agency").isTextual()) {
            properties.put("agency", station.path("agency").asText());
        }
        properties.put("water", water);
        if (station.path("km").isNumber()) {
            properties.put("km", station.path("km").asDouble());
        }
        String description = station.path("longname").asText(shortName)
                + (water.isEmpty() ? "" : ", " + water)
                + (station.path("km").isNumber() ? " km " + station.path("km").asText() : "");
        sink.thing(new Thing(name, stationUuid, shortName, description, properties, null,
                coordinate(station.path("longitude")), coordinate(station.path("latitude"))));
        sink.datastream(new Datastream(name, datastreamRemoteId, stationUuid, waterName(water) + " level at " + shortName,
                "water level", "PEGELONLINE gauge " + shortName, "centimetre", "cm", Classification.PUBLIC));
    }

    private static double coordinate(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    /** PEGELONLINE names waters in capitals in German; labels read better with the English name where there is one. */
    private static String waterName(String water) {
        if (water.isEmpty()) {
            return "Water";
        }
        if (water.equalsIgnoreCase("RHEIN")) {
            return "Rhine";
        }
        return water.charAt(0) + water.substring(1).toLowerCase(Locale.GERMAN);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        URI uri = URI.create(base + "/" + path);
        HttpGet.Response response;
        try {
            response = http.get(uri, origin, "application/json");
        } catch (HttpGet.Failure e) {
            throw new IOException("PEGELONLINE at " + uri + (e.unreachable() ? " is unreachable: " : ": ") + e.reason(), e);
        }
        if (response.status() / 100 != 2) {
            String message = "PEGELONLINE answered HTTP " + response.status() + " for " + uri;
            Optional<Duration> wait = HttpGet.retryAfter(response, Clock.systemUTC());
            if (wait.isPresent()) {
                throw new RetryLater(message + "; it asks to wait " + HttpGet.words(wait.get()), wait.get());
            }
            throw new IOException(message);
        }
        try {
            return MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new IOException("PEGELONLINE sent an unreadable answer for " + uri + " (not JSON: "
                    + SafeText.of(e.getOriginalMessage()) + ")", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
