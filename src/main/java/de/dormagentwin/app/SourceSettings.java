package de.dormagentwin.app;

import com.fasterxml.jackson.databind.JsonNode;
import de.dormagentwin.live.Classification;
import de.dormagentwin.live.ingest.CsvFolderSource;
import de.dormagentwin.live.ingest.MqttSource;
import de.dormagentwin.live.ingest.PegelOnlineSource;
import de.dormagentwin.live.ingest.SensorThingsSource;
import de.dormagentwin.live.ingest.Simulator;
import de.dormagentwin.live.ingest.Source;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.text.SafeText;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One live source as the configuration names it, in {@code "sources": [...]}:
 * <pre>
 * {"type": "sensorthings", "url": "https://.../v1.1", "classification": "partner", "interval": "PT30S",
 *  "things": "properties/site eq 'CHEMPARK'", "mqtt": "tcp://broker:1883", "datastreams": ["7", "8"]}
 * {"type": "pegelonline", "url": "https://www.pegelonline.wsv.de/webservices/rest-api/v2", "station": "UUID"}
 * {"type": "csv", "folder": "partner-drop", "classification": "confidential", "interval": "PT1M"}
 * {"type": "simulator", "days": 2}
 * </pre>
 * A SensorThings or CSV source without a classification is confidential, as on the command line. An MQTT source
 * names the datastreams it follows: the viewer must not wait on the server at start to ask which there are.
 */
record SourceSettings(String type, URI url, URI mqtt, List<String> datastreams, String things, String station, Path folder,
                      Classification classification, Duration interval, int days) {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);
    private static final Duration LONGEST_INTERVAL = Duration.ofDays(1);

    /** The keys each type of source may have; the first is the type itself. */
    private static final Map<String, List<String>> KEYS = Map.of(
            "sensorthings", List.of("type", "url", "classification", "interval", "things", "mqtt", "datastreams"),
            "pegelonline", List.of("type", "url", "station", "interval"),
            "csv", List.of("type", "folder", "classification", "interval"),
            "simulator", List.of("type", "interval", "days"));

    /** Reads and checks {@code "sources"}; every problem names the file, the entry and the key. */
    static List<SourceSettings> parse(Path file, JsonNode sources) throws IOException {
        if (sources.isMissingNode()) {
            return List.of();
        }
        if (!sources.isArray()) {
            throw new IOException("configuration " + file + ": sources must be a list, such as [{\"type\": \"pegelonline\", ...}]");
        }
        List<SourceSettings> parsed = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            parsed.add(entry(new Entry(file, i, sources.get(i))));
        }
        // Two entries for one source would fetch and write the same rows twice, under one name in the cache.
        long distinct = parsed.stream().map(SourceSettings::identity).distinct().count();
        if (distinct != parsed.size()) {
            throw new IOException("configuration " + file + ": sources names the same source twice");
        }
        return List.copyOf(parsed);
    }

    /** Where an entry is, for messages: the file and its place in the list. */
    private record Entry(Path file, int index, JsonNode node) {
        IOException problem(String text) {
            return new IOException("configuration " + file + ": sources[" + index + "]: " + text);
        }

        String text(String key, boolean required) throws IOException {
            JsonNode value = node.path(key);
            if (value.isMissingNode()) {
                if (required) {
                    throw problem(key + " is missing");
                }
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                throw problem(key + " must be text, not empty");
            }
            return value.asText();
        }

        URI uri(String key, List<String> schemes, boolean required) throws IOException {
            String text = text(key, required);
            if (text == null) {
                return null;
            }
            try {
                URI uri = new URI(text);
                if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
                    throw problem(key + " must be a " + String.join(" or ", schemes) + " address with a host, not " + SafeText.of(text));
                }
                return uri;
            } catch (URISyntaxException e) {
                throw problem(key + " is no address: " + SafeText.of(e.getMessage()));
            }
        }
    }

    private static SourceSettings entry(Entry entry) throws IOException {
        JsonNode node = entry.node();
        if (!node.isObject()) {
            throw entry.problem("must be an object, such as {\"type\": \"csv\", \"folder\": \"drop\"}");
        }
        String type = entry.text("type", true);
        List<String> keys = KEYS.get(type);
        if (keys == null) {
            throw entry.problem("type must be sensorthings, pegelonline, csv or simulator, not " + SafeText.of(type));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                String guess = keys.stream().filter(known -> TwinConfig.distance(name, known) <= 2).findFirst().orElse(null);
                throw entry.problem("unknown key " + SafeText.of(name) + " for a " + type + " source"
                        + (guess == null ? " (it takes " + String.join(", ", keys.subList(1, keys.size())) + ")" : " (did you mean " + guess + "?)"));
            }
        }
        Duration interval = DEFAULT_INTERVAL;
        String intervalText = entry.text("interval", false);
        if (intervalText != null) {
            try {
                interval = Duration.parse(intervalText);
            } catch (DateTimeParseException e) {
                throw entry.problem("interval must be an ISO-8601 duration such as \"PT30S\", not " + SafeText.of(intervalText));
            }
            if (interval.compareTo(SHORTEST_INTERVAL) < 0 || interval.compareTo(LONGEST_INTERVAL) > 0) {
                throw entry.problem("interval must be between 1 second and 1 day, not " + interval);
            }
        }
        Classification classification = Classification.CONFIDENTIAL;
        String word = entry.text("classification", false);
        if (word != null) {
            try {
                classification = Classification.parse(word);
            } catch (IllegalArgumentException e) {
                throw entry.problem(SafeText.of(e.getMessage()));
            }
        }
        return switch (type) {
            case "sensorthings" -> {
                URI mqtt = entry.uri("mqtt", List.of("tcp", "ssl"), false);
                List<String> datastreams = new ArrayList<>();
                JsonNode listed = node.path("datastreams");
                if (!listed.isMissingNode()) {
                    if (!listed.isArray() || listed.isEmpty()) {
                        throw entry.problem("datastreams must be a list of datastream ids, such as [\"7\", \"8\"]");
                    }
                    for (JsonNode id : listed) {
                        if (!id.isTextual() && !id.isIntegralNumber()) {
                            throw entry.problem("datastreams must hold ids, text or whole numbers");
                        }
                        datastreams.add(id.asText());
                    }
                }
                if (mqtt != null && datastreams.isEmpty()) {
                    throw entry.problem("an mqtt source needs datastreams: the ids to follow (the viewer does not ask the server at start)");
                }
                if (mqtt == null && !datastreams.isEmpty()) {
                    throw entry.problem("datastreams are followed over mqtt: give the broker's address as mqtt");
                }
                String things = entry.text("things", false);
                if (things != null) {
                    try {
                        SensorThingsSource.checkedThingFilter(things);
                    } catch (IllegalArgumentException e) {
                        throw entry.problem("things: " + e.getMessage());
                    }
                }
                yield new SourceSettings(type, entry.uri("url", List.of("http", "https"), true), mqtt, List.copyOf(datastreams),
                        things, null, null, classification, interval, 0);
            }
            case "pegelonline" -> new SourceSettings(type, entry.uri("url", List.of("http", "https"), true), null, List.of(), null,
                    entry.text("station", true), null, Classification.PUBLIC, interval, 0);
            case "csv" -> new SourceSettings(type, null, null, List.of(), null, null,
                    // Relative to the configuration file, so a site's settings travel as one folder.
                    entry.file().toAbsolutePath().resolveSibling(entry.text("folder", true)), classification, interval, 0);
            default -> {
                int days = 2;
                if (node.has("days")) {
                    if (!node.path("days").canConvertToExactIntegral() || node.path("days").asInt() < 0 || node.path("days").asInt() > 365) {
                        throw entry.problem("days must be a whole number from 0 to 365");
                    }
                    days = node.path("days").asInt();
                }
                yield new SourceSettings(type, null, null, List.of(), null, null, null, Classification.PUBLIC, interval, days);
            }
        };
    }

    /** What makes two entries the same source. */
    private String identity() {
        return type + " " + (url != null ? url : folder != null ? folder : "") + (station != null ? " " + station : "");
    }

    /**
     * The source these settings name. The simulator needs the sample model ({@code sample} null: the simulator is not
     * possible, and says why).
     */
    Source build(CityModel sample, Duration fetchTimeout) {
        return switch (type) {
            case "sensorthings" -> {
                SensorThingsSource http = new SensorThingsSource(url, classification, fetchTimeout);
                if (things != null) {
                    http.onlyThings(things);
                }
                yield mqtt == null ? http : new MqttSource(mqtt, datastreams, http, http.name());
            }
            case "pegelonline" -> new PegelOnlineSource(url, station, fetchTimeout);
            case "csv" -> new CsvFolderSource(folder, classification, CsvFolderSource.SETTLE, Clock.systemUTC());
            default -> {
                if (sample == null) {
                    throw new IllegalStateException("the simulator of the configuration runs only on the bundled sample model");
                }
                yield new Simulator(sample, Simulator.DEFAULT_SEED, Clock.systemUTC(), Duration.ofDays(days));
            }
        };
    }
}
