package de.dormagentwin.model.geometry;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvexHullTest {

    private static double[] hull(double... xy) {
        return ConvexHull.of(xy, xy.length / 2);
    }

    /** The corners as "x y" strings, so that a failure shows the whole hull. */
    private static List<String> corners(double[] hull) {
        List<String> corners = new ArrayList<>();
        for (int i = 0; i < hull.length; i += 2) {
            corners.add(hull[i] + " " + hull[i + 1]);
        }
        return corners;
    }

    /** The cross product of (b - a) and (c - a): positive for a left turn. */
    private static double turn(double[] hull, int a, int b, int c) {
        return (hull[b * 2] - hull[a * 2]) * (hull[c * 2 + 1] - hull[a * 2 + 1])
                - (hull[b * 2 + 1] - hull[a * 2 + 1]) * (hull[c * 2] - hull[a * 2]);
    }

    /** Every three consecutive corners, round the end, turn strictly left: anticlockwise, convex, no straight corner. */
    private static void assertStrictlyAnticlockwise(double[] hull) {
        int corners = hull.length / 2;
        assertTrue(corners >= 3, corners(hull).toString());
        for (int i = 0; i < corners; i++) {
            assertTrue(turn(hull, i, (i + 1) % corners, (i + 2) % corners) > 0, "no left turn at corner " + (i + 1) + " of " + corners(hull));
        }
    }

    @Test
    void squareWithAPointInsideIsItsFourCornersAnticlockwiseFromTheLowestLeft() {
        double[] hull = hull(4, 4, 0, 4, 2, 1, 4, 0, 0, 0);
        assertArrayEquals(new double[]{0, 0, 4, 0, 4, 4, 0, 4}, hull, 0);
    }

    @Test
    void triangleGivenClockwiseComesOutAnticlockwise() {
        double[] hull = hull(0, 0, 0, 3, 3, 0);
        assertEquals(3, hull.length / 2, corners(hull).toString());
        assertStrictlyAnticlockwise(hull);
    }

    @Test
    void firstCornerIsNotRepeatedAtTheEnd() {
        // A closed ring as files give it: the first point again at the end.
        double[] hull = hull(0, 0, 5, 0, 5, 2, 0, 2, 0, 0);
        assertEquals(4, hull.length / 2, corners(hull).toString());
        assertTrue(hull[0] != hull[hull.length - 2] || hull[1] != hull[hull.length - 1], corners(hull).toString());
    }

    @Test
    void pointsInTheMiddleOfAStraightEdgeAreNotCorners() {
        // A gable house seen from above: the ridge's ends lie halfway along the short walls.
        double[] hull = hull(0, 0, 10, 0, 10, 4, 10, 8, 0, 8, 0, 4, 5, 0, 5, 8);
        assertArrayEquals(new double[]{0, 0, 10, 0, 10, 8, 0, 8}, hull, 0);
    }

    @Test
    void pointsInsideAreLeftOut() {
        double[] hull = hull(0, 0, 1, 1, 2, 1, 1, 2, 9, 0, 3, 3, 9, 9, 4, 8, 0, 9, 8.9, 8.9);
        assertEquals(List.of("0.0 0.0", "9.0 0.0", "9.0 9.0", "0.0 9.0"), corners(hull));
    }

    @Test
    void pointsOnOneLineGiveFewerThanThreeCorners() {
        assertTrue(hull(0, 0, 1, 1, 2, 2, 3, 3).length / 2 < 3, "a diagonal");
        assertTrue(hull(5, 0, 5, 7, 5, 3, 5, 1).length / 2 < 3, "a vertical line, where only y tells the points apart");
        assertTrue(hull(0, 0, 3, 0, 1, 0).length / 2 < 3, "a horizontal line");
        assertTrue(hull(2, 2, 2, 2, 2, 2).length / 2 < 3, "one point three times");
    }

    @Test
    void fewerThanThreePointsGiveNoHull() {
        assertEquals(0, hull().length);
        assertEquals(0, hull(1, 2).length);
        assertTrue(hull(1, 2, 3, 4).length / 2 < 3);
    }

    @Test
    void repeatedPointsBecomeOneCornerEach() {
        double[] hull = hull(0, 0, 0, 0, 6, 0, 6, 0, 6, 0, 6, 6, 0, 6, 0, 6, 0, 0, 3, 3, 3, 3);
        assertArrayEquals(new double[]{0, 0, 6, 0, 6, 6, 0, 6}, hull, 0);
    }

    @Test
    void repeatedPointsOnTheLowerLeftCornerAreOneCorner() {
        // The corner the chain starts and ends at, given three times and first: it must not come back as the last corner.
        double[] hull = hull(0, 0, 0, 0, 0, 0, 1, 0, 0, 1);
        assertEquals(List.of("0.0 0.0", "1.0 0.0", "0.0 1.0"), corners(hull));
    }

    @Test
    void onlyTheFirstCountPointsAreTaken() {
        double[] xy = {0, 0, 2, 0, 2, 2, 0, 2, 100, 100, -100, 50};
        assertArrayEquals(new double[]{0, 0, 2, 0, 2, 2, 0, 2}, ConvexHull.of(xy, 4), 0);
    }

    @Test
    void theInputIsLeftAsItWas() {
        double[] xy = {3, 3, 0, 0, 1, 1, 3, 0, 0, 3};
        double[] copy = xy.clone();
        ConvexHull.of(xy, 5);
        assertArrayEquals(copy, xy, 0);
    }

    @Test
    void randomPointsLieInsideAStrictlyConvexAnticlockwiseHullMadeOfThem() {
        Random random = new Random(20261129);
        for (int round = 0; round < 200; round++) {
            int count = 3 + random.nextInt(40);
            double[] xy = new double[count * 2];
            for (int i = 0; i < xy.length; i++) {
                // Whole numbers on a small grid, so that repeated and collinear points are common.
                xy[i] = random.nextInt(8);
            }
            double[] hull = ConvexHull.of(xy, count);
            int corners = hull.length / 2;
            if (corners < 3) {
                continue;
            }
            assertStrictlyAnticlockwise(hull);
            for (int corner = 0; corner < corners; corner++) {
                boolean given = false;
                for (int i = 0; i < count && !given; i++) {
                    given = xy[i * 2] == hull[corner * 2] && xy[i * 2 + 1] == hull[corner * 2 + 1];
                }
                assertTrue(given, "corner " + corner + " of " + corners(hull) + " is one of the points");
            }
            for (int i = 0; i < count; i++) {
                for (int corner = 0; corner < corners; corner++) {
                    int next = (corner + 1) % corners;
                    double side = (hull[next * 2] - hull[corner * 2]) * (xy[i * 2 + 1] - hull[corner * 2 + 1])
                            - (hull[next * 2 + 1] - hull[corner * 2 + 1]) * (xy[i * 2] - hull[corner * 2]);
                    assertTrue(side >= 0, "point " + xy[i * 2] + " " + xy[i * 2 + 1] + " lies outside " + corners(hull));
                }
            }
        }
    }
}
