package de.dormagentwin.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Topology and orientation checks for a solid's shell given as rings of vertex indices. */
final class SolidCheck {

    private SolidCheck() {
    }

    /**
     * Closed with consistent orientation: every directed edge occurs once and its reverse
     * exactly once, so each edge joins two faces that traverse it in opposite directions.
     */
    static boolean isClosedAndConsistentlyOriented(List<int[]> rings) {
        Map<Long, Integer> directedEdges = new HashMap<>();
        for (int[] ring : rings) {
            for (int index = 0; index < ring.length; index++) {
                long edge = edgeKey(ring[index], ring[(index + 1) % ring.length]);
                if (directedEdges.merge(edge, 1, Integer::sum) > 1) {
                    return false;
                }
            }
        }
        for (long edge : directedEdges.keySet()) {
            int from = (int) (edge >>> 32);
            int to = (int) edge;
            if (!directedEdges.containsKey(edgeKey(to, from))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The enclosed volume by the divergence theorem; positive when the rings are
     * counter-clockwise seen from outside, the CityJSON rule.
     */
    static double signedVolume(double[][] vertices, List<int[]> rings) {
        double[] origin = vertices[rings.get(0)[0]];
        double sixTimesVolume = 0.0;
        for (int[] ring : rings) {
            double[] first = relative(vertices[ring[0]], origin);
            for (int index = 1; index + 1 < ring.length; index++) {
                double[] second = relative(vertices[ring[index]], origin);
                double[] third = relative(vertices[ring[index + 1]], origin);
                sixTimesVolume += first[0] * (second[1] * third[2] - second[2] * third[1])
                        - first[1] * (second[0] * third[2] - second[2] * third[0])
                        + first[2] * (second[0] * third[1] - second[1] * third[0]);
            }
        }
        return sixTimesVolume / 6.0;
    }

    private static double[] relative(double[] point, double[] origin) {
        return new double[] {point[0] - origin[0], point[1] - origin[1], point[2] - origin[2]};
    }

    private static long edgeKey(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFF_FFFFL);
    }
}
