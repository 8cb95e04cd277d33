package de.dormagentwin.scene;

/** Axis-aligned boxes as {@code {min x, y, z, max x, y, z}}, the shape {@link ViewFrustum} tests. */
final class Boxes {
    private Boxes() {
    }

    /** A box around nothing, which any point widens. */
    static double[] empty() {
        return new double[]{Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    }

    /** Widens {@code box} to take in every point of a mesh's points array (x, y, z per point). */
    static void include(double[] box, float[] points) {
        for (int i = 0; i < points.length; i += 3) {
            for (int axis = 0; axis < 3; axis++) {
                box[axis] = Math.min(box[axis], points[i + axis]);
                box[axis + 3] = Math.max(box[axis + 3], points[i + axis]);
            }
        }
    }
}
