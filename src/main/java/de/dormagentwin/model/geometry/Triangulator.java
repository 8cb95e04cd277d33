package de.dormagentwin.model.geometry;

import java.util.Arrays;

/**
 * Triangulates planar 3D polygons with holes (building surfaces) without adding vertices.
 *
 * <p>The polygon is projected onto the coordinate plane its normal is most aligned with, and the
 * 2D polygon is cut into triangles by ear clipping in the manner of Mapbox's earcut: every hole is
 * first joined to the outer boundary by a pair of coincident "bridge" edges, so that the clipper
 * only ever works on a single ring. If clipping stalls (self-touching or numerically awkward
 * input), the ring is cleaned up, local self-intersections are cut off, and as a last resort the
 * ring is split along a valid diagonal and each half is clipped on its own.
 *
 * <p>This runs for millions of surfaces, so vertices are kept in a doubly linked list made of
 * parallel primitive arrays rather than one object per vertex.
 */
public final class Triangulator {

    private static final int[] NO_TRIANGLES = new int[0];

    private Triangulator() {
    }

    /**
     * Triangulates one planar 3D polygon with optional holes, without adding points.
     * xyz: x,y,z of the polygon's vertices; ring r occupies vertices [ringStarts[r], ringStarts[r+1])
     * (the last ring ends at vertexCount); ring 0 is the outer ring, the others are holes.
     * Returns triangle corner indices into 0..vertexCount-1 (3 per triangle), wound the same way as
     * the outer ring (so the face normal of every triangle points the same way as the polygon's
     * Newell normal).
     * Never throws on degenerate input: returns an empty array for a polygon with zero area or fewer
     * than 3 distinct vertices.
     *
     * <p>A repeated closing vertex and consecutive duplicate vertices are skipped; the returned
     * indices always use the caller's original vertex numbering. Rings may come in either
     * orientation. Holes with fewer than 3 distinct vertices or no area are ignored. A null or empty
     * {@code ringStarts} means a single ring covering all vertices.
     */
    public static int[] triangulate(double[] xyz, int[] ringStarts, int vertexCount) {
        if (xyz == null) {
            return NO_TRIANGLES;
        }
        int count = Math.min(vertexCount, xyz.length / 3);
        int rings = ringStarts == null || ringStarts.length == 0 ? 1 : ringStarts.length;
        int outerStart = ringStart(ringStarts, 0);
        int outerEnd = ringEnd(ringStarts, 0, count);
        if (outerStart < 0 || outerEnd - outerStart < 3) {
            return NO_TRIANGLES;
        }

        double[] normal = new double[3];
        double length = newellNormal(xyz, outerStart, outerEnd, normal);
        if (!(length > 0) || length == Double.POSITIVE_INFINITY) {
            return NO_TRIANGLES;
        }
        int dropped = dominantAxis(normal);
        int axisU = (dropped + 1) % 3;
        int axisV = (dropped + 2) % 3;
        // The cyclic choice (y,z), (z,x), (x,y) makes the projected outer ring counter-clockwise
        // whenever the dropped normal component is positive; swapping restores that when it is not.
        if (normal[dropped] < 0) {
            int swap = axisU;
            axisU = axisV;
            axisV = swap;
        }

        EarClipper clipper = new EarClipper(xyz, axisU, axisV, outerStart, count + 2 * rings + 8);
        int outer = clipper.addRing(outerStart, outerEnd);
        if (outer < 0) {
            return NO_TRIANGLES;
        }
        // The projected area equals the dropped normal component, so it is positive unless the
        // polygon is (numerically) degenerate.
        double outerArea = clipper.signedDoubleArea(outer);
        if (!(outerArea > 0) || clipper.isNegligible(outer, outerArea)) {
            return NO_TRIANGLES;
        }

        int[] holes = new int[rings - 1];
        int holeCount = 0;
        for (int r = 1; r < rings; r++) {
            int start = ringStart(ringStarts, r);
            int end = ringEnd(ringStarts, r, count);
            if (start < 0 || end - start < 3) {
                continue;
            }
            int hole = clipper.addRing(start, end);
            if (hole < 0) {
                continue;
            }
            double holeArea = clipper.signedDoubleArea(hole);
            if (clipper.isNegligible(hole, holeArea)) {
                continue;
            }
            if (holeArea > 0) {
                clipper.reverseRing(hole);
            }
            holes[holeCount++] = clipper.leftmost(hole);
        }
        return clipper.triangulate(outer, holes, holeCount);
    }

    /**
     * Newell normal (not normalised) of ring 0, written to out[0..2]; returns its length (2x the
     * ring's area).
     *
     * <p>More generally, the normal of the ring made of vertices [start, end). A repeated closing
     * vertex does not change the result. A ring with fewer than 3 vertices or an invalid range gives
     * a zero normal.
     */
    public static double newellNormal(double[] xyz, int start, int end, double[] out) {
        double nx = 0;
        double ny = 0;
        double nz = 0;
        int last = Math.min(end, xyz.length / 3);
        if (start >= 0 && last - start >= 3) {
            // The formula is translation invariant; measuring from the first vertex keeps full
            // precision with georeferenced coordinates in the millions.
            double ox = xyz[3 * start];
            double oy = xyz[3 * start + 1];
            double oz = xyz[3 * start + 2];
            double px = xyz[3 * (last - 1)] - ox;
            double py = xyz[3 * (last - 1) + 1] - oy;
            double pz = xyz[3 * (last - 1) + 2] - oz;
            for (int i = start; i < last; i++) {
                double cx = xyz[3 * i] - ox;
                double cy = xyz[3 * i + 1] - oy;
                double cz = xyz[3 * i + 2] - oz;
                nx += (py - cy) * (pz + cz);
                ny += (pz - cz) * (px + cx);
                nz += (px - cx) * (py + cy);
                px = cx;
                py = cy;
                pz = cz;
            }
        }
        out[0] = nx;
        out[1] = ny;
        out[2] = nz;
        return Math.sqrt(nx * nx + ny * ny + nz * nz);
    }

    /** Twice the signed area of the 2D triangle (a, b, c); positive when it turns counter-clockwise. */
    private static double cross(double ax, double ay, double bx, double by, double cx, double cy) {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    }

    private static int dominantAxis(double[] normal) {
        double ax = Math.abs(normal[0]);
        double ay = Math.abs(normal[1]);
        double az = Math.abs(normal[2]);
        if (az >= ax && az >= ay) {
            return 2;
        }
        return ax >= ay ? 0 : 1;
    }

    private static int ringStart(int[] ringStarts, int ring) {
        return ringStarts == null || ringStarts.length == 0 ? 0 : ringStarts[ring];
    }

    private static int ringEnd(int[] ringStarts, int ring, int count) {
        int end = ringStarts == null || ring + 1 >= ringStarts.length ? count : ringStarts[ring + 1];
        return Math.min(end, count);
    }

    /**
     * The 2D polygon as doubly linked rings over parallel arrays, plus the clipping algorithm.
     *
     * <p>Outer rings are counter-clockwise and holes clockwise, so the polygon interior is always to
     * the left of an edge. A node is never unlinked from its own neighbours when removed, which lets
     * the algorithm step from a removed node back into the ring. Every walk around a ring is capped
     * at the number of nodes ever created and the clipping loops share a step budget, so even
     * corrupt input can only cost time, never hang.
     */
    private static final class EarClipper {

        private final double[] xyz;
        private final int axisU;
        private final int axisV;
        private final double originU;
        private final double originV;
        private double largestCoordinate;

        private double[] x;
        private double[] y;
        private int[] source;
        private int[] prev;
        private int[] next;
        private int nodeCount;

        private int[] triangles;
        private int triangleIndexCount;

        /** Pending rings to clip, as (node, pass) pairs; replaces earcut's recursion. */
        private int[] tasks = new int[16];
        private int taskCount;
        private long stepsLeft;

        EarClipper(double[] xyz, int axisU, int axisV, int originVertex, int capacity) {
            this.xyz = xyz;
            this.axisU = axisU;
            this.axisV = axisV;
            // Working relative to one vertex of the polygon keeps the cross products exact enough
            // for UTM coordinates, where absolute values are around 10^6.
            this.originU = xyz[3 * originVertex + axisU];
            this.originV = xyz[3 * originVertex + axisV];
            x = new double[capacity];
            y = new double[capacity];
            source = new int[capacity];
            prev = new int[capacity];
            next = new int[capacity];
            triangles = new int[3 * capacity];
        }

        /** Links vertices [start, end) into a ring; returns one of its nodes, or -1 if it has fewer than 3 distinct points. */
        int addRing(int start, int end) {
            int first = -1;
            int last = -1;
            for (int i = start; i < end; i++) {
                double rawU = xyz[3 * i + axisU];
                double rawV = xyz[3 * i + axisV];
                double u = rawU - originU;
                double v = rawV - originV;
                if (last >= 0 && u == x[last] && v == y[last]) {
                    continue;
                }
                largestCoordinate = Math.max(largestCoordinate, Math.max(Math.abs(rawU), Math.abs(rawV)));
                int node = newNode(i, u, v);
                if (last < 0) {
                    first = node;
                    prev[node] = node;
                    next[node] = node;
                } else {
                    insertAfter(last, node);
                }
                last = node;
            }
            if (last != first && equal(last, first)) {
                remove(last);
            }
            if (first < 0 || next[next[first]] == first) {
                return -1;
            }
            return first;
        }

        void reverseRing(int start) {
            int p = start;
            int guard = nodeCount;
            do {
                int following = next[p];
                next[p] = prev[p];
                prev[p] = following;
                p = following;
            } while (p != start && --guard > 0);
        }

        double signedDoubleArea(int start) {
            double sum = 0;
            int p = start;
            int guard = nodeCount;
            do {
                int q = next[p];
                sum += x[p] * y[q] - x[q] * y[p];
                p = q;
            } while (p != start && --guard > 0);
            return sum;
        }

        /**
         * Whether a ring's area is indistinguishable from zero: below what rounding the coordinates
         * to doubles can produce along its perimeter, or vanishing relative to its size. Collinear
         * rings in georeferenced coordinates never have an exactly zero area.
         */
        boolean isNegligible(int start, double doubleArea) {
            double perimeter = 0;
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            int p = start;
            int guard = nodeCount;
            do {
                int q = next[p];
                perimeter += Math.hypot(x[q] - x[p], y[q] - y[p]);
                minX = Math.min(minX, x[p]);
                minY = Math.min(minY, y[p]);
                maxX = Math.max(maxX, x[p]);
                maxY = Math.max(maxY, y[p]);
                p = q;
            } while (p != start && --guard > 0);
            double extent = Math.max(maxX - minX, maxY - minY);
            double tolerance = Math.max(1e-12 * extent * extent, 8 * perimeter * Math.ulp(largestCoordinate));
            return !(Math.abs(doubleArea) > tolerance);
        }

        int leftmost(int start) {
            int best = start;
            int p = next[start];
            int guard = nodeCount;
            while (p != start && --guard > 0) {
                if (x[p] < x[best] || (x[p] == x[best] && y[p] < y[best])) {
                    best = p;
                }
                p = next[p];
            }
            return best;
        }

        int[] triangulate(int outer, int[] holes, int holeCount) {
            long size = nodeCount + 2L * holeCount;
            stepsLeft = 16 * size * size + 1024;
            int start = holeCount > 0 ? eliminateHoles(outer, holes, holeCount) : outer;
            clipAll(start);
            return Arrays.copyOf(triangles, triangleIndexCount);
        }

        // ---- holes ----

        /**
         * Bridges the holes into the outer ring from left to right, so that each hole's bridge can
         * end on the outer ring or on an already bridged hole to its left.
         */
        private int eliminateHoles(int outer, int[] holes, int holeCount) {
            for (int i = 1; i < holeCount; i++) {
                int hole = holes[i];
                int j = i - 1;
                while (j >= 0 && isLeftOf(hole, holes[j])) {
                    holes[j + 1] = holes[j];
                    j--;
                }
                holes[j + 1] = hole;
            }
            for (int i = 0; i < holeCount; i++) {
                outer = eliminateHole(holes[i], outer);
            }
            return outer;
        }

        private boolean isLeftOf(int a, int b) {
            return x[a] < x[b] || (x[a] == x[b] && y[a] < y[b]);
        }

        private int eliminateHole(int hole, int outer) {
            int bridge = findHoleBridge(hole, outer);
            if (bridge < 0) {
                return outer;
            }
            int bridgeCopy = splitPolygon(bridge, hole);
            // Joining can leave collinear points right at the cut, which would stall ear clipping.
            filterPoints(bridgeCopy, next[bridgeCopy]);
            return filterPoints(bridge, next[bridge]);
        }

        /**
         * Finds an outer-ring node that the hole's leftmost point can see: cast a ray to the left,
         * take the nearest edge it hits, and pick that edge's left end, unless some reflex vertex
         * inside the triangle (hole point, hit point, left end) blocks the view; then the blocking
         * vertex with the smallest angle to the ray is visible instead.
         */
        private int findHoleBridge(int hole, int outer) {
            double hx = x[hole];
            double hy = y[hole];
            double hitX = Double.NEGATIVE_INFINITY;
            int m = -1;
            int p = outer;
            int guard = nodeCount;
            do {
                int q = next[p];
                // Only downward edges can be the boundary directly left of an interior point.
                if (hy <= y[p] && hy >= y[q] && y[q] != y[p]) {
                    double hit = x[p] + (hy - y[p]) * (x[q] - x[p]) / (y[q] - y[p]);
                    if (hit <= hx && hit > hitX) {
                        hitX = hit;
                        m = x[p] < x[q] ? p : q;
                        if (hit == hx) {
                            return m;
                        }
                    }
                }
                p = q;
            } while (p != outer && --guard > 0);
            if (m < 0) {
                return -1;
            }

            int stop = m;
            double mx = x[m];
            double my = y[m];
            double bestTan = Double.POSITIVE_INFINITY;
            p = m;
            guard = nodeCount;
            do {
                double px = x[p];
                double py = y[p];
                if (hx >= px && px >= mx && hx != px
                        && pointInTriangle(hy < my ? hx : hitX, hy, mx, my, hy < my ? hitX : hx, hy, px, py)) {
                    double tan = Math.abs(hy - py) / (hx - px);
                    if (locallyInside(p, hole) && (tan < bestTan || (tan == bestTan
                            && (px > x[m] || (px == x[m] && sectorContainsSector(m, p)))))) {
                        m = p;
                        bestTan = tan;
                    }
                }
                p = next[p];
            } while (p != stop && --guard > 0);
            return m;
        }

        /** Whether the corner at p lies within the corner at m; decides between coincident candidates. */
        private boolean sectorContainsSector(int m, int p) {
            return cross(prev[m], m, prev[p]) > 0 && cross(next[p], m, next[m]) > 0;
        }

        // ---- ear clipping ----

        private void clipAll(int start) {
            pushTask(start, 0);
            while (taskCount > 0 && stepsLeft > 0) {
                taskCount -= 2;
                clip(tasks[taskCount], tasks[taskCount + 1]);
            }
        }

        /**
         * Cuts ears off the ring until it is used up. Pass 0 clips the ring as it is; when no ear is
         * left, pass 1 retries without collinear and duplicate points, pass 2 first cuts away small
         * self-intersections, and after that the ring is split in two.
         */
        private void clip(int ear, int pass) {
            int stop = ear;
            while (prev[ear] != next[ear]) {
                if (--stepsLeft < 0) {
                    return;
                }
                int a = prev[ear];
                int c = next[ear];
                if (isEar(a, ear, c)) {
                    emit(a, ear, c);
                    remove(ear);
                    // Continuing two nodes further along, rather than at c, avoids fanning many
                    // thin triangles out of a single vertex.
                    ear = next[c];
                    stop = ear;
                    continue;
                }
                ear = c;
                if (ear == stop) {
                    if (pass == 0) {
                        pushTask(filterPoints(ear, -1), 1);
                    } else if (pass == 1) {
                        pushTask(cureLocalIntersections(filterPoints(ear, -1)), 2);
                    } else {
                        splitAndQueue(ear);
                    }
                    return;
                }
            }
        }

        /** An ear is a convex corner whose triangle holds no reflex vertex of the ring. */
        private boolean isEar(int a, int b, int c) {
            double ax = x[a];
            double ay = y[a];
            double bx = x[b];
            double by = y[b];
            double cx = x[c];
            double cy = y[c];
            if (Triangulator.cross(ax, ay, bx, by, cx, cy) <= 0) {
                return false;
            }
            double minX = Math.min(ax, Math.min(bx, cx));
            double minY = Math.min(ay, Math.min(by, cy));
            double maxX = Math.max(ax, Math.max(bx, cx));
            double maxY = Math.max(ay, Math.max(by, cy));
            int p = next[c];
            int guard = nodeCount;
            while (p != a && --guard > 0) {
                double px = x[p];
                double py = y[p];
                // A bridge duplicate of a sits on the triangle's corner without blocking it.
                if (px >= minX && px <= maxX && py >= minY && py <= maxY
                        && !(px == ax && py == ay)
                        && pointInTriangle(ax, ay, bx, by, cx, cy, px, py)
                        && cross(prev[p], p, next[p]) <= 0) {
                    return false;
                }
                p = next[p];
            }
            return true;
        }

        /** Removes a-p-q-b zigzags where edge (a,p) crosses edge (q,b), emitting triangle (a,p,b). */
        private int cureLocalIntersections(int start) {
            int p = start;
            do {
                if (--stepsLeft < 0) {
                    return p;
                }
                int a = prev[p];
                int b = next[next[p]];
                if (!equal(a, b) && intersects(a, p, next[p], b) && locallyInside(a, b) && locallyInside(b, a)) {
                    emit(a, p, b);
                    int q = next[p];
                    remove(p);
                    remove(q);
                    p = b;
                    start = b;
                }
                p = next[p];
            } while (p != start);
            return filterPoints(p, -1);
        }

        /** Splits the ring along the first valid diagonal found and queues both halves. */
        private void splitAndQueue(int start) {
            int a = start;
            int outerGuard = nodeCount;
            do {
                int b = next[next[a]];
                int innerGuard = nodeCount;
                while (b != prev[a] && --innerGuard > 0) {
                    if (--stepsLeft < 0) {
                        return;
                    }
                    if (source[a] != source[b] && isValidDiagonal(a, b)) {
                        int c = splitPolygon(a, b);
                        // Splitting can leave collinear points at the ends of the diagonal.
                        a = filterPoints(a, next[a]);
                        c = filterPoints(c, next[c]);
                        pushTask(a, 0);
                        pushTask(c, 0);
                        return;
                    }
                    b = next[b];
                }
                a = next[a];
            } while (a != start && --outerGuard > 0);
        }

        private boolean isValidDiagonal(int a, int b) {
            if (source[next[a]] == source[b] || source[prev[a]] == source[b] || intersectsPolygon(a, b)) {
                return false;
            }
            boolean visible = locallyInside(a, b) && locallyInside(b, a) && middleInside(a, b)
                    // Both sides collinear would create two opposite-facing sectors.
                    && (cross(prev[a], a, prev[b]) != 0 || cross(a, prev[b], b) != 0);
            boolean zeroLength = equal(a, b) && cross(prev[a], a, next[a]) < 0 && cross(prev[b], b, next[b]) < 0;
            return visible || zeroLength;
        }

        private boolean intersectsPolygon(int a, int b) {
            int p = a;
            int guard = nodeCount;
            do {
                int q = next[p];
                if (source[p] != source[a] && source[q] != source[a] && source[p] != source[b]
                        && source[q] != source[b] && intersects(p, q, a, b)) {
                    return true;
                }
                p = q;
            } while (p != a && --guard > 0);
            return false;
        }

        /** Even-odd test of the diagonal's midpoint, which locallyInside cannot judge for long diagonals. */
        private boolean middleInside(int a, int b) {
            double px = (x[a] + x[b]) / 2;
            double py = (y[a] + y[b]) / 2;
            boolean inside = false;
            int p = a;
            int guard = nodeCount;
            do {
                int q = next[p];
                if ((y[p] > py) != (y[q] > py) && y[q] != y[p]
                        && px < (x[q] - x[p]) * (py - y[p]) / (y[q] - y[p]) + x[p]) {
                    inside = !inside;
                }
                p = q;
            } while (p != a && --guard > 0);
            return inside;
        }

        /** Whether the diagonal from a towards b starts into the polygon interior at a's corner. */
        private boolean locallyInside(int a, int b) {
            if (cross(prev[a], a, next[a]) > 0) {
                return cross(a, next[a], b) >= 0 && cross(a, b, prev[a]) >= 0;
            }
            return cross(a, next[a], b) > 0 || cross(a, b, prev[a]) > 0;
        }

        private boolean intersects(int p1, int q1, int p2, int q2) {
            int o1 = sign(cross(p1, q1, p2));
            int o2 = sign(cross(p1, q1, q2));
            int o3 = sign(cross(p2, q2, p1));
            int o4 = sign(cross(p2, q2, q1));
            if (o1 != o2 && o3 != o4) {
                return true;
            }
            return o1 == 0 && onSegment(p1, p2, q1)
                    || o2 == 0 && onSegment(p1, q2, q1)
                    || o3 == 0 && onSegment(p2, p1, q2)
                    || o4 == 0 && onSegment(p2, q1, q2);
        }

        /** For collinear p, q, r: whether q lies on segment pr. */
        private boolean onSegment(int p, int q, int r) {
            return x[q] <= Math.max(x[p], x[r]) && x[q] >= Math.min(x[p], x[r])
                    && y[q] <= Math.max(y[p], y[r]) && y[q] >= Math.min(y[p], y[r]);
        }

        private static int sign(double value) {
            return value > 0 ? 1 : value < 0 ? -1 : 0;
        }

        private static boolean pointInTriangle(double ax, double ay, double bx, double by,
                                               double cx, double cy, double px, double py) {
            return (cx - px) * (ay - py) >= (ax - px) * (cy - py)
                    && (ax - px) * (by - py) >= (bx - px) * (ay - py)
                    && (bx - px) * (cy - py) >= (cx - px) * (by - py);
        }

        // ---- linked list ----

        private double cross(int a, int b, int c) {
            return Triangulator.cross(x[a], y[a], x[b], y[b], x[c], y[c]);
        }

        private boolean equal(int a, int b) {
            return x[a] == x[b] && y[a] == y[b];
        }

        /**
         * Drops duplicate and collinear points between start and end, walking on past end only while
         * something was just removed; returns a node that is still in the ring.
         */
        private int filterPoints(int start, int end) {
            if (end < 0) {
                end = start;
            }
            int p = start;
            boolean again;
            do {
                again = false;
                if (--stepsLeft < 0) {
                    return end;
                }
                if (equal(p, next[p]) || cross(prev[p], p, next[p]) == 0) {
                    remove(p);
                    p = prev[p];
                    end = p;
                    if (p == next[p]) {
                        break;
                    }
                    again = true;
                } else {
                    p = next[p];
                }
            } while (again || p != end);
            return end;
        }

        /**
         * Connects a and b with a double edge, splitting their ring in two (or joining two rings
         * into one, for a hole); a and b keep one side, copies of them the other. Returns b's copy.
         */
        private int splitPolygon(int a, int b) {
            int a2 = newNode(source[a], x[a], y[a]);
            int b2 = newNode(source[b], x[b], y[b]);
            int afterA = next[a];
            int beforeB = prev[b];
            next[a] = b;
            prev[b] = a;
            next[a2] = afterA;
            prev[afterA] = a2;
            next[b2] = a2;
            prev[a2] = b2;
            next[beforeB] = b2;
            prev[b2] = beforeB;
            return b2;
        }

        private int newNode(int vertex, double u, double v) {
            if (nodeCount == x.length) {
                int capacity = 2 * nodeCount + 8;
                x = Arrays.copyOf(x, capacity);
                y = Arrays.copyOf(y, capacity);
                source = Arrays.copyOf(source, capacity);
                prev = Arrays.copyOf(prev, capacity);
                next = Arrays.copyOf(next, capacity);
            }
            int node = nodeCount++;
            x[node] = u;
            y[node] = v;
            source[node] = vertex;
            prev[node] = node;
            next[node] = node;
            return node;
        }

        private void insertAfter(int anchor, int node) {
            int following = next[anchor];
            next[node] = following;
            prev[node] = anchor;
            prev[following] = node;
            next[anchor] = node;
        }

        private void remove(int node) {
            next[prev[node]] = next[node];
            prev[next[node]] = prev[node];
        }

        /** Keeps only properly wound triangles, which ears always are; a cured self-intersection may not be. */
        private void emit(int a, int b, int c) {
            if (!(cross(a, b, c) > 0)) {
                return;
            }
            if (triangleIndexCount + 3 > triangles.length) {
                triangles = Arrays.copyOf(triangles, 2 * triangles.length + 3);
            }
            triangles[triangleIndexCount++] = source[a];
            triangles[triangleIndexCount++] = source[b];
            triangles[triangleIndexCount++] = source[c];
        }

        private void pushTask(int node, int pass) {
            if (taskCount + 2 > tasks.length) {
                tasks = Arrays.copyOf(tasks, 2 * tasks.length);
            }
            tasks[taskCount++] = node;
            tasks[taskCount++] = pass;
        }
    }
}
