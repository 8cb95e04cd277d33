package de.dormagentwin.model.geometry;

/** Rings in plan as x, y pairs (x east, y north), without a repeated closing point. */
public final class PlanRings {
    private PlanRings() {
    }

    /** The shoelace area of a ring: positive when it runs anticlockwise seen from above. */
    public static double signedArea(double[] ring) {
        int count = ring.length / 2;
        // Relative to the first point: EPSG:25832 northings near 5.7 million would cancel away the digits.
        double x0 = ring[0];
        double y0 = ring[1];
        double twiceArea = 0;
        for (int i = 0; i < count; i++) {
            int next = (i + 1) % count;
            twiceArea += (ring[i * 2] - x0) * (ring[next * 2 + 1] - y0) - (ring[next * 2] - x0) * (ring[i * 2 + 1] - y0);
        }
        return twiceArea / 2;
    }

    /** The same ring run the other way round. */
    public static double[] reversed(double[] ring) {
        int count = ring.length / 2;
        double[] reversed = new double[ring.length];
        for (int i = 0; i < count; i++) {
            reversed[i * 2] = ring[(count - 1 - i) * 2];
            reversed[i * 2 + 1] = ring[(count - 1 - i) * 2 + 1];
        }
        return reversed;
    }
}
