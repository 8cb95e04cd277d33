package de.dormagentwin.model.io;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.model.geo.Utm;
import de.dormagentwin.model.geometry.PlanRings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GeoJSON footprints in EPSG:25832 or WGS84 become planned buildings in metres; bad files are refused whole. */
class PlanningVariantReaderTest {
    /** A 30 m x 20 m square by the CHEMPUNKT, in EPSG:25832, counter-clockwise from the south-west corner. */
    private static final double[][] SQUARE = {{349200, 5661770}, {349230, 5661770}, {349230, 5661790}, {349200, 5661790}};
    private static final OptionalDouble NO_DEFAULT = OptionalDouble.empty();

    @TempDir
    Path folder;

    private Path file(String name, String json) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    /** A FeatureCollection with one feature per geometry, each given as its GeoJSON text, and an optional crs member. */
    private Path collection(String crs, String... features) throws IOException {
        StringBuilder json = new StringBuilder("{\"type\": \"FeatureCollection\", ");
        if (crs != null) {
            json.append("\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"").append(crs).append("\"}}, ");
        }
        json.append("\"features\": [").append(String.join(",\n", features)).append("]}");
        return file("variant.geojson", json.toString());
    }

    private static String polygonFeature(String properties, double[][] ring) {
        return "{\"type\": \"Feature\", \"properties\": " + properties + ", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": ["
                + ring(ring) + "]}}";
    }

    /** A closed GeoJSON ring. */
    private static String ring(double[][] points) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i <= points.length; i++) {
            double[] point = points[i % points.length];
            text.append(String.format(Locale.ROOT, "%s[%.9f, %.9f]", i == 0 ? "" : ", ", point[0], point[1]));
        }
        return text.append(']').toString();
    }

    private static double[][] inWgs84(double[][] utm) {
        double[][] lonLat = new double[utm.length][];
        for (int i = 0; i < utm.length; i++) {
            double[] latLon = Utm.etrs89Utm32ToWgs84(utm[i][0], utm[i][1]);
            lonLat[i] = new double[]{latLon[1], latLon[0]};
        }
        return lonLat;
    }

    private static double[] outerRing(PlanningVariant variant) {
        return variant.buildings().get(0).polygons().get(0).rings().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326", "none"})
    void aSquareInWgs84GivesTheSameFootprintAsInUtm(String crs) throws IOException {
        double[] utm = outerRing(PlanningVariantReader.read(collection("urn:ogc:def:crs:EPSG::25832",
                polygonFeature("{\"height\": 10}", SQUARE)), NO_DEFAULT));
        double[] wgs84 = outerRing(PlanningVariantReader.read(collection(crs.equals("none") ? null : crs,
                polygonFeature("{\"height\": 10}", inWgs84(SQUARE))), NO_DEFAULT));
        assertEquals(8, utm.length);
        assertEquals(utm.length, wgs84.length);
        for (int i = 0; i < utm.length; i++) {
            assertEquals(utm[i], wgs84[i], 0.1, "coordinate " + i + " with crs " + crs);
        }
        assertEquals(349200, utm[0]);
        assertEquals(5661770, utm[1]);
    }

    @Test
    void withoutACrsMemberLargeCoordinatesAreUtmMetres() throws IOException {
        PlanningVariant variant = PlanningVariantReader.read(collection(null, polygonFeature("{\"height\": 10}", SQUARE)), NO_DEFAULT);
        assertEquals(349230, outerRing(variant)[2]);
        assertEquals(600, variant.buildings().get(0).footprintArea(), 1e-6);
    }

    @Test
    void theHeightComesFromAnyOfItsNamesOrFromTheDefault() throws IOException {
        Path file = collection(null, polygonFeature("{\"height\": 12.5}", SQUARE), polygonFeature("{\"measuredHeight\": \"21\"}", SQUARE),
                polygonFeature("{\"hoehe\": 7}", SQUARE), polygonFeature("{\"name\": \"Annex\"}", SQUARE));
        PlanningVariant variant = PlanningVariantReader.read(file, OptionalDouble.of(9));
        assertEquals(List.of(12.5, 21.0, 7.0, 9.0), variant.buildings().stream().map(PlannedBuilding::height).toList());
        assertEquals(List.of("building 1", "building 2", "building 3", "Annex"), variant.buildings().stream().map(PlannedBuilding::name).toList());
        assertEquals("variant", variant.name(), "named after the file without its extension");
    }

    @Test
    void aFeatureABareGeometryAndAMultiPolygonWithAHoleAreRead() throws IOException {
        String square = ring(SQUARE);
        PlanningVariant feature = PlanningVariantReader.read(file("one.json", "{\"type\": \"Feature\", \"properties\": {\"height\": 5, "
                + "\"storeys\": 2, \"tags\": [\"x\"]}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [" + square + "]}}"), NO_DEFAULT);
        assertEquals(1, feature.buildings().size());
        assertEquals("2", feature.buildings().get(0).properties().get("storeys"));
        assertFalse(feature.buildings().get(0).properties().containsKey("tags"), "arrays are no text for the info panel");

        double[][] hole = {{349210, 5661775}, {349220, 5661775}, {349220, 5661785}, {349210, 5661785}};
        double[][] wing = {{349300, 5661770}, {349310, 5661770}, {349310, 5661780}, {349300, 5661780}};
        PlanningVariant bare = PlanningVariantReader.read(file("bare.geojson", "{\"type\": \"MultiPolygon\", \"coordinates\": [["
                + square + ", " + ring(hole) + "], [" + ring(wing) + "]]}"), OptionalDouble.of(6));
        PlannedBuilding building = bare.buildings().get(0);
        assertEquals(2, building.polygons().size());
        assertEquals(2, building.polygons().get(0).rings().size());
        assertEquals(600 - 100 + 100, building.footprintArea(), 1e-6);
        assertTrue(PlanRings.signedArea(building.polygons().get(0).rings().get(1)) < 0, "holes are stored clockwise");
    }

    @Test
    void aClockwiseOuterRingIsStoredCounterClockwise() throws IOException {
        double[][] clockwise = {SQUARE[3], SQUARE[2], SQUARE[1], SQUARE[0]};
        PlanningVariant variant = PlanningVariantReader.read(collection(null, polygonFeature("{\"height\": 10}", clockwise)), NO_DEFAULT);
        assertEquals(600, PlanRings.signedArea(outerRing(variant)), 1e-6);
    }

    @Test
    void everyBadFeatureIsNamedWithTheFileAndItsNumberAndNothingIsLoaded() throws IOException {
        double[][] collinear = {{349200, 5661770}, {349210, 5661770}, {349220, 5661770}};
        Path file = collection(null,
                polygonFeature("{\"height\": 10}", SQUARE),
                "{\"type\": \"Feature\", \"properties\": {\"height\": 10}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [349200, 5661770]}}",
                polygonFeature("{\"height\": 10}", new double[][]{SQUARE[0], SQUARE[1], SQUARE[1]}),
                polygonFeature("{\"height\": -4}", SQUARE),
                polygonFeature("{\"name\": \"no height\"}", SQUARE),
                polygonFeature("{\"height\": \"tall\"}", SQUARE),
                "{\"type\": \"Feature\", \"properties\": {\"height\": 10}, \"geometry\": null}",
                "{\"type\": \"Feature\", \"properties\": {\"height\": 10}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
                        + "[[[\"east\", 5661770], [349230, 5661770], [349230, 5661790]]]}}",
                polygonFeature("{\"height\": 10}", collinear),
                polygonFeature("{\"height\": 0}", SQUARE));
        IOException error = assertThrows(IOException.class, () -> PlanningVariantReader.read(file, NO_DEFAULT));
        List<String> lines = error.getMessage().lines().toList();
        List<String> expected = List.of(
                "variant.geojson: feature 2: the geometry is a Point: a planned building needs a Polygon or MultiPolygon footprint",
                "variant.geojson: feature 3: polygon 1, ring 1: fewer than 3 distinct points",
                "variant.geojson: feature 4: 'height' must be above 0 m, not -4",
                "variant.geojson: feature 5: no height: give a 'height' property in metres, or a default height",
                "variant.geojson: feature 6: 'height' must be a number of metres, not \"tall\"",
                "variant.geojson: feature 7: no geometry: a planned building needs a Polygon or MultiPolygon footprint",
                "variant.geojson: feature 8: polygon 1, ring 1: a position must be [x, y] numbers, not [\"east\",5661770]",
                "variant.geojson: feature 9: polygon 1, ring 1: encloses no area",
                "variant.geojson: feature 10: 'height' must be above 0 m, not 0");
        assertEquals(expected, lines);
    }

    @Test
    void badFilesAreRefusedWithTheFileNamed() throws IOException {
        String square = polygonFeature("{\"height\": 10}", SQUARE);
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[]{"{\"type\": \"FeatureCollection\", \"features\": [", "not valid JSON"});
        cases.add(new String[]{"[1, 2]", "not GeoJSON: expected a JSON object with a 'type'"});
        cases.add(new String[]{"{\"type\": \"Topology\"}", "not GeoJSON: 'type' is 'Topology', expected FeatureCollection, Feature, Polygon or MultiPolygon"});
        cases.add(new String[]{"{\"type\": \"FeatureCollection\", \"features\": []}", "no features: a variant needs at least one planned building"});
        cases.add(new String[]{"{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::31466\"}}, "
                + "\"features\": [" + square + "]}",
                "coordinate reference system 'urn:ogc:def:crs:EPSG::31466' is not supported: use EPSG:25832 (ETRS89 / UTM 32N) or WGS84 (EPSG:4326, CRS84)"});
        cases.add(new String[]{"{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:4326\"}}, "
                + "\"features\": [" + square + "]}",
                "feature 1: polygon 1, ring 1: [349200.0, 5661770.0] is not a WGS84 longitude, latitude"});
        for (String[] badCase : cases) {
            Path file = file("variant.geojson", badCase[0]);
            IOException error = assertThrows(IOException.class, () -> PlanningVariantReader.read(file, OptionalDouble.of(10)), badCase[0]);
            assertTrue(error.getMessage().contains("variant.geojson: " + badCase[1]), error.getMessage());
        }
        IOException missing = assertThrows(IOException.class, () -> PlanningVariantReader.read(folder.resolve("gone.geojson"), NO_DEFAULT));
        assertTrue(missing.getMessage().endsWith("gone.geojson: no such file"), missing.getMessage());
    }

    @Test
    void theSampleVariantsStandOnFreeGroundBesideTheChempunkt() throws IOException {
        PlanningVariant extension = PlanningVariantReader.read(Path.of("assets/variants/chempunkt-extension.geojson"), NO_DEFAULT);
        PlanningVariant tower = PlanningVariantReader.read(Path.of("assets/variants/chempunkt-tower.geojson"), NO_DEFAULT);
        assertEquals("CHEMPUNKT extension", extension.name());
        assertEquals(List.of("CHEMPUNKT Forum", "Visitor car park"), extension.buildings().stream().map(PlannedBuilding::name).toList());
        assertEquals(48 * 24, extension.buildings().get(0).footprintArea(), 1e-6);
        assertEquals(40 * 30 - 16 * 10, extension.buildings().get(1).footprintArea(), 1e-6);
        // The tower's file is WGS84, written from a 20 m square on the Forum's site.
        assertEquals(400, tower.buildings().get(0).footprintArea(), 0.5);
        double[] towerRing = outerRing(tower);
        assertEquals(349204, towerRing[0], 0.01);
        assertEquals(5661774, towerRing[1], 0.01);

        CityModel sample = CityJsonReader.read(Path.of("assets/dormagen.city.jsonl"));
        List<PlannedBuilding> planned = new ArrayList<>(extension.buildings());
        planned.addAll(tower.buildings());
        for (CityObject object : sample.objects()) {
            if (!object.type().equals("Building") && !object.type().equals("OtherConstruction")) {
                continue;
            }
            double[] existing = box(sample, object.geometryFor(LodChoice.HIGHEST));
            for (PlannedBuilding building : planned) {
                double[] ring = building.polygons().get(0).rings().get(0);
                double[] plannedBox = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
                for (int i = 0; i < ring.length; i += 2) {
                    grow(plannedBox, ring[i], ring[i + 1]);
                }
                boolean apart = plannedBox[0] > existing[2] + 10 || plannedBox[2] < existing[0] - 10
                        || plannedBox[1] > existing[3] + 10 || plannedBox[3] < existing[1] - 10;
                assertTrue(apart, building.name() + " comes within 10 m of " + object.id());
            }
        }
    }

    /** The bounding box (min x, min y, max x, max y) of a geometry's vertices, seen from above. */
    private static double[] box(CityModel model, Geometry geometry) {
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < geometry.vertexIndexCount(); i++) {
            grow(box, model.x(geometry.vertexIndex(i)), model.y(geometry.vertexIndex(i)));
        }
        return box;
    }

    private static void grow(double[] box, double x, double y) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
    }

    /** A closed ring of {@code count} points, written compactly as small numbers (degrees), each unlike the one before. */
    private static String longRing(int count) {
        StringBuilder text = new StringBuilder(count * 8).append('[');
        for (int i = 0; i <= count; i++) {
            int point = i % count;
            text.append(i == 0 ? "" : ",").append('[').append(point % 100).append(',').append(point % 7).append(']');
        }
        return text.append(']').toString();
    }

    private static String longFeature(int count) {
        return "{\"type\":\"Feature\",\"properties\":{\"height\":10},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + longRing(count) + "]}}";
    }

    @Test
    void aRingOfAMillionPointsIsRefusedWithItsCountBeforeAnythingIsTriangulated() throws IOException {
        Path file = collection(null, longFeature(1_000_000), polygonFeature("{\"height\": 10}", SQUARE));
        String message = assertThrows(IOException.class, () -> PlanningVariantReader.read(file, NO_DEFAULT)).getMessage();
        assertEquals("variant.geojson: feature 1: polygon 1, ring 1: 1,000,001 points, more than the 5,000 a ring may have: simplify the footprint",
                message);
    }

    @Test
    void aVariantOfMorePointsThanTheCapIsRefusedNamingTheFileAndTheCount() throws IOException {
        String[] features = new String[30];
        java.util.Arrays.fill(features, longFeature(4_000));
        Path file = collection(null, features);
        String message = assertThrows(IOException.class, () -> PlanningVariantReader.read(file, NO_DEFAULT)).getMessage();
        assertTrue(message.startsWith(file + ": 104,000 points in the first 26 of 30 features, more than the 100,000 a planning variant may have"),
                message);
        Path large = folder.resolve("large.geojson");
        Files.writeString(large, "{\"type\": \"FeatureCollection\", \"features\": []}" + " ".repeat(17 << 20));
        assertEquals(String.format(Locale.ROOT, "%s: %,d bytes, more than the 16 MiB a planning variant may have", large, Files.size(large)),
                assertThrows(IOException.class, () -> PlanningVariantReader.read(large, NO_DEFAULT)).getMessage());
    }

    @Test
    void aMemberGivenTwiceIsRefusedRatherThanTheLastOneTaken() throws IOException {
        Path file = file("twice.geojson", "{\"type\": \"Feature\", \"properties\": {\"height\": 10, \"height\": 99}, \"geometry\": "
                + "{\"type\": \"Polygon\", \"coordinates\": [" + ring(SQUARE) + "]}}");
        String message = assertThrows(IOException.class, () -> PlanningVariantReader.read(file, NO_DEFAULT)).getMessage();
        assertTrue(message.contains("Duplicate field 'height'"), message);
    }
}
