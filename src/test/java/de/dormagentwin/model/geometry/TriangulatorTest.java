package de.dormagentwin.model.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TriangulatorTest {

    private static final double UTM_EAST = 350_000;
    private static final double UTM_NORTH = 5_660_000;
    private static final int RANDOM_CASES = 600;
    private static final long BASE_SEED = 20_240_611L;

    // ---- simple shapes ----

    @Test
    void squareGivesTwoTriangles() {
        double[] xyz = flat(0, 0, 1, 0, 1, 1, 0, 1);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0}, 4);

        assertEquals(6, triangles.length);
        assertEquals(1.0, area(xyz, triangles), 1e-12);
        assertAllFace(xyz, triangles, new double[] {0, 0, 1}, "square");
    }

    @Test
    void concaveUShapeIsCoveredWithoutFillingTheNotch() {
        double[] xyz = flat(0, 0, 3, 0, 3, 3, 2, 3, 2, 1, 1, 1, 1, 3, 0, 3);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0}, 8);

        assertEquals(3 * 6, triangles.length);
        assertEquals(7.0, area(xyz, triangles), 1e-12);
        assertAllFace(xyz, triangles, new double[] {0, 0, 1}, "U shape");
        assertNoCentroidIn(xyz, triangles, 1, 2, 1, 3);
    }

    @Test
    void concaveLShapeKeepsItsArea() {
        double[] xyz = flat(0, 0, 4, 0, 4, 1, 1, 1, 1, 5, 0, 5);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0}, 6);

        assertEquals(3 * 4, triangles.length);
        assertEquals(8.0, area(xyz, triangles), 1e-12);
        assertAllFace(xyz, triangles, new double[] {0, 0, 1}, "L shape");
        assertNoCentroidIn(xyz, triangles, 1, 4, 1, 5);
    }

    @Test
    void combShapeKeepsItsArea() {
        double[] xyz = comb(12);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0}, xyz.length / 3);

        assertEquals(3 * (xyz.length / 3 - 2), triangles.length);
        assertEquals(combArea(12), area(xyz, triangles), 1e-9);
        assertAllFace(xyz, triangles, new double[] {0, 0, 1}, "comb");
        for (int gap = 0; gap < 11; gap++) {
            assertNoCentroidIn(xyz, triangles, 2 * gap + 1, 2 * gap + 2, 1, 6);
        }
    }

    @Test
    void collinearVerticesAlongAnEdgeAreAllowed() {
        double[] xyz = flat(0, 0, 1, 0, 2, 0, 3, 0, 3, 1, 3, 2, 0, 2);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0}, 7);

        assertEquals(6.0, area(xyz, triangles), 1e-12);
        assertAllFace(xyz, triangles, new double[] {0, 0, 1}, "collinear edge points");
    }

    // ---- holes ----

    @Test
    void squareWithSquareHoleLeavesTheHoleOpen() {
        // The hole runs the same way as the outer ring, so it has to be reversed internally.
        double[] xyz = flat(0, 0, 10, 0, 10, 10, 0, 10, 4, 4, 6, 4, 6, 6, 4, 6);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0, 4}, 8);

        assertEquals(3 * 8, triangles.length);
        assertEquals(100.0 - 4.0, area(xyz, triangles), 1e-9);
        assertAllFace(xyz, triangles, new double[] {0, 0, 1}, "square with hole");
        assertNoCentroidIn(xyz, triangles, 4, 6, 4, 6);
    }

    @Test
    void polygonWithTwoHolesKeepsOuterMinusHolesArea() {
        double[] xyz = flat(
                0, 0, 20, 0, 20, 10, 0, 10,
                2, 2, 2, 5, 6, 5, 6, 2,
                12, 3, 17, 3, 17, 8, 12, 8);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0, 4, 8}, 12);

        assertEquals(3 * (12 + 2 * 2 - 2), triangles.length);
        assertEquals(200.0 - 12.0 - 25.0, area(xyz, triangles), 1e-9);
        assertAllFace(xyz, triangles, new double[] {0, 0, 1}, "two holes");
        assertNoCentroidIn(xyz, triangles, 2, 6, 2, 5);
        assertNoCentroidIn(xyz, triangles, 12, 17, 3, 8);
    }

    @Test
    void holesWithoutAreaAreIgnored() {
        double[] xyz = flat(
                0, 0, 10, 0, 10, 10, 0, 10,
                2, 2, 3, 3, 4, 4,
                5, 5, 5, 5);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0, 4, 7}, 9);

        assertEquals(100.0, area(xyz, triangles), 1e-9);
        assertAllFace(xyz, triangles, new double[] {0, 0, 1}, "degenerate holes");
    }

    // ---- input clean-up ----

    @Test
    void repeatedClosingVertexIsDropped() {
        double[] xyz = flat(0, 0, 2, 0, 2, 2, 0, 2, 0, 0);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0}, 5);

        assertEquals(6, triangles.length);
        assertEquals(4.0, area(xyz, triangles), 1e-12);
        assertTrue(Arrays.stream(triangles).allMatch(i -> i < 4), Arrays.toString(triangles));
    }

    @Test
    void consecutiveDuplicatesAreDroppedButIndicesStayOriginal() {
        double[] xyz = flat(0, 0, 2, 0, 2, 0, 2, 2, 0, 2, 0, 2, 0, 2);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0}, 7);

        assertEquals(6, triangles.length);
        assertEquals(4.0, area(xyz, triangles), 1e-12);
        int[] used = Arrays.stream(triangles).distinct().sorted().toArray();
        assertArrayEquals(new int[] {0, 1, 3, 4}, used);
    }

    @Test
    void zeroAreaSliverGivesNoTriangles() {
        double[] flatLine = flat(0, 0, 1, 0, 2, 0, 3, 0);
        assertEquals(0, Triangulator.triangulate(flatLine, new int[] {0}, 4).length);

        double[] backAndForth = flat(0, 0, 1, 1, 2, 2, 1, 1);
        assertEquals(0, Triangulator.triangulate(backAndForth, new int[] {0}, 4).length);

        // Collinear in exact arithmetic only: the coordinates are rounded to doubles.
        double[] georeferenced = new double[15];
        for (int i = 0; i < 5; i++) {
            double t = 0.37 * i * i + 1.1 * i;
            georeferenced[3 * i] = UTM_EAST + 0.1 + 0.48 * t;
            georeferenced[3 * i + 1] = UTM_NORTH + 0.3 + 0.64 * t;
            georeferenced[3 * i + 2] = 41.7 + 0.6 * t;
        }
        assertEquals(0, Triangulator.triangulate(georeferenced, new int[] {0}, 5).length);
    }

    @Test
    void fewerThanThreeDistinctVerticesGiveNoTriangles() {
        assertEquals(0, Triangulator.triangulate(flat(0, 0, 1, 1), new int[] {0}, 2).length);
        assertEquals(0, Triangulator.triangulate(flat(0, 0, 1, 1, 1, 1, 0, 0), new int[] {0}, 4).length);
        assertEquals(0, Triangulator.triangulate(flat(5, 5, 5, 5, 5, 5), new int[] {0}, 3).length);
    }

    @Test
    void malformedInputNeverThrows() {
        double[] square = flat(0, 0, 1, 0, 1, 1, 0, 1);
        double nan = Double.NaN;
        assertDoesNotThrow(() -> {
            assertEquals(0, Triangulator.triangulate(null, new int[] {0}, 4).length);
            assertEquals(6, Triangulator.triangulate(square, null, 4).length);
            assertEquals(6, Triangulator.triangulate(square, new int[0], 4).length);
            assertEquals(6, Triangulator.triangulate(square, new int[] {0}, 40).length);
            assertEquals(0, Triangulator.triangulate(square, new int[] {0}, -1).length);
            assertEquals(0, Triangulator.triangulate(square, new int[] {7}, 4).length);
            assertEquals(0, Triangulator.triangulate(square, new int[] {-3}, 4).length);
            assertEquals(6, Triangulator.triangulate(square, new int[] {0, 9, 2}, 4).length);
            assertEquals(0, Triangulator.triangulate(flat(0, 0, nan, 0, 1, 1), new int[] {0}, 3).length);
            // A self-intersecting bow tie has no right answer, only a requirement to terminate.
            Triangulator.triangulate(flat(0, 0, 2, 2, 2, 0, 0, 2), new int[] {0}, 4);
            // A hole outside the outer ring cannot be bridged and is left out.
            Triangulator.triangulate(flat(0, 0, 1, 0, 1, 1, 0, 1, 5, 5, 6, 5, 6, 6), new int[] {0, 4}, 7);
        });
    }

    // ---- 3D orientation ----

    @Test
    void verticalWallWithWindowIsTriangulatedInItsOwnPlane() {
        double y = UTM_NORTH + 12.5;
        double[] xyz = {
            UTM_EAST, y, 40, UTM_EAST + 12, y, 40, UTM_EAST + 12, y, 52, UTM_EAST, y, 52,
            UTM_EAST + 2, y, 44, UTM_EAST + 2, y, 46, UTM_EAST + 4, y, 46, UTM_EAST + 4, y, 44,
        };
        double[] normal = new double[3];
        Triangulator.newellNormal(xyz, 0, 4, normal);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0, 4}, 8);

        assertEquals(144.0 - 4.0, area(xyz, triangles), 1e-9);
        assertEquals(-1.0, Math.signum(normal[1]));
        assertAllFace(xyz, triangles, new double[] {0, -1, 0}, "wall");
    }

    @Test
    void tiltedRoofIsTriangulatedIn3d() {
        double[] footprint = {0, 0, 10, 0, 10, 4, 4, 4, 4, 8, 0, 8};
        double[] xyz = new double[18];
        for (int i = 0; i < 6; i++) {
            double fx = footprint[2 * i];
            double fy = footprint[2 * i + 1];
            xyz[3 * i] = UTM_EAST + 123.25 + fx;
            xyz[3 * i + 1] = UTM_NORTH + 77.5 + fy;
            xyz[3 * i + 2] = 60 + 0.3 * fx + 0.4 * fy;
        }

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0}, 6);

        assertEquals(3 * 4, triangles.length);
        assertEquals(56.0 * Math.sqrt(1.25), area(xyz, triangles), 1e-9);
        assertAllFace(xyz, triangles, new double[] {-0.3, -0.4, 1}, "roof");
    }

    @Test
    void outputWindingFollowsTheOuterRingsNormal() {
        double[] counterClockwise = flat(0, 0, 3, 0, 3, 1, 1, 1, 1, 3, 0, 3);
        double[] clockwise = flat(0, 3, 1, 3, 1, 1, 3, 1, 3, 0, 0, 0);

        for (double[] xyz : new double[][] {counterClockwise, clockwise}) {
            double[] normal = new double[3];
            Triangulator.newellNormal(xyz, 0, 6, normal);
            int[] triangles = Triangulator.triangulate(xyz, new int[] {0}, 6);
            assertEquals(5.0, area(xyz, triangles), 1e-12);
            assertAllFace(xyz, triangles, normal, "winding");
        }
        double[] normal = new double[3];
        Triangulator.newellNormal(clockwise, 0, 6, normal);
        assertTrue(normal[2] < 0);
    }

    @Test
    void newellNormalIsTwiceTheAreaAlongTheFaceNormal() {
        double[] xyz = {
            UTM_EAST, UTM_NORTH, 10, UTM_EAST + 4, UTM_NORTH, 10,
            UTM_EAST + 4, UTM_NORTH, 13, UTM_EAST, UTM_NORTH, 13, UTM_EAST, UTM_NORTH, 10,
        };
        double[] normal = new double[3];

        double length = Triangulator.newellNormal(xyz, 0, 5, normal);

        assertEquals(24.0, length, 1e-9);
        assertArrayEquals(new double[] {0, -24, 0}, normal, 1e-9);
    }

    // ---- scale ----

    @Test
    void thousandVertexCombTriangulatesCompletely() {
        double[] xyz = comb(250);
        assertEquals(1000, xyz.length / 3);

        int[] triangles = Triangulator.triangulate(xyz, new int[] {0}, 1000);

        assertEquals(3 * 998, triangles.length);
        assertEquals(combArea(250), area(xyz, triangles), 1e-6);
    }

    // ---- properties over random polygons ----

    @Test
    void randomPolygonsKeepTheirAreaAsOuterMinusHoles() {
        forEachRandomPolygon((polygon, label) -> {
            int[] triangles = Triangulator.triangulate(polygon.xyz, polygon.ringStarts, polygon.vertexCount);
            double area = area(polygon.xyz, triangles);
            assertEquals(polygon.area, area, 1e-6 * polygon.area, label + ": area of " + triangles.length / 3 + " triangles");
        });
    }

    @Test
    void randomPolygonsGiveTrianglesFacingThePolygonNormal() {
        forEachRandomPolygon((polygon, label) -> {
            int[] triangles = Triangulator.triangulate(polygon.xyz, polygon.ringStarts, polygon.vertexCount);
            double[] newell = new double[3];
            double length = Triangulator.newellNormal(polygon.xyz, 0, polygon.ringStarts.length > 1
                    ? polygon.ringStarts[1] : polygon.vertexCount, newell);
            assertTrue(dot(newell, polygon.normal) > 0.999 * length, label + ": Newell normal direction");
            for (int t = 0; t < triangles.length; t += 3) {
                double facing = dot(triangleNormal(polygon.xyz, triangles, t), polygon.normal);
                assertTrue(facing >= -1e-9 * polygon.area, label + ": triangle " + t / 3 + " faces away, " + facing);
            }
        });
    }

    @Test
    void randomPolygonsGiveOnlyIndicesInRange() {
        forEachRandomPolygon((polygon, label) -> {
            int[] triangles = Triangulator.triangulate(polygon.xyz, polygon.ringStarts, polygon.vertexCount);
            assertEquals(0, triangles.length % 3, label);
            assertFalse(triangles.length == 0, label + ": no triangles");
            for (int index : triangles) {
                assertTrue(index >= 0 && index < polygon.vertexCount, label + ": index " + index);
            }
        });
    }

    @Test
    void randomPolygonsGiveTrianglesInsideTheOuterRingAndOutsideTheHoles() {
        forEachRandomPolygon((polygon, label) -> {
            int[] triangles = Triangulator.triangulate(polygon.xyz, polygon.ringStarts, polygon.vertexCount);
            for (int t = 0; t < triangles.length; t += 3) {
                // A sliver's centroid can sit on the boundary within rounding; it cannot hide area.
                if (length(triangleNormal(polygon.xyz, triangles, t)) < 1e-9 * polygon.area) {
                    continue;
                }
                double u = 0;
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    u += polygon.plane[2 * triangles[t + k]] / 3;
                    v += polygon.plane[2 * triangles[t + k] + 1] / 3;
                }
                assertTrue(polygon.contains(u, v), label + ": triangle " + t / 3 + " lies outside the polygon");
            }
        });
    }

    @Test
    void randomSelfIntersectingRingsNeverThrowAndKeepTheirWinding() {
        for (int i = 0; i < 2000; i++) {
            long seed = BASE_SEED + i;
            String label = "garbage case " + i + " (seed " + seed + ")";
            Random random = new Random(seed);
            int count = 3 + random.nextInt(40);
            int grid = 2 + random.nextInt(8);
            double[] xyz = new double[3 * count];
            for (int v = 0; v < count; v++) {
                // A small grid makes repeated, collinear and touching vertices common.
                xyz[3 * v] = random.nextInt(grid);
                xyz[3 * v + 1] = random.nextInt(grid);
            }
            int[] ringStarts = {0, count / 2 + random.nextInt(count / 2 + 1)};
            double[] normal = new double[3];
            Triangulator.newellNormal(xyz, 0, ringStarts[1], normal);

            int[] triangles = assertDoesNotThrow(() -> Triangulator.triangulate(xyz, ringStarts, count), label);

            for (int t = 0; t < triangles.length; t += 3) {
                for (int k = 0; k < 3; k++) {
                    assertTrue(triangles[t + k] >= 0 && triangles[t + k] < count, label + ": index out of range");
                }
                assertTrue(dot(triangleNormal(xyz, triangles, t), normal) > 0, label + ": triangle " + t / 3 + " faces away");
            }
        }
    }

    private interface PolygonCheck {
        void check(RandomPolygon polygon, String label);
    }

    private static void forEachRandomPolygon(PolygonCheck check) {
        for (int i = 0; i < RANDOM_CASES; i++) {
            long seed = BASE_SEED + i;
            check.check(RandomPolygon.generate(seed), "case " + i + " (seed " + seed + ")");
        }
    }

    /**
     * A star-shaped outer ring with up to three small star-shaped holes well inside it, built in a
     * 2D plane, then placed into 3D with a random rotation at UTM-like coordinates.
     */
    private record RandomPolygon(double[] xyz, int[] ringStarts, int vertexCount, double[] plane,
                                 double area, double[] normal) {

        static RandomPolygon generate(long seed) {
            Random random = new Random(seed);
            double radius = 2 + 60 * random.nextDouble();
            double[] outer = starRing(random, 5 + random.nextInt(36), 0, 0, radius);
            double clearance = distanceToBoundary(outer);

            int holeCount = random.nextInt(4);
            double[][] rings = new double[1 + holeCount][];
            rings[0] = outer;
            double area = Math.abs(signedArea(outer));
            double firstAngle = 2 * Math.PI * random.nextDouble();
            for (int h = 0; h < holeCount; h++) {
                // Centres 120 degrees apart (give or take 0.3 rad) at 45-60% of the clearance, with
                // radii up to 25% of it, keep holes apart from each other and from the outer ring.
                double angle = firstAngle + h * 2 * Math.PI / 3 + 0.6 * (random.nextDouble() - 0.5);
                double distance = clearance * (0.45 + 0.15 * random.nextDouble());
                double holeRadius = clearance * (0.1 + 0.15 * random.nextDouble());
                rings[1 + h] = starRing(random, 3 + random.nextInt(10),
                        distance * Math.cos(angle), distance * Math.sin(angle), holeRadius);
                area -= Math.abs(signedArea(rings[1 + h]));
            }

            boolean outerReversed = random.nextBoolean();
            for (int r = 0; r < rings.length; r++) {
                if (r == 0 ? outerReversed : random.nextBoolean()) {
                    rings[r] = reversed(rings[r]);
                }
                rings[r] = withDuplicates(random, rings[r]);
            }

            int vertexCount = 0;
            int[] ringStarts = new int[rings.length];
            for (int r = 0; r < rings.length; r++) {
                ringStarts[r] = vertexCount;
                vertexCount += rings[r].length / 2;
            }
            double[] plane = new double[2 * vertexCount];
            for (int r = 0; r < rings.length; r++) {
                System.arraycopy(rings[r], 0, plane, 2 * ringStarts[r], rings[r].length);
            }

            double[][] frame = randomFrame(random);
            double[] origin = {
                UTM_EAST + 10_000 * random.nextDouble(),
                UTM_NORTH + 10_000 * random.nextDouble(),
                30 + 100 * random.nextDouble(),
            };
            double[] xyz = new double[3 * vertexCount];
            for (int i = 0; i < vertexCount; i++) {
                for (int axis = 0; axis < 3; axis++) {
                    xyz[3 * i + axis] = origin[axis] + plane[2 * i] * frame[0][axis] + plane[2 * i + 1] * frame[1][axis];
                }
            }
            double[] normal = frame[2].clone();
            if (outerReversed) {
                for (int axis = 0; axis < 3; axis++) {
                    normal[axis] = -normal[axis];
                }
            }
            return new RandomPolygon(xyz, ringStarts, vertexCount, plane, area, normal);
        }

        /** Even-odd test against all rings in the 2D construction plane. */
        boolean contains(double u, double v) {
            boolean inside = false;
            for (int r = 0; r < ringStarts.length; r++) {
                int start = ringStarts[r];
                int end = r + 1 < ringStarts.length ? ringStarts[r + 1] : vertexCount;
                for (int i = start, j = end - 1; i < end; j = i++) {
                    double ui = plane[2 * i];
                    double vi = plane[2 * i + 1];
                    double uj = plane[2 * j];
                    double vj = plane[2 * j + 1];
                    if ((vi > v) != (vj > v) && u < (uj - ui) * (v - vi) / (vj - vi) + ui) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }

        /**
         * Vertices at sorted random angles and random radii around a centre. Angular gaps stay
         * below 0.9 pi, which keeps the ring simple and counter-clockwise around its centre.
         */
        private static double[] starRing(Random random, int count, double cx, double cy, double radius) {
            double[] angles = new double[count];
            for (int attempt = 0; attempt < 10_000; attempt++) {
                for (int k = 0; k < count; k++) {
                    angles[k] = 2 * Math.PI * random.nextDouble();
                }
                Arrays.sort(angles);
                double largestGap = angles[0] + 2 * Math.PI - angles[count - 1];
                for (int k = 1; k < count; k++) {
                    largestGap = Math.max(largestGap, angles[k] - angles[k - 1]);
                }
                if (largestGap < 0.9 * Math.PI) {
                    break;
                }
            }
            double[] ring = new double[2 * count];
            for (int k = 0; k < count; k++) {
                double r = radius * (0.3 + 0.7 * random.nextDouble());
                ring[2 * k] = cx + r * Math.cos(angles[k]);
                ring[2 * k + 1] = cy + r * Math.sin(angles[k]);
            }
            return ring;
        }

        /** Distance from the origin (the outer ring's centre) to the nearest point of the ring. */
        private static double distanceToBoundary(double[] ring) {
            int count = ring.length / 2;
            double nearest = Double.POSITIVE_INFINITY;
            for (int i = 0, j = count - 1; i < count; j = i++) {
                double ax = ring[2 * j];
                double ay = ring[2 * j + 1];
                double dx = ring[2 * i] - ax;
                double dy = ring[2 * i + 1] - ay;
                double t = Math.clamp(-(ax * dx + ay * dy) / (dx * dx + dy * dy), 0.0, 1.0);
                nearest = Math.min(nearest, Math.hypot(ax + t * dx, ay + t * dy));
            }
            return nearest;
        }

        private static double signedArea(double[] ring) {
            int count = ring.length / 2;
            double sum = 0;
            for (int i = 0, j = count - 1; i < count; j = i++) {
                sum += ring[2 * j] * ring[2 * i + 1] - ring[2 * i] * ring[2 * j + 1];
            }
            return sum / 2;
        }

        private static double[] reversed(double[] ring) {
            int count = ring.length / 2;
            double[] result = new double[ring.length];
            for (int k = 0; k < count; k++) {
                result[2 * k] = ring[2 * (count - 1 - k)];
                result[2 * k + 1] = ring[2 * (count - 1 - k) + 1];
            }
            return result;
        }

        /** Repeats some vertices in place and sometimes closes the ring, as CityGML data often does. */
        private static double[] withDuplicates(Random random, double[] ring) {
            int count = ring.length / 2;
            double[] result = new double[4 * count + 2];
            int size = 0;
            for (int k = 0; k < count; k++) {
                int copies = random.nextInt(10) == 0 ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    result[size++] = ring[2 * k];
                    result[size++] = ring[2 * k + 1];
                }
            }
            if (random.nextInt(3) == 0) {
                result[size++] = ring[0];
                result[size++] = ring[1];
            }
            return Arrays.copyOf(result, size);
        }

        /** Two in-plane axes and the normal; a quarter of the planes are axis-aligned walls or floors. */
        private static double[][] randomFrame(Random random) {
            double[] normal;
            if (random.nextInt(4) == 0) {
                normal = new double[3];
                normal[random.nextInt(3)] = random.nextBoolean() ? 1 : -1;
            } else {
                normal = normalised(new double[] {
                    random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                });
            }
            double[] helper = Math.abs(normal[0]) < 0.6 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
            double[] first = normalised(crossProduct(normal, helper));
            double[] second = crossProduct(normal, first);
            return new double[][] {first, second, normal};
        }
    }

    // ---- helpers ----

    /** 2D (x, y) pairs as 3D vertices at z = 0. */
    private static double[] flat(double... xy) {
        double[] xyz = new double[xy.length / 2 * 3];
        for (int i = 0; i < xy.length / 2; i++) {
            xyz[3 * i] = xy[2 * i];
            xyz[3 * i + 1] = xy[2 * i + 1];
        }
        return xyz;
    }

    /** A comb with the given number of 1x5 teeth standing on a base 1 high, counter-clockwise. */
    private static double[] comb(int teeth) {
        double[] xy = new double[2 * 4 * teeth];
        int size = 0;
        double[] start = {0, 0, 2 * teeth - 1, 0};
        for (double value : start) {
            xy[size++] = value;
        }
        for (int k = teeth - 1; k >= 0; k--) {
            double[] tooth = k > 0
                    ? new double[] {2 * k + 1, 6, 2 * k, 6, 2 * k, 1, 2 * k - 1, 1}
                    : new double[] {1, 6, 0, 6};
            for (double value : tooth) {
                xy[size++] = value;
            }
        }
        return flat(Arrays.copyOf(xy, size));
    }

    private static double combArea(int teeth) {
        return (2 * teeth - 1) + 5.0 * teeth;
    }

    private static double area(double[] xyz, int[] triangles) {
        double sum = 0;
        for (int t = 0; t < triangles.length; t += 3) {
            sum += length(triangleNormal(xyz, triangles, t)) / 2;
        }
        return sum;
    }

    /** Unnormalised face normal of triangle t, measured from its first corner to keep UTM precision. */
    private static double[] triangleNormal(double[] xyz, int[] triangles, int t) {
        int a = triangles[t];
        int b = triangles[t + 1];
        int c = triangles[t + 2];
        double[] ab = new double[3];
        double[] ac = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            ab[axis] = xyz[3 * b + axis] - xyz[3 * a + axis];
            ac[axis] = xyz[3 * c + axis] - xyz[3 * a + axis];
        }
        return crossProduct(ab, ac);
    }

    /** Every triangle faces along the expected normal and lies in its plane. */
    private static void assertAllFace(double[] xyz, int[] triangles, double[] expected, String label) {
        double[] unit = normalised(expected);
        for (int t = 0; t < triangles.length; t += 3) {
            double[] normal = triangleNormal(xyz, triangles, t);
            double size = length(normal);
            assertTrue(size > 0, label + ": triangle " + t / 3 + " is degenerate");
            assertEquals(1.0, dot(normal, unit) / size, 1e-9, label + ": triangle " + t / 3 + " direction");
        }
    }

    private static void assertNoCentroidIn(double[] xyz, int[] triangles, double minX, double maxX,
                                           double minY, double maxY) {
        for (int t = 0; t < triangles.length; t += 3) {
            double cx = (xyz[3 * triangles[t]] + xyz[3 * triangles[t + 1]] + xyz[3 * triangles[t + 2]]) / 3;
            double cy = (xyz[3 * triangles[t] + 1] + xyz[3 * triangles[t + 1] + 1] + xyz[3 * triangles[t + 2] + 1]) / 3;
            boolean inside = cx > minX && cx < maxX && cy > minY && cy < maxY;
            assertFalse(inside, "triangle " + t / 3 + " covers the cut-out at " + cx + ", " + cy);
        }
    }

    private static double[] crossProduct(double[] a, double[] b) {
        return new double[] {
            a[1] * b[2] - a[2] * b[1],
            a[2] * b[0] - a[0] * b[2],
            a[0] * b[1] - a[1] * b[0],
        };
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double length(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double[] normalised(double[] v) {
        double size = length(v);
        return new double[] {v[0] / size, v[1] / size, v[2] / size};
    }
}
