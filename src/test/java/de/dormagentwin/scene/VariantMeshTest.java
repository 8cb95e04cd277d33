package de.dormagentwin.scene;

import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.model.PlanningVariant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A variant's buildings become walls and flat roofs in one mesh, on the ground, as high as planned. */
class VariantMeshTest {
    private static final double[] ORIGIN = {349000, 5661700, 40};

    private static PlannedBuilding building(String name, double height, double[]... rings) {
        return new PlannedBuilding(name, List.of(new PlannedBuilding.Polygon(List.of(rings))), height, Map.of());
    }

    private static double[] rectangle(double west, double south, double east, double north) {
        return new double[]{west, south, east, south, east, north, west, north};
    }

    /** min x, y, z, max x, y, z of the points in scene coordinates. */
    private static double[] bounds(VariantMesh mesh) {
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < mesh.points().length; i += 3) {
            for (int axis = 0; axis < 3; axis++) {
                box[axis] = Math.min(box[axis], mesh.points()[i + axis]);
                box[axis + 3] = Math.max(box[axis + 3], mesh.points()[i + axis]);
            }
        }
        return box;
    }

    @Test
    void aBoxHasEightWallTrianglesAndTwoRoofTrianglesWithinItsFootprintAndHeight() {
        VariantMesh mesh = VariantMesh.extrude(new PlanningVariant("box", List.of(building("box", 16, rectangle(349190, 5661772, 349238, 5661796)))), ORIGIN);
        assertEquals(10, mesh.triangleCount());
        assertEquals(10 * 9, mesh.faces().length);
        // Scene x is east of the origin, z north of it, y down from the ground: the roof is at -16.
        assertArrayEquals(new double[]{190, -16, 72, 238, 0, 96}, bounds(mesh), 1e-3);
    }

    @Test
    void aCourtyardAddsWallsInsideAndTheRoofLeavesItOpen() {
        VariantMesh mesh = VariantMesh.extrude(new PlanningVariant("car park", List.of(building("car park", 9,
                rectangle(349252, 5661762, 349292, 5661792), rectangle(349264, 5661772, 349280, 5661782)))), ORIGIN);
        // Walls: 2 per edge of both rings (16); roof: 8 points + 2 per hole - 2 = 8 triangles.
        assertEquals(24, mesh.triangleCount());
        double roofArea = 0;
        for (int face = 0; face < mesh.triangleCount(); face++) {
            if (mesh.faces()[face * 9 + 2] == VariantMesh.ROOF_TEXEL) {
                roofArea += horizontalArea(mesh, face);
            }
        }
        assertEquals(40 * 30 - 16 * 10, roofArea, 1e-3);
    }

    @Test
    void wallsFaceOutwardAndRoofsUpSoBackFaceCullingKeepsThem() {
        VariantMesh mesh = VariantMesh.extrude(new PlanningVariant("car park", List.of(building("car park", 9,
                rectangle(349252, 5661762, 349292, 5661792), rectangle(349264, 5661772, 349280, 5661782)))), ORIGIN);
        // The courtyard's centre: every wall's normal points away from the solid, so the courtyard walls face it and
        // the outer walls face away from it.
        double courtyardX = 272;
        double courtyardZ = 77;
        for (int face = 0; face < mesh.triangleCount(); face++) {
            float[] corner = corner(mesh, face, 0);
            float[] normal = normalOf(mesh, face);
            float[] winding = windingNormal(mesh, face);
            double dot = normal[0] * winding[0] + normal[1] * winding[1] + normal[2] * winding[2];
            assertTrue(dot > 0, "face " + face + " is wound as its normal points");
            if (mesh.faces()[face * 9 + 2] == VariantMesh.ROOF_TEXEL) {
                assertArrayEquals(new float[]{0, -1, 0}, normal, "roofs face up (y points down)");
                continue;
            }
            boolean courtyardWall = corner[0] >= 263 && corner[0] <= 281 && corner[2] >= 71 && corner[2] <= 83;
            double towardsCourtyard = (courtyardX - corner[0]) * normal[0] + (courtyardZ - corner[2]) * normal[2];
            assertTrue(courtyardWall == towardsCourtyard > 0, "face " + face + " faces the right way");
        }
    }

    @Test
    void eachTriangleKnowsItsBuilding() {
        VariantMesh mesh = VariantMesh.extrude(new PlanningVariant("two", List.of(building("a", 10, rectangle(349200, 5661700, 349210, 5661710)),
                building("b", 20, rectangle(349300, 5661700, 349310, 5661710)))), ORIGIN);
        assertArrayEquals(new int[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, mesh.faceToBuilding());
    }

    private static float[] corner(VariantMesh mesh, int face, int corner) {
        int point = mesh.faces()[face * 9 + corner * 3] * 3;
        return new float[]{mesh.points()[point], mesh.points()[point + 1], mesh.points()[point + 2]};
    }

    private static float[] normalOf(VariantMesh mesh, int face) {
        int normal = mesh.faces()[face * 9 + 1] * 3;
        return new float[]{mesh.normals()[normal], mesh.normals()[normal + 1], mesh.normals()[normal + 2]};
    }

    /**
     * The normal the corners' order gives, (b - a) x (c - a). The scene's axes are a rotation of the model's, so
     * this is the same rule by which the city's CityJSON surfaces face outward.
     */
    private static float[] windingNormal(VariantMesh mesh, int face) {
        float[] a = corner(mesh, face, 0);
        float[] b = corner(mesh, face, 1);
        float[] c = corner(mesh, face, 2);
        float ux = b[0] - a[0], uy = b[1] - a[1], uz = b[2] - a[2];
        float vx = c[0] - a[0], vy = c[1] - a[1], vz = c[2] - a[2];
        return new float[]{uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx};
    }

    private static double horizontalArea(VariantMesh mesh, int face) {
        float[] a = corner(mesh, face, 0);
        float[] b = corner(mesh, face, 1);
        float[] c = corner(mesh, face, 2);
        return Math.abs((b[0] - a[0]) * (c[2] - a[2]) - (c[0] - a[0]) * (b[2] - a[2])) / 2;
    }
}
