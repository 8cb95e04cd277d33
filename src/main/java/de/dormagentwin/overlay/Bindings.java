package de.dormagentwin.overlay;

import de.dormagentwin.model.text.SmallTextFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Place;
import de.dormagentwin.model.text.SafeText;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.scene.CityLayer;
import de.dormagentwin.scene.CityMeshes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which city object each datastream belongs to, from a JSON file: a source such as a SensorThings server knows
 * nothing of the model's object ids. Each binding names a datastream (and optionally its source) and either an
 * object id or a WGS84 position, which binds to the nearest object within {@link #SNAP_METRES} or else is shown as a
 * marker of its own ({@link Place#point}). A binding wins over the object a source itself gave.
 *
 * <p>A river gauge's binding may also give its marks for low and high water ({@link WaterMarks}), in the unit
 * of its datastream, as its operator publishes them (PEGELONLINE's MNW and MHW); the kiosk then names the level.
 *
 * <pre>{"bindings": [{"source": "simulator", "datastream": "env-zons-03/pm10", "object": "zons-b0123"},
 *                {"datastream": "7", "position": [6.8428, 51.1219], "lowWater": 114, "highWater": 725}]}</pre>
 */
public final class Bindings {
    /** A binding is a line of about a hundred bytes: room for hundreds of thousands of datastreams. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    /** How far a position may lie from the centre of the object it binds to. */
    public static final double SNAP_METRES = 100;
    public static final Bindings NONE = new Bindings(List.of());

    /** One binding: exactly one of objectId and position (longitude, latitude) is set; waterMarks where given, else null. */
    public record Binding(String source, String datastream, String objectId, double[] position, WaterMarks waterMarks) {
    }

    private final List<Binding> bindings;
    private final Map<String, String> resolved = new HashMap<>();
    private final Map<String, WaterMarks> waterMarks = new HashMap<>();

    private Bindings(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
        for (Binding binding : bindings) {
            if (binding.waterMarks() != null) {
                waterMarks.put(key(binding.source(), binding.datastream()), binding.waterMarks());
            }
        }
    }

    /** A gauge's marks for low and high water, as its binding gives them; null where it gives none. */
    public WaterMarks waterMarks(Datastream datastream) {
        WaterMarks marks = waterMarks.get(key(datastream.source(), datastream.remoteId()));
        return marks != null ? marks : waterMarks.get(key(null, datastream.remoteId()));
    }

    public List<Binding> bindings() {
        return bindings;
    }

    /** Reads and checks a bindings file; every problem is named with the file and the binding's number. */
    public static Bindings load(Path file) throws IOException {
        String text = SmallTextFile.read(file, MAX_BYTES);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.path("bindings").isArray()) {
            throw new IOException(file + ": expected {\"bindings\": [...]}");
        }
        List<Binding> bindings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int number = 0;
        for (JsonNode entry : root.path("bindings")) {
            number++;
            String where = file.getFileName() + ": binding " + number + ": ";
            if (!entry.path("datastream").isTextual() || entry.path("datastream").asText().isBlank()) {
                problems.add(where + "'datastream' (a datastream's id, as text) is required");
                continue;
            }
            boolean hasObject = entry.has("object");
            boolean hasPosition = entry.has("position");
            if (hasObject == hasPosition) {
                problems.add(where + "give exactly one of 'object' (an object id) and 'position' ([longitude, latitude])");
                continue;
            }
            String source = entry.path("source").isTextual() ? entry.path("source").asText() : null;
            WaterMarks marks = null;
            if (entry.has("lowWater") || entry.has("highWater")) {
                JsonNode low = entry.path("lowWater");
                JsonNode high = entry.path("highWater");
                String problem = !low.isNumber() || !high.isNumber()
                        ? "give both 'lowWater' and 'highWater' as numbers (the gauge's MNW and MHW, in its datastream's unit)"
                        : WaterMarks.problem(low.asDouble(), high.asDouble());
                if (problem != null) {
                    problems.add(where + "datastream " + SafeText.of(entry.path("datastream").asText(), 80) + ": " + problem);
                    continue;
                }
                marks = new WaterMarks(low.asDouble(), high.asDouble());
            }
            if (hasObject) {
                if (!entry.path("object").isTextual()) {
                    problems.add(where + "'object' must be an object id, as text");
                    continue;
                }
                bindings.add(new Binding(source, entry.path("datastream").asText(), entry.path("object").asText(), null, marks));
            } else {
                JsonNode position = entry.path("position");
                if (!position.isArray() || position.size() != 2 || !position.get(0).isNumber() || !position.get(1).isNumber()
                        || Math.abs(position.get(0).asDouble()) > 180 || Math.abs(position.get(1).asDouble()) > 90) {
                    problems.add(where + "'position' must be [longitude, latitude] in degrees");
                    continue;
                }
                bindings.add(new Binding(source, entry.path("datastream").asText(), null,
                        new double[]{position.get(0).asDouble(), position.get(1).asDouble()}, marks));
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("\n", problems));
        }
        return new Bindings(bindings);
    }

    /**
     * Resolves the bindings against the model on screen: a position binds to the nearest object within
     * {@link #SNAP_METRES}, or else stands as a point of its own. Returns a message for each binding that names an
     * object the model lacks.
     */
    public List<String> resolve(CityLayer city) {
        CityMeshes meshes = city.meshes();
        List<String> problems = new ArrayList<>();
        resolved.clear();
        for (Binding binding : bindings) {
            String place = binding.objectId();
            if (place == null) {
                place = nearest(city, binding.position());
                if (place == null) {
                    place = Place.point(binding.position()[0], binding.position()[1]);
                }
            } else if (meshes.objectIndex(place) < 0) {
                problems.add("binding of datastream " + binding.datastream() + ": object '" + place + "' is not in the model");
                continue;
            }
            resolved.put(key(binding.source(), binding.datastream()), place);
        }
        return problems;
    }

    private static String nearest(CityLayer city, double[] lonLat) {
        double[] scene = city.meshes().sceneXZ(lonLat[0], lonLat[1]);
        String best = null;
        double bestDistance = SNAP_METRES;
        for (int index = 0; index < city.meshes().objects().size(); index++) {
            double[] centre = city.objectCentre(index);
            if (centre == null) {
                continue;
            }
            double distance = Math.hypot(centre[0] - scene[0], centre[2] - scene[1]);
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = city.meshes().objects().get(index).id();
            }
        }
        return best;
    }

    /** The values with the objects the bindings give them (a binding without a source matches any source). */
    public List<Latest> apply(List<Latest> values) {
        if (resolved.isEmpty()) {
            return values;
        }
        List<Latest> bound = new ArrayList<>(values.size());
        for (Latest value : values) {
            String objectId = resolved.get(key(value.datastream().source(), value.datastream().remoteId()));
            if (objectId == null) {
                objectId = resolved.get(key(null, value.datastream().remoteId()));
            }
            bound.add(objectId == null ? value : value.boundTo(objectId));
        }
        return bound;
    }

    private static String key(String source, String datastream) {
        return (source == null ? "" : source) + '\u0000' + datastream;
    }
}
