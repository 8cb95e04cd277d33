package de.dormagentwin.model.io;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.GeometryType;
import de.dormagentwin.model.LodChoice;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CityJsonReaderTest {

    static CityModel read(String json) throws IOException {
        return CityJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.city.json");
    }

    private static InputStream resource(String name) {
        return CityJsonReaderTest.class.getResourceAsStream(name);
    }

    private static final String CUBE_SOLID = """
            {"type": "Solid", "lod": "2.2", "boundaries": [[
              [[0,3,2,1]], [[4,5,6,7]], [[0,1,5,4]], [[1,2,6,5]], [[2,3,7,6]], [[3,0,4,7]]
            ]], "semantics": {"surfaces": [{"type": "GroundSurface"}, {"type": "RoofSurface"}, {"type": "WallSurface"}],
                             "values": [[0, 1, 2, 2, 2, null]]}}
            """;

    private static final String CUBE_VERTICES = "[[0,0,0],[1000,0,0],[1000,1000,0],[0,1000,0],[0,0,1000],[1000,0,1000],[1000,1000,1000],[0,1000,1000]]";

    @Test
    void transformAndVerticesMayComeAfterTheObjects() throws IOException {
        CityModel model = read("""
                {"type": "CityJSON", "version": "2.0",
                 "CityObjects": {"cube": {"type": "Building", "geometry": [%s]}},
                 "vertices": %s,
                 "transform": {"scale": [0.01, 0.01, 0.01], "translate": [350000, 5660000, 40]},
                 "metadata": {"referenceSystem": "https://www.opengis.net/def/crs/EPSG/0/25832"}}
                """.formatted(CUBE_SOLID, CUBE_VERTICES));
        assertEquals(8, model.vertexCount());
        assertEquals(350010.0, model.x(6), 1e-9);
        assertEquals(5660010.0, model.y(6), 1e-9);
        assertEquals(50.0, model.z(6), 1e-9);
        assertEquals("https://www.opengis.net/def/crs/EPSG/0/25832", model.referenceSystem());
        assertTrue(model.problems().isEmpty(), model.problems().toString());
    }

    @Test
    void semanticSurfaceTypesAreKeptPerSurface() throws IOException {
        CityModel model = read("""
                {"type": "CityJSON", "version": "2.0", "transform": {"scale": [1,1,1], "translate": [0,0,0]},
                 "CityObjects": {"cube": {"type": "Building", "geometry": [%s]}}, "vertices": %s}
                """.formatted(CUBE_SOLID, CUBE_VERTICES));
        Geometry solid = model.object("cube").geometries().get(0);
        assertEquals(GeometryType.SOLID, solid.type());
        assertEquals(6, solid.surfaceCount());
        assertEquals("GroundSurface", solid.semanticType(0));
        assertEquals("RoofSurface", solid.semanticType(1));
        assertEquals("WallSurface", solid.semanticType(4));
        assertNull(solid.semanticType(5));
    }

    @Test
    void brokenObjectIsSkippedWithAMessageAndTheRestLoads() throws IOException {
        CityModel model = CityJsonReader.read(resource("broken-house.city.json"), "broken-house.city.json");
        assertNotNull(model.object("good-house"));
        assertNull(model.object("broken-house"));
        assertEquals(1, model.skippedObjects());
        assertEquals(1, model.problems().size());
        String problem = model.problems().get(0);
        assertTrue(problem.contains("broken-house.city.json"), problem);
        assertTrue(problem.contains("`broken-house`"), problem);
        assertTrue(problem.contains("vertex index 999999 is out of range"), problem);
    }

    @Test
    void malformedJsonReportsLineAndColumn() {
        ModelLoadException error = assertThrows(ModelLoadException.class,
                () -> CityJsonReader.read(resource("malformed.city.json"), "malformed.city.json"));
        assertTrue(error.getMessage().startsWith("malformed.city.json: malformed JSON at line 4, column"), error.getMessage());
    }

    @Test
    void somethingThatIsNotCityJsonIsRejectedClearly() {
        ModelLoadException error = assertThrows(ModelLoadException.class, () -> read("{\"type\": \"FeatureCollection\", \"features\": []}"));
        assertTrue(error.getMessage().contains("not CityJSON (type is 'FeatureCollection')"), error.getMessage());
    }

    @Test
    void sequenceFeaturesKeepTheirOwnVertexNumbering() throws IOException {
        String header = "{\"type\":\"CityJSON\",\"version\":\"2.0\",\"transform\":{\"scale\":[0.5,0.5,0.5],\"translate\":[100,200,0]},\"CityObjects\":{},\"vertices\":[]}";
        String first = "{\"type\":\"CityJSONFeature\",\"id\":\"a\",\"CityObjects\":{\"a\":{\"type\":\"Building\",\"geometry\":[{\"type\":\"MultiSurface\",\"lod\":\"1\",\"boundaries\":[[[0,1,2]]]}]}},\"vertices\":[[0,0,0],[2,0,0],[2,2,0]]}";
        String second = "{\"type\":\"CityJSONFeature\",\"id\":\"b\",\"CityObjects\":{\"b\":{\"type\":\"Building\",\"geometry\":[{\"type\":\"MultiSurface\",\"lod\":\"1\",\"boundaries\":[[[0,1,2]]]}]}},\"vertices\":[[10,10,0],[12,10,0],[12,12,0]]}";
        CityModel model = read(header + "\n" + first + "\n" + second + "\n");
        assertEquals(6, model.vertexCount());
        Geometry b = model.object("b").geometries().get(0);
        assertEquals(3, b.vertexIndex(0));
        assertEquals(105.0, model.x(b.vertexIndex(0)), 1e-9);
        assertTrue(model.problems().isEmpty(), model.problems().toString());
    }

    @Test
    void malformedLineInASequenceKeepsTheFeaturesBeforeIt() throws IOException {
        String header = "{\"type\":\"CityJSON\",\"version\":\"2.0\",\"CityObjects\":{},\"vertices\":[]}";
        String good = "{\"type\":\"CityJSONFeature\",\"id\":\"a\",\"CityObjects\":{\"a\":{\"type\":\"Building\"}},\"vertices\":[]}";
        CityModel model = read(header + "\n" + good + "\n{\"type\":\"CityJSONFeature\",\"id\": ]\n" + good.replace("\"a\"", "\"c\"") + "\n");
        assertNotNull(model.object("a"));
        assertEquals(1, model.problems().size());
        assertTrue(model.problems().get(0).contains("malformed JSON at line 3"), model.problems().get(0));
    }

    @Test
    void featureWhoseRootIdNamesNoObjectIsRejected() throws IOException {
        CityModel model = read("{\"type\":\"CityJSONFeature\",\"id\":\"missing\",\"CityObjects\":{\"b\":{\"type\":\"Building\"}},\"vertices\":[]}");
        assertNull(model.object("b"));
        assertEquals(1, model.skippedObjects());
        assertTrue(model.problems().get(0).contains("root id names no object"), model.problems().get(0));
    }

    @Test
    void materialDiffuseColourIsUsedPerSurface() throws IOException {
        CityModel model = read("""
                {"type": "CityJSON", "version": "2.0", "transform": {"scale": [1,1,1], "translate": [0,0,0]},
                 "appearance": {"materials": [{"name": "red", "diffuseColor": [1.0, 0.0, 0.0]}, {"name": "blue", "diffuseColor": [0, 0, 1]}]},
                 "CityObjects": {"o": {"type": "GenericCityObject", "geometry": [
                   {"type": "MultiSurface", "lod": "1", "boundaries": [[[0,1,2]], [[0,2,3]]],
                    "material": {"irradiation": {"values": [1, null]}, "other": {"value": 0}}}]}},
                 "vertices": [[0,0,0],[1,0,0],[1,1,0],[0,1,0]]}
                """);
        Geometry surfaces = model.object("o").geometries().get(0);
        assertEquals(0xFF0000FF, surfaces.surfaceColor(0));
        assertEquals(Geometry.NO_COLOR, surfaces.surfaceColor(1));
    }

    @Test
    void geometryInstanceIsPlacedAtItsReferencePoint() throws IOException {
        CityModel model = read("""
                {"type": "CityJSON", "version": "2.0", "transform": {"scale": [1,1,1], "translate": [0,0,0]},
                 "geometry-templates": {"templates": [{"type": "MultiSurface", "lod": "2", "boundaries": [[[0,1,2]]]}],
                                        "vertices-templates": [[0,0,0],[1,0,0],[0,1,0]]},
                 "CityObjects": {"tree": {"type": "SolitaryVegetationObject", "geometry": [
                   {"type": "GeometryInstance", "template": 0, "boundaries": [0],
                    "transformationMatrix": [2,0,0,0, 0,2,0,0, 0,0,2,0, 0,0,0,1]}]}},
                 "vertices": [[100, 200, 30]]}
                """);
        Geometry tree = model.object("tree").geometryFor(LodChoice.HIGHEST);
        assertEquals(GeometryType.MULTI_SURFACE, tree.type());
        assertEquals("2", tree.lod());
        int second = tree.vertexIndex(1);
        assertEquals(102.0, model.x(second), 1e-9);
        assertEquals(200.0, model.y(second), 1e-9);
        assertEquals(30.0, model.z(second), 1e-9);
    }

    @Test
    void extensionTypesLoadAsGenericObjectsWithTheirMembers() throws IOException {
        CityModel model = read("""
                {"type": "CityJSON", "version": "2.0", "transform": {"scale": [1,1,1], "translate": [0,0,0]},
                 "CityObjects": {"t1": {"type": "+StorageTank", "+capacity": 5000, "attributes": {"content": "ethanol"}}},
                 "vertices": []}
                """);
        CityObject tank = model.object("t1");
        assertTrue(tank.isExtensionType());
        assertEquals(5000, tank.attributes().get("+capacity"));
        assertEquals("ethanol", tank.attributes().get("content"));
    }

    @Test
    void highestLodIsChosenByDefaultAndAnotherOnRequest() throws IOException {
        CityModel model = read("""
                {"type": "CityJSON", "version": "1.1", "transform": {"scale": [1,1,1], "translate": [0,0,0]},
                 "CityObjects": {"b": {"type": "Building", "geometry": [
                   {"type": "MultiSurface", "lod": "1", "boundaries": [[[0,1,2]]]},
                   {"type": "MultiSurface", "lod": "2.2", "boundaries": [[[0,1,2]], [[0,2,3]]]},
                   {"type": "MultiSurface", "lod": "2.1", "boundaries": [[[0,1,2]]]}]}},
                 "vertices": [[0,0,0],[1,0,0],[1,1,0],[0,1,0]]}
                """);
        CityObject building = model.object("b");
        assertEquals("2.2", building.geometryFor(LodChoice.HIGHEST).lod());
        assertEquals("1", building.geometryFor(LodChoice.parse("1")).lod());
        assertEquals("2.2", building.geometryFor(LodChoice.parse("2")).lod());
        assertEquals("2.1", building.geometryFor(LodChoice.parse("2.1")).lod());
        assertNull(building.geometryFor(LodChoice.parse("3")));
    }

    @Test
    void boundariesNestedWrongForTheirTypeSkipTheObject() throws IOException {
        CityModel model = read("""
                {"type": "CityJSON", "version": "2.0",
                 "CityObjects": {"bad": {"type": "Building", "geometry": [{"type": "Solid", "lod": "1", "boundaries": [[0,1,2]]}]},
                                 "fine": {"type": "Building"}},
                 "vertices": [[0,0,0],[1,0,0],[1,1,0]]}
                """);
        assertNotNull(model.object("fine"));
        assertNull(model.object("bad"));
        assertTrue(model.problems().get(0).contains("boundaries of a Solid must nest 4 arrays deep"), model.problems().get(0));
    }

    @Test
    void parentsAndChildrenAreKept() throws IOException {
        CityModel model = read("""
                {"type": "CityJSON", "version": "2.0",
                 "CityObjects": {"house": {"type": "Building", "children": ["part"]},
                                 "part": {"type": "BuildingPart", "parents": ["house"]}},
                 "vertices": []}
                """);
        assertEquals(java.util.List.of("part"), model.object("house").children());
        assertEquals(java.util.List.of("house"), model.object("part").parents());
        assertTrue(model.problems().isEmpty());
    }

    @Test
    void anIdMadeToForgeALineOrClearTheTerminalIsNamedEscapedInItsProblem() throws IOException {
        CityModel model = read("""
                {"type": "CityJSON", "version": "2.0",
                 "CityObjects": {"part": {"type": "BuildingPart", "parents": ["ghost\\ntwin: all objects loaded\\u001b[2J"]}},
                 "vertices": []}
                """);
        assertEquals(1, model.problems().size(), model.problems().toString());
        String problem = model.problems().get(0);
        assertTrue(problem.contains("ghost\\ntwin: all objects loaded\\u001B[2J"), problem);
        assertFalse(problem.contains("\n") || problem.contains("\u001b"), problem);
    }

    @Test
    void aMemberGivenTwiceIsMalformedNotSilentlyTheLastOne() {
        String twice = """
                {"type": "CityJSON", "version": "2.0",
                 "CityObjects": {"cube": {"type": "Building", "geometry": [%s]}},
                 "vertices": %s,
                 "vertices": [[0,0,0],[1,0,0],[1,1,0],[0,1,0],[0,0,1],[1,0,1],[1,1,1],[0,1,1]]}
                """.formatted(CUBE_SOLID, CUBE_VERTICES);
        String message = assertThrows(ModelLoadException.class, () -> read(twice)).getMessage();
        assertTrue(message.startsWith("test.city.json: malformed JSON at line 8, column"), message);
        assertTrue(message.contains("Duplicate field 'vertices'"), message);
        String sameId = """
                {"type": "CityJSON", "version": "2.0",
                 "CityObjects": {"cube": {"type": "Building"}, "cube": {"type": "Bridge"}}, "vertices": []}
                """;
        assertTrue(assertThrows(ModelLoadException.class, () -> read(sameId)).getMessage().contains("Duplicate field 'cube'"));
    }

    @Test
    void aCoordinateThatOverflowsSkipsTheObjectsUsingItByName() throws IOException {
        CityModel model = read("""
                {"type": "CityJSON", "version": "2.0", "transform": {"scale": [1e300, 1, 1], "translate": [0, 0, 0]},
                 "CityObjects": {"far": {"type": "Building", "geometry": [{"type": "MultiSurface", "lod": "1", "boundaries": [[[0, 1, 2]]]}]},
                                 "near": {"type": "Building", "geometry": [{"type": "MultiSurface", "lod": "1", "boundaries": [[[3, 4, 5]]]}]}},
                 "vertices": [[0,0,0],[1000000000,0,0],[0,1,0],[0,0,0],[0,1,0],[0,0,1]]}
                """);
        assertNull(model.object("far"));
        assertNotNull(model.object("near"));
        assertEquals(1, model.skippedObjects());
        assertEquals(2, model.problems().size(), model.problems().toString());
        assertTrue(model.problems().get(0).startsWith("test.city.json: 1 vertices of the file are not finite numbers after the transform (the first is vertices[1])"),
                model.problems().get(0));
        assertTrue(model.problems().get(1).startsWith("test.city.json: object `far`: vertex 1 of the file is not a finite coordinate"),
                model.problems().get(1));
        assertTrue(Double.isFinite(model.extent()[3]), "the extent leaves the broken vertex out: " + model.extent()[3]);
    }

    @Test
    void aScaleOrTranslateThatIsNoFiniteNumberIsAProblemNamingTheMember() {
        for (String transform : new String[]{"\"scale\": [1e400, 1, 1], \"translate\": [0, 0, 0]", "\"scale\": [0, 1, 1], \"translate\": [0, 0, 0]",
                "\"scale\": [1, 1, 1], \"translate\": [0, -1e999, 0]"}) {
            String json = "{\"type\": \"CityJSON\", \"version\": \"2.0\", \"transform\": {" + transform + "}, \"CityObjects\": {}, \"vertices\": []}";
            String message = assertThrows(ModelLoadException.class, () -> read(json)).getMessage();
            assertTrue(message.matches("test\\.city\\.json: transform\\.(scale|translate) must be three finite numbers.*"), transform + ": " + message);
        }
    }

    @Test
    void aTypeThatIsNotAStringSkipsItsObjectByName() throws IOException {
        CityModel model = read("""
                {"type": "CityJSON", "version": "2.0",
                 "CityObjects": {"odd": {"type": 5}, "listed": {"type": ["Building"]}, "house": {"type": "Building"}}, "vertices": []}
                """);
        assertNotNull(model.object("house"));
        assertNull(model.object("odd"));
        assertNull(model.object("listed"));
        assertEquals(List.of("test.city.json: object `odd`: type must be a string, not a number (line 2); the object was skipped",
                "test.city.json: object `listed`: type must be a string, not an array (line 2); the object was skipped"), model.problems());
        String message = assertThrows(ModelLoadException.class, () -> read("{\"type\": 1, \"CityObjects\": {}, \"vertices\": []}")).getMessage();
        assertTrue(message.startsWith("test.city.json: type must be a string, not a number"), message);
    }

    @Test
    void aBrokenLineOfASequenceIsSkippedByNumberAndTheLinesAfterItLoad() throws IOException {
        String header = "{\"type\":\"CityJSON\",\"version\":\"2.0\",\"CityObjects\":{},\"vertices\":[]}";
        String good = "{\"type\":\"CityJSONFeature\",\"id\":\"a\",\"CityObjects\":{\"a\":{\"type\":\"Building\"}},\"vertices\":[]}";
        String twice = good.replace("\"a\"", "\"d\"").replace("\"vertices\":[]", "\"vertices\":[],\"vertices\":[]");
        CityModel model = read(header + "\n" + good + "\n{\"type\":\"CityJSONFeature\",\"id\": ]\n\n" + good.replace("\"a\"", "\"c\"")
                + "\n" + twice + "\n[1]\n" + good.replace("\"a\"", "\"e\"") + "\r\n");
        assertNotNull(model.object("a"));
        assertNotNull(model.object("c"));
        assertNotNull(model.object("e"));
        assertNull(model.object("d"));
        assertEquals(3, model.problems().size(), model.problems().toString());
        assertTrue(model.problems().get(0).startsWith("test.city.json: malformed JSON at line 3, column"), model.problems().get(0));
        assertTrue(model.problems().get(0).endsWith("; the line was skipped"), model.problems().get(0));
        assertTrue(model.problems().get(1).startsWith("test.city.json: malformed JSON at line 6, column"), model.problems().get(1));
        assertTrue(model.problems().get(1).contains("Duplicate field 'vertices'"), model.problems().get(1));
        assertTrue(model.problems().get(2).startsWith("test.city.json: line 7: expected a JSON object"), model.problems().get(2));
        assertEquals(3, model.skippedObjects());
    }
}
