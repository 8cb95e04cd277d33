package de.dormagentwin.scene;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityJsonReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeshBuilderTest {

    static CityModel threeHouses() throws IOException {
        return CityJsonReader.read(MeshBuilderTest.class.getResourceAsStream("three-houses.city.json"), "three-houses.city.json");
    }

    /**
     * A house of 10 x 8 m with a gable roof: its south eave at 6 m, its north eave at 5 m, its ridge at 9 m over the
     * middle of the short walls; 16 triangles with its ground. Its roof points average (6 + 6 + 9 + 9 + 5 + 5 + 9 + 9) / 8 =
     * 7.25 m.
     */
    static CityModel gableHouse() throws IOException {
        return CityJsonReader.read(MeshBuilderTest.class.getResourceAsStream("gable-house.city.json"), "gable-house.city.json");
    }

    /** The same house, with an LoD1 block of its own, 7 m high, beside its LoD2 geometry. */
    static CityModel twoLods() throws IOException {
        return CityJsonReader.read(MeshBuilderTest.class.getResourceAsStream("two-lods.city.json"), "two-lods.city.json");
    }

    /** An L-shaped house: 12 x 5 m with 5 x 5 m more on its west end (85 m²), walls in two storeys, a flat roof at 6 m. */
    static CityModel lHouse() throws IOException {
        return CityJsonReader.read(MeshBuilderTest.class.getResourceAsStream("l-house.city.json"), "l-house.city.json");
    }

    /** A block of 20 x 20 m around an open courtyard of 8 x 8 m in its middle, 8 m high, walls in two storeys. */
    static CityModel courtyardHouse() throws IOException {
        return CityJsonReader.read(MeshBuilderTest.class.getResourceAsStream("courtyard-house.city.json"), "courtyard-house.city.json");
    }

    private static List<MeshPart> parts(CityMeshes meshes, MeshPart.Detail detail) {
        return meshes.parts().stream().filter(part -> part.detail() == detail).toList();
    }

    private static List<MeshPart> classed(List<MeshPart> parts, SurfaceClass surfaceClass) {
        return parts.stream().filter(part -> part.surfaceClass() == surfaceClass).toList();
    }

    /** Where a face's corner (0 to 2) starts in its part's points. */
    private static int at(MeshPart part, int face, int corner) {
        return part.faces()[face * 9 + corner * 3] * 3;
    }

    private static int triangles(List<MeshPart> parts) {
        return parts.stream().mapToInt(MeshPart::triangleCount).sum();
    }

    /** A point's coordinate on one scene axis (0 x east, 1 y down, 2 z north). */
    private static IntStream axis(MeshPart part, int axis) {
        return IntStream.range(0, part.points().length / 3).map(point -> point * 3 + axis);
    }

    @Test
    void boxesBecomeTwelveTrianglesEachWithTheirSurfaceArea() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses()), LodChoice.HIGHEST);
        assertEquals(36, meshes.triangles());
        double expected = 2 * (2 * 12 * 10 + 2 * 12 * 8 + 2 * 10 * 8) + (2 * 12 * 10 + 2 * 12 * 14 + 2 * 10 * 14);
        assertEquals(expected, meshes.surfaceArea(), 1e-6);
    }

    @Test
    void roofsAndWallsGoToSeparateMergedParts() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses()), LodChoice.HIGHEST);
        long roofTriangles = meshes.parts().stream().filter(part -> part.surfaceClass() == SurfaceClass.ROOF).mapToLong(MeshPart::triangleCount).sum();
        assertEquals(6, roofTriangles);
        assertTrue(meshes.parts().size() <= 2 * MeshBuilder.TILES_PER_AXIS * MeshBuilder.TILES_PER_AXIS);
        assertTrue(meshes.parts().stream().allMatch(part -> part.surfaceClass() == SurfaceClass.ROOF || part.surfaceClass() == SurfaceClass.WALL));
    }

    @Test
    void everyFaceMapsToItsObjectAndSamplesThatObjectsTexel() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses()), LodChoice.HIGHEST);
        for (MeshPart part : meshes.parts()) {
            for (int face = 0; face < part.triangleCount(); face++) {
                int texel = part.faces()[face * 9 + 2];
                assertEquals(part.faceToObject()[face], part.texelObject()[texel]);
            }
        }
    }

    @Test
    void sceneAxesPutUpAlongNegativeYAndNorthAlongZ() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses()), LodChoice.HIGHEST);
        MeshPart roofs = meshes.parts().stream().filter(part -> part.surfaceClass() == SurfaceClass.ROOF).findFirst().orElseThrow();
        float[] normal = Arrays.copyOf(roofs.normals(), 3);
        assertEquals(0, normal[0], 1e-6);
        assertEquals(-1, normal[1], 1e-6);
        assertEquals(0, normal[2], 1e-6);
        assertEquals(40.0, meshes.origin()[2], 1e-9, "the ground stands at the houses' base");
    }

    @Test
    void objectsWithoutTheChosenLodAreNotDrawn() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses()), LodChoice.parse("1"));
        assertEquals(0, meshes.triangles());
        assertTrue(meshes.parts().isEmpty());
    }

    /** The gable house three times as high: its ridge at 27 m. */
    static CityModel gableTower() throws IOException {
        String json;
        try (var in = MeshBuilderTest.class.getResourceAsStream("gable-house.city.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        json = json.replace("\"scale\": [0.01, 0.01, 0.01]", "\"scale\": [0.01, 0.01, 0.03]");
        return CityJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "gable-tower.city.json");
    }

    @Test
    void onlyTheWallsOfLowBuildingsGoToPartsThatAFarViewLeavesOut() throws IOException {
        CityMeshes house = MeshBuilder.build(List.of(gableHouse()), LodChoice.HIGHEST);
        for (MeshPart part : house.parts()) {
            // Near parts are never drawn so far away: their walls stay with them.
            boolean farWall = part.surfaceClass() == SurfaceClass.WALL && part.detail() != MeshPart.Detail.NEAR;
            assertEquals(farWall, part.lowWalls(), part.detail() + " " + part.surfaceClass());
        }
        CityMeshes tower = MeshBuilder.build(List.of(gableTower()), LodChoice.HIGHEST);
        assertEquals(house.triangles(), tower.triangles());
        assertTrue(tower.parts().stream().anyMatch(part -> part.surfaceClass() == SurfaceClass.WALL && part.detail() == MeshPart.Detail.FAR));
        assertTrue(house.parts().stream().anyMatch(MeshPart::lowWalls), "the 9 m house's block walls are low walls");
        assertTrue(tower.parts().stream().noneMatch(MeshPart::lowWalls), "27 m: its walls are drawn from any distance");
    }

    @Test
    void gableHouseGetsAFarBlockOfTenTrianglesForItsRectangularFootprint() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(gableHouse()), LodChoice.HIGHEST);
        List<MeshPart> far = parts(meshes, MeshPart.Detail.FAR);
        // 3 * 4 corners - 2: two triangles per wall and two for the roof. The ridge's ends halfway along the short
        // walls are no corners of the block.
        assertEquals(10, triangles(far));
        assertEquals(8, triangles(classed(far, SurfaceClass.WALL)));
        assertEquals(2, triangles(classed(far, SurfaceClass.ROOF)));
    }

    @Test
    void farBlockStandsOnTheFootprintFromTheLowestPointToTheMeanHeightOfTheRoofPoints() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(gableHouse()), LodChoice.HIGHEST);
        assertEquals(40, meshes.origin()[2], 1e-9, "the ground stands at the house's base");
        double west = 355000 - meshes.origin()[0];
        double south = 5660000 - meshes.origin()[1];
        for (MeshPart part : parts(meshes, MeshPart.Detail.FAR)) {
            for (int point = 0; point < part.points().length; point += 3) {
                float x = part.points()[point];
                float y = part.points()[point + 1];
                float z = part.points()[point + 2];
                assertTrue(Math.abs(x - west) < 1e-4 || Math.abs(x - west - 10) < 1e-4, part.surfaceClass() + " point at x " + x);
                assertTrue(Math.abs(z - south) < 1e-4 || Math.abs(z - south - 8) < 1e-4, part.surfaceClass() + " point at z " + z);
                if (part.surfaceClass() == SurfaceClass.ROOF) {
                    assertEquals(-7.25, y, 1e-4, "the roof at the mean height of the roof points, not the ridge (9) or halfway (7)");
                } else {
                    assertTrue(Math.abs(y) < 1e-4 || Math.abs(y + 7.25) < 1e-4, "a wall point at height " + -y);
                }
            }
        }
        MeshPart walls = parts(meshes, MeshPart.Detail.FAR).stream().filter(part -> part.surfaceClass() == SurfaceClass.WALL).findFirst().orElseThrow();
        assertEquals(-7.25, axis(walls, 1).mapToDouble(index -> walls.points()[index]).min().orElseThrow(), 1e-4);
        assertEquals(0, axis(walls, 1).mapToDouble(index -> walls.points()[index]).max().orElseThrow(), 1e-4);
    }

    @Test
    void gableHousesOwnSurfacesGoToNearPartsAndNoneIsDrawnAlways() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(gableHouse()), LodChoice.HIGHEST);
        assertEquals(List.of(), parts(meshes, MeshPart.Detail.ALWAYS));
        List<MeshPart> near = parts(meshes, MeshPart.Detail.NEAR);
        assertEquals(16, triangles(near));
        assertEquals(4, triangles(classed(near, SurfaceClass.ROOF)));
        // The ridge at 9 m is drawn near.
        assertTrue(near.stream().anyMatch(part -> axis(part, 1).anyMatch(index -> Math.abs(part.points()[index] + 9) < 1e-4)));
    }

    @Test
    void trianglesAndSurfaceAreaCountWhatIsDrawnNearNotTheFarBlock() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(gableHouse()), LodChoice.HIGHEST);
        assertEquals(16, meshes.triangles());
        // Ground 80, long walls 60 and 50, gables 58 each, roofs 10 x 5 and 10 x sqrt(32).
        assertEquals(80 + 60 + 50 + 2 * 58 + 50 + 10 * Math.sqrt(32), meshes.surfaceArea(), 1e-6);
    }

    @Test
    void boxBuildingsGetNoFarBlockAndAreDrawnAlways() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses()), LodChoice.HIGHEST);
        assertFalse(meshes.parts().isEmpty());
        assertTrue(meshes.parts().stream().allMatch(part -> part.detail() == MeshPart.Detail.ALWAYS),
                meshes.parts().stream().map(part -> part.detail() + " " + part.surfaceClass()).toList().toString());
    }

    @Test
    void everyFarFaceMapsToItsBuildingAndSamplesThatBuildingsTexel() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses(), gableHouse()), LodChoice.HIGHEST);
        int house = meshes.objectIndex("gable-house");
        assertEquals(3, house);
        List<MeshPart> far = parts(meshes, MeshPart.Detail.FAR);
        assertEquals(10, triangles(far));
        for (MeshPart part : far) {
            for (int face = 0; face < part.triangleCount(); face++) {
                assertEquals(house, part.faceToObject()[face]);
                assertEquals(house, part.texelObject()[part.faces()[face * 9 + 2]], "the face's texel is the house's");
            }
            for (int corner = 0; corner < part.faces().length; corner += 3) {
                int texel = part.faces()[corner + 2];
                assertTrue(texel < part.texelObject().length && texel * 2 + 1 < part.texCoords().length, "texel " + texel + " exists");
            }
            assertEquals(SurfaceClass.styleArgb(meshes.objects().get(house), part.surfaceClass()), part.texelArgb()[0],
                    "a block without colours of its own takes its building's style");
        }
    }

    @Test
    void everyTriangleWindsAroundItsNormalAndFarWallsFaceAwayFromTheFootprint() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(gableHouse()), LodChoice.HIGHEST);
        double middleX = 355005 - meshes.origin()[0];
        double middleZ = 5660004 - meshes.origin()[1];
        for (MeshPart part : meshes.parts()) {
            assertWindsAroundItsNormals(part);
            float[] p = part.points();
            for (int face = 0; face < part.triangleCount(); face++) {
                int a = at(part, face, 0);
                int b = at(part, face, 1);
                int c = at(part, face, 2);
                int n = part.faces()[face * 9 + 1] * 3;
                float[] normal = Arrays.copyOfRange(part.normals(), n, n + 3);
                if (part.detail() == MeshPart.Detail.FAR && part.surfaceClass() == SurfaceClass.WALL) {
                    double outwards = (p[a] + p[b] + p[c]) / 3 - middleX;
                    double north = (p[a + 2] + p[b + 2] + p[c + 2]) / 3 - middleZ;
                    assertTrue(outwards * normal[0] + north * normal[2] > 0, "far wall face " + face + " faces inwards");
                }
                if (part.detail() == MeshPart.Detail.FAR && part.surfaceClass() == SurfaceClass.ROOF) {
                    assertEquals(-1, normal[1], 1e-6, "the far roof faces up");
                }
            }
        }
    }

    @Test
    void buildingWithItsOwnLod1GeometryShowsThatFarInsteadOfAHull() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(twoLods()), LodChoice.HIGHEST);
        List<MeshPart> far = parts(meshes, MeshPart.Detail.FAR);
        assertEquals(12, triangles(far), "the LoD1 solid's six faces, not a 10-triangle block");
        double top = far.stream().flatMapToDouble(part -> axis(part, 1).mapToDouble(index -> part.points()[index])).min().orElseThrow();
        assertEquals(-7, top, 1e-4, "the LoD1 block's own height, not the roof points' mean");
        assertEquals(16, triangles(parts(meshes, MeshPart.Detail.NEAR)));
        assertEquals(List.of(), parts(meshes, MeshPart.Detail.ALWAYS));
        assertEquals(16, meshes.triangles());
    }

    @Test
    void choosingLod1DrawsTheBlockAlwaysAndNothingFarOrNear() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(twoLods()), LodChoice.parse("1"));
        assertEquals(12, triangles(parts(meshes, MeshPart.Detail.ALWAYS)));
        assertEquals(12, triangles(meshes.parts()));
    }

    @Test
    void farBlockFollowsAnLShapedGroundPlanNotItsConvexHull() throws IOException {
        FarBlock block = farBlock(lHouse());
        assertEquals(12, triangles(block.walls()), "six walls, the inner corner's two among them");
        assertEquals(4, triangles(block.roofs()));
        assertEquals(85, planArea(block.roofs()), 1e-3, "the L's 85 m², not the 102.5 m² of its convex hull");
        assertWallsFaceOut(block, 356000, 5661000, MeshBuilderTest::inL);
        for (MeshPart roof : block.roofs()) {
            axis(roof, 1).forEach(index -> assertEquals(-6, roof.points()[index], 1e-4));
        }
    }

    @Test
    void farBlockLeavesACourtyardOpen() throws IOException {
        FarBlock block = farBlock(courtyardHouse());
        assertEquals(16, triangles(block.walls()), "four walls outside, four around the courtyard");
        assertEquals(400 - 64, planArea(block.roofs()), 1e-3, "no roof over the courtyard");
        assertWallsFaceOut(block, 357000, 5662000, (east, north) -> {
            boolean inCourtyard = east > 6 && east < 14 && north > 6 && north < 14;
            return east > 0 && east < 20 && north > 0 && north < 20 && !inCourtyard;
        });
        for (MeshPart part : block.parts()) {
            assertWindsAroundItsNormals(part);
        }
    }

    @Test
    void aGroundSurfaceWithoutAreaFallsBackToTheConvexHull() throws IOException {
        String text = new String(MeshBuilderTest.class.getResourceAsStream("l-house.city.json").readAllBytes(), StandardCharsets.UTF_8);
        String flat = text.replace("[[0, 5, 4, 3, 2, 1]]", "[[0, 1, 0, 1]]");
        assertFalse(flat.equals(text), "the fixture's ground ring is where the test expects it");
        CityModel model = CityJsonReader.read(new ByteArrayInputStream(flat.getBytes(StandardCharsets.UTF_8)), "flat-ground.city.json");
        FarBlock block = farBlock(model);
        assertEquals(10, triangles(block.walls()), "the hull's five walls");
        assertEquals(85 + 17.5, planArea(block.roofs()), 1e-3);
    }

    private static boolean inL(double east, double north) {
        return east > 0 && north > 0 && (east < 12 && north < 5 || east < 5 && north < 10);
    }

    /** The area of triangles seen from above (scene x and z). */
    private static double planArea(List<MeshPart> parts) {
        double area = 0;
        for (MeshPart part : parts) {
            float[] p = part.points();
            for (int face = 0; face < part.triangleCount(); face++) {
                int a = at(part, face, 0);
                int b = at(part, face, 1);
                int c = at(part, face, 2);
                area += Math.abs((p[b] - p[a]) * (p[c + 2] - p[a + 2]) - (p[c] - p[a]) * (p[b + 2] - p[a + 2])) / 2;
            }
        }
        return area;
    }

    /** A single building's far block, and the scene's origin in EPSG:25832. */
    private record FarBlock(List<MeshPart> parts, List<MeshPart> roofs, List<MeshPart> walls, double[] origin) {
    }

    private static FarBlock farBlock(CityModel building) {
        CityMeshes meshes = MeshBuilder.build(List.of(building), LodChoice.HIGHEST);
        List<MeshPart> far = parts(meshes, MeshPart.Detail.FAR);
        return new FarBlock(far, classed(far, SurfaceClass.ROOF), classed(far, SurfaceClass.WALL), meshes.origin());
    }

    /**
     * Half a metre along each wall face's normal from its middle lies outside the solid, half a metre against it
     * inside; {@code plan} takes metres east and north of the plan's south-west corner at {@code west}, {@code south}.
     */
    private static void assertWallsFaceOut(FarBlock block, double west, double south, BiPredicate<Double, Double> plan) {
        BiPredicate<Double, Double> inside = (x, z) -> plan.test(x - (west - block.origin()[0]), z - (south - block.origin()[1]));
        for (MeshPart part : block.walls()) {
            float[] p = part.points();
            for (int face = 0; face < part.triangleCount(); face++) {
                int a = at(part, face, 0);
                int b = at(part, face, 1);
                int c = at(part, face, 2);
                int n = part.faces()[face * 9 + 1] * 3;
                double x = (p[a] + p[b] + p[c]) / 3.0;
                double z = (p[a + 2] + p[b + 2] + p[c + 2]) / 3.0;
                double nx = part.normals()[n];
                double nz = part.normals()[n + 2];
                assertFalse(inside.test(x + nx / 2, z + nz / 2), "wall face " + face + " at " + x + ", " + z + " faces inwards");
                assertTrue(inside.test(x - nx / 2, z - nz / 2), "wall face " + face + " at " + x + ", " + z + " has the solid behind it");
            }
        }
    }

    private static void assertWindsAroundItsNormals(MeshPart part) {
        float[] p = part.points();
        for (int face = 0; face < part.triangleCount(); face++) {
            int a = at(part, face, 0);
            int b = at(part, face, 1);
            int c = at(part, face, 2);
            int n = part.faces()[face * 9 + 1] * 3;
            double[] u = {p[b] - p[a], p[b + 1] - p[a + 1], p[b + 2] - p[a + 2]};
            double[] v = {p[c] - p[a], p[c + 1] - p[a + 1], p[c + 2] - p[a + 2]};
            double[] cross = {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
            double length = Math.sqrt(cross[0] * cross[0] + cross[1] * cross[1] + cross[2] * cross[2]);
            float[] normal = Arrays.copyOfRange(part.normals(), n, n + 3);
            double along = (cross[0] * normal[0] + cross[1] * normal[1] + cross[2] * normal[2]) / length;
            assertEquals(1, along, 1e-4, part.detail() + " " + part.surfaceClass() + " face " + face + " winds against its normal");
        }
    }
}
