package de.dormagentwin.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityModelReader;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.MeshBuilder;
import de.dormagentwin.scene.MeshPart;
import de.dormagentwin.scene.SurfaceClass;
import de.javagl.jgltf.model.AccessorFloatData;
import de.javagl.jgltf.model.AccessorModel;
import de.javagl.jgltf.model.GltfModel;
import de.javagl.jgltf.model.MeshPrimitiveModel;
import de.javagl.jgltf.model.NodeModel;
import de.javagl.jgltf.model.io.GltfModelReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ExportCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path CORPUS = Path.of("../shared/corpus/real");
    /** Around the middle of the sample's Zons, in EPSG:25832. */
    static final String ZONS = "348600,5665200,349500,5666000";

    private static Path resource(String path) throws Exception {
        return Path.of(ExportCommandTest.class.getResource(path).toURI());
    }

    /** A Building of two BuildingParts side by side (x 0..10 and 20..30), and a shed far away (x 500..504). */
    static Path buildingWithParts(Path folder) throws Exception {
        String json = """
                {"type":"CityJSON","version":"2.0","transform":{"scale":[0.001,0.001,0.001],"translate":[350000,5660000,40]},
                 "metadata":{"referenceSystem":"https://www.opengis.net/def/crs/EPSG/0/25832"},
                 "CityObjects":{
                  "house":{"type":"Building","attributes":{"name":"Haus am Rhein","storeys":2},"children":["house-east","house-west"]},
                  "house-west":{"type":"BuildingPart","parents":["house"],"geometry":[%s]},
                  "house-east":{"type":"BuildingPart","parents":["house"],"geometry":[%s]},
                  "shed":{"type":"Building","geometry":[%s]}},
                 "vertices":[%s,%s,%s]}
                """.formatted(box(0), box(8), box(16), corners(0, 10), corners(20, 30), corners(500, 504));
        Path file = folder.resolve("parts.city.json");
        Files.writeString(file, json);
        return file;
    }

    /** A box of 8 vertices from {@code first} on: ground, roof and four walls, with semantics. */
    private static String box(int first) {
        int[][] faces = {{0, 3, 2, 1}, {4, 5, 6, 7}, {0, 1, 5, 4}, {1, 2, 6, 5}, {2, 3, 7, 6}, {3, 0, 4, 7}};
        StringBuilder shell = new StringBuilder();
        for (int[] face : faces) {
            shell.append(shell.isEmpty() ? "" : ",").append("[[");
            for (int i = 0; i < 4; i++) {
                shell.append(i == 0 ? "" : ",").append(first + face[i]);
            }
            shell.append("]]");
        }
        return "{\"type\":\"Solid\",\"lod\":\"2\",\"boundaries\":[[" + shell + "]],\"semantics\":{\"surfaces\":[{\"type\":\"GroundSurface\"},"
                + "{\"type\":\"RoofSurface\"},{\"type\":\"WallSurface\"}],\"values\":[[0,1,2,2,2,2]]}}";
    }

    /** Vertices of a box from east {@code from} to {@code to} metres, 10 m deep and 6 m high, in millimetres. */
    private static String corners(int from, int to) {
        int[][] plan = {{from, 0}, {to, 0}, {to, 10}, {from, 10}};
        StringBuilder out = new StringBuilder();
        for (int level = 0; level < 2; level++) {
            for (int[] corner : plan) {
                out.append(out.isEmpty() ? "" : ",").append("[").append(corner[0] * 1000).append(",").append(corner[1] * 1000).append(",")
                        .append(level * 6000).append("]");
            }
        }
        return out.toString();
    }

    private static GltfModel readGlb(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new GltfModelReader().readWithoutReferences(in);
        }
    }

    private static long triangles(GltfModel gltf) {
        long triangles = 0;
        for (NodeModel node : gltf.getNodeModels()) {
            for (MeshPrimitiveModel primitive : node.getMeshModels().get(0).getMeshPrimitiveModels()) {
                assertEquals(4, primitive.getMode(), "triangles");
                triangles += primitive.getIndices().getCount() / 3;
            }
        }
        return triangles;
    }

    /** Per object id, the triangles the viewer draws near the camera: its meshing counted on its own, not by the export. */
    private static Map<String, Integer> drawnTriangles(List<CityModel> models) {
        CityMeshes meshes = MeshBuilder.build(models, LodChoice.HIGHEST);
        Map<String, Integer> triangles = new TreeMap<>();
        for (MeshPart part : meshes.parts()) {
            if (part.detail() != MeshPart.Detail.FAR) {
                for (int object : part.faceToObject()) {
                    triangles.merge(meshes.objects().get(object).id(), 1, Integer::sum);
                }
            }
        }
        return triangles;
    }

    @Test
    void aGlbHasANodeAndAMeshPerDrawnObjectWithTheTrianglesTheViewerDraws(@TempDir Path folder) throws Exception {
        Path model = resource("/de/dormagentwin/scene/three-houses.city.json");
        Path out = folder.resolve("houses.glb");
        TwinRun run = twin("export", "--out", out.toString(), "--model", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        GltfModel gltf = readGlb(out);
        Map<String, Integer> expected = drawnTriangles(List.of(CityModelReader.read(model)));
        assertEquals(3, expected.size());
        assertEquals(expected.size(), gltf.getNodeModels().size());
        assertEquals(expected.size(), gltf.getMeshModels().size());
        Map<String, Integer> actual = new TreeMap<>();
        for (NodeModel node : gltf.getNodeModels()) {
            int count = 0;
            for (MeshPrimitiveModel primitive : node.getMeshModels().get(0).getMeshPrimitiveModels()) {
                count += primitive.getIndices().getCount() / 3;
            }
            actual.put(node.getName(), count);
            for (AccessorModel attribute : node.getMeshModels().get(0).getMeshPrimitiveModels().get(0).getAttributes().values()) {
                // Several meshes' accessors share a view: glTF then wants its stride (the Khronos validator says so).
                assertEquals(12, attribute.getBufferViewModel().getByteStride(), "byteStride of a shared vertex view");
            }
            Map<?, ?> extras = (Map<?, ?>) node.getExtras();
            assertEquals(node.getName(), extras.get("id"));
            assertEquals("Building", extras.get("type"));
        }
        assertEquals(expected, actual);
    }

    @Test
    void theGlbStandsInALocalYUpFrameWhoseOriginAndCrsTheAssetNames(@TempDir Path folder) throws Exception {
        Path model = resource("/de/dormagentwin/scene/three-houses.city.json");
        Path out = folder.resolve("houses.glb");
        assertEquals(0, twin("export", "--out", out.toString(), "--model", model.toString()).exitCode());
        GltfModel gltf = readGlb(out);
        Map<?, ?> assetExtras = (Map<?, ?>) gltf.getAssetModel().getExtras();
        assertEquals("EPSG:25832", assetExtras.get("crs"));
        List<?> origin = (List<?>) assetExtras.get("origin");
        double[] o = {((Number) origin.get(0)).doubleValue(), ((Number) origin.get(1)).doubleValue(), ((Number) origin.get(2)).doubleValue()};
        CityModel source = CityModelReader.read(model);
        for (NodeModel node : gltf.getNodeModels()) {
            CityObject object = source.object(node.getName());
            double[] extent = extentOf(source, object);
            AccessorModel positions = node.getMeshModels().get(0).getMeshPrimitiveModels().get(0).getAttributes().get("POSITION");
            AccessorFloatData data = (AccessorFloatData) positions.getAccessorData();
            float[] min = data.computeMin();
            float[] max = data.computeMax();
            for (int axis = 0; axis < 3; axis++) {
                assertEquals(min[axis], positions.getMin()[axis].floatValue(), "accessor min is the data's min");
                assertEquals(max[axis], positions.getMax()[axis].floatValue(), "accessor max is the data's max");
            }
            // x east, y up, z south, in metres from the origin.
            assertEquals(extent[0] - o[0], min[0], 1e-3);
            assertEquals(extent[3] - o[0], max[0], 1e-3);
            assertEquals(extent[2] - o[2], min[1], 1e-3);
            assertEquals(extent[5] - o[2], max[1], 1e-3);
            assertEquals(-(extent[4] - o[1]), min[2], 1e-3);
            assertEquals(-(extent[1] - o[1]), max[2], 1e-3);
        }
        assertTrue(o[0] == Math.rint(o[0]) && o[1] == Math.rint(o[1]) && o[2] == Math.rint(o[2]), "whole metres: " + origin);
    }

    @Test
    void anAreasGlbHasItsOriginInTheAreasMiddleNotInThatOfTheObjectsMeetingIt(@TempDir Path folder) throws Exception {
        Path model = buildingWithParts(folder);
        Path out = folder.resolve("area.glb");
        // Meets the house (x 0..30) only; the middle of the house's extent would be 350015.
        assertEquals(0, twin("export", "--out", out.toString(), "--model", model.toString(), "--bbox", "350025.4,5660002,350041,5660004").exitCode());
        List<?> origin = (List<?>) ((Map<?, ?>) readGlb(out).getAssetModel().getExtras()).get("origin");
        assertEquals(350033.0, ((Number) origin.get(0)).doubleValue());
        assertEquals(5660003.0, ((Number) origin.get(1)).doubleValue());
        assertEquals(40.0, ((Number) origin.get(2)).doubleValue(), "the lowest point");
    }

    @Test
    void theGlbsColoursAreTheViewersRoofAndWallColours(@TempDir Path folder) throws Exception {
        Path model = buildingWithParts(folder);
        Path out = folder.resolve("parts.glb");
        assertEquals(0, twin("export", "--out", out.toString(), "--model", model.toString(), "--ids", "house-west").exitCode());
        GltfModel gltf = readGlb(out);
        assertEquals(1, gltf.getNodeModels().size());
        CityObject part = CityModelReader.read(model).object("house-west");
        Set<List<Float>> expected = new HashSet<>();
        for (SurfaceClass surfaceClass : List.of(SurfaceClass.ROOF, SurfaceClass.WALL)) {
            int argb = SurfaceClass.styleArgb(part, surfaceClass);
            expected.add(List.of(srgbToLinear(argb >> 16), srgbToLinear(argb >> 8), srgbToLinear(argb)));
        }
        AccessorFloatData colours = (AccessorFloatData) gltf.getNodeModels().get(0).getMeshModels().get(0).getMeshPrimitiveModels().get(0)
                .getAttributes().get("COLOR_0").getAccessorData();
        Set<List<Float>> actual = new HashSet<>();
        for (int vertex = 0; vertex < colours.getNumElements(); vertex++) {
            actual.add(List.of(colours.get(vertex, 0), colours.get(vertex, 1), colours.get(vertex, 2)));
        }
        assertEquals(expected, actual);
    }

    private static float srgbToLinear(int channel) {
        double c = (channel & 0xFF) / 255.0;
        return (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    }

    private static double[] extentOf(CityModel model, CityObject object) {
        double[] extent = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        var geometry = object.geometryFor(LodChoice.HIGHEST);
        for (int position = 0; position < geometry.vertexIndexCount(); position++) {
            int vertex = geometry.vertexIndex(position);
            double[] xyz = {model.x(vertex), model.y(vertex), model.z(vertex)};
            for (int axis = 0; axis < 3; axis++) {
                extent[axis] = Math.min(extent[axis], xyz[axis]);
                extent[axis + 3] = Math.max(extent[axis + 3], xyz[axis]);
            }
        }
        return extent;
    }

    @Test
    void idsTakeABuildingWithItsPartsAndAPartAloneLosesItsLinkToTheParent(@TempDir Path folder) throws Exception {
        Path model = buildingWithParts(folder);
        Path whole = folder.resolve("house.city.json");
        assertEquals(0, twin("export", "--out", whole.toString(), "--model", model.toString(), "--ids", "house").exitCode());
        CityModel house = CityModelReader.read(whole);
        assertEquals(Set.of("house", "house-west", "house-east"), ids(house));
        assertEquals(List.of("house-east", "house-west"), house.object("house").children().stream().sorted().toList());
        assertEquals("Haus am Rhein", house.object("house").textAttribute("name"));
        Path alone = folder.resolve("part.city.json");
        assertEquals(0, twin("export", "--out", alone.toString(), "--model", model.toString(), "--ids", "house-east").exitCode());
        CityModel part = CityModelReader.read(alone);
        assertEquals(Set.of("house-east"), ids(part));
        assertEquals(List.of(), part.object("house-east").parents());
        assertTrue(part.problems().isEmpty(), part.problems().toString());
    }

    @Test
    void aBoxThatMeetsOnePartTakesTheWholeBuildingAndLeavesTheShed(@TempDir Path folder) throws Exception {
        Path model = buildingWithParts(folder);
        Path out = folder.resolve("area.city.json");
        // Only over the east part (x 20..30 from 350000).
        TwinRun run = twin("export", "--out", out.toString(), "--model", model.toString(), "--bbox", "350025,5660002,350040,5660004");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Set.of("house", "house-west", "house-east"), ids(CityModelReader.read(out)));
        Path both = folder.resolve("both.city.json");
        assertEquals(0, twin("export", "--out", both.toString(), "--model", model.toString(), "--bbox", "349000,5659000,351000,5661000",
                "--ids", "shed,house-west").exitCode());
        assertEquals(Set.of("shed", "house-west"), ids(CityModelReader.read(both)));
    }

    private static Set<String> ids(CityModel model) {
        Set<String> ids = new HashSet<>();
        model.objects().forEach(object -> ids.add(object.id()));
        return ids;
    }

    @Test
    void theCityJsonLoadsBackWithTheInfoFiguresOfTheSelection(@TempDir Path folder) throws Exception {
        Path sample = ModelFiles.sample();
        assumeTrue(Files.isRegularFile(sample), "no bundled sample at " + sample);
        Path out = folder.resolve("zons.city.json");
        TwinRun run = twin("export", "--out", out.toString(), "--model", sample.toString(), "--bbox", ZONS);
        assertEquals(0, run.exitCode(), run.err());
        List<CityModel> selection = ModelSelection.select(List.of(CityModelReader.read(sample)), ModelSelection.Box.parse(ZONS), null);
        assertSameInfo(selection, out);
        assertCityJsonStructure(out);
    }

    @Test
    void realFilesExportToBothFormatsWithTheirFiguresKept(@TempDir Path folder) throws Exception {
        for (String name : List.of("FZK-House-LoD2-KIT-IAI-KHH-V2.gml", "LoD2_32_330_5730_1_NW.gml")) {
            Path file = CORPUS.resolve(name);
            assumeTrue(Files.isRegularFile(file), "no corpus file " + file);
            Path json = folder.resolve(name + ".city.json");
            Path glb = folder.resolve(name + ".glb");
            assertEquals(0, twin("export", "--out", json.toString(), "--model", file.toString()).exitCode(), name);
            assertEquals(0, twin("export", "--out", glb.toString(), "--model", file.toString()).exitCode(), name);
            CityModel source = CityModelReader.read(file);
            assertSameInfo(List.of(source), json);
            assertCityJsonStructure(json);
            Map<String, Integer> drawn = drawnTriangles(List.of(source));
            GltfModel gltf = readGlb(glb);
            assertEquals(drawn.size(), gltf.getNodeModels().size(), name);
            assertEquals(drawn.values().stream().mapToLong(Integer::longValue).sum(), triangles(gltf), name);
        }
    }

    /** What `info` says of the written file is what it says of the selection: objects by type, triangles, area, CRS. */
    private static void assertSameInfo(List<CityModel> selection, Path written) {
        Map<String, Object> report = InfoCommand.report(written, LodChoice.HIGHEST);
        assertEquals(List.of(), report.get("problems"));
        Map<String, Integer> byType = new TreeMap<>();
        int objects = 0;
        for (CityModel model : selection) {
            for (CityObject object : model.objects()) {
                byType.merge(object.type(), 1, Integer::sum);
                objects++;
            }
        }
        CityMeshes meshes = MeshBuilder.build(selection, LodChoice.HIGHEST);
        assertEquals(objects, report.get("cityObjects"));
        assertEquals(byType, report.get("byType"));
        assertEquals(meshes.triangles(), report.get("triangles"));
        // Vertices are written to the millimetre: FZK-Haus's finer coordinates move its 447 m² by 0.008 m².
        assertEquals(meshes.surfaceArea(), (Double) report.get("surfaceArea"), meshes.surfaceArea() * 1e-4 + 1e-6);
        assertEquals(InfoCommand.crs(selection.get(0).referenceSystem()), report.get("crs"));
    }

    /**
     * The parts of CityJSON 2.0 a reader relies on, checked by hand: no schema for CityJSON 2.0 is served by the
     * registries the build reaches (docs/decisions/0021-model-exports.md).
     */
    private static void assertCityJsonStructure(Path file) throws Exception {
        JsonNode root = MAPPER.readTree(file.toFile());
        assertEquals("CityJSON", root.get("type").asText());
        assertEquals("2.0", root.get("version").asText());
        assertTrue(root.get("metadata").get("referenceSystem").asText().startsWith("https://www.opengis.net/def/crs/EPSG/0/"));
        assertEquals(3, root.get("transform").get("scale").size());
        assertEquals(3, root.get("transform").get("translate").size());
        int vertexCount = root.get("vertices").size();
        for (JsonNode vertex : root.get("vertices")) {
            assertEquals(3, vertex.size());
            vertex.forEach(value -> assertTrue(value.isIntegralNumber(), "integer vertices: " + vertex));
        }
        JsonNode objects = root.get("CityObjects");
        Set<Integer> used = new HashSet<>();
        Map<String, JsonNode> byId = new HashMap<>();
        objects.properties().forEach(entry -> byId.put(entry.getKey(), entry.getValue()));
        for (Map.Entry<String, JsonNode> entry : byId.entrySet()) {
            JsonNode object = entry.getValue();
            assertNotNull(object.get("type"));
            for (JsonNode parent : iterable(object.get("parents"))) {
                assertTrue(byId.containsKey(parent.asText()), entry.getKey() + "'s parent is in the file");
                assertTrue(contains(byId.get(parent.asText()).get("children"), entry.getKey()), "and names it as child");
            }
            for (JsonNode child : iterable(object.get("children"))) {
                assertTrue(byId.containsKey(child.asText()), entry.getKey() + "'s child is in the file");
                assertTrue(contains(byId.get(child.asText()).get("parents"), entry.getKey()), "and names it as parent");
            }
            for (JsonNode geometry : iterable(object.get("geometry"))) {
                assertTrue(geometry.get("lod").asText().matches("\\d(\\.\\d)?"), "lod " + geometry.get("lod"));
                String type = geometry.get("type").asText();
                assertTrue(List.of("MultiSurface", "CompositeSurface", "Solid").contains(type), type);
                JsonNode surfaces = type.equals("Solid") ? geometry.get("boundaries").get(0) : geometry.get("boundaries");
                collectIndices(surfaces, used);
                JsonNode semantics = geometry.get("semantics");
                if (semantics != null) {
                    JsonNode values = type.equals("Solid") ? semantics.get("values").get(0) : semantics.get("values");
                    assertEquals(surfaces.size(), values.size(), "a semantic value per surface");
                    for (JsonNode value : values) {
                        assertTrue(value.isNull() || value.asInt() < semantics.get("surfaces").size());
                    }
                }
            }
        }
        assertEquals(vertexCount, used.size(), "every vertex written is used, and only those");
        assertTrue(used.stream().allMatch(index -> index < vertexCount));
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        if (array != null) {
            array.forEach(nodes::add);
        }
        return nodes;
    }

    private static boolean contains(JsonNode array, String id) {
        for (JsonNode node : iterable(array)) {
            if (node.asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static void collectIndices(JsonNode node, Set<Integer> into) {
        if (node.isIntegralNumber()) {
            into.add(node.asInt());
        } else {
            node.forEach(child -> collectIndices(child, into));
        }
    }

    @Test
    void unknownIdsAreNamedAndNothingIsWritten(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("x.glb");
        TwinRun run = twin("export", "--out", out.toString(), "--model", buildingWithParts(folder).toString(), "--ids", "house,no-such-house");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no-such-house"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anEmptySelectionWritesNothingAndLeavesAnEarlierFileAsItWas(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("x.city.json");
        Files.writeString(out, "earlier");
        TwinRun run = twin("export", "--out", out.toString(), "--model", buildingWithParts(folder).toString(), "--bbox", "0,0,10,10");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no object lies in the area"), run.err());
        assertEquals("earlier", Files.readString(out));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(), files.filter(file -> file.getFileName().toString().endsWith(".part")).toList(), "no partial file left");
        }
    }

    @Test
    void hostileOptionsEachGetOneClearLine(@TempDir Path folder) throws Exception {
        String model = buildingWithParts(folder).toString();
        String out = folder.resolve("x.glb").toString();
        Map<List<String>, String> cases = Map.of(
                List.of("--out", out, "--bbox", "NaN,0,1,1"), "NaN",
                List.of("--out", out, "--bbox", "10,0,1,1"), "min below max",
                List.of("--out", out, "--bbox", "0,0,1e300,1"), "1e300",
                List.of("--out", out, "--bbox", "0,0,1"), "four numbers",
                List.of("--out", folder.resolve("missing/x.glb").toString()), "does not exist",
                List.of("--out", folder.resolve("x.obj").toString()), ".glb",
                List.of("--out", model), "is the input",
                List.of("--out", out, "--ids", " , "), "names no id");
        for (Map.Entry<List<String>, String> hostile : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("export", "--model", model));
            args.addAll(hostile.getKey());
            TwinRun run = twin(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), hostile.getKey() + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains(hostile.getValue()), run.err());
        }
        try (var files = Files.list(folder)) {
            assertEquals(List.of("parts.city.json"), files.map(file -> file.getFileName().toString()).toList());
        }
    }
}
