package de.dormagentwin.scene;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.LodChoice;
import javafx.geometry.Point3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner's measurements against known geometry: house B of three-houses.city.json stands on a 12 m × 10 m
 * footprint (x 40..52 m, y 0..10 m past the file's translate) and its flat roof lies 14 m above its ground (z 40 m
 * to 54 m). Its corners are read from the file and taken to scene coordinates the way the mesh builder does.
 */
class MeasurementTest {
    private static final double EXACT = 1e-3;
    private static CityModel model;
    private static CityMeshes meshes;

    @BeforeAll
    static void threeHouses() throws IOException {
        model = MeshBuilderTest.threeHouses();
        meshes = MeshBuilder.build(List.of(model), LodChoice.HIGHEST);
    }

    /** The first ring of house B's surface of a semantic type, in scene coordinates (x east, y down, z north). */
    private static List<Point3D> ring(String semanticType) {
        Geometry geometry = model.object("house-b").geometryFor(LodChoice.HIGHEST);
        double[] origin = meshes.origin();
        for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
            if (semanticType.equals(geometry.semanticType(surface))) {
                int ringIndex = geometry.firstRing(surface);
                List<Point3D> corners = new ArrayList<>();
                for (int position = geometry.firstVertex(ringIndex); position < geometry.endVertex(ringIndex); position++) {
                    int vertex = geometry.vertexIndex(position);
                    corners.add(new Point3D(model.x(vertex) - origin[0], -(model.z(vertex) - origin[2]), model.y(vertex) - origin[1]));
                }
                return corners;
            }
        }
        throw new AssertionError("house B has no " + semanticType);
    }

    /** The corner of a ring nearest to a map position (x, z in scene coordinates). */
    private static Point3D corner(List<Point3D> ring, double x, double z) {
        return ring.stream().min((a, b) -> Double.compare(Math.hypot(a.getX() - x, a.getZ() - z), Math.hypot(b.getX() - x, b.getZ() - z))).orElseThrow();
    }

    @Test
    void cornersTakenToSceneCoordinatesAreWhereTheMeshDrawsThem() {
        List<Point3D> corners = new ArrayList<>(ring("GroundSurface"));
        corners.addAll(ring("RoofSurface"));
        for (Point3D corner : corners) {
            boolean drawn = meshes.parts().stream().anyMatch(part -> {
                float[] points = part.points();
                for (int i = 0; i < points.length; i += 3) {
                    if (corner.distance(points[i], points[i + 1], points[i + 2]) < EXACT) {
                        return true;
                    }
                }
                return false;
            });
            assertTrue(drawn, "a mesh point at " + corner);
        }
    }

    @Test
    void roofOutlineIsFortyFourMetresAroundAndEnclosesOneHundredTwentySquareMetres() {
        List<Point3D> roof = ring("RoofSurface");
        List<Point3D> around = new ArrayList<>(roof);
        around.add(roof.get(0));
        assertEquals(2 * (12 + 10), Measurement.of(around).distanceMetres(), EXACT);
        assertEquals(12 * 10, Measurement.of(roof).groundAreaSquareMetres(), EXACT);
        assertEquals(12 * 10, Measurement.of(roof).planarAreaSquareMetres(), EXACT);
        assertEquals(0, Measurement.of(roof).heightMetres(), EXACT);
    }

    @Test
    void fromAGroundCornerUpToTheRoofIsTheBuildingsHeight() {
        Point3D ground = ring("GroundSurface").get(0);
        Point3D roof = corner(ring("RoofSurface"), ground.getX(), ground.getZ());
        Measurement up = Measurement.of(ground, roof);
        assertEquals(14, up.heightMetres(), EXACT);
        assertEquals(14, up.distanceMetres(), EXACT);
        assertTrue(roof.getY() < ground.getY(), "the roof is above the ground, so its y is smaller");
    }

    @Test
    void diagonalThroughTheHouseIsTheSpaceDiagonalOfItsBox() {
        List<Point3D> footprint = ring("GroundSurface");
        Point3D ground = footprint.get(0);
        // The roof corner diagonally across: the footprint's centre lies halfway between the two.
        double centreX = footprint.stream().mapToDouble(Point3D::getX).average().orElseThrow();
        double centreZ = footprint.stream().mapToDouble(Point3D::getZ).average().orElseThrow();
        Point3D across = corner(ring("RoofSurface"), 2 * centreX - ground.getX(), 2 * centreZ - ground.getZ());
        Measurement diagonal = Measurement.of(ground, across);
        assertEquals(Math.sqrt(12 * 12 + 10 * 10 + 14 * 14), diagonal.distanceMetres(), EXACT);
        assertEquals(14, diagonal.heightMetres(), EXACT);
    }

    @Test
    void aWallCoversNoGroundButHasItsTrueAreaInItsPlane() {
        Geometry geometry = model.object("house-b").geometryFor(LodChoice.HIGHEST);
        assertEquals("WallSurface", geometry.semanticType(2));
        List<Point3D> wall = ring("WallSurface");
        Measurement measurement = Measurement.of(wall);
        assertEquals(0, measurement.groundAreaSquareMetres(), EXACT);
        // The first wall of house B runs along its 12 m side.
        assertEquals(12 * 14, measurement.planarAreaSquareMetres(), EXACT);
    }

    @Test
    void aRoofPitchedAtFortyFiveDegreesIsLargerThanWhatItCovers() {
        Measurement pitched = Measurement.of(new Point3D(0, -10, 0), new Point3D(10, -10, 0), new Point3D(10, -15, 5), new Point3D(0, -15, 5));
        assertEquals(10 * 5, pitched.groundAreaSquareMetres(), EXACT);
        assertEquals(10 * 5 * Math.sqrt(2), pitched.planarAreaSquareMetres(), EXACT);
        assertEquals(5, pitched.heightMetres(), EXACT);
    }

    @Test
    void tooFewPointsMeasureNothing() {
        Point3D point = new Point3D(3, -4, 5);
        assertEquals(0, Measurement.EMPTY.distanceMetres());
        assertEquals(0, Measurement.of(point).heightMetres());
        assertEquals(0, Measurement.of(point, new Point3D(9, -1, 2)).groundAreaSquareMetres(), EXACT);
    }

    @Test
    void addingAPointLeavesTheEarlierMeasurementAsItWas() {
        Measurement one = Measurement.EMPTY.with(new Point3D(0, 0, 0));
        Measurement two = one.with(new Point3D(3, 0, 4));
        assertEquals(1, one.points().size());
        assertEquals(5, two.distanceMetres(), EXACT);
    }
}
