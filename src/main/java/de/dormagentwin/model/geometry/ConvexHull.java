package de.dormagentwin.model.geometry;

import java.util.Arrays;

/** The convex hull of points in the plane, by Andrew's monotone chain. */
public final class ConvexHull {
    private ConvexHull() {
    }

    /**
     * The hull of the first {@code count} points of {@code xy} (x and y interleaved), anticlockwise, without
     * repeating its first corner and without corners in the middle of a straight edge. Fewer than three corners
     * where the points lie on one line.
     */
    public static double[] of(double[] xy, int count) {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> xy[a * 2] != xy[b * 2] ? Double.compare(xy[a * 2], xy[b * 2]) : Double.compare(xy[a * 2 + 1], xy[b * 2 + 1]));
        if (count < 3) {
            return new double[0];
        }
        int[] hull = new int[2 * count];
        int size = 0;
        // The lower chain left to right, then the upper chain back, each keeping only left turns.
        for (int step = 0; step < count; step++) {
            size = push(xy, hull, size, 2, order[step]);
        }
        int lowerSize = size + 1;
        for (int step = count - 2; step >= 0; step--) {
            size = push(xy, hull, size, lowerSize, order[step]);
        }
        size--;
        double[] corners = new double[Math.max(0, size) * 2];
        for (int i = 0; i < size; i++) {
            corners[i * 2] = xy[hull[i] * 2];
            corners[i * 2 + 1] = xy[hull[i] * 2 + 1];
        }
        return corners;
    }

    private static int push(double[] xy, int[] hull, int size, int floor, int point) {
        while (size >= floor && cross(xy, hull[size - 2], hull[size - 1], point) <= 0) {
            size--;
        }
        hull[size] = point;
        return size + 1;
    }

    private static double cross(double[] xy, int o, int a, int b) {
        return (xy[a * 2] - xy[o * 2]) * (xy[b * 2 + 1] - xy[o * 2 + 1]) - (xy[a * 2 + 1] - xy[o * 2 + 1]) * (xy[b * 2] - xy[o * 2]);
    }
}
