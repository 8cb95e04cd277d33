package de.dormagentwin.scene;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * The ground's colours as an image laid over a rectangle of the scene from above: a base colour (for terrain, a
 * tint by height), the land use painted over it in order, and towards the edges a fade into {@link #FAR_ARGB},
 * the colour of the far countryside, which the far ground ({@link #farGround}) carries on to the horizon, where it
 * fades into the sky's haze. So the ground does not end at a visible edge but vanishes into the distance.
 *
 * <p>The haze of the far ground is split between two images: the {@link #diffuse} colours, darkened towards the
 * horizon, which the lights shade; and a {@link #glow} (a self-illumination map), haze brightening towards the
 * horizon, which no light changes. At the horizon the ground is then exactly the haze of the sky behind it,
 * whatever the sun does. Plain arrays, no JavaFX: painted on a worker thread or in tests.
 *
 * @param west    scene x of the image's left edge; east the right edge
 * @param south   scene z of the image's bottom edge; north its top edge (image row 0)
 * @param diffuse width x height opaque ARGB texels, row 0 the northern edge
 * @param glow    glowWidth x glowHeight opaque ARGB texels over the same rectangle, black where nothing glows
 */
public record GroundImage(double west, double south, double east, double north, int width, int height, int[] diffuse,
                          int glowWidth, int glowHeight, int[] glow) {
    /** The far countryside's colour, a mean of fields and meadows, which every ground fades into at its edges. */
    public static final int FAR_ARGB = 0xFFA7B47C;
    /** The longer side's texels: about 8 m each over the sample's 16 km, near a 1080p screen's pixels across it. */
    static final int MOST_TEXELS = 2048;
    /** Texels no smaller than this: a 1 km tile gets 1 m texels, not 2048 of them. */
    static final double SMALLEST_TEXEL = 1;
    /** The far ground's image: its fade spans tens of kilometres, and is smooth at this size. */
    static final int FAR_TEXELS = 256;
    /** The base colour is asked for every this many texels (see {@link #baseColours}). */
    static final int BASE_STEP = 4;
    /** The far ground is two thirds haze this many metres beyond the town's ground: a hazy day's look far out. */
    static final double HAZE_DISTANCE = 2500;
    /** The fade's width as a share of the rectangle's shorter side, and its widest in metres. */
    static final double FADE_SHARE = 0.12;
    static final double WIDEST_FADE = 1500;

    /**
     * Paints terrain's ground over a rectangle of the scene, fading over {@link #FADE_SHARE} of its shorter side
     * (at most {@link #WIDEST_FADE} metres).
     *
     * @param base  the colour under the land use at a scene point (x, z), opaque ARGB; 0 where there is no ground
     * @param areas painted over the base in order: a later area covers an earlier one
     */
    public static GroundImage paint(double west, double south, double east, double north, DoubleBinaryOperator base,
                                    List<GroundArea> areas) {
        double fadeWidth = Math.min(WIDEST_FADE, FADE_SHARE * Math.min(east - west, north - south));
        return paint(west, south, east, north, fadeWidth, MOST_TEXELS, base, areas);
    }

    /**
     * Paints the ground over a rectangle of the scene with at most {@code mostTexels} along its longer side, fading
     * into {@link #FAR_ARGB} over {@code fadeWidth} metres from its edges.
     */
    public static GroundImage paint(double west, double south, double east, double north, double fadeWidth,
                                    int mostTexels, DoubleBinaryOperator base, List<GroundArea> areas) {
        double sizeX = Math.max(SMALLEST_TEXEL, east - west);
        double sizeZ = Math.max(SMALLEST_TEXEL, north - south);
        double texel = Math.max(SMALLEST_TEXEL, Math.max(sizeX, sizeZ) / mostTexels);
        int width = Math.max(2, (int) Math.ceil(sizeX / texel));
        int height = Math.max(2, (int) Math.ceil(sizeZ / texel));
        int[] colours = baseColours(west, north, sizeX / width, sizeZ / height, width, height, base);
        for (GroundArea area : areas) {
            fill(colours, width, height, west, north, sizeX / width, sizeZ / height, area);
        }
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                double far = towardsEdge(column, row, width, height, sizeX, sizeZ, fadeWidth);
                int index = row * width + column;
                colours[index] = colours[index] == 0 ? FAR_ARGB : mix(colours[index], FAR_ARGB, far);
            }
        }
        return new GroundImage(west, south, east, north, width, height, colours, 1, 1, new int[]{0xFF000000});
    }

    /**
     * The ground beyond everything else, a square of half-size {@code reach} around the scene origin: the far
     * countryside's colour out to {@code clear} metres from the origin, then thickening into the sky's haze
     * ({@link #HAZE_DISTANCE}, of the given colour: the night's is dark), all haze near its edges. So the ground
     * meets the sky in the haze at the horizon, not at an edge.
     */
    public static GroundImage farGround(double clear, double reach, int hazeArgb) {
        int texels = FAR_TEXELS;
        int[] diffuse = new int[texels * texels];
        int[] glow = new int[texels * texels];
        for (int row = 0; row < texels; row++) {
            for (int column = 0; column < texels; column++) {
                double x = ((column + 0.5) / texels * 2 - 1) * reach;
                double z = ((row + 0.5) / texels * 2 - 1) * reach;
                double beyond = Math.max(0, Math.hypot(x, z) - clear);
                // Aerial perspective: haze thickens with distance, and the last stretch before the edge is all haze.
                double haze = Math.hypot(x, z) >= 0.95 * reach ? 1 : 1 - Math.exp(-beyond / HAZE_DISTANCE);
                diffuse[row * texels + column] = scaled(FAR_ARGB, 1 - haze);
                glow[row * texels + column] = scaled(hazeArgb, haze);
            }
        }
        return new GroundImage(-reach, -reach, reach, reach, texels, texels, diffuse, texels, texels, glow);
    }

    /** {@code a} blended towards {@code b} by {@code t} (0 gives a, 1 gives b), opaque ARGB. */
    static int mix(int a, int b, double t) {
        int red = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int green = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int blue = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return 0xFF000000 | red << 16 | green << 8 | blue;
    }

    /**
     * The base colour of every texel, asked of {@code base} only every {@value #BASE_STEP} texels and blended
     * bilinearly between (a height tint changes slowly; asking the terrain's height 3 million times took 0.3 s of
     * the FX thread). Where a corner of a block has no ground, each texel takes its nearest corner's colour.
     */
    private static int[] baseColours(double west, double north, double texelX, double texelZ, int width, int height,
                                     DoubleBinaryOperator base) {
        int columns = (width - 1) / BASE_STEP + 2;
        int rows = (height - 1) / BASE_STEP + 2;
        int[] samples = new int[columns * rows];
        for (int row = 0; row < rows; row++) {
            double z = north - (Math.min(row * BASE_STEP, height - 1) + 0.5) * texelZ;
            for (int column = 0; column < columns; column++) {
                samples[row * columns + column] = (int) base.applyAsDouble(west + (Math.min(column * BASE_STEP, width - 1) + 0.5) * texelX, z);
            }
        }
        int[] colours = new int[width * height];
        for (int row = 0; row < height; row++) {
            int sampleRow = row / BASE_STEP;
            int rowSpan = Math.min((sampleRow + 1) * BASE_STEP, height - 1) - sampleRow * BASE_STEP;
            double v = (row - sampleRow * BASE_STEP) / (double) Math.max(1, rowSpan);
            for (int column = 0; column < width; column++) {
                int sampleColumn = column / BASE_STEP;
                int columnSpan = Math.min((sampleColumn + 1) * BASE_STEP, width - 1) - sampleColumn * BASE_STEP;
                double u = (column - sampleColumn * BASE_STEP) / (double) Math.max(1, columnSpan);
                int at = sampleRow * columns + sampleColumn;
                int a = samples[at];
                int b = samples[at + 1];
                int c = samples[at + columns];
                int d = samples[at + columns + 1];
                colours[row * width + column] = a == 0 || b == 0 || c == 0 || d == 0
                        ? (u < 0.5 ? (v < 0.5 ? a : c) : (v < 0.5 ? b : d))
                        : mix(mix(a, b, u), mix(c, d, u), v);
            }
        }
        return colours;
    }

    /** How far a texel has faded into the far colour: not inside, fully at the rectangle's edge, smoothly between. */
    private static double towardsEdge(int column, int row, int columns, int rows, double sizeX, double sizeZ, double fadeWidth) {
        double x = (column + 0.5) / columns * sizeX;
        double z = (row + 0.5) / rows * sizeZ;
        double toEdge = Math.min(Math.min(x, sizeX - x), Math.min(z, sizeZ - z));
        double t = fadeWidth <= 0 ? 1 : Math.max(0, Math.min(1, toEdge / fadeWidth));
        return 1 - t * t * (3 - 2 * t);
    }

    /** A value from -1 to 1 for a texel, the same on every run: the grain of an area's colour. */
    private static double noise(int column, int row) {
        int hash = column * 0x27D4EB2D ^ row * 0x165667B1;
        hash ^= hash >>> 15;
        hash *= 0x2C1B3C6D;
        hash ^= hash >>> 12;
        return (hash & 0xFFFF) / 32767.5 - 1;
    }

    private static int scaled(int argb, double factor) {
        int red = Math.min(255, (int) Math.round(((argb >> 16) & 0xFF) * factor));
        int green = Math.min(255, (int) Math.round(((argb >> 8) & 0xFF) * factor));
        int blue = Math.min(255, (int) Math.round((argb & 0xFF) * factor));
        return 0xFF000000 | red << 16 | green << 8 | blue;
    }

    /**
     * Fills an area's rings into the image by scanlines through the texel centres, even-odd, so that holes stay
     * as they were. Texels where there is no ground (0) stay so.
     */
    private static void fill(int[] colours, int width, int height, double west, double north, double texelX,
                             double texelZ, GroundArea area) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (float[] ring : area.rings()) {
            for (int corner = 1; corner < ring.length; corner += 2) {
                low = Math.min(low, ring[corner]);
                high = Math.max(high, ring[corner]);
            }
        }
        // Only the rows the area reaches: thousands of fields each cross a few dozen of the image's rows.
        int firstRow = Math.max(0, (int) Math.floor((north - high) / texelZ - 0.5));
        int lastRow = Math.min(height - 1, (int) Math.ceil((north - low) / texelZ - 0.5));
        double[] crossings = new double[16];
        for (int row = firstRow; row <= lastRow; row++) {
            double z = north - (row + 0.5) * texelZ;
            int count = 0;
            for (float[] ring : area.rings()) {
                int corners = ring.length / 2;
                for (int a = 0, b = corners - 1; a < corners; b = a++) {
                    double za = ring[a * 2 + 1];
                    double zb = ring[b * 2 + 1];
                    // Half-open, so that a vertex on the scanline counts once.
                    if ((za > z) != (zb > z)) {
                        if (count == crossings.length) {
                            crossings = Arrays.copyOf(crossings, count * 2);
                        }
                        double xa = ring[a * 2];
                        double xb = ring[b * 2];
                        crossings[count++] = xa + (z - za) / (zb - za) * (xb - xa);
                    }
                }
            }
            Arrays.sort(crossings, 0, count);
            for (int pair = 0; pair + 1 < count; pair += 2) {
                int from = Math.max(0, (int) Math.ceil((crossings[pair] - west) / texelX - 0.5));
                int to = Math.min(width - 1, (int) Math.floor((crossings[pair + 1] - west) / texelX - 0.5));
                for (int column = from; column <= to; column++) {
                    int index = row * width + column;
                    if (colours[index] != 0) {
                        colours[index] = area.grain() == 0 ? area.argb()
                                : scaled(area.argb(), 1 + area.grain() * noise(column, row));
                    }
                }
            }
        }
    }
}
