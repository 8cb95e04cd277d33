package de.dormagentwin.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.model.geo.Utm;
import de.dormagentwin.model.geometry.PlanRings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a planning variant from a GeoJSON file: a FeatureCollection, a single Feature or a bare geometry, each
 * Polygon or MultiPolygon feature one planned building. Holes (courtyards) are allowed.
 *
 * <p>The height in metres above the ground comes from the first of the properties {@code height},
 * {@code measuredHeight} (CityGML's name) and {@code hoehe} (German exports) that is present, as a number or as
 * numeric text; where a feature has none, from the default the caller gives.
 *
 * <p>Coordinate reference system: RFC 7946 allows only WGS84 longitude, latitude, but planning offices in NRW
 * work in ETRS89 / UTM 32N (EPSG:25832) and their tools write it so. The rule, in order:
 * <ol>
 *   <li>The legacy member {@code "crs": {"type": "name", "properties": {"name": ...}}} (GeoJSON 2008), as QGIS and
 *   GDAL write it, decides: an EPSG URN or URL ending in 25832 means UTM 32N metres; one ending in 4326, or OGC
 *   CRS84, means WGS84 in degrees, read as longitude, latitude, the order GeoJSON always uses whatever the EPSG
 *   definition says. Any other name is an error rather than a guess.</li>
 *   <li>Without that member, the magnitude decides: when every x is within ±180 and every y within ±90 the file
 *   is WGS84 (as RFC 7946 says), otherwise EPSG:25832. UTM 32N coordinates in Germany are hundreds of
 *   thousands of metres east and millions north, so the two cannot be mistaken for each other.</li>
 * </ol>
 * A third coordinate, where present, is ignored: the building stands on the scene's ground.
 *
 * <p>Every problem is reported with the file and the feature's number (counting from 1) in one exception, and
 * nothing is returned unless the whole file is good: a half-loaded variant would mislead a comparison.
 *
 * <p>Limits, so that a variant is drawn within moments: a file of at most {@link #MOST_BYTES}, a ring of at most
 * {@link #MOST_RING_POINTS} points and a variant of at most {@link #MOST_POINTS}. Roofs are ear-clipped, which takes
 * time growing with the square of a ring's points: 5,000 take about a tenth of a second, a million minutes.
 */
public final class PlanningVariantReader {
    /** 16 MiB: a district's variant of 100,000 points is some 4 MB of GeoJSON. */
    public static final long MOST_BYTES = 16L << 20;
    /** Points of one ring: a round tower drawn at a point per degree has 360; a ring of more is a scan, not a plan. */
    public static final int MOST_RING_POINTS = 5_000;
    /** Points of all rings of a variant. */
    public static final int MOST_POINTS = 100_000;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final List<String> HEIGHT_PROPERTIES = List.of("height", "measuredHeight", "hoehe");
    private static final Pattern TRAILING_CODE = Pattern.compile("(\\d+)$");

    private enum Crs { WGS84, UTM32 }

    private PlanningVariantReader() {
    }

    /**
     * Reads the variant in {@code file}, named after the collection's {@code name} member or else after the file.
     *
     * @param defaultHeight the height in metres of buildings whose feature gives none; empty to require one
     */
    public static PlanningVariant read(Path file, OptionalDouble defaultHeight) throws IOException {
        if (defaultHeight.isPresent() && !(defaultHeight.getAsDouble() > 0 && Double.isFinite(defaultHeight.getAsDouble()))) {
            throw new IllegalArgumentException("a default height must be above 0 m, not " + defaultHeight.getAsDouble());
        }
        ModelInput.requireRegularFile(file);
        JsonNode root;
        try {
            long size = Files.size(file);
            if (size > MOST_BYTES) {
                throw new IOException(String.format(Locale.ROOT, "%s: %,d bytes, more than the %,d MiB a planning variant may have",
                        file, size, MOST_BYTES >> 20));
            }
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not GeoJSON: expected a JSON object with a 'type'");
        }
        Crs declared = declaredCrs(file, root.path("crs"));
        List<JsonNode> features = features(file, root);
        // By feature number: the second pass finds problems of other features than the first.
        SortedMap<Integer, String> problems = new TreeMap<>();
        List<RawBuilding> raw = new ArrayList<>();
        long points = 0;
        for (int number = 1; number <= features.size(); number++) {
            try {
                RawBuilding building = parse(features.get(number - 1), number, defaultHeight);
                raw.add(building);
                points += building.points();
            } catch (FeatureProblem problem) {
                problems.put(number, problem.getMessage());
            }
            if (points > MOST_POINTS) {
                throw new IOException(String.format(Locale.ROOT, "%s: %,d points in the first %,d of %,d features, more than the %,d a planning "
                        + "variant may have: simplify the footprints (for example with QGIS's Simplify) or split the variant",
                        file, points, number, features.size(), MOST_POINTS));
            }
        }
        Crs crs = declared != null ? declared : byMagnitude(raw);
        List<PlannedBuilding> buildings = new ArrayList<>();
        for (RawBuilding building : raw) {
            try {
                buildings.add(building.inUtm32(crs));
            } catch (FeatureProblem problem) {
                problems.put(building.number(), problem.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(problems.entrySet().stream()
                    .map(problem -> file.getFileName() + ": feature " + problem.getKey() + ": " + problem.getValue())
                    .collect(Collectors.joining("\n")));
        }
        String name = root.path("name").isTextual() && !root.path("name").asText().isBlank()
                ? root.path("name").asText() : file.getFileName().toString().replaceFirst("(?i)\\.(geo)?json$", "");
        return new PlanningVariant(name, buildings);
    }

    /** The CRS the legacy {@code crs} member names, or null where there is none. */
    private static Crs declaredCrs(Path file, JsonNode crs) throws IOException {
        if (crs.isMissingNode() || crs.isNull()) {
            return null;
        }
        String name = crs.path("properties").path("name").asText("").trim();
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.endsWith("CRS84")) {
            return Crs.WGS84;
        }
        Matcher code = TRAILING_CODE.matcher(upper);
        if (upper.contains("EPSG") && code.find()) {
            if (code.group(1).equals("4326")) {
                return Crs.WGS84;
            }
            if (code.group(1).equals("25832")) {
                return Crs.UTM32;
            }
        }
        throw new IOException(file + ": coordinate reference system '" + (name.isEmpty() ? crs.toString() : name)
                + "' is not supported: use EPSG:25832 (ETRS89 / UTM 32N) or WGS84 (EPSG:4326, CRS84)");
    }

    private static List<JsonNode> features(Path file, JsonNode root) throws IOException {
        String type = root.path("type").asText("");
        List<JsonNode> features = new ArrayList<>();
        switch (type) {
            case "FeatureCollection" -> root.path("features").forEach(features::add);
            case "Feature" -> features.add(root);
            case "Polygon", "MultiPolygon", "Point", "MultiPoint", "LineString", "MultiLineString", "GeometryCollection" ->
                    features.add(MAPPER.createObjectNode().put("type", "Feature").set("geometry", root));
            default -> throw new IOException(file + ": not GeoJSON: 'type' is '" + type
                    + "', expected FeatureCollection, Feature, Polygon or MultiPolygon");
        }
        if (features.isEmpty()) {
            throw new IOException(file + ": no features: a variant needs at least one planned building");
        }
        return features;
    }

    /** WGS84 where every coordinate could be degrees, else EPSG:25832: see the class comment. */
    private static Crs byMagnitude(List<RawBuilding> buildings) {
        for (RawBuilding building : buildings) {
            for (List<double[]> polygon : building.polygons()) {
                for (double[] ring : polygon) {
                    for (int i = 0; i < ring.length; i += 2) {
                        if (Math.abs(ring[i]) > 180 || Math.abs(ring[i + 1]) > 90) {
                            return Crs.UTM32;
                        }
                    }
                }
            }
        }
        return Crs.WGS84;
    }

    private static RawBuilding parse(JsonNode feature, int number, OptionalDouble defaultHeight) throws FeatureProblem {
        if (!"Feature".equals(feature.path("type").asText())) {
            throw new FeatureProblem("not a Feature (its 'type' is '" + feature.path("type").asText("") + "')");
        }
        JsonNode properties = feature.path("properties");
        JsonNode geometry = feature.path("geometry");
        String geometryType = geometry.path("type").asText("");
        List<List<double[]>> polygons = new ArrayList<>();
        JsonNode coordinates = geometry.path("coordinates");
        switch (geometryType) {
            case "Polygon" -> polygons.add(polygon(coordinates, 1));
            case "MultiPolygon" -> {
                if (!coordinates.isArray() || coordinates.isEmpty()) {
                    throw new FeatureProblem("a MultiPolygon needs at least one polygon");
                }
                for (int part = 0; part < coordinates.size(); part++) {
                    polygons.add(polygon(coordinates.get(part), part + 1));
                }
            }
            default -> throw new FeatureProblem((geometryType.isEmpty() ? "no geometry" : "the geometry is a " + geometryType)
                    + ": a planned building needs a Polygon or MultiPolygon footprint");
        }
        String name = properties.path("name").isTextual() && !properties.path("name").asText().isBlank()
                ? properties.path("name").asText() : "building " + number;
        return new RawBuilding(number, name, height(properties, defaultHeight), polygons, text(properties));
    }

    /** A polygon's rings as x, y pairs, without the closing point and without consecutive repeats. */
    private static List<double[]> polygon(JsonNode rings, int part) throws FeatureProblem {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new FeatureProblem("polygon " + part + " has no rings");
        }
        List<double[]> parsed = new ArrayList<>();
        for (int ring = 0; ring < rings.size(); ring++) {
            String where = "polygon " + part + ", ring " + (ring + 1) + ": ";
            JsonNode positions = rings.get(ring);
            if (!positions.isArray()) {
                throw new FeatureProblem(where + "a ring must be an array of positions");
            }
            if (positions.size() > MOST_RING_POINTS + 1) {
                throw new FeatureProblem(String.format(Locale.ROOT, "%s%,d points, more than the %,d a ring may have: simplify the footprint",
                        where, positions.size(), MOST_RING_POINTS));
            }
            double[] points = new double[positions.size() * 2];
            int count = 0;
            for (JsonNode position : positions) {
                if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                    throw new FeatureProblem(where + "a position must be [x, y] numbers, not " + position);
                }
                double x = position.get(0).asDouble();
                double y = position.get(1).asDouble();
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw new FeatureProblem(where + "a position must be finite numbers, not " + position);
                }
                if (count == 0 || x != points[count * 2 - 2] || y != points[count * 2 - 1]) {
                    points[count * 2] = x;
                    points[count * 2 + 1] = y;
                    count++;
                }
            }
            // GeoJSON repeats the first position at the end; a ring that leaves it out is accepted as well.
            if (count > 1 && points[0] == points[count * 2 - 2] && points[1] == points[count * 2 - 1]) {
                count--;
            }
            if (count < 3) {
                throw new FeatureProblem(where + "fewer than 3 distinct points");
            }
            parsed.add(Arrays.copyOf(points, count * 2));
        }
        return parsed;
    }

    private static double height(JsonNode properties, OptionalDouble defaultHeight) throws FeatureProblem {
        for (String key : HEIGHT_PROPERTIES) {
            JsonNode value = properties.path(key);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            double height;
            if (value.isNumber()) {
                height = value.asDouble();
            } else {
                try {
                    height = Double.parseDouble(value.asText().trim());
                } catch (NumberFormatException e) {
                    throw new FeatureProblem("'" + key + "' must be a number of metres, not " + value);
                }
            }
            if (!(height > 0) || !Double.isFinite(height)) {
                throw new FeatureProblem("'" + key + "' must be above 0 m, not " + value);
            }
            return height;
        }
        if (defaultHeight.isEmpty()) {
            throw new FeatureProblem("no height: give a 'height' property in metres, or a default height");
        }
        return defaultHeight.getAsDouble();
    }

    /** The scalar properties as text, for the info panel; nested objects and arrays are left out. */
    private static Map<String, String> text(JsonNode properties) {
        Map<String, String> text = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                text.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return text;
    }

    /** A feature as read, before its coordinates are known to be degrees or metres. */
    private record RawBuilding(int number, String name, double height, List<List<double[]>> polygons,
                               Map<String, String> properties) {

        long points() {
            return polygons.stream().flatMap(List::stream).mapToLong(ring -> ring.length / 2).sum();
        }

        PlannedBuilding inUtm32(Crs crs) throws FeatureProblem {
            List<PlannedBuilding.Polygon> converted = new ArrayList<>();
            for (int part = 0; part < polygons.size(); part++) {
                List<double[]> rings = new ArrayList<>();
                for (int ring = 0; ring < polygons.get(part).size(); ring++) {
                    double[] points = crs == Crs.WGS84 ? projected(polygons.get(part).get(ring), part, ring) : polygons.get(part).get(ring);
                    if (Math.abs(PlanRings.signedArea(points)) < 1e-6) {
                        throw new FeatureProblem("polygon " + (part + 1) + ", ring " + (ring + 1) + ": encloses no area");
                    }
                    rings.add(points);
                }
                converted.add(new PlannedBuilding.Polygon(rings));
            }
            return new PlannedBuilding(name, converted, height, properties);
        }

        private static double[] projected(double[] lonLat, int part, int ring) throws FeatureProblem {
            double[] metres = new double[lonLat.length];
            for (int i = 0; i < lonLat.length; i += 2) {
                if (Math.abs(lonLat[i]) > 180 || Math.abs(lonLat[i + 1]) > 90) {
                    throw new FeatureProblem("polygon " + (part + 1) + ", ring " + (ring + 1)
                            + ": [" + lonLat[i] + ", " + lonLat[i + 1] + "] is not a WGS84 longitude, latitude");
                }
                double[] utm = Utm.wgs84ToEtrs89Utm32(lonLat[i + 1], lonLat[i]);
                metres[i] = utm[0];
                metres[i + 1] = utm[1];
            }
            return metres;
        }
    }

    /** One feature's problem; collected so that the file's every problem is reported at once. */
    private static final class FeatureProblem extends Exception {
        private static final long serialVersionUID = 1L;

        FeatureProblem(String message) {
            super(message, null, false, false);
        }
    }
}
