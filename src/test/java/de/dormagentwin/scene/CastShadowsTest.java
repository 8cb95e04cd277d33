package de.dormagentwin.scene;

import de.dormagentwin.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 10 x 10 x 40 m tower with a 20 x 10 x 6 m house 10 m north of it, the sun due south 30° high, and a sun test that
 * is exact geometry (a ray against the tower's box): the tower's shadow reaches 69 m north, over the middle of the
 * house's south wall and roof. Figures by hand: the roof's shaded part is the tower's 10 m width by the roof's 10 m
 * depth, 100 m²; the wall's is 10 m by its 6 m, 60 m².
 */
class CastShadowsTest {
    private static final double ELEVATION = Math.toRadians(30);
    /** Towards the sun in scene coordinates: south is -z, up is -y. */
    private static final double[] TO_SUN = {0, -Math.sin(ELEVATION), -Math.cos(ELEVATION)};

    @TempDir
    Path folder;

    private CityMeshes town() throws IOException {
        return Fixtures.meshes(Fixtures.writeBoxes(folder.resolve("town.city.json"), new double[] {0, 0, 10, 10, 40}, new double[] {-5, 20, 20, 10, 6}));
    }

    /** Exact: whether the ray from a point towards the sun misses the tower's box (scene coordinates). */
    private static CastShadows.Sunlit pastTheTower(CityMeshes meshes) {
        double x0 = 350000 - meshes.origin()[0];
        double z0 = 5660000 - meshes.origin()[1];
        double groundY = -(40 - meshes.origin()[2]);
        double[] min = {x0, groundY - 40, z0};
        double[] max = {x0 + 10, groundY, z0 + 10};
        return (x, y, z, normalX, normalY, normalZ) -> {
            double[] from = {x, y, z};
            double near = 0;
            double far = Double.POSITIVE_INFINITY;
            for (int axis = 0; axis < 3; axis++) {
                if (Math.abs(TO_SUN[axis]) < 1e-12) {
                    if (from[axis] < min[axis] || from[axis] > max[axis]) {
                        return true;
                    }
                    continue;
                }
                double t1 = (min[axis] - from[axis]) / TO_SUN[axis];
                double t2 = (max[axis] - from[axis]) / TO_SUN[axis];
                near = Math.max(near, Math.min(t1, t2));
                far = Math.min(far, Math.max(t1, t2));
            }
            return near > far;
        };
    }

    private static double filmArea(CastShadows.Shade shade, double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
        float[] film = shade.film();
        double area = 0;
        for (int t = 0; t < film.length; t += 9) {
            boolean inside = true;
            for (int c = t; c < t + 9; c += 3) {
                inside &= film[c] >= minX && film[c] <= maxX && film[c + 1] >= minY && film[c + 1] <= maxY && film[c + 2] >= minZ && film[c + 2] <= maxZ;
            }
            if (inside) {
                double ux = film[t + 3] - film[t], uy = film[t + 4] - film[t + 1], uz = film[t + 5] - film[t + 2];
                double vx = film[t + 6] - film[t], vy = film[t + 7] - film[t + 1], vz = film[t + 8] - film[t + 2];
                double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
                area += Math.sqrt(nx * nx + ny * ny + nz * nz) / 2;
            }
        }
        return area;
    }

    @Test
    void theHouseNorthOfTheTowerIsShadedWhereTheTowerStandsBetweenItAndTheSun() throws IOException {
        CityMeshes meshes = town();
        double x0 = 350000 - meshes.origin()[0];
        double z0 = 5660000 - meshes.origin()[1];
        double groundY = -(40 - meshes.origin()[2]);
        CastShadows.Shade shade = CastShadows.shade(meshes.parts(), null, CastShadows.Area.around(x0, z0, 300), TO_SUN, pastTheTower(meshes));

        double roofY = groundY - 6;
        double roof = filmArea(shade, x0 - 6, roofY - 1, z0 + 19, x0 + 16, roofY, z0 + 31);
        assertEquals(100, roof, 10, "the roof's shaded part is the tower's width by the roof's depth");
        double wall = filmArea(shade, x0 - 6, roofY - 0.05, z0 + 19, x0 + 16, groundY + 0.05, z0 + 20.5);
        assertEquals(60, wall, 8, "the south wall's shaded part is the tower's width by the wall's height");
        double towerRoof = filmArea(shade, x0 - 1, groundY - 41, z0 - 1, x0 + 11, groundY - 39, z0 + 11);
        assertEquals(0, towerRoof, 1e-9, "nothing stands between the tower's roof and the sun");
        double houseRoofEnds = filmArea(shade, x0 - 6, roofY - 1, z0 + 19, x0 - 1, roofY, z0 + 31) + filmArea(shade, x0 + 11, roofY - 1, z0 + 19, x0 + 16, roofY, z0 + 31);
        assertEquals(0, houseRoofEnds, 1e-9, "the roof beside the tower's shadow is in the sun");
    }

    @Test
    void theGroundIsShadedAsFarNorthAsTheTowerCastsAndNotSouthOfIt() throws IOException {
        CityMeshes meshes = town();
        double x0 = 350000 - meshes.origin()[0];
        double z0 = 5660000 - meshes.origin()[1];
        CastShadows.Shade shade = CastShadows.shade(meshes.parts(), null, CastShadows.Area.around(x0, z0, 300), TO_SUN, pastTheTower(meshes));
        double reach = 40 / Math.tan(ELEVATION);

        assertTrue(shade.groundShaded(x0 + 2, z0 + 14), "between the tower and the house");
        assertTrue(shade.groundShaded(x0 + 5, z0 + 10 + reach - 3), "at the end of the shadow");
        assertFalse(shade.groundShaded(x0 + 5, z0 + 10 + reach + 3), "beyond the shadow");
        assertFalse(shade.groundShaded(x0 + 5, z0 - 5), "south of the tower");
        assertFalse(shade.groundShaded(x0 - 5, z0 + 40), "west of the shadow");
        assertFalse(shade.groundShaded(x0 + 5, z0 + 5), "under the tower the image stays clear: it would show past the tower's walls");
        assertFalse(shade.groundShaded(x0 + 5, z0 + 25), "under the house, in the tower's shadow, clear too");
    }

    @Test
    void surfacesThatFaceAwayFromTheSunGetNoFilm() throws IOException {
        CityMeshes meshes = town();
        double x0 = 350000 - meshes.origin()[0];
        double z0 = 5660000 - meshes.origin()[1];
        double groundY = -(40 - meshes.origin()[2]);
        CastShadows.Shade everywhere = CastShadows.shade(meshes.parts(), null, CastShadows.Area.around(x0, z0, 300), TO_SUN, (x, y, z, normalX, normalY, normalZ) -> false);

        assertEquals(0, filmArea(everywhere, x0 - 100, groundY - 50, z0 + 9.9, x0 + 100, groundY, z0 + 10.1), 1e-9, "the tower's north wall");
        assertEquals(100, filmArea(everywhere, x0 - 1, groundY - 41, z0 - 1, x0 + 11, groundY - 39, z0 + 11), 1e-6, "the tower's roof, all in shade");
        assertEquals(400, filmArea(everywhere, x0 - 1, groundY - 41, z0 - 1, x0 + 11, groundY, z0 + 0.5), 1e-6, "the tower's south wall");
    }
}
