package de.dormagentwin.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.dormagentwin.model.geo.Utm;
import de.dormagentwin.sample.CityJsonSequence.CityObject;
import de.dormagentwin.sample.DormagenGeography.Corridor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DormagenSampleTest {

    private static final Set<String> FACILITY_FUNCTIONS = Set.of("storage tank", "stack", "plant building",
            "cooling tower", "pipe rack", "port crane", "control room", "warehouse");
    private static final Set<String> HAZARD_CLASSES = Set.of("none", "flammable", "toxic", "explosive");

    @TempDir
    static Path directory;

    private static byte[] content;
    private static CityJsonSequence sample;

    @BeforeAll
    static void writeTheSampleOnce() throws IOException {
        Path file = directory.resolve("dormagen.city.jsonl");
        DormagenSample.write(file);
        content = Files.readAllBytes(file);
        sample = new CityJsonSequence(content);
    }

    @Test
    void twoRunsWriteByteIdenticalOutput() throws IOException {
        ByteArrayOutputStream secondRun = new ByteArrayOutputStream();
        DormagenSample.write(secondRun);

        assertArrayEquals(content, secondRun.toByteArray());
    }

    @Test
    void theFileIsAtMostTwentyMegabytes() {
        assertTrue(content.length <= 20_000_000, "size " + content.length);
    }

    @Test
    void theHeaderIsACityJson20ObjectWithTransformAndSyntheticMetadata() {
        JsonNode header = sample.header;
        JsonNode metadata = header.get("metadata");

        assertEquals("CityJSON", header.get("type").asText());
        assertEquals("2.0", header.get("version").asText());
        assertEquals(0.001, header.get("transform").get("scale").get(0).asDouble());
        assertTrue(header.get("CityObjects").isEmpty());
        assertTrue(header.get("vertices").isEmpty());
        assertEquals("Dormagen and CHEMPARK (synthetic sample)", metadata.get("title").asText());
        assertEquals("https://www.opengis.net/def/crs/EPSG/0/25832", metadata.get("referenceSystem").asText());
        assertTrue(metadata.get("synthetic").asBoolean());
        assertTrue(metadata.get("note").asText().contains("not surveyed"));
        assertTrue(metadata.get("geographyNote").asText().startsWith("Geography is approximate"));
        assertNotNull(metadata.get("referenceDate"));
    }

    @Test
    void everyFeatureIsNamedAfterItsRootObjectAndHasIntegerVertices() {
        for (JsonNode feature : sample.features) {
            assertEquals("CityJSONFeature", feature.get("type").asText());
            assertTrue(feature.get("CityObjects").has(feature.get("id").asText()));
            for (JsonNode vertex : feature.get("vertices")) {
                assertEquals(3, vertex.size());
                vertex.forEach(coordinate -> assertTrue(coordinate.isIntegralNumber()));
            }
        }
    }

    @Test
    void cityObjectIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        for (CityObject object : sample.objects) {
            assertTrue(ids.add(object.id()), "duplicate id " + object.id());
        }
    }

    @Test
    void thereAreAtLeastFiveThousandBuildingsAndTwoHundredChemparkFacilities() {
        long buildings = sample.objects.stream().filter(object -> object.type().equals("Building")).count();
        long facilities = sample.objects.stream().filter(DormagenSampleTest::isChempark).count();

        assertTrue(buildings >= 5_000, "buildings " + buildings);
        assertTrue(facilities >= 200, "facilities " + facilities);
    }

    @Test
    void everyVertexIndexPointsIntoItsFeaturesVertexList() {
        for (CityObject object : sample.objects) {
            for (int[] ring : object.rings()) {
                for (int index : ring) {
                    assertTrue(index >= 0 && index < object.vertices().length, object.id() + " index " + index);
                }
            }
        }
    }

    @Test
    void everyBuildingLiesWithinTheDormagenArea() {
        for (CityObject building : objectsOfType("Building")) {
            for (double[] vertex : building.usedVertices()) {
                assertTrue(vertex[0] >= 340_000 && vertex[0] <= 356_000, building.id() + " easting " + vertex[0]);
                assertTrue(vertex[1] >= 5_654_000 && vertex[1] <= 5_672_000, building.id() + " northing " + vertex[1]);
                assertTrue(vertex[2] >= 35 && vertex[2] <= 200, building.id() + " height " + vertex[2]);
            }
        }
    }

    @Test
    void chemparkObjectsLieBetweenTheA57AndTheRhine() {
        Polyline motorway = DormagenGeography.A57.centreline();
        double motorwayHalfWidth = DormagenGeography.A57.width() / 2.0;
        for (CityObject facility : sample.objects.stream().filter(DormagenSampleTest::isChempark).toList()) {
            for (double[] vertex : facility.usedVertices()) {
                assertTrue(vertex[0] > motorway.eastingAtNorthing(vertex[1]) + motorwayHalfWidth,
                        facility.id() + " reaches the A 57");
                assertTrue(vertex[0] < DormagenGeography.rhineWestBankEasting(vertex[1]),
                        facility.id() + " reaches into the Rhine");
            }
        }
    }

    @Test
    void theRailwayCutsTheChemparkIntoItsEastAndWestParts() {
        Polyline railway = DormagenGeography.RAILWAY.centreline();
        double railwayHalfWidth = DormagenGeography.RAILWAY_WIDTH / 2.0;
        Set<String> parts = new HashSet<>();
        for (CityObject facility : sample.objects.stream().filter(DormagenSampleTest::isChempark).toList()) {
            String part = facility.attribute("part");
            parts.add(part);
            for (double[] vertex : facility.usedVertices()) {
                double railwayEasting = railway.eastingAtNorthing(vertex[1]);
                if (part.equals("east")) {
                    assertTrue(vertex[0] > railwayEasting + railwayHalfWidth, facility.id());
                } else {
                    assertTrue(vertex[0] < railwayEasting - railwayHalfWidth, facility.id());
                }
            }
        }
        assertEquals(Set.of("east", "west"), parts);
    }

    @Test
    void chemparkFacilitiesCarryFunctionHazardPlantAndPart() {
        Set<String> functions = new HashSet<>();
        Set<String> plants = new HashSet<>();
        for (CityObject facility : sample.objects.stream().filter(DormagenSampleTest::isChempark).toList()) {
            assertTrue(FACILITY_FUNCTIONS.contains(facility.attribute("function")), facility.id());
            assertTrue(HAZARD_CLASSES.contains(facility.attribute("hazardClass")), facility.id());
            assertTrue(Set.of("east", "west").contains(facility.attribute("part")), facility.id());
            assertTrue(facility.id().startsWith("chempark-"), facility.id());
            String expectedType = Set.of("plant building", "warehouse", "control room")
                    .contains(facility.attribute("function")) ? "Building" : "OtherConstruction";
            assertEquals(expectedType, facility.type(), facility.id());
            functions.add(facility.attribute("function"));
            plants.add(facility.attribute("plant"));
        }
        assertEquals(FACILITY_FUNCTIONS, functions);
        assertTrue(plants.contains("Plant 1") && plants.contains("Plant 60"));
    }

    @Test
    void theChemparkCoversAboutThreeHundredSixtyHectaresWhereTheRealOneIs() {
        double hectares = (Planar.signedArea(DormagenGeography.CHEMPARK_EAST_PART)
                + Planar.signedArea(DormagenGeography.CHEMPARK_WEST_PART)) / 10_000.0;
        assertTrue(hectares > 320 && hectares < 400, "area " + hectares + " ha");

        // The real park spans about 51.07-51.095 N and 6.83-6.875 E; its south-east corner follows
        // the Rhine a little further east.
        for (double[][] part : List.of(DormagenGeography.CHEMPARK_EAST_PART, DormagenGeography.CHEMPARK_WEST_PART)) {
            for (double[] corner : part) {
                double[] geographic = Utm.etrs89Utm32ToWgs84(corner[0], corner[1]);
                assertTrue(geographic[0] >= 51.07 && geographic[0] <= 51.095, "latitude " + geographic[0]);
                assertTrue(geographic[1] >= 6.83 && geographic[1] <= 6.885, "longitude " + geographic[1]);
            }
        }
    }

    @Test
    void solidsAreClosedWithRingsCounterClockwiseSeenFromOutside() {
        for (CityObject object : sample.objects) {
            for (JsonNode geometry : object.geometries()) {
                if (!geometry.get("type").asText().equals("Solid")) {
                    continue;
                }
                List<int[]> rings = new ArrayList<>();
                for (JsonNode surface : CityJsonSequence.surfaces(geometry)) {
                    rings.add(CityJsonSequence.indices(surface.get(0)));
                }
                assertTrue(SolidCheck.isClosedAndConsistentlyOriented(rings), object.id() + " is not closed");
                assertTrue(SolidCheck.signedVolume(object.vertices(), rings) > 0, object.id() + " is inside out");
            }
        }
    }

    @Test
    void buildingsAreLod22WithGroundWallAndRoofSurfacesAndClockwiseGroundSeenFromAbove() {
        for (CityObject building : objectsOfType("Building")) {
            JsonNode geometry = building.geometries().get(0);
            assertEquals("2.2", geometry.get("lod").asText());
            List<String> types = new ArrayList<>();
            geometry.get("semantics").get("surfaces").forEach(surface -> types.add(surface.get("type").asText()));
            assertEquals(List.of("GroundSurface", "WallSurface", "RoofSurface"), types, building.id());
            List<JsonNode> surfaces = CityJsonSequence.surfaces(geometry);
            JsonNode values = geometry.get("semantics").get("values").get(0);
            assertEquals(surfaces.size(), values.size());
            for (int surface = 0; surface < surfaces.size(); surface++) {
                if (values.get(surface).asInt() == 0) {
                    double[][] ground = CityJsonSequence.plan(building.vertices(),
                            CityJsonSequence.indices(surfaces.get(surface).get(0)));
                    assertTrue(Planar.signedArea(ground) < 0, building.id() + " ground is not clockwise");
                }
            }
        }
    }

    @Test
    void residentialBuildingsHavePlausibleRoofsStoreysAndAttributes() {
        Map<String, Integer> roofTypes = new HashMap<>();
        int withNameOrAddress = 0;
        List<CityObject> residential = objectsOfType("Building").stream()
                .filter(building -> building.attribute("district") != null).toList();
        for (CityObject building : residential) {
            roofTypes.merge(building.attribute("roofType"), 1, Integer::sum);
            int storeys = building.attributes().get("storeysAboveGround").asInt();
            double height = building.attributes().get("measuredHeight").asDouble();
            assertTrue(storeys >= 1 && storeys <= 4, building.id());
            assertTrue(height >= 3.0 * storeys && height < 3.0 * storeys + 12.0, building.id() + " height " + height);
            assertNotNull(building.attribute("function"));
            if (building.attribute("name") != null || building.attribute("address") != null) {
                withNameOrAddress++;
            }
        }
        assertEquals(Set.of("gable", "hip", "flat"), roofTypes.keySet());
        assertTrue(roofTypes.get("gable") > roofTypes.get("hip") && roofTypes.get("gable") > roofTypes.get("flat"));
        double share = (double) withNameOrAddress / residential.size();
        assertTrue(share > 0.07 && share < 0.14, "share with name or address " + share);
    }

    @Test
    void buildingsDoNotOverlapEachOther() {
        OccupancyIndex placed = new OccupancyIndex();
        for (CityObject building : objectsOfType("Building")) {
            double[][] ground = groundPolygon(building);
            assertTrue(placed.isFree(ground, 0.0), building.id() + " overlaps another building");
            placed.add(ground);
        }
    }

    @Test
    void residentialBuildingsKeepOffTheRhineTheRailwayTheRoadsAndTheChempark() {
        List<Corridor> corridors = new ArrayList<>(DormagenGeography.ROADS);
        corridors.add(DormagenGeography.RAILWAY);
        for (CityObject building : objectsOfType("Building")) {
            if (building.attribute("district") == null) {
                continue;
            }
            double[][] ground = groundPolygon(building);
            assertFalse(DormagenGeography.RHINE.comesWithin(ground, DormagenGeography.RHINE_WIDTH / 2.0),
                    building.id() + " stands in the Rhine");
            for (Corridor corridor : corridors) {
                assertFalse(corridor.centreline().comesWithin(ground, corridor.width() / 2.0),
                        building.id() + " stands on " + corridor.name());
            }
            for (double[][] part : List.of(DormagenGeography.CHEMPARK_EAST_PART,
                    DormagenGeography.CHEMPARK_WEST_PART)) {
                for (double[] corner : ground) {
                    assertFalse(Planar.contains(part, corner[0], corner[1]), building.id() + " is in the CHEMPARK");
                }
            }
        }
    }

    @Test
    void everyDistrictHasBuildings() {
        Set<String> districts = new HashSet<>();
        for (CityObject building : objectsOfType("Building")) {
            if (building.attribute("district") != null) {
                districts.add(building.attribute("district"));
            }
        }
        assertEquals(Set.of("Dormagen-Mitte", "Horrem", "Nievenheim", "Hackenbroich", "Zons", "Rheinfeld",
                "Stürzelberg"), districts);
    }

    @Test
    void surfacePolygonsOfWaterRoadsAndRailwayAreSimpleAndFaceUp() {
        for (CityObject object : sample.objects) {
            if (!Set.of("WaterBody", "Road", "Railway", "TransportSquare").contains(object.type())) {
                continue;
            }
            for (int[] ring : object.rings()) {
                double[][] outline = CityJsonSequence.plan(object.vertices(), ring);
                assertTrue(Planar.isSimple(outline), object.id() + " has a self-intersecting polygon");
                assertTrue(Planar.signedArea(outline) > 0, object.id() + " faces down");
            }
        }
    }

    @Test
    void theRhineIsOneWaterBodyFallingDownstreamEastOfZons() {
        CityObject rhine = objectById("rhine");
        double[] zons = Utm.wgs84ToEtrs89Utm32(51.1219, 6.8428);

        assertEquals("WaterBody", rhine.type());
        assertEquals("1", rhine.geometries().get(0).get("lod").asText());
        assertEquals("MultiSurface", rhine.geometries().get(0).get("type").asText());
        double[] southernmost = {0, Double.POSITIVE_INFINITY, 0};
        double[] northernmost = {0, Double.NEGATIVE_INFINITY, 0};
        for (double[] vertex : rhine.usedVertices()) {
            assertTrue(vertex[2] >= DormagenTerrain.WATER_LEVEL_DOWNSTREAM - 1e-9 && vertex[2] <= DormagenTerrain.WATER_LEVEL_UPSTREAM + 1e-9,
                    "water level " + vertex[2]);
            southernmost = vertex[1] < southernmost[1] ? vertex : southernmost;
            northernmost = vertex[1] > northernmost[1] ? vertex : northernmost;
        }
        assertTrue(southernmost[2] > northernmost[2] + 1, "the Rhine flows north: " + southernmost[2] + " m upstream, " + northernmost[2] + " m downstream");
        assertTrue(DormagenGeography.RHINE.eastingAtNorthing(zons[1]) > zons[0]);
    }

    /**
     * Every building and facility stands on the terrain: its lowest vertex is at the lowest ground under its
     * corners, so none hangs in the air, and within half a metre of the ground at its middle, so none sinks in.
     */
    @Test
    void buildingsAndFacilitiesStandOnTheTerrain() {
        List<CityObject> standing = new ArrayList<>(objectsOfType("Building"));
        objectsOfType("OtherConstruction").stream().filter(DormagenSampleTest::isChempark).forEach(standing::add);
        assertTrue(standing.size() > 5_000, "objects " + standing.size());
        for (CityObject object : standing) {
            double lowest = Double.POSITIVE_INFINITY;
            for (double[] vertex : object.usedVertices()) {
                lowest = Math.min(lowest, vertex[2]);
            }
            double sumEast = 0;
            double sumNorth = 0;
            int corners = 0;
            for (double[] vertex : object.usedVertices()) {
                if (vertex[2] < lowest + 0.005) {
                    double ground = DormagenTerrain.GRID.heightAt(vertex[0], vertex[1]);
                    assertTrue(ground >= lowest - 0.01, object.id() + " hangs " + (lowest - ground) + " m over the ground at a corner");
                    sumEast += vertex[0];
                    sumNorth += vertex[1];
                    corners++;
                }
            }
            double middle = DormagenTerrain.GRID.heightAt(sumEast / corners, sumNorth / corners);
            assertEquals(middle, lowest, 0.5, object.id() + " stands " + (middle - lowest) + " m deep in the ground");
        }
    }

    @Test
    void roadsAndTheRailwayFollowTheTerrain() {
        List<CityObject> corridors = new ArrayList<>(objectsOfType("Road"));
        corridors.addAll(objectsOfType("Railway"));
        double worst = 0;
        for (CityObject corridor : corridors) {
            for (double[] vertex : corridor.usedVertices()) {
                double aboveGround = vertex[2] - DormagenTerrain.GRID.heightAt(vertex[0], vertex[1]);
                worst = Math.max(worst, Math.abs(aboveGround));
                assertTrue(Math.abs(aboveGround) < 0.3, corridor.id() + " is " + aboveGround + " m above the ground at " + vertex[0] + ", " + vertex[1]);
            }
        }
        assertTrue(worst > 0, "the roads lie a little above the ground");
    }

    @Test
    void theRhineLiesOverItsBedAndItsEdgesUnderTheBanks() {
        int edgesOnTheTerrain = 0;
        for (double[] vertex : objectById("rhine").usedVertices()) {
            double ground = DormagenTerrain.GRID.heightAt(vertex[0], vertex[1]);
            if (!Double.isNaN(ground)) {
                edgesOnTheTerrain++;
                assertTrue(ground > vertex[2], "the water's edge at " + vertex[0] + ", " + vertex[1] + " shows above the bank");
            }
        }
        assertTrue(edgesOnTheTerrain > 20, "edges on the terrain: " + edgesOnTheTerrain);
        Polyline course = DormagenGeography.RHINE;
        for (int point = 0; point < course.pointCount(); point++) {
            double[] middle = course.point(point);
            double bed = DormagenTerrain.GRID.heightAt(middle[0], middle[1]);
            if (!Double.isNaN(bed)) {
                assertEquals(DormagenTerrain.waterLevel(middle[1]) - 1, bed, 0.01, "the bed a metre under the water");
            }
        }
    }

    @Test
    void landmarksStationsAndTheFerryArePresentAndNamed() {
        CityObject visitorCentre = objectById("chempunkt");
        assertEquals("Building", visitorCentre.type());
        assertEquals("CHEMPUNKT", visitorCentre.attribute("name"));
        assertEquals("visitor centre", visitorCentre.attribute("function"));

        for (String[] station : new String[][] {{"station-dormagen", "Dormagen"},
                {"station-nievenheim", "Nievenheim"}, {"station-dormagen-chempark", "Dormagen Chempark"}}) {
            CityObject building = objectById(station[0]);
            assertEquals("railway station", building.attribute("function"));
            assertEquals(station[1], building.attribute("name"));
        }
        assertEquals("Rheinfähre Zons–Urdenbach", objectById("rhine-ferry-zons-urdenbach").attribute("name"));
        assertEquals("TransportSquare", objectById("ferry-landing-zons").type());
        assertEquals("Road", objectById("a57-0003").type());
        assertEquals("Railway", objectById("railway-0001").type());
    }

    private static boolean isChempark(CityObject object) {
        return "CHEMPARK".equals(object.attribute("site"));
    }

    private static List<CityObject> objectsOfType(String type) {
        return sample.objects.stream().filter(object -> object.type().equals(type)).toList();
    }

    private static CityObject objectById(String id) {
        return sample.objects.stream().filter(object -> object.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no object " + id));
    }

    /** The footprint of a building: its ground surface, counter-clockwise seen from above. */
    private static double[][] groundPolygon(CityObject building) {
        JsonNode geometry = building.geometries().get(0);
        List<JsonNode> surfaces = CityJsonSequence.surfaces(geometry);
        JsonNode values = geometry.get("semantics").get("values").get(0);
        for (int surface = 0; surface < surfaces.size(); surface++) {
            if (values.get(surface).asInt() == 0) {
                int[] ring = CityJsonSequence.indices(surfaces.get(surface).get(0));
                return CityJsonSequence.plan(building.vertices(), Shapes.reversed(ring));
            }
        }
        throw new AssertionError(building.id() + " has no ground surface");
    }
}
