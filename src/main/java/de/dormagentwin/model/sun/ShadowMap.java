package de.dormagentwin.model.sun;

import de.dormagentwin.model.TerrainGrid;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Which points of an area the sun reaches, for one sun direction: the occluders' triangles rasterized on the CPU
 * into depth buffers seen from the sun (an orthographic projection along the sun's rays), the nearest depth per texel;
 * a point is lit when nothing lies nearer the sun in its texel. Immutable once made, so any number of threads may ask.
 *
 * <p>The map covers what a receiver in the area can see of the sky toward the sun: the area's box between the
 * lowest and the highest receiver height, projected onto the plane across the rays. Its texels measure
 * {@code cell} across the rays and {@code cell * sin(elevation)} up them, which is one cell on flat ground either
 * way: the map has about as many texels as the area has cells at any sun height, and a horizontal surface changes
 * depth by at most half a cell within a texel. Occluders are gathered from the area and, toward the sun, as far as
 * the highest of them can cast: (highest - lowest receiver) / tan(elevation), at most {@value #MARGIN_CAP_METRES} m.
 * A longer shadow (a 60 m chimney at under 3.4 degrees) is cut off there: the sun is that low only in the first and
 * last half hour of the day, and weak then.
 *
 * <p>The city, the variant and the terrain have a buffer each. The city's and the variant's are compared with a
 * bias of {@value #BIAS_METRES} m: the ground is in neither, so a point on it cannot shadow itself. The terrain is
 * both receiver and occluder, so its buffer has a bias of a cell and {@value #TERRAIN_BIAS_METRES} m: a ridge
 * casts its shadow, but a slope does not shade itself through the texels' rounding.
 */
public final class ShadowMap {
    /** How far toward the sun occluders are gathered, at most; see the class comment. */
    public static final double MARGIN_CAP_METRES = 1000;
    /** Below this elevation the sun's rays are taken at it, so that a map stays finite; shadows are capped anyway. */
    static final double LOWEST_ELEVATION_DEGREES = 0.5;
    static final float BIAS_METRES = 0.05f;
    static final double TERRAIN_BIAS_METRES = 1.0;
    /** A map beyond this many texels is refused: 256 MB of depth per buffer, not what a study or a view needs. */
    public static final long MAX_TEXELS = 64L << 20;
    /** Terrain triangles per map at most: a coarser step through the grid beyond that, for large areas of DGM1. */
    private static final long MAX_TERRAIN_CELLS = 1L << 20;
    /** Maps of more texels than this are filled by the common pool in bands of rows. */
    private static final long PARALLEL_TEXELS = 1L << 18;

    private final boolean daylight;
    private final double originEast;
    private final double originNorth;
    /** Toward the sun (x east, y north, z up), across the rays horizontally, and the third axis. */
    private final double sx;
    private final double sy;
    private final double sz;
    private final double ux;
    private final double uy;
    private final double vx;
    private final double vy;
    private final double vz;
    private final double uMin;
    private final double vMin;
    private final double texelU;
    private final double texelV;
    private final int width;
    private final int height;
    private final float[] city;
    private final float[] variant;
    private final float[] terrain;
    private final float terrainBias;

    private ShadowMap(Builder builder) {
        daylight = builder.daylight;
        originEast = builder.originEast;
        originNorth = builder.originNorth;
        sx = builder.sx;
        sy = builder.sy;
        sz = builder.sz;
        ux = builder.ux;
        uy = builder.uy;
        vx = builder.vx;
        vy = builder.vy;
        vz = builder.vz;
        uMin = builder.uMin;
        vMin = builder.vMin;
        texelU = builder.texelU;
        texelV = builder.texelV;
        width = builder.width;
        height = builder.height;
        city = builder.city;
        variant = builder.variant;
        terrain = builder.terrain;
        terrainBias = (float) (builder.cell + TERRAIN_BIAS_METRES);
    }

    /**
     * The map for receivers anywhere in an area, from the lowest ground to the top of the highest occluder in it:
     * the ground, roofs and walls alike. For the ground alone, {@link #of(Occluders, SunPosition, double[], double, double, double)}
     * with the ground's heights makes a smaller map.
     *
     * @param area  {minEast, minNorth, maxEast, maxNorth} in the occluders' CRS
     * @param cell  the texel size in metres on the ground: the shadow's edges are that sharp
     * @throws IllegalArgumentException for an empty or non-finite area, a cell that is not a positive number, or a
     *                                  map of more than {@link #MAX_TEXELS} texels
     */
    public static ShadowMap of(Occluders occluders, SunPosition sun, double[] area, double cell) {
        checkArea(area, cell);
        double minX = area[0] - occluders.originEast();
        double minY = area[1] - occluders.originNorth();
        double maxX = area[2] - occluders.originEast();
        double maxY = area[3] - occluders.originNorth();
        double[] range = occluders.city().heightsIn(minX, minY, maxX, maxY);
        if (occluders.variant() != null) {
            double[] own = occluders.variant().heightsIn(minX, minY, maxX, maxY);
            range[0] = Math.min(range[0], own[0]);
            range[1] = Math.max(range[1], own[1]);
        }
        double[] ground = groundRange(occluders, area);
        return of(occluders, sun, area, cell, Math.min(range[0], ground[0]), Math.max(range[1], ground[1]), true);
    }

    /**
     * The map for receivers in an area between two heights (metres, as the occluders' z); one outside them is
     * reported lit, as the map knows nothing of it. Filled by the calling thread alone, for callers that make many
     * maps in parallel.
     */
    public static ShadowMap of(Occluders occluders, SunPosition sun, double[] area, double cell, double lowest, double highest) {
        checkArea(area, cell);
        if (!(lowest <= highest) || !Double.isFinite(lowest) || !Double.isFinite(highest)) {
            throw new IllegalArgumentException("receiver heights must be finite, lowest first, not " + lowest + ", " + highest);
        }
        return of(occluders, sun, area, cell, lowest, highest, false);
    }

    private static ShadowMap of(Occluders occluders, SunPosition sun, double[] area, double cell, double lowest, double highest,
                                boolean parallel) {
        Builder builder = new Builder(occluders, sun, area, cell, lowest, highest);
        if (builder.daylight) {
            builder.fill(occluders, area, lowest, parallel);
        }
        return new ShadowMap(builder);
    }

    private static void checkArea(double[] area, double cell) {
        if (area.length != 4 || !Arrays.stream(area).allMatch(Double::isFinite) || !(area[0] < area[2]) || !(area[1] < area[3])) {
            throw new IllegalArgumentException("the area must be minEast, minNorth, maxEast, maxNorth, finite and not empty, not "
                    + Arrays.toString(area));
        }
        if (!(cell > 0) || !Double.isFinite(cell)) {
            throw new IllegalArgumentException("the cell size must be a positive number of metres, not " + cell);
        }
    }

    /** {lowest, highest} ground in an area: the terrain's grid points in it (and its corners), else the flat ground. */
    static double[] groundRange(Occluders occluders, double[] area) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        TerrainGrid terrain = occluders.terrain();
        double[][] corners = {{area[0], area[1]}, {area[2], area[1]}, {area[0], area[3]}, {area[2], area[3]}};
        for (double[] corner : corners) {
            double height = occluders.groundAt(corner[0], corner[1]);
            low = Math.min(low, height);
            high = Math.max(high, height);
        }
        if (terrain != null) {
            int c0 = Math.max(0, (int) Math.floor((area[0] - terrain.originEast()) / terrain.cellSize()));
            int c1 = Math.min(terrain.columns() - 1, (int) Math.ceil((area[2] - terrain.originEast()) / terrain.cellSize()));
            int r0 = Math.max(0, (int) Math.floor((area[1] - terrain.originNorth()) / terrain.cellSize()));
            int r1 = Math.min(terrain.rows() - 1, (int) Math.ceil((area[3] - terrain.originNorth()) / terrain.cellSize()));
            for (int row = r0; row <= r1; row++) {
                for (int column = c0; column <= c1; column++) {
                    float height = terrain.height(column, row);
                    if (!Float.isNaN(height)) {
                        low = Math.min(low, height);
                        high = Math.max(high, height);
                    }
                }
            }
        }
        return new double[]{low, high};
    }

    /** Whether the sun stands above the horizon at all; with it below, nothing is lit. */
    public boolean daylight() {
        return daylight;
    }

    /** Texels across and up the map, for the curious and the benchmark. */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Whether the sun reaches a point (in the occluders' CRS, height as their z) past the city, the terrain and the
     * variant. A point inside a building is in its shadow, so the ground under a roof is not lit.
     */
    public boolean lit(double east, double north, double up) {
        return test(east, north, up, true);
    }

    /** As {@link #lit(double, double, double)}, as if the variant were not built: its buildings cast no shadow. */
    public boolean litWithoutVariant(double east, double north, double up) {
        return test(east, north, up, false);
    }

    /**
     * Whether the sun reaches a point on a surface facing {@code normal} (x east, y north, z up, any length): never
     * where the surface faces away from the sun, else as {@link #lit(double, double, double)} for the point lifted
     * off its surface by a cell along the normal, so that a roof or a wall does not shadow itself through the
     * texels' rounding.
     */
    public boolean lit(double east, double north, double up, double normalEast, double normalNorth, double normalUp) {
        return onSurface(east, north, up, normalEast, normalNorth, normalUp, true);
    }

    /** As {@link #lit(double, double, double, double, double, double)}, as if the variant were not built. */
    public boolean litWithoutVariant(double east, double north, double up, double normalEast, double normalNorth, double normalUp) {
        return onSurface(east, north, up, normalEast, normalNorth, normalUp, false);
    }

    private boolean onSurface(double east, double north, double up, double normalEast, double normalNorth, double normalUp, boolean withVariant) {
        double length = Math.sqrt(normalEast * normalEast + normalNorth * normalNorth + normalUp * normalUp);
        if (!daylight || !(length > 0) || normalEast * sx + normalNorth * sy + normalUp * sz <= 0) {
            return false;
        }
        double lift = texelU / length;
        return test(east + normalEast * lift, north + normalNorth * lift, up + normalUp * lift, withVariant);
    }

    private boolean test(double east, double north, double up, boolean withVariant) {
        if (!daylight) {
            return false;
        }
        double x = east - originEast;
        double y = north - originNorth;
        int column = (int) Math.floor((x * ux + y * uy - uMin) / texelU);
        int row = (int) Math.floor((x * vx + y * vy + up * vz - vMin) / texelV);
        if (column < 0 || row < 0 || column >= width || row >= height) {
            return true;
        }
        int texel = row * width + column;
        float depth = (float) -(x * sx + y * sy + up * sz);
        if (depth > city[texel] + BIAS_METRES) {
            return false;
        }
        if (withVariant && variant != null && depth > variant[texel] + BIAS_METRES) {
            return false;
        }
        return terrain == null || depth <= terrain[texel] + terrainBias;
    }

    /** The projection and the buffers being filled. */
    private static final class Builder {
        final boolean daylight;
        final double originEast;
        final double originNorth;
        final double cell;
        double sx;
        double sy;
        double sz;
        double ux;
        double uy;
        double vx;
        double vy;
        double vz;
        double uMin;
        double vMin;
        double texelU;
        double texelV;
        int width;
        int height;
        float[] city;
        float[] variant;
        float[] terrain;
        /** Margin toward the sun, horizontally: east and north components of the unit vector. */
        private double towardEast;
        private double towardNorth;
        private double tangent;

        Builder(Occluders occluders, SunPosition sun, double[] area, double cell, double lowest, double highest) {
            this.originEast = occluders.originEast();
            this.originNorth = occluders.originNorth();
            this.cell = cell;
            this.daylight = sun.elevationDegrees() > 0;
            texelU = cell;
            texelV = cell;
            if (!daylight) {
                return;
            }
            double elevation = Math.toRadians(Math.max(LOWEST_ELEVATION_DEGREES, sun.elevationDegrees()));
            double azimuth = Math.toRadians(sun.azimuthDegrees());
            towardEast = Math.sin(azimuth);
            towardNorth = Math.cos(azimuth);
            tangent = Math.tan(elevation);
            sx = towardEast * Math.cos(elevation);
            sy = towardNorth * Math.cos(elevation);
            sz = Math.sin(elevation);
            ux = towardNorth;
            uy = -towardEast;
            // v = s x u: up the plane across the rays, toward the sun's side.
            vx = sz * towardEast;
            vy = sz * towardNorth;
            vz = -Math.cos(elevation);
            texelV = cell * sz;
            double[] xs = {area[0] - originEast, area[2] - originEast};
            double[] ys = {area[1] - originNorth, area[3] - originNorth};
            double[] zs = {lowest, highest};
            double u0 = Double.POSITIVE_INFINITY;
            double u1 = Double.NEGATIVE_INFINITY;
            double v0 = Double.POSITIVE_INFINITY;
            double v1 = Double.NEGATIVE_INFINITY;
            for (double x : xs) {
                for (double y : ys) {
                    for (double z : zs) {
                        double u = x * ux + y * uy;
                        double v = x * vx + y * vy + z * vz;
                        u0 = Math.min(u0, u);
                        u1 = Math.max(u1, u);
                        v0 = Math.min(v0, v);
                        v1 = Math.max(v1, v);
                    }
                }
            }
            // A texel of room on each side, so that a receiver on the area's edge still finds its texel.
            uMin = u0 - texelU;
            vMin = v0 - texelV;
            long columns = (long) Math.ceil((u1 - u0) / texelU) + 2;
            long rows = (long) Math.ceil((v1 - v0) / texelV) + 2;
            if (columns * rows > MAX_TEXELS) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a shadow map of %,d x %,d texels is too large (at most %,d): a smaller area or a larger cell",
                        columns, rows, MAX_TEXELS));
            }
            width = (int) columns;
            height = (int) rows;
        }

        void fill(Occluders occluders, double[] area, double lowest, boolean parallel) {
            double margin = Math.min(MARGIN_CAP_METRES, Math.max(0, occluders.highest() - lowest) / tangent);
            double minX = area[0] - originEast;
            double minY = area[1] - originNorth;
            double maxX = area[2] - originEast;
            double maxY = area[3] - originNorth;
            double gatherMinX = Math.min(minX, minX + margin * towardEast) - cell;
            double gatherMaxX = Math.max(maxX, maxX + margin * towardEast) + cell;
            double gatherMinY = Math.min(minY, minY + margin * towardNorth) - cell;
            double gatherMaxY = Math.max(maxY, maxY + margin * towardNorth) + cell;
            city = buffer(project(occluders.city().tilesIn(gatherMinX, gatherMinY, gatherMaxX, gatherMaxY)), parallel);
            if (occluders.variant() != null) {
                variant = buffer(project(occluders.variant().tilesIn(gatherMinX, gatherMinY, gatherMaxX, gatherMaxY)), parallel);
            }
            if (occluders.terrain() != null) {
                float[] triangles = terrainTriangles(occluders.terrain(), gatherMinX + originEast, gatherMinY + originNorth,
                        gatherMaxX + originEast, gatherMaxY + originNorth);
                terrain = buffer(project(List.of(triangles)), parallel);
            }
        }

        /** Two triangles per cell of the terrain's grid in the box, relative to the origin but for z. */
        private float[] terrainTriangles(TerrainGrid grid, double minEast, double minNorth, double maxEast, double maxNorth) {
            int c0 = Math.max(0, (int) Math.floor((minEast - grid.originEast()) / grid.cellSize()));
            int c1 = Math.min(grid.columns() - 1, (int) Math.ceil((maxEast - grid.originEast()) / grid.cellSize()));
            int r0 = Math.max(0, (int) Math.floor((minNorth - grid.originNorth()) / grid.cellSize()));
            int r1 = Math.min(grid.rows() - 1, (int) Math.ceil((maxNorth - grid.originNorth()) / grid.cellSize()));
            if (c1 <= c0 || r1 <= r0) {
                return new float[0];
            }
            long cells = (long) (c1 - c0) * (r1 - r0);
            int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) cells / MAX_TERRAIN_CELLS)));
            float[] out = new float[(int) (((c1 - c0) / step + 1L) * ((r1 - r0) / step + 1L) * 18)];
            int at = 0;
            for (int row = r0; row < r1; row += step) {
                int top = Math.min(r1, row + step);
                for (int column = c0; column < c1; column += step) {
                    int right = Math.min(c1, column + step);
                    float a = grid.height(column, row);
                    float b = grid.height(right, row);
                    float c = grid.height(right, top);
                    float d = grid.height(column, top);
                    float x0 = (float) (grid.east(column) - originEast);
                    float x1 = (float) (grid.east(right) - originEast);
                    float y0 = (float) (grid.north(row) - originNorth);
                    float y1 = (float) (grid.north(top) - originNorth);
                    if (!Float.isNaN(a) && !Float.isNaN(b) && !Float.isNaN(c)) {
                        at = put(out, at, x0, y0, a, x1, y0, b, x1, y1, c);
                    }
                    if (!Float.isNaN(a) && !Float.isNaN(c) && !Float.isNaN(d)) {
                        at = put(out, at, x0, y0, a, x1, y1, c, x0, y1, d);
                    }
                }
            }
            return Arrays.copyOf(out, at);
        }

        private static int put(float[] out, int at, float... corners) {
            System.arraycopy(corners, 0, out, at, corners.length);
            return at + corners.length;
        }

        /**
         * The triangles in texel space: per triangle column, row, depth of each corner; those that miss the map or
         * are seen edge-on are left out.
         */
        private float[] project(List<float[]> tiles) {
            int total = tiles.stream().mapToInt(tile -> tile.length).sum();
            float[] out = new float[total];
            int at = 0;
            double maxColumn = width;
            double maxRow = height;
            for (float[] tile : tiles) {
                for (int t = 0; t < tile.length; t += 9) {
                    double minC = Double.POSITIVE_INFINITY;
                    double maxC = Double.NEGATIVE_INFINITY;
                    double minR = Double.POSITIVE_INFINITY;
                    double maxR = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < 3; k++) {
                        double x = tile[t + k * 3];
                        double y = tile[t + k * 3 + 1];
                        double z = tile[t + k * 3 + 2];
                        double column = (x * ux + y * uy - uMin) / texelU;
                        double row = (x * vx + y * vy + z * vz - vMin) / texelV;
                        out[at + k * 3] = (float) column;
                        out[at + k * 3 + 1] = (float) row;
                        out[at + k * 3 + 2] = (float) -(x * sx + y * sy + z * sz);
                        minC = Math.min(minC, column);
                        maxC = Math.max(maxC, column);
                        minR = Math.min(minR, row);
                        maxR = Math.max(maxR, row);
                    }
                    if (maxC >= 0 && minC <= maxColumn && maxR >= 0 && minR <= maxRow) {
                        at += 9;
                    }
                }
            }
            return Arrays.copyOf(out, at);
        }

        private float[] buffer(float[] projected, boolean parallel) {
            float[] depth = new float[width * height];
            Arrays.fill(depth, Float.POSITIVE_INFINITY);
            if (parallel && (long) width * height > PARALLEL_TEXELS) {
                int bands = Math.max(1, Math.min(height, 4 * Runtime.getRuntime().availableProcessors()));
                IntStream.range(0, bands).parallel().forEach(band ->
                        rasterize(projected, depth, (int) ((long) height * band / bands), (int) ((long) height * (band + 1) / bands)));
            } else {
                rasterize(projected, depth, 0, height);
            }
            return depth;
        }

        /**
         * Writes the nearest depth of every triangle into the texels whose centres it covers, edges included (a
         * texel on the edge of two triangles gets both, which costs nothing in a nearest-depth buffer), rows
         * {@code fromRow} to {@code toRow} only.
         */
        private void rasterize(float[] projected, float[] depth, int fromRow, int toRow) {
            for (int t = 0; t < projected.length; t += 9) {
                double x0 = projected[t];
                double y0 = projected[t + 1];
                double d0 = projected[t + 2];
                double x1 = projected[t + 3];
                double y1 = projected[t + 4];
                double d1 = projected[t + 5];
                double x2 = projected[t + 6];
                double y2 = projected[t + 7];
                double d2 = projected[t + 8];
                double area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
                if (Math.abs(area) < 1e-9) {
                    continue;
                }
                int rowStart = Math.max(fromRow, (int) Math.ceil(Math.min(y0, Math.min(y1, y2)) - 0.5));
                int rowEnd = Math.min(toRow - 1, (int) Math.floor(Math.max(y0, Math.max(y1, y2)) - 0.5));
                int columnStart = Math.max(0, (int) Math.ceil(Math.min(x0, Math.min(x1, x2)) - 0.5));
                int columnEnd = Math.min(width - 1, (int) Math.floor(Math.max(x0, Math.max(x1, x2)) - 0.5));
                if (rowStart > rowEnd || columnStart > columnEnd) {
                    continue;
                }
                double inverse = 1 / area;
                // Barycentric weights as edge functions, stepping by a constant per column; each row starts afresh,
                // so that rounding does not accumulate down a tall triangle.
                double a0 = (y1 - y2) * inverse;
                double a1 = (y2 - y0) * inverse;
                double epsilon = -1e-7;
                for (int row = rowStart; row <= rowEnd; row++) {
                    double cy = row + 0.5;
                    double cx = columnStart + 0.5;
                    double w0 = ((x1 - cx) * (y2 - cy) - (x2 - cx) * (y1 - cy)) * inverse;
                    double w1 = ((x2 - cx) * (y0 - cy) - (x0 - cx) * (y2 - cy)) * inverse;
                    int base = row * width;
                    for (int column = columnStart; column <= columnEnd; column++) {
                        double w2 = 1 - w0 - w1;
                        if (w0 >= epsilon && w1 >= epsilon && w2 >= epsilon) {
                            float d = (float) (w0 * d0 + w1 * d1 + w2 * d2);
                            if (d < depth[base + column]) {
                                depth[base + column] = d;
                            }
                        }
                        w0 += a0;
                        w1 += a1;
                    }
                }
            }
        }
    }
}
