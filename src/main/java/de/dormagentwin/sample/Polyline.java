package de.dormagentwin.sample;

import de.dormagentwin.model.geo.Utm;

/** A centreline in EPSG:25832, such as a river, a road or a railway line. */
final class Polyline {

    private final double[][] points;

    Polyline(double[][] points) {
        if (points.length < 2) {
            throw new IllegalArgumentException("A polyline needs at least two points");
        }
        this.points = points;
    }

    /** Converts {latitude, longitude} pairs in degrees. */
    static Polyline fromWgs84(double[][] latitudeLongitudePairs) {
        double[][] projected = new double[latitudeLongitudePairs.length][];
        for (int index = 0; index < projected.length; index++) {
            projected[index] = Utm.wgs84ToEtrs89Utm32(latitudeLongitudePairs[index][0],
                    latitudeLongitudePairs[index][1]);
        }
        return new Polyline(projected);
    }

    int pointCount() {
        return points.length;
    }

    double[] point(int index) {
        return points[index];
    }

    int segmentCount() {
        return points.length - 1;
    }

    /** Whether the centreline comes closer than {@code distance} to a polygon or runs inside it. */
    boolean comesWithin(double[][] polygon, double distance) {
        double[] centre = centroid(polygon);
        double polygonRadius = radius(polygon, centre);
        for (int index = 0; index < segmentCount(); index++) {
            double[] start = points[index];
            double[] end = points[index + 1];
            // Cheap reject before the edge-by-edge test: most segments are far away.
            if (Planar.pointToSegmentDistance(centre[0], centre[1], start[0], start[1], end[0], end[1])
                    - polygonRadius >= distance) {
                continue;
            }
            if (Planar.contains(polygon, start[0], start[1])) {
                return true;
            }
            for (int corner = 0; corner < polygon.length; corner++) {
                if (Planar.segmentToSegmentDistance(start, end, polygon[corner],
                        polygon[(corner + 1) % polygon.length]) < distance) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The easting where the line crosses the given northing, searching from the start; for
     * lines that run roughly north-south. NaN where the line does not reach that northing.
     */
    double eastingAtNorthing(double northing) {
        for (int index = 0; index < segmentCount(); index++) {
            double[] start = points[index];
            double[] end = points[index + 1];
            if (Math.min(start[1], end[1]) <= northing && northing <= Math.max(start[1], end[1])
                    && start[1] != end[1]) {
                return start[0] + (end[0] - start[0]) * (northing - start[1]) / (end[1] - start[1]);
            }
        }
        return Double.NaN;
    }

    /**
     * The point of the line nearest to the given one and the line's direction there, as
     * {easting, northing, unit direction easting, unit direction northing}.
     */
    double[] nearestPointWithDirection(double easting, double northing) {
        double smallest = Double.POSITIVE_INFINITY;
        double[] best = null;
        for (int index = 0; index < segmentCount(); index++) {
            double[] start = points[index];
            double[] end = points[index + 1];
            double deltaEasting = end[0] - start[0];
            double deltaNorthing = end[1] - start[1];
            double segmentLength = Planar.length(deltaEasting, deltaNorthing);
            double fraction = ((easting - start[0]) * deltaEasting + (northing - start[1]) * deltaNorthing)
                    / (segmentLength * segmentLength);
            fraction = Math.max(0.0, Math.min(1.0, fraction));
            double nearestEasting = start[0] + fraction * deltaEasting;
            double nearestNorthing = start[1] + fraction * deltaNorthing;
            double distance = Planar.length(easting - nearestEasting, northing - nearestNorthing);
            if (distance < smallest) {
                smallest = distance;
                best = new double[] {nearestEasting, nearestNorthing,
                    deltaEasting / segmentLength, deltaNorthing / segmentLength};
            }
        }
        return best;
    }

    /**
     * Offset of each point sideways, perpendicular to the line and mitred at the joints so
     * strips of neighbouring segments meet without gaps. Positive distances go to the left
     * of the direction of travel.
     *
     * @return per point {easting, northing} of the offset point
     */
    double[][] offsetPoints(double leftDistance) {
        double[][] offset = new double[points.length][];
        for (int index = 0; index < points.length; index++) {
            double[] incoming = index > 0 ? leftNormal(index - 1) : null;
            double[] outgoing = index < segmentCount() ? leftNormal(index) : null;
            double[] normal;
            double mitreScale;
            if (incoming == null) {
                normal = outgoing;
                mitreScale = 1.0;
            } else if (outgoing == null) {
                normal = incoming;
                mitreScale = 1.0;
            } else {
                double[] sum = {incoming[0] + outgoing[0], incoming[1] + outgoing[1]};
                double sumLength = Planar.length(sum[0], sum[1]);
                normal = new double[] {sum[0] / sumLength, sum[1] / sumLength};
                // Lengthen the offset so both neighbouring strips keep their full width.
                mitreScale = 1.0 / (normal[0] * outgoing[0] + normal[1] * outgoing[1]);
            }
            offset[index] = new double[] {
                points[index][0] + normal[0] * leftDistance * mitreScale,
                points[index][1] + normal[1] * leftDistance * mitreScale
            };
        }
        return offset;
    }

    /** Unit vector pointing left of segment {@code index}. */
    double[] leftNormal(int index) {
        double deltaEasting = points[index + 1][0] - points[index][0];
        double deltaNorthing = points[index + 1][1] - points[index][1];
        double segmentLength = Planar.length(deltaEasting, deltaNorthing);
        return new double[] {-deltaNorthing / segmentLength, deltaEasting / segmentLength};
    }

    private static double[] centroid(double[][] polygon) {
        double easting = 0.0;
        double northing = 0.0;
        for (double[] point : polygon) {
            easting += point[0];
            northing += point[1];
        }
        return new double[] {easting / polygon.length, northing / polygon.length};
    }

    private static double radius(double[][] polygon, double[] centre) {
        double largest = 0.0;
        for (double[] point : polygon) {
            largest = Math.max(largest, Planar.length(point[0] - centre[0], point[1] - centre[1]));
        }
        return largest;
    }
}
