package de.dormagentwin.model.io;

import de.dormagentwin.sample.NrwTileGenerator;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.GeometryType;
import de.dormagentwin.model.geo.Crs;
import de.dormagentwin.model.geo.CrsFixtures;
import de.dormagentwin.model.geometry.Triangulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixtures are small tiles in the structure of NRW's LoD2 tiles, with boxes and gables whose areas and triangle
 * counts are worked out in their comments.
 */
class CityGmlReaderTest {

    private static CityModel read(String name) throws IOException {
        try (InputStream in = CityGmlReaderTest.class.getResourceAsStream(name)) {
            return CityGmlReader.read(in, name);
        }
    }

    private static CityModel readText(String xml) throws IOException {
        return CityGmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.gml");
    }

    /** Triangles and area of one object's geometry, triangulated as the mesh builder does. */
    private record Measure(int triangles, double area) {
    }

    private static Measure measure(CityModel model, Geometry geometry) {
        int triangles = 0;
        double area = 0;
        for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
            Measure one = measure(model, geometry, surface);
            triangles += one.triangles();
            area += one.area();
        }
        return new Measure(triangles, area);
    }

    private static Measure measure(CityModel model, Geometry geometry, int surface) {
        int first = geometry.firstRing(surface);
        int end = geometry.endRing(surface);
        int count = geometry.endVertex(end - 1) - geometry.firstVertex(first);
        double[] xyz = new double[count * 3];
        int[] ringStarts = new int[end - first];
        int at = 0;
        for (int ring = first; ring < end; ring++) {
            ringStarts[ring - first] = at;
            for (int position = geometry.firstVertex(ring); position < geometry.endVertex(ring); position++, at++) {
                int vertex = geometry.vertexIndex(position);
                xyz[at * 3] = model.x(vertex);
                xyz[at * 3 + 1] = model.y(vertex);
                xyz[at * 3 + 2] = model.z(vertex);
            }
        }
        // The area from Newell's normal of each ring (the outer ring's less its holes'), independent of the triangles.
        double area = 0;
        double[] normal = new double[3];
        for (int ring = 0; ring < ringStarts.length; ring++) {
            int ringEnd = ring + 1 < ringStarts.length ? ringStarts[ring + 1] : count;
            double ringArea = Triangulator.newellNormal(xyz, ringStarts[ring], ringEnd, normal) / 2;
            area += ring == 0 ? ringArea : -ringArea;
        }
        return new Measure(Triangulator.triangulate(xyz, ringStarts, count).length / 3, area);
    }

    private static Map<String, Integer> semanticCounts(Geometry geometry) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
            counts.merge(String.valueOf(geometry.semanticType(surface)), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void nrwTileLoadsBuildingsAndTheirPartsWithLinksBothWays() throws IOException {
        CityModel model = read("nrw-tile.gml");
        assertEquals(List.of("DENW36AL10000001", "DENW36AL10000002", "DENW36AL10000002_A", "DENW36AL10000002_B",
                "DENW36AL10000003", "DENW36AL10000004", "DENW36AL10000005"), model.objects().stream().map(CityObject::id).toList());
        CityObject whole = model.object("DENW36AL10000002");
        assertEquals("Building", whole.type());
        assertEquals(List.of("DENW36AL10000002_A", "DENW36AL10000002_B"), whole.children());
        assertTrue(whole.geometries().isEmpty(), "the building's geometry is its parts'");
        CityObject part = model.object("DENW36AL10000002_B");
        assertEquals("BuildingPart", part.type());
        assertEquals(List.of("DENW36AL10000002"), part.parents());
        assertEquals(List.of(), model.object("DENW36AL10000001").parents());
        assertTrue(model.problems().isEmpty(), model.problems().toString());
        assertEquals(0, model.skippedObjects());
    }

    @Test
    void crsComesFromTheTilesAdvSrsNameAndTheTitleFromItsName() throws IOException {
        CityModel model = read("nrw-tile.gml");
        assertEquals(CityGmlReader.EPSG_25832, model.referenceSystem());
        assertEquals("LoD2_32_345_5663_1_NW", model.metadata().get("title"));
        assertEquals("nrw-tile.gml", model.name());
    }

    @Test
    void boundarySurfacesBecomeSemanticSurfaceTypes() throws IOException {
        CityModel model = read("nrw-tile.gml");
        Geometry house = model.object("DENW36AL10000001").geometries().get(0);
        assertEquals(GeometryType.MULTI_SURFACE, house.type());
        assertEquals("2", house.lod());
        assertEquals(Map.of("GroundSurface", 1, "WallSurface", 4, "RoofSurface", 2), semanticCounts(house));
        assertEquals(Map.of("GroundSurface", 1, "WallSurface", 8, "RoofSurface", 1),
                semanticCounts(model.object("DENW36AL10000003").geometries().get(0)));
    }

    @Test
    void attributesKeepCityJsonNamesAndGenericAttributesTheirTypes() throws IOException {
        Map<String, Object> attributes = read("nrw-tile.gml").object("DENW36AL10000001").attributes();
        assertEquals("31001_1000", attributes.get("function"));
        assertEquals("3100", attributes.get("roofType"));
        assertEquals(9.0, attributes.get("measuredHeight"));
        assertEquals("05162008", attributes.get("Gemeindeschluessel"));
        assertEquals("1000", attributes.get("DatenquelleDachhoehe"));
        assertEquals(6.0, attributes.get("Traufhoehe"));
        assertEquals(2, attributes.get("Geschosse"));
    }

    @Test
    void partsCarryTheirOwnAttributes() throws IOException {
        CityModel model = read("nrw-tile.gml");
        assertEquals(Map.of("function", "31001_2000", "Gemeindeschluessel", "05162008"), model.object("DENW36AL10000002").attributes());
        assertEquals(Map.of("roofType", "1000", "measuredHeight", 3.0), model.object("DENW36AL10000002_B").attributes());
    }

    @Test
    void knownBoxesHaveTheirTrianglesAndAreas() throws IOException {
        CityModel model = read("nrw-tile.gml");
        Map<String, Measure> expected = Map.of(
                "DENW36AL10000001", new Measure(16, 420),
                "DENW36AL10000002_A", new Measure(12, 440),
                "DENW36AL10000002_B", new Measure(12, 110),
                "DENW36AL10000003", new Measure(32, 1768),
                "DENW36AL10000004", new Measure(12, 280),
                "DENW36AL10000005", new Measure(12, 288));
        expected.forEach((id, measure) -> {
            Measure actual = measure(model, model.object(id).geometries().get(0));
            assertEquals(measure.triangles(), actual.triangles(), id);
            assertEquals(measure.area(), actual.area(), 1e-6, id);
        });
    }

    @Test
    void roofWithACourtyardKeepsItsInteriorRing() throws IOException {
        CityModel model = read("nrw-tile.gml");
        Geometry school = model.object("DENW36AL10000003").geometries().get(0);
        int roof = school.surfaceCount() - 1;
        assertEquals("RoofSurface", school.semanticType(roof));
        assertEquals(2, school.endRing(roof) - school.firstRing(roof));
        Measure measure = measure(model, school, roof);
        assertEquals(8, measure.triangles());
        assertEquals(400 - 36, measure.area(), 1e-6);
    }

    @Test
    void ringsDropTheRepeatedClosingPositionAndCornersAreShared() throws IOException {
        CityModel model = read("nrw-tile.gml");
        Geometry house = model.object("DENW36AL10000001").geometries().get(0);
        assertEquals(4, house.endVertex(0) - house.firstVertex(0), "the ground ring's four corners, not five positions");
        // 4 ground corners, 4 eave corners and the 2 ends of the ridge: every wall and roof reuses them.
        Set<Integer> used = new HashSet<>();
        for (int position = 0; position < house.vertexIndexCount(); position++) {
            used.add(house.vertexIndex(position));
        }
        assertEquals(10, used.size());
        assertEquals(345010.0, model.x(house.vertexIndex(2)), 1e-9);
        assertEquals(5663008.0, model.y(house.vertexIndex(2)), 1e-9);
        assertEquals(40.0, model.z(house.vertexIndex(2)), 1e-9);
    }

    @Test
    void solidWhoseSurfacesAreXlinksTakesRoofAndWallFromTheBoundarySurfaces() throws IOException {
        CityObject garage = read("nrw-tile.gml").object("DENW36AL10000004");
        assertEquals(1, garage.geometries().size(), "the solid and its boundary surfaces are one shape, drawn once");
        Geometry solid = garage.geometries().get(0);
        assertEquals(GeometryType.SOLID, solid.type());
        assertEquals("2", solid.lod());
        assertEquals(Map.of("GroundSurface", 1, "WallSurface", 4, "RoofSurface", 1), semanticCounts(solid));
    }

    @Test
    void lod1SolidOnlyBuildingIsASolidOfLodOneWithoutSemantics() throws IOException {
        CityObject block = read("nrw-tile.gml").object("DENW36AL10000005");
        Geometry solid = block.geometries().get(0);
        assertEquals(GeometryType.SOLID, solid.type());
        assertEquals("1", solid.lod());
        assertEquals(6, solid.surfaceCount());
        assertNull(solid.semanticType(0));
        assertEquals(Map.of("function", "31001_2100", "measuredHeight", 4.0), block.attributes());
    }

    @Test
    void cityGml1LoadsTheSameWayWithACompoundCrs() throws IOException {
        CityModel model = read("citygml1-house.gml");
        CityObject house = model.object("DEBY_LOD2_1");
        assertEquals("Building", house.type());
        assertEquals(Map.of("GroundSurface", 1, "WallSurface", 4, "RoofSurface", 1), semanticCounts(house.geometries().get(0)));
        assertEquals(new Measure(12, 440), measure(model, house.geometries().get(0)));
        assertEquals(6.0, house.attributes().get("measuredHeight"));
        assertEquals(CityGmlReader.EPSG_25832, model.referenceSystem());
        assertTrue(model.problems().isEmpty(), model.problems().toString());
    }

    @Test
    void brokenObjectsAreSkippedEachWithItsIdAndProblemAndTheRestLoads() throws IOException {
        CityModel model = read("nrw-problems.gml");
        assertEquals(List.of("DENW36AL2000GOOD", "DENW36AL2000PART", "DENW36AL2000PART_A"), model.objects().stream().map(CityObject::id).toList());
        assertEquals(5, model.skippedObjects());
        List<String> problems = model.problems();
        assertEquals(5, problems.size(), problems.toString());
        assertEquals("nrw-problems.gml: object `DENW36AL2000OPEN`: polygon `DENW36AL2000OPEN_RS_P`: its exterior ring is not closed "
                + "(it starts at 345020.000 5663000.000 46.000 and ends at 345020.000 5663010.000 46.000); the object was skipped", problems.get(0));
        assertEquals("nrw-problems.gml: object `DENW36AL2000LINK`: lod2Solid: xlink:href `#DENW36AL2000LINK_RS_P_MISSING` names no surface "
                + "in this object (links are followed within one top-level feature); the object was skipped", problems.get(1));
        assertEquals("nrw-problems.gml: object `DENW36AL2000GK3Z`: srsName 'EPSG:31466' is EPSG:31466, not EPSG:25832, "
                + "the CRS of the file's other geometries; the object was skipped", problems.get(2));
        assertEquals("nrw-problems.gml: object `DENW36AL2000TEXT`: polygon `DENW36AL2000TEXT_WS1_P`: the gml:posList of its exterior ring "
                + "is empty or holds something that is not a number; the object was skipped", problems.get(3));
        assertTrue(problems.get(4).startsWith("nrw-problems.gml: object `DENW36AL2000PART_B`: polygon `DENW36AL2000PART_B_GS_P`: "
                + "its exterior ring is not closed"), problems.get(4));
    }

    @Test
    void skippedPartLeavesItsBuildingAndSiblingWithoutALinkToIt() throws IOException {
        CityModel model = read("nrw-problems.gml");
        assertEquals(List.of("DENW36AL2000PART_A"), model.object("DENW36AL2000PART").children());
        assertNull(model.object("DENW36AL2000PART_B"));
    }

    @Test
    void skippedObjectsLeaveNoVerticesBehind() throws IOException {
        CityModel model = read("nrw-problems.gml");
        assertEquals(16, model.vertexCount(), "the two boxes that loaded, 8 corners each");
        assertEquals(345110.0, model.extent()[3], 1e-9);
    }

    @Test
    void fileWithoutAnyCrsLoadsWithOneNoteNamingTheObject() throws IOException {
        CityModel model = read("no-crs.gml");
        assertNotNull(model.object("DENW36AL3000NCRS"));
        assertNull(model.referenceSystem());
        assertEquals(List.of("no-crs.gml: object `DENW36AL3000NCRS` names no CRS (no srsName on the file, the object or its geometry); "
                + "its coordinates were taken as ETRS89 / UTM zone 32N (EPSG:25832)"), model.problems());
        assertEquals(0, model.skippedObjects());
    }

    @Test
    void streamingReaderHandsOverOneBuildingWithItsPartsAndItsOwnVerticesAtATime() throws IOException {
        List<CityFeature> features = new ArrayList<>();
        try (InputStream in = CityGmlReaderTest.class.getResourceAsStream("nrw-tile.gml");
             CityGmlReader reader = CityGmlReader.open(in, "nrw-tile.gml")) {
            while (reader.hasNext()) {
                features.add(reader.next());
            }
            assertEquals(CityGmlReader.EPSG_25832, reader.referenceSystem());
            assertTrue(reader.problems().isEmpty(), reader.problems().toString());
        }
        assertEquals(5, features.size());
        CityFeature withParts = features.get(1);
        assertEquals("DENW36AL10000002", withParts.root().id());
        assertEquals(3, withParts.objects().size());
        assertEquals(15, withParts.vertexCount(), "two boxes of 8 corners that share one, (30, 0, 40), within their feature");
        assertEquals(10, features.get(0).vertexCount());
    }

    @Test
    void xmlThatIsNotCityGmlIsRejectedClearly() {
        ModelLoadException error = assertThrows(ModelLoadException.class, () -> readText("<html><body>tile</body></html>"));
        assertEquals("test.gml: not CityGML (no CityModel and no city object in it)", error.getMessage());
    }

    @Test
    void malformedXmlReportsLineAndColumn() {
        ModelLoadException error = assertThrows(ModelLoadException.class, () -> readText("<?xml version=\"1.0\"?>\n<core:CityModel\n  <broken"));
        assertTrue(error.getMessage().startsWith("test.gml: malformed XML at line 3, column"), error.getMessage());
    }

    @Test
    void malformedXmlAfterABuildingKeepsTheBuildingBeforeIt() throws IOException {
        String tile = new String(CityGmlReaderTest.class.getResourceAsStream("nrw-tile.gml").readAllBytes(), StandardCharsets.UTF_8);
        int second = tile.indexOf("<core:cityObjectMember>", tile.indexOf("<core:cityObjectMember>") + 1);
        CityModel model = readText(tile.substring(0, second) + "<core:cityObjectMember><bldg:Building gml:id=\"cut\"></core:cityObjectMember>");
        assertEquals(List.of("DENW36AL10000001"), model.objects().stream().map(CityObject::id).toList());
        assertEquals(1, model.problems().size());
        assertTrue(model.problems().get(0).matches("test\\.gml: malformed XML at line \\d+, column \\d+: .*; the rest of the file was not read"),
                model.problems().get(0));
    }

    @Test
    void generatedNrwTileLoadsEveryBuildingAndPartCleanly(@TempDir Path folder) throws IOException {
        Path tile = folder.resolve("LoD2_32_345_5663_1_NW.gml");
        NrwTileGenerator.write(tile, 40, 3);
        CityModel model = CityGmlReader.read(tile);
        int parted = NrwTileGenerator.partedBuildings(40);
        assertEquals(40 + 2 * parted, model.objects().size());
        assertEquals(2 * parted, model.objects().stream().filter(object -> object.type().equals("BuildingPart")).count());
        assertTrue(model.problems().isEmpty(), model.problems().toString());
        assertEquals("05162008", model.objects().get(0).attributes().get("Gemeindeschluessel"));
        assertEquals(CityGmlReader.EPSG_25832, model.referenceSystem());
    }

    @Test
    void aPositionThatIsNoFiniteNumberSkipsItsObjectByName() throws IOException {
        String tile;
        try (InputStream in = CityGmlReaderTest.class.getResourceAsStream("nrw-tile.gml")) {
            tile = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int clean = read("nrw-tile.gml").objects().size();
        for (String broken : List.of("1e400", "-1e999")) {
            CityModel model = readText(tile.replace("345000 5663008 40 345010 5663008 40 345010 5663000 40",
                    "345000 5663008 40 " + broken + " 5663008 40 345010 5663000 40"));
            assertEquals(clean - 1, model.objects().size(), broken);
            assertEquals(1, model.problems().size(), broken + ": " + model.problems());
            assertTrue(model.problems().get(0).startsWith("test.gml: object `DENW36AL10000001`: polygon `DENW36AL10000001_GS_P`: "
                    + "position 3 of its exterior ring is not a finite coordinate"), model.problems().get(0));
            assertTrue(Double.isFinite(model.extent()[3]), broken);
        }
    }

    private static final CrsFixtures.Place BERLIN = new CrsFixtures.Place(25833, "urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH", 13.40, 52.52);

    @Test
    void aTileInEpsg25833LoadsInItsOwnCrsWithItsOwnCoordinates() throws IOException {
        CityModel model = readText(CrsFixtures.cityGml(BERLIN, "BE", 3, false));
        assertEquals(List.of("BE-0", "BE-1", "BE-2"), model.objects().stream().map(CityObject::id).toList());
        assertTrue(model.problems().isEmpty(), model.problems().toString());
        assertEquals(new Crs(25833).url(), model.referenceSystem());
        double[] corner = CrsFixtures.corners25832(BERLIN, 1)[0];
        double[] expected = CrsFixtures.fromUtm32(25833, corner[0], corner[1]);
        assertEquals(expected[0], model.extent()[0], 0.01, "not moved into another CRS");
        assertEquals(40, model.extent()[2], 0);
    }

    @Test
    void aFileWhoseGeometriesNameTheCrsTakesItFromThem() throws IOException {
        CityModel model = readText(CrsFixtures.cityGml(BERLIN, "BE", 2, true));
        assertEquals(2, model.objects().size(), model.problems().toString());
        assertEquals(new Crs(25833).url(), model.referenceSystem());
    }

    @Test
    void anUnreadableSrsNameIsRefusedNamingIt() throws IOException {
        CityModel model = readText(CrsFixtures.cityGml(new CrsFixtures.Place(25833, "local:site-grid", 13.40, 52.52), "LOCAL", 2, false));
        assertEquals(0, model.objects().size());
        assertEquals(2, model.skippedObjects());
        assertTrue(model.problems().get(0).startsWith("test.gml: object `LOCAL-0`: srsName 'local:site-grid' names no CRS this reader knows"),
                model.problems().get(0));
        assertEquals("local:site-grid", model.referenceSystem(), "an unreadable name is not replaced by a guess");
    }
}
