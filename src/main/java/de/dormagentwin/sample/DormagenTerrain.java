package de.dormagentwin.sample;

import de.dormagentwin.model.TerrainGrid;
import de.dormagentwin.model.io.EsriAsciiGrid;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The sample's generated terrain: the Rhine valley around Dormagen as a 25 m grid in EPSG:25832, heights in
 * metres above sea level from about 31 m (the river's bed in the north-east) to about 72 m (the terraces in the
 * south-west), rounded to centimetres as DGM1 gives them.
 *
 * <p>The shape follows the valley's real build in broad strokes, measured as the distance west of the Rhine:
 * the river's bed a metre under its water level, which falls 1.5 m downstream; banks rising 4 m above the water
 * over some 120 m; a flat floodplain; the step up to the low terrace the town stands on, a kilometre from the
 * river; the middle terrace of Nievenheim and Hackenbroich 4 to 6 km out; and the rise towards the Ville in the
 * south-west. East of the river lies the low floodplain towards Düsseldorf. Two octaves of value noise from the
 * sample's seed roll the land by a metre or two, and leave the river and its banks alone.
 *
 * <p>Everything the sample places stands on {@link #GRID} as it is written to the file, read back the way the
 * viewer reads it ({@link TerrainGrid#heightAt}), so buildings and terrain agree to the centimetre.
 */
final class DormagenTerrain {
    static final double CELL_SIZE = 25;
    /**
     * The first grid point, south-west: the sample's objects with at least 250 m to spare on every side, and Gohr
     * and Broich, the westernmost villages, with their fields around them.
     */
    static final double WEST = 340_000;
    static final double SOUTH = 5_655_000;
    static final int COLUMNS = 571;
    static final int ROWS = 641;
    /** The Rhine's water level where it enters the sample in the south (Worringen) and leaves it in the north. */
    static final double WATER_LEVEL_UPSTREAM = 33.5;
    static final double WATER_LEVEL_DOWNSTREAM = 32.0;

    private static final double BED_BELOW_WATER = 1.0;
    private static final double BANK_ABOVE_WATER = 4.0;
    /**
     * The bank's slope runs from this far inside the water's edge to {@link #BANK_OUTSIDE} outside it: wide
     * enough that the viewer's 50 m step draws it smooth, and the water's edge lies under its foot.
     */
    private static final double BANK_INSIDE = 40;
    /** Where the bank's top, and the level ground of the quay, begins. */
    static final double BANK_OUTSIDE = 80;

    static final TerrainGrid GRID = generate();

    private DormagenTerrain() {
    }

    /** The ground's height at a point, as the viewer interpolates the written grid. */
    static double heightAt(double easting, double northing) {
        double height = GRID.heightAt(easting, northing);
        if (Double.isNaN(height)) {
            throw new IllegalStateException("the sample's terrain does not reach " + easting + ", " + northing);
        }
        return height;
    }

    /**
     * Where a building or facility with this footprint stands: the lowest ground under its corners and its centre,
     * so that no corner hangs in the air; on the uphill side its walls reach into the ground, as on a real slope.
     */
    static double baseHeight(double[][] footprint) {
        double easting = 0;
        double northing = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (double[] corner : footprint) {
            lowest = Math.min(lowest, heightAt(corner[0], corner[1]));
            easting += corner[0] / footprint.length;
            northing += corner[1] / footprint.length;
        }
        return Math.min(lowest, heightAt(easting, northing));
    }

    /** The Rhine's water level at a northing: falling evenly from the south end of its course to the north end. */
    static double waterLevel(double northing) {
        Polyline course = DormagenGeography.RHINE;
        double south = course.point(0)[1];
        double north = course.point(course.pointCount() - 1)[1];
        double downstream = Math.max(0, Math.min(1, (northing - south) / (north - south)));
        return WATER_LEVEL_UPSTREAM + downstream * (WATER_LEVEL_DOWNSTREAM - WATER_LEVEL_UPSTREAM);
    }

    /** Writes {@link #GRID} as an ESRI ASCII grid, heights in centimetres. */
    static void write(OutputStream out) throws IOException {
        EsriAsciiGrid.write(GRID, out, 2);
    }

    private static TerrainGrid generate() {
        float[] heights = new float[COLUMNS * ROWS];
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                double height = modelHeight(WEST + column * CELL_SIZE, SOUTH + row * CELL_SIZE);
                // Centimetres, as the file holds them: what the sample stands on is what the viewer reads.
                heights[row * COLUMNS + column] = (float) (Math.round(height * 100.0) / 100.0);
            }
        }
        return new TerrainGrid(WEST, SOUTH, CELL_SIZE, COLUMNS, ROWS, heights);
    }

    /** The valley's shape at a point, before rounding. */
    static double modelHeight(double easting, double northing) {
        Polyline river = DormagenGeography.RHINE;
        double[] nearest = river.nearestPointWithDirection(easting, northing);
        double distance = Planar.length(easting - nearest[0], northing - nearest[1]);
        // Left of the downstream direction is west of a river that flows north.
        boolean west = (easting - nearest[0]) * -nearest[3] + (northing - nearest[1]) * nearest[2] > 0;
        double water = waterLevel(nearest[1]);
        double halfWidth = DormagenGeography.RHINE_WIDTH / 2.0;
        double kilometres = distance / 1000.0;
        double land = water + BANK_ABOVE_WATER;
        if (west) {
            // The terraces lie nearer the river in the south, where the Ville comes closer.
            double terraces = kilometres + (5_664_000 - northing) / 1000.0 * 0.35;
            land += 4.0 * smoothStep(0.7, 1.7, kilometres)
                    + 9.0 * smoothStep(3.5, 5.5, terraces)
                    + 18.0 * smoothStep(7.0, 11.0, terraces)
                    + 0.35 * kilometres;
        } else {
            land += 1.5 * smoothStep(0.5, 2.5, kilometres);
        }
        land += roll(easting, northing) * smoothStep(halfWidth + 40, halfWidth + 700, distance) * (west ? 1.0 : 0.5);
        double bed = water - BED_BELOW_WATER;
        return bed + (land - bed) * smoothStep(halfWidth - BANK_INSIDE, halfWidth + BANK_OUTSIDE, distance);
    }

    /** Gentle rolling ground: about ±1.4 m over 1.8 km and ±0.6 m over 650 m. */
    private static double roll(double easting, double northing) {
        return 1.4 * valueNoise(easting / 1_800.0, northing / 1_800.0, DormagenSample.SEED)
                + 0.6 * valueNoise(easting / 650.0, northing / 650.0, DormagenSample.SEED + 1);
    }

    /** Smooth noise in [-1, 1]: random values at whole coordinates, blended with a quintic so slopes stay smooth. */
    private static double valueNoise(double x, double y, long seed) {
        long column = (long) Math.floor(x);
        long row = (long) Math.floor(y);
        double fx = fade(x - column);
        double fy = fade(y - row);
        double south = lerp(lattice(column, row, seed), lattice(column + 1, row, seed), fx);
        double north = lerp(lattice(column, row + 1, seed), lattice(column + 1, row + 1, seed), fx);
        return lerp(south, north, fy);
    }

    /** A value in [-1, 1] for a lattice point: SplitMix64's finaliser over its coordinates and the seed. */
    private static double lattice(long column, long row, long seed) {
        long z = seed + column * 0x9E3779B97F4A7C15L + row * 0xC2B2AE3D27D4EB4FL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-52 - 1.0;
    }

    private static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /** 0 up to {@code from}, 1 from {@code to}, an S-curve between. */
    private static double smoothStep(double from, double to, double value) {
        double t = Math.max(0, Math.min(1, (value - from) / (to - from)));
        return t * t * (3 - 2 * t);
    }
}
