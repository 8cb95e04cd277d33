package de.dormagentwin.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.LodChoice;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The third-party CityJSON corpus in ../shared/corpus: every conformance case loads cleanly, and the invariants
 * that concern a reader (not a writer's roundtrip) are checked against an independent reading of the file.
 */
class CorpusTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Path corpus() {
        Path corpus = Path.of(System.getProperty("twin.corpus", "../shared/corpus"));
        Assumptions.assumeTrue(Files.isDirectory(corpus), "the CityJSON corpus is not at " + corpus.toAbsolutePath()
                + "; corpus tests skipped");
        return corpus;
    }

    @TestFactory
    Stream<DynamicTest> everyConformanceCaseLoadsAndKeepsItsInvariants() throws IOException {
        Path folder = corpus().resolve("cityjson-conformance/conformance");
        List<Path> cases;
        try (Stream<Path> files = Files.list(folder)) {
            cases = files.filter(file -> file.toString().endsWith(".city.json") || file.toString().endsWith(".city.jsonl")).sorted().toList();
        }
        assertTrue(cases.size() >= 30, "expected the conformance cases in " + folder);
        return cases.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkCase(file)));
    }

    private static void checkCase(Path file) throws IOException {
        CityModel model = CityJsonReader.read(file);
        assertTrue(model.problems().isEmpty(), file + ": " + model.problems());
        List<JsonNode> roots = readRoots(file);
        int expectedObjects = roots.stream().mapToInt(root -> root.path("CityObjects").size()).sum();
        assertEquals(expectedObjects, model.objects().size(), "every object, children included");
        coordinatesMatchTheFile(model, roots);
        String name = file.getFileName().toString();
        String invariantsName = name.substring(0, name.indexOf(".city.")) + ".invariants.json";
        JsonNode invariants = MAPPER.readTree(file.resolveSibling(invariantsName).toFile());
        for (JsonNode check : invariants.path("checks")) {
            switch (check.path("id").asText()) {
                case "cityobject_hierarchy_resolved" -> model.objects().forEach(object -> {
                    object.parents().forEach(parent -> assertNotNull(model.object(parent), "parent " + parent));
                    object.children().forEach(child -> assertNotNull(model.object(child), "child " + child));
                });
                case "cityobject_extension_type_preserved" ->
                        assertTrue(model.objects().stream().anyMatch(CityObject::isExtensionType), "an extension type object");
                case "geometry_instance_resolved" -> geometryInstancesAreResolved(model, roots.get(0));
                case "missing_geometry_member", "empty_geometry_member" ->
                        assertTrue(model.objects().stream().anyMatch(object -> object.geometries().isEmpty()));
                default -> {
                    // Roundtrip and writer checks: loading cleanly with the file's coordinates is what a reader owes them.
                }
            }
        }
    }

    /** Every vertex equals the file's integer vertex times scale plus translate, to 1e-4 m. */
    private static void coordinatesMatchTheFile(CityModel model, List<JsonNode> roots) {
        int vertex = 0;
        JsonNode transform = roots.get(0).path("transform");
        for (JsonNode root : roots) {
            JsonNode own = root.has("transform") ? root.path("transform") : transform;
            for (JsonNode point : root.path("vertices")) {
                for (int axis = 0; axis < 3; axis++) {
                    double scale = own.has("scale") ? own.path("scale").get(axis).asDouble() : 1;
                    double translate = own.has("translate") ? own.path("translate").get(axis).asDouble() : 0;
                    double expected = point.get(axis).asDouble() * scale + translate;
                    double actual = axis == 0 ? model.x(vertex) : axis == 1 ? model.y(vertex) : model.z(vertex);
                    assertEquals(expected, actual, 1e-4, "vertex " + vertex + " axis " + axis);
                }
                vertex++;
            }
        }
    }

    private static void geometryInstancesAreResolved(CityModel model, JsonNode root) {
        JsonNode templateVertices = root.path("geometry-templates").path("vertices-templates");
        for (CityObject object : model.objects()) {
            JsonNode geometries = root.path("CityObjects").path(object.id()).path("geometry");
            for (int g = 0; g < geometries.size(); g++) {
                JsonNode instance = geometries.get(g);
                if (!"GeometryInstance".equals(instance.path("type").asText())) {
                    continue;
                }
                Geometry resolved = object.geometries().get(g);
                JsonNode reference = root.path("vertices").get(instance.path("boundaries").get(0).asInt());
                JsonNode matrix = instance.path("transformationMatrix");
                JsonNode template = templateVertices.get(0);
                double expectedX = matrix.get(0).asDouble() * template.get(0).asDouble() + matrix.get(1).asDouble() * template.get(1).asDouble()
                        + matrix.get(2).asDouble() * template.get(2).asDouble() + matrix.get(3).asDouble() + reference.get(0).asDouble();
                assertEquals(expectedX, model.x(resolved.vertexIndex(0)), 1e-9, object.id() + " instance " + g);
            }
        }
    }

    private static List<JsonNode> readRoots(Path file) throws IOException {
        List<JsonNode> roots = new ArrayList<>();
        try (var parser = MAPPER.createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                roots.add(MAPPER.readTree(parser));
            }
        }
        return roots;
    }

    @Test
    void featureWhoseRootIdIsUnresolvedIsRejectedWithAMessage() throws IOException {
        Path file = corpus().resolve("cityjson-conformance/invalid/invalid_cityjsonfeature_root_id_unresolved.city.jsonl");
        CityModel model = CityJsonReader.read(file);
        assertFalse(model.problems().isEmpty());
        assertTrue(model.problems().get(0).contains("missing-main-object"), model.problems().get(0));
        assertTrue(model.objects().isEmpty());
    }

    @Test
    void featuresThatDoNotShareARootIdStreamOneByOne() throws IOException {
        Path file = corpus().resolve("cityjson-conformance/operations/ops_cityjsonseq_feature_root_id_not_shared.city.jsonl");
        CityModel model = CityJsonReader.read(file);
        assertTrue(model.problems().isEmpty(), model.problems().toString());
        assertEquals(List.of("building-1", "building-2"), model.objects().stream().map(CityObject::id).toList());
    }

    @Test
    void realBuildingsLoadTheSameFromCityJsonAndCityJsonSeq() throws IOException {
        Path folder = corpus().resolve("3dbag");
        CityModel plain = CityJsonReader.read(folder.resolve("3dbag_b2.city.json"));
        CityModel sequence = CityJsonReader.read(folder.resolve("3dbag_b2.city.jsonl"));
        assertTrue(plain.problems().isEmpty() && sequence.problems().isEmpty());
        assertEquals(plain.objects().size(), sequence.objects().size());
        for (CityObject object : plain.objects()) {
            Geometry a = object.geometryFor(LodChoice.HIGHEST);
            Geometry b = sequence.object(object.id()).geometryFor(LodChoice.HIGHEST);
            assertEquals(a == null, b == null, object.id());
            if (a != null) {
                assertEquals(a.lod(), b.lod());
                assertEquals(a.surfaceCount(), b.surfaceCount());
                assertEquals(plain.x(a.vertexIndex(0)), sequence.x(b.vertexIndex(0)), 1e-6);
            }
        }
    }
}
