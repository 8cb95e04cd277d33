package de.dormagentwin.sample;

/**
 * Plane geometry on (easting, northing) pairs: polygons are {@code double[][]} of
 * {easting, northing} points without a repeated closing point.
 */
final class Planar {

    private Planar() {
    }

    /** Positive for counter-clockwise rings, in square metres. */
    static double signedArea(double[][] polygon) {
        double twiceArea = 0.0;
        for (int index = 0; index < polygon.length; index++) {
            double[] current = polygon[index];
            double[] next = polygon[(index + 1) % polygon.length];
            twiceArea += current[0] * next[1] - next[0] * current[1];
        }
        return twiceArea / 2.0;
    }

    /** Even-odd rule; points exactly on the boundary may land on either side. */
    static boolean contains(double[][] polygon, double easting, double northing) {
        boolean inside = false;
        for (int index = 0, previous = polygon.length - 1; index < polygon.length; previous = index++) {
            double[] a = polygon[index];
            double[] b = polygon[previous];
            if ((a[1] > northing) != (b[1] > northing)
                    && easting < (b[0] - a[0]) * (northing - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    static double pointToSegmentDistance(double pointEasting, double pointNorthing,
            double startEasting, double startNorthing, double endEasting, double endNorthing) {
        double deltaEasting = endEasting - startEasting;
        double deltaNorthing = endNorthing - startNorthing;
        double lengthSquared = deltaEasting * deltaEasting + deltaNorthing * deltaNorthing;
        double fraction = lengthSquared == 0.0 ? 0.0
                : ((pointEasting - startEasting) * deltaEasting + (pointNorthing - startNorthing) * deltaNorthing)
                        / lengthSquared;
        fraction = Math.max(0.0, Math.min(1.0, fraction));
        return length(pointEasting - (startEasting + fraction * deltaEasting),
                pointNorthing - (startNorthing + fraction * deltaNorthing));
    }

    /** Proper or touching intersection of two closed segments. */
    static boolean segmentsIntersect(double[] a, double[] b, double[] c, double[] d) {
        double abc = cross(a, b, c);
        double abd = cross(a, b, d);
        double cda = cross(c, d, a);
        double cdb = cross(c, d, b);
        if (((abc > 0 && abd < 0) || (abc < 0 && abd > 0)) && ((cda > 0 && cdb < 0) || (cda < 0 && cdb > 0))) {
            return true;
        }
        return (abc == 0 && onSegment(a, b, c)) || (abd == 0 && onSegment(a, b, d))
                || (cda == 0 && onSegment(c, d, a)) || (cdb == 0 && onSegment(c, d, b));
    }

    static double segmentToSegmentDistance(double[] a, double[] b, double[] c, double[] d) {
        if (segmentsIntersect(a, b, c, d)) {
            return 0.0;
        }
        return Math.min(
                Math.min(pointToSegmentDistance(a[0], a[1], c[0], c[1], d[0], d[1]),
                        pointToSegmentDistance(b[0], b[1], c[0], c[1], d[0], d[1])),
                Math.min(pointToSegmentDistance(c[0], c[1], a[0], a[1], b[0], b[1]),
                        pointToSegmentDistance(d[0], d[1], a[0], a[1], b[0], b[1])));
    }

    /** Smallest distance between the boundaries of two polygons (zero when edges cross). */
    static double boundaryDistance(double[][] first, double[][] second) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < first.length; i++) {
            double[] a = first[i];
            double[] b = first[(i + 1) % first.length];
            for (int j = 0; j < second.length; j++) {
                smallest = Math.min(smallest,
                        segmentToSegmentDistance(a, b, second[j], second[(j + 1) % second.length]));
            }
        }
        return smallest;
    }

    /**
     * Whether two convex polygons are at least {@code clearance} apart along some edge normal
     * (separating axis theorem). A conservative test: polygons reported apart really are.
     */
    static boolean convexPolygonsApart(double[][] first, double[][] second, double clearance) {
        return hasSeparatingEdge(first, second, clearance) || hasSeparatingEdge(second, first, clearance);
    }

    private static boolean hasSeparatingEdge(double[][] edgesOf, double[][] other, double clearance) {
        for (int index = 0; index < edgesOf.length; index++) {
            double[] a = edgesOf[index];
            double[] b = edgesOf[(index + 1) % edgesOf.length];
            double normalEasting = b[1] - a[1];
            double normalNorthing = a[0] - b[0];
            double edgeLength = length(normalEasting, normalNorthing);
            normalEasting /= edgeLength;
            normalNorthing /= edgeLength;
            double firstMin = Double.POSITIVE_INFINITY;
            double firstMax = Double.NEGATIVE_INFINITY;
            for (double[] point : edgesOf) {
                double projection = point[0] * normalEasting + point[1] * normalNorthing;
                firstMin = Math.min(firstMin, projection);
                firstMax = Math.max(firstMax, projection);
            }
            double otherMin = Double.POSITIVE_INFINITY;
            double otherMax = Double.NEGATIVE_INFINITY;
            for (double[] point : other) {
                double projection = point[0] * normalEasting + point[1] * normalNorthing;
                otherMin = Math.min(otherMin, projection);
                otherMax = Math.max(otherMax, projection);
            }
            if (otherMin >= firstMax + clearance || firstMin >= otherMax + clearance) {
                return true;
            }
        }
        return false;
    }

    /** Whether no two non-adjacent edges of the ring touch or cross. */
    static boolean isSimple(double[][] polygon) {
        int count = polygon.length;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                boolean adjacent = j == i + 1 || (i == 0 && j == count - 1);
                if (!adjacent && segmentsIntersect(polygon[i], polygon[(i + 1) % count],
                        polygon[j], polygon[(j + 1) % count])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Square root of the sum of squares: exactly rounded on every JVM, unlike {@code Math.hypot},
     * which keeps the generated files byte-identical across machines.
     */
    static double length(double easting, double northing) {
        return Math.sqrt(easting * easting + northing * northing);
    }

    private static double cross(double[] origin, double[] a, double[] b) {
        return (a[0] - origin[0]) * (b[1] - origin[1]) - (a[1] - origin[1]) * (b[0] - origin[0]);
    }

    private static boolean onSegment(double[] a, double[] b, double[] point) {
        return Math.min(a[0], b[0]) <= point[0] && point[0] <= Math.max(a[0], b[0])
                && Math.min(a[1], b[1]) <= point[1] && point[1] <= Math.max(a[1], b[1]);
    }
}
