package de.dormagentwin.sample;

/**
 * Closed solids and surface strips built into a {@link Mesh}. Every ring is counter-clockwise
 * seen from outside, so bottoms run clockwise seen from above and tops counter-clockwise.
 */
final class Shapes {

    private Shapes() {
    }

    /**
     * Extrudes a counter-clockwise polygon from {@code bottom} to {@code top} as one closed
     * shell: bottom, one wall per edge, top.
     *
     * @param semantic whether to tag faces as ground, wall and roof surfaces
     */
    static void prism(Mesh mesh, double[][] polygon, double bottom, double top, boolean semantic) {
        int count = polygon.length;
        int[] lower = new int[count];
        int[] upper = new int[count];
        for (int index = 0; index < count; index++) {
            lower[index] = mesh.addVertex(polygon[index][0], polygon[index][1], bottom);
        }
        for (int index = 0; index < count; index++) {
            upper[index] = mesh.addVertex(polygon[index][0], polygon[index][1], top);
        }
        mesh.addFace(semantic ? SurfaceType.GROUND : null, reversed(lower));
        for (int index = 0; index < count; index++) {
            int next = (index + 1) % count;
            mesh.addFace(semantic ? SurfaceType.WALL : null, lower[index], lower[next], upper[next], upper[index]);
        }
        mesh.addFace(semantic ? SurfaceType.ROOF : null, upper);
    }

    /** A regular polygon approximating a circle, counter-clockwise, first corner due east. */
    static double[][] regularPolygon(double centreEasting, double centreNorthing, double radius, int sides) {
        double[][] polygon = new double[sides][];
        for (int index = 0; index < sides; index++) {
            double angle = 2.0 * Math.PI * index / sides;
            polygon[index] = new double[] {
                centreEasting + radius * StrictMath.cos(angle),
                centreNorthing + radius * StrictMath.sin(angle)
            };
        }
        return polygon;
    }

    /** A closed cylinder as a {@code sides}-sided prism. */
    static void cylinder(Mesh mesh, double centreEasting, double centreNorthing, double radius, int sides,
            double bottom, double top) {
        prism(mesh, regularPolygon(centreEasting, centreNorthing, radius, sides), bottom, top, false);
    }

    /**
     * A closed solid of revolution made of stacked frustums: ring {@code i} has radius
     * {@code radii[i]} at height {@code heights[i]}; heights must increase.
     */
    static void stackedFrustums(Mesh mesh, double centreEasting, double centreNorthing, double[] radii,
            double[] heights, int sides) {
        int[][] rings = new int[radii.length][sides];
        for (int level = 0; level < radii.length; level++) {
            double[][] polygon = regularPolygon(centreEasting, centreNorthing, radii[level], sides);
            for (int index = 0; index < sides; index++) {
                rings[level][index] = mesh.addVertex(polygon[index][0], polygon[index][1], heights[level]);
            }
        }
        mesh.addFace(null, reversed(rings[0]));
        for (int level = 0; level + 1 < radii.length; level++) {
            for (int index = 0; index < sides; index++) {
                int next = (index + 1) % sides;
                mesh.addFace(null, rings[level][index], rings[level][next],
                        rings[level + 1][next], rings[level + 1][index]);
            }
        }
        mesh.addFace(null, rings[radii.length - 1]);
    }

    /**
     * A surface strip along a centreline, facing up: one quadrilateral per segment, the
     * strip's sides mitred at the joints. Heights are given per centreline point, so each
     * cross-section is level and every quadrilateral stays planar on gentle slopes.
     */
    static void strip(Mesh mesh, double[][] leftSide, double[][] rightSide, double[] heights) {
        int[] left = new int[leftSide.length];
        int[] right = new int[rightSide.length];
        for (int index = 0; index < leftSide.length; index++) {
            left[index] = mesh.addVertex(leftSide[index][0], leftSide[index][1], heights[index]);
            right[index] = mesh.addVertex(rightSide[index][0], rightSide[index][1], heights[index]);
        }
        for (int index = 0; index + 1 < leftSide.length; index++) {
            mesh.addFace(null, right[index], right[index + 1], left[index + 1], left[index]);
        }
    }

    static int[] reversed(int[] ring) {
        int[] result = new int[ring.length];
        for (int index = 0; index < ring.length; index++) {
            result[index] = ring[ring.length - 1 - index];
        }
        return result;
    }
}
