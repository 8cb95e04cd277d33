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
import de.dormagentwin.testing.Slow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class DormagenSampleTest {

    private static final Set<String> FACILITY_FUNCTIONS = Set.of("storage tank", "stack", "plant building",
            "cooling tower", "pipe rack", "port crane", "control room", "warehouse", "column", "office");
    private static final Set<String> DISTRICT_NAMES = Set.of("Dormagen-Mitte", "Horrem", "Rheinfeld", "Zons",
            "Stürzelberg", "St. Peter", "Nievenheim", "Ückerath", "Delrath", "Gohr", "Broich", "Straberg", "Delhoven",
            "Hackenbroich", "Hackhausen", "Knechtsteden");
    private static final Set<String> BACKGROUND = Set.of("farmland", "meadow");
    private static final Set<String> BUILT_UP = Set.of("residential", "industrial");
    private static final Set<String> SMALL_AREAS = Set.of("park", "cemetery", "sports", "allotments");
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
    void theFileIsAtMostTwentyFiveMegabytes() {
        assertTrue(content.length <= 25 * 1024 * 1024, "size " + content.length);
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
    void thereAreAboutTwentyFiveThousandBuildingsAsInTheRealTown() {
        long buildings = objectsOfType("Building").size();
        assertTrue(buildings >= 23_000 && buildings <= 27_000, "buildings " + buildings);
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
            String expectedType = Set.of("plant building", "warehouse", "control room", "office")
                    .contains(facility.attribute("function")) ? "Building" : "OtherConstruction";
            assertEquals(expectedType, facility.type(), facility.id());
            functions.add(facility.attribute("function"));
            plants.add(facility.attribute("plant"));
        }
        assertEquals(FACILITY_FUNCTIONS, functions);
        assertTrue(plants.contains("Plant 1") && plants.contains("Plant " + ChemparkPlanner.PLANT_COUNT));
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
        assertEquals(DISTRICT_NAMES, districts);
    }

    /**
     * Each district fills the ellipse of its intended extent, measured in its street grid: its houses reach out
     * to most of it in every direction and hardly beyond, so a village stays a few hundred metres across and
     * Dormagen-Mitte spans its 2.5 by 2 km.
     */
    @Test
    void eachDistrictSpreadsOverItsIntendedExtent() {
        Map<String, List<double[]>> housesByDistrict = new HashMap<>();
        for (CityObject building : objectsOfType("Building")) {
            if (building.attribute("district") != null) {
                housesByDistrict.computeIfAbsent(building.attribute("district"), name -> new ArrayList<>())
                        .add(centroid(groundPolygon(building)));
            }
        }
        for (DormagenGeography.District district : DormagenGeography.DISTRICTS) {
            List<double[]> houses = housesByDistrict.getOrDefault(district.name(), List.of());
            assertTrue(houses.size() >= district.targetBuildingCount() * 0.95, district.name() + ": " + houses.size());
            double angle = Math.toRadians(district.streetGridAngleDegrees());
            double[] reach = new double[houses.size()];
            double alongSquares = 0;
            double acrossSquares = 0;
            for (int index = 0; index < reach.length; index++) {
                double east = houses.get(index)[0] - district.centreEasting();
                double north = houses.get(index)[1] - district.centreNorthing();
                double along = east * Math.cos(angle) + north * Math.sin(angle);
                double across = -east * Math.sin(angle) + north * Math.cos(angle);
                alongSquares += along * along;
                acrossSquares += across * across;
                reach[index] = Math.hypot(along / district.halfExtentAlong(), across / district.halfExtentAcross());
            }
            Arrays.sort(reach);
            double median = reach[reach.length / 2];
            double farthest = reach[(int) (reach.length * 0.98)];
            assertTrue(median > 0.45 && median < 1.05, district.name() + " median reach " + median);
            assertTrue(farthest < 1.65, district.name() + " reaches " + farthest + " times its extent");
            if (houses.size() > 500) {
                // A filled ellipse's spread along an axis is half its half-axis.
                double alongSpread = Math.sqrt(alongSquares / reach.length) / district.halfExtentAlong();
                double acrossSpread = Math.sqrt(acrossSquares / reach.length) / district.halfExtentAcross();
                assertTrue(alongSpread > 0.35 && alongSpread < 0.8, district.name() + " along " + alongSpread);
                assertTrue(acrossSpread > 0.35 && acrossSpread < 0.8, district.name() + " across " + acrossSpread);
            }
        }
        double mitte = housesByDistrict.get("Dormagen-Mitte").size();
        double all = housesByDistrict.values().stream().mapToInt(List::size).sum();
        assertTrue(mitte / all > 0.35 && mitte / all < 0.45, "Dormagen-Mitte's share " + mitte / all);
    }

    /** Every house stands by one of its district's residential streets, facing it a few tens of metres away. */
    @Test
    void everyHouseStandsByAResidentialStreetOfItsDistrict() {
        Map<String, List<double[][]>> streetPiecesByDistrictAndCell = new HashMap<>();
        int streets = 0;
        for (CityObject road : objectsOfType("Road")) {
            if (!"residential street".equals(road.attribute("function"))) {
                continue;
            }
            streets++;
            assertTrue(road.id().matches("[a-z-]+-s\\d{4}"), road.id());
            assertNotNull(road.attribute("name"), road.id());
            for (int[] ring : road.rings()) {
                double[][] piece = CityJsonSequence.plan(road.vertices(), ring);
                for (long cell : cellsAround(centroid(piece), 100.0)) {
                    streetPiecesByDistrictAndCell.computeIfAbsent(districtPrefix(road.id()) + cell,
                            key -> new ArrayList<>()).add(piece);
                }
            }
        }
        assertTrue(streets > 200 && streets < 5_000, "residential streets " + streets);
        for (CityObject building : objectsOfType("Building")) {
            if (building.attribute("district") == null) {
                continue;
            }
            double[][] ground = groundPolygon(building);
            double nearest = Double.POSITIVE_INFINITY;
            String key = districtPrefix(building.id()) + cellOf(centroid(ground));
            for (double[][] piece : streetPiecesByDistrictAndCell.getOrDefault(key, List.of())) {
                nearest = Math.min(nearest, Planar.boundaryDistance(ground, piece));
            }
            assertTrue(nearest < 25.0, building.id() + " is " + nearest + " m from the nearest street");
        }
    }

    /** A street of one district never runs under a building of another, nor under a station. */
    @Test
    void noResidentialStreetRunsUnderABuilding() {
        OccupancyIndex buildings = new OccupancyIndex();
        for (CityObject building : objectsOfType("Building")) {
            buildings.add(groundPolygon(building));
        }
        for (CityObject road : objectsOfType("Road")) {
            if ("residential street".equals(road.attribute("function"))) {
                for (int[] ring : road.rings()) {
                    assertTrue(buildings.isFree(CityJsonSequence.plan(road.vertices(), ring), 0.0),
                            road.id() + " runs under a building");
                }
            }
        }
    }

    @Test
    void landUseCoversTheTerrainWithEveryClassOfTheVocabulary() {
        List<CityObject> areas = objectsOfType("LandUse");
        Set<String> functions = new HashSet<>();
        for (CityObject area : areas) {
            assertTrue(LandUse.FUNCTIONS.contains(area.attribute("function")), area.id() + " " + area.attribute("function"));
            assertEquals("1", area.geometries().get(0).get("lod").asText(), area.id());
            assertEquals("MultiSurface", area.geometries().get(0).get("type").asText(), area.id());
            functions.add(area.attribute("function"));
        }
        assertEquals(Set.copyOf(LandUse.FUNCTIONS), functions);
        assertTrue(areas.stream().filter(area -> "farmland".equals(area.attribute("function"))).count() > 1_000,
                "the plain is a patchwork of fields");
        LandUseIndex index = new LandUseIndex(areas);
        int points = 0;
        int covered = 0;
        TerrainGridBounds bounds = new TerrainGridBounds();
        for (double east = bounds.west + 50; east < bounds.east; east += 100) {
            for (double north = bounds.south + 50; north < bounds.north; north += 100) {
                points++;
                if (index.topmostAt(east, north) != null) {
                    covered++;
                }
            }
        }
        assertTrue(covered > 0.97 * points, covered + " of " + points + " points covered");
    }

    /** The viewer paints areas in file order: the background first, the small areas last. */
    @Test
    void landUseComesInPaintingOrder() {
        List<CityObject> areas = objectsOfType("LandUse");
        int lastBackground = -1;
        int firstForest = Integer.MAX_VALUE;
        int lastForest = -1;
        int firstBuiltUp = Integer.MAX_VALUE;
        int lastBuiltUp = -1;
        int firstSmall = Integer.MAX_VALUE;
        for (int order = 0; order < areas.size(); order++) {
            String function = areas.get(order).attribute("function");
            if (BACKGROUND.contains(function)) {
                lastBackground = order;
            } else if ("forest".equals(function)) {
                firstForest = Math.min(firstForest, order);
                lastForest = order;
            } else if (BUILT_UP.contains(function)) {
                firstBuiltUp = Math.min(firstBuiltUp, order);
                lastBuiltUp = order;
            } else if (SMALL_AREAS.contains(function)) {
                firstSmall = Math.min(firstSmall, order);
            }
        }
        assertTrue(lastBackground >= 0 && lastForest >= 0 && lastBuiltUp >= 0 && firstSmall < areas.size(),
                "every group of areas is there");
        assertTrue(lastBackground < firstForest && lastForest < firstBuiltUp && lastBuiltUp < firstSmall,
                "background up to " + lastBackground + ", forest " + firstForest + "-" + lastForest + ", built-up "
                        + firstBuiltUp + "-" + lastBuiltUp + ", small areas from " + firstSmall);
    }

    /**
     * Painted in order, the ground under every building is built-up: residential under the houses, stations and
     * the visitor centre, industrial under the CHEMPARK's; and no building stands in a wood or in water at all.
     */
    @Test
    void everyBuildingStandsOnBuiltUpGroundAndNoneInAWoodOrWater() {
        List<CityObject> areas = objectsOfType("LandUse");
        LandUseIndex index = new LandUseIndex(areas);
        for (CityObject building : objectsOfType("Building")) {
            double[] middle = centroid(groundPolygon(building));
            String topmost = index.topmostAt(middle[0], middle[1]);
            String expected = isChempark(building) ? "industrial" : "residential";
            assertEquals(expected, topmost, building.id() + " stands on " + topmost);
            for (String function : index.allAt(middle[0], middle[1])) {
                assertFalse(function.equals("forest") || function.equals("water"), building.id() + " stands in " + function);
            }
        }
    }

    /**
     * The CHEMPARK's plants at their real scale: production halls and warehouses 100 to 250 m long, tanks 15 to
     * 40 m across, distillation columns 40 to 80 m tall, office blocks at the gates.
     */
    @Test
    void chemparkFacilitiesHaveTheirRealSizes() {
        Map<String, Integer> counts = new HashMap<>();
        for (CityObject facility : sample.objects) {
            if (!isChempark(facility)) {
                continue;
            }
            String function = facility.attribute("function");
            counts.merge(function, 1, Integer::sum);
            switch (function) {
                case "plant building", "warehouse" -> {
                    double[][] ground = groundPolygon(facility);
                    double length = Math.max(Planar.length(ground[1][0] - ground[0][0], ground[1][1] - ground[0][1]),
                            Planar.length(ground[2][0] - ground[1][0], ground[2][1] - ground[1][1]));
                    assertTrue(length >= 100 && length <= 250, facility.id() + " is " + length + " m long");
                }
                case "storage tank" -> {
                    double across = horizontalSpan(facility);
                    assertTrue(across >= 15 && across <= 40, facility.id() + " is " + across + " m across");
                }
                case "column" -> {
                    double height = facility.attributes().get("measuredHeight").asDouble();
                    assertTrue(height >= 40 && height <= 80, facility.id() + " is " + height + " m tall");
                }
                case "office" -> assertTrue(facility.attributes().get("storeysAboveGround").asInt() >= 5, facility.id());
                default -> {
                    // Racks, stacks, cranes and control rooms keep the sizes they had.
                }
            }
        }
        for (String function : List.of("plant building", "warehouse", "storage tank", "column", "office")) {
            assertTrue(counts.getOrDefault(function, 0) >= 2, function + ": " + counts.get(function));
        }
    }

    @Test
    void surfacePolygonsOfWaterRoadsRailwayAndLandUseAreSimpleAndFaceUp() {
        for (CityObject object : sample.objects) {
            if (!Set.of("WaterBody", "Road", "Railway", "TransportSquare", "LandUse").contains(object.type())) {
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

    /** A district's part of an id: {@code st-peter} of {@code st-peter-b0012} and of {@code st-peter-s0003}. */
    private static String districtPrefix(String id) {
        return id.substring(0, id.lastIndexOf('-'));
    }

    private static double[] centroid(double[][] polygon) {
        double east = 0;
        double north = 0;
        for (double[] point : polygon) {
            east += point[0] / polygon.length;
            north += point[1] / polygon.length;
        }
        return new double[] {east, north};
    }

    /** The widest horizontal distance between two of an object's vertices: a round tank's diameter. */
    private static double horizontalSpan(CityObject object) {
        List<double[]> used = object.usedVertices();
        double widest = 0;
        for (double[] first : used) {
            for (double[] second : used) {
                widest = Math.max(widest, Planar.length(first[0] - second[0], first[1] - second[1]));
            }
        }
        return widest;
    }

    private static final double CELL = 100.0;

    private static long cellOf(double[] point) {
        return key((long) Math.floor(point[0] / CELL), (long) Math.floor(point[1] / CELL));
    }

    /** The cells within {@code reach} of a point's cell, so a query in one cell finds what lies that close. */
    private static List<Long> cellsAround(double[] point, double reach) {
        long column = (long) Math.floor(point[0] / CELL);
        long row = (long) Math.floor(point[1] / CELL);
        long cells = (long) Math.ceil(reach / CELL);
        List<Long> around = new ArrayList<>();
        for (long east = column - cells; east <= column + cells; east++) {
            for (long north = row - cells; north <= row + cells; north++) {
                around.add(key(east, north));
            }
        }
        return around;
    }

    private static long key(long column, long row) {
        return (column << 32) ^ (row & 0xFFFF_FFFFL);
    }

    /** The terrain's extent, where the land use must reach. */
    private static final class TerrainGridBounds {
        final double west = DormagenTerrain.GRID.originEast();
        final double south = DormagenTerrain.GRID.originNorth();
        final double east = west + (DormagenTerrain.GRID.columns() - 1) * DormagenTerrain.GRID.cellSize();
        final double north = south + (DormagenTerrain.GRID.rows() - 1) * DormagenTerrain.GRID.cellSize();
    }

    /** The land use's polygons in file order, found by the cells their bounding boxes touch. */
    private static final class LandUseIndex {
        private record Area(int order, String function, double[][] polygon) {
        }

        private final Map<Long, List<Area>> byCell = new HashMap<>();

        LandUseIndex(List<CityObject> areas) {
            for (int order = 0; order < areas.size(); order++) {
                CityObject area = areas.get(order);
                for (int[] ring : area.rings()) {
                    double[][] polygon = CityJsonSequence.plan(area.vertices(), ring);
                    double[] low = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
                    double[] high = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
                    for (double[] point : polygon) {
                        low[0] = Math.min(low[0], point[0]);
                        low[1] = Math.min(low[1], point[1]);
                        high[0] = Math.max(high[0], point[0]);
                        high[1] = Math.max(high[1], point[1]);
                    }
                    Area entry = new Area(order, area.attribute("function"), polygon);
                    for (long column = (long) Math.floor(low[0] / CELL); column <= (long) Math.floor(high[0] / CELL); column++) {
                        for (long row = (long) Math.floor(low[1] / CELL); row <= (long) Math.floor(high[1] / CELL); row++) {
                            byCell.computeIfAbsent(key(column, row), cell -> new ArrayList<>()).add(entry);
                        }
                    }
                }
            }
        }

        /** The function of the last area painted at a point, or null where none is. */
        String topmostAt(double east, double north) {
            Area topmost = null;
            for (Area area : byCell.getOrDefault(cellOf(new double[] {east, north}), List.of())) {
                if ((topmost == null || area.order() > topmost.order()) && Planar.contains(area.polygon(), east, north)) {
                    topmost = area;
                }
            }
            return topmost == null ? null : topmost.function();
        }

        List<String> allAt(double east, double north) {
            List<String> functions = new ArrayList<>();
            for (Area area : byCell.getOrDefault(cellOf(new double[] {east, north}), List.of())) {
                if (Planar.contains(area.polygon(), east, north)) {
                    functions.add(area.function());
                }
            }
            return functions;
        }
    }
}
