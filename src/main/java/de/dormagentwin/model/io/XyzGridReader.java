package de.dormagentwin.model.io;

import de.dormagentwin.model.TerrainGrid;
import de.dormagentwin.model.primitive.DoubleList;
import de.dormagentwin.model.primitive.IntList;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a gridded XYZ file, as NRW publishes its DGM1: one point a line, "east north height", separated by spaces,
 * tabs, commas or semicolons, in EPSG:25832; a 1 km tile holds 1,000 x 1,000 points, 1 m apart. The grid is found
 * from the points themselves: the spacing is the most common step between neighbouring distinct eastings (and
 * northings), so that a missing column or a stray point does not change it; the extent runs from the lowest to
 * the highest point. Points may be missing (their heights are NaN) and may come in
 * any order; every point must lie on the grid, and no point may come twice. A first line of column names
 * ("x y z") is skipped, and a height of -9999 or lower, the usual no-data value of exports, counts as missing.
 */
final class XyzGridReader {
    /** Coordinates closer than this, in metres, are the same: DGM1 writes centimetres. */
    private static final double SAME = 1e-3;
    /** A point may lie this share of the spacing off its grid position, for coordinates rounded when written. */
    private static final double OFF_GRID = 0.01;
    private static final double NO_DATA_AT_OR_BELOW = -9999;
    /**
     * Points a file may list: four DGM1 tiles. Each takes 28 bytes while the grid is found, so this bounds reading
     * to about 120 MB; a grid's extent is bounded by {@link TerrainReader#MOST_CELLS} on its own.
     */
    static final int MOST_POINTS = 1 << 22;

    private XyzGridReader() {
    }

    static TerrainGrid read(InputStream in, String source) throws IOException {
        AsciiScanner scanner = new AsciiScanner(in, source, ",;");
        DoubleList easts = new DoubleList(1 << 16);
        DoubleList norths = new DoubleList(1 << 16);
        DoubleList heights = new DoubleList(1 << 16);
        IntList lines = new IntList(1 << 16);
        boolean first = true;
        while (scanner.skipToToken()) {
            if (first && !scanner.numberNext()) {
                first = false;
                while (!scanner.numberNext() && !scanner.word().isEmpty()) {
                    // Column names, such as "x y z" or "X,Y,Z": skipped.
                }
                scanner.endLine("only column names on the first line");
                continue;
            }
            first = false;
            if (easts.size() == MOST_POINTS) {
                throw scanner.problem(String.format(Locale.ROOT, "more than %,d points: a terrain file may hold no more (split it into tiles)", MOST_POINTS));
            }
            lines.add(scanner.line());
            double east = scanner.number("an easting (x y z per line)");
            double north = scanner.number("a northing after the easting (x y z per line)");
            if (!(Math.abs(east) <= TerrainReader.FARTHEST && Math.abs(north) <= TerrainReader.FARTHEST)) {
                throw scanner.problem("the point " + number(east) + " " + number(north) + " lies beyond "
                        + number(TerrainReader.FARTHEST) + " m from the CRS's origin");
            }
            easts.add(east);
            norths.add(north);
            double height = scanner.number("a height after the northing (x y z per line)");
            if (Float.isInfinite((float) height)) {
                throw scanner.problem("a height of " + number(height) + " m is beyond what a terrain can have");
            }
            heights.add(height);
            scanner.endLine("the end of the line after x y z");
        }
        int count = easts.size();
        if (count == 0) {
            throw new IOException(source + ": no points: expected lines of \"east north height\"");
        }
        double spacing = spacing(source, easts, norths, count);
        if (spacing > TerrainReader.COARSEST_CELL) {
            throw new IOException(source + ": the points are " + number(spacing) + " m apart, more than the "
                    + number(TerrainReader.COARSEST_CELL) + " m a terrain grid may have");
        }
        double west = min(easts, count);
        double south = min(norths, count);
        long columns = Math.round((max(easts, count) - west) / spacing) + 1;
        long rows = Math.round((max(norths, count) - south) / spacing) + 1;
        // Compared as doubles: columns * rows overflows a long for points 10^8 m apart at a millimetre's spacing.
        if ((double) columns * rows > TerrainReader.MOST_CELLS) {
            throw new IOException(String.format(Locale.ROOT, "%s: the points span a grid of %,d x %,d points of %s m, more than %,d: "
                    + "is one point far from the rest?", source, columns, rows, number(spacing), TerrainReader.MOST_CELLS));
        }
        float[] grid = new float[(int) (columns * rows)];
        Arrays.fill(grid, Float.NaN);
        boolean[] seen = new boolean[grid.length];
        for (int point = 0; point < count; point++) {
            double east = easts.get(point);
            double north = norths.get(point);
            long column = Math.round((east - west) / spacing);
            long row = Math.round((north - south) / spacing);
            if (Math.abs(west + column * spacing - east) > OFF_GRID * spacing || Math.abs(south + row * spacing - north) > OFF_GRID * spacing) {
                throw new IOException(String.format(Locale.ROOT, "%s:%d: the point %s %s is not on the %s m grid that starts at %s %s",
                        source, lines.get(point), number(east), number(north), number(spacing), number(west), number(south)));
            }
            int index = (int) (row * columns + column);
            if (seen[index]) {
                throw new IOException(String.format(Locale.ROOT, "%s:%d: a second height for the point %s %s",
                        source, lines.get(point), number(east), number(north)));
            }
            seen[index] = true;
            double height = heights.get(point);
            grid[index] = height <= NO_DATA_AT_OR_BELOW ? Float.NaN : (float) height;
        }
        return new TerrainGrid(west, south, spacing, (int) columns, (int) rows, grid);
    }

    /**
     * The grid spacing along both axes, which must agree, since a terrain grid has square cells. A single row or
     * column gives its spacing alone; a single point none.
     */
    private static double spacing(String source, DoubleList easts, DoubleList norths, int count) throws IOException {
        double alongEast = commonestStep(easts, count);
        double alongNorth = commonestStep(norths, count);
        if (Double.isNaN(alongEast) && Double.isNaN(alongNorth)) {
            throw new IOException(source + ": a grid needs points at two places at least; all lie at one");
        }
        if (Double.isNaN(alongEast) || Double.isNaN(alongNorth)) {
            return Double.isNaN(alongEast) ? alongNorth : alongEast;
        }
        if (Math.abs(alongEast - alongNorth) > SAME) {
            throw new IOException(String.format(Locale.ROOT, "%s: the points are %s m apart east-west but %s m north-south: "
                    + "only square grid cells are supported", source, number(alongEast), number(alongNorth)));
        }
        return Math.min(alongEast, alongNorth);
    }

    /**
     * The most common step between neighbouring distinct values (the smaller of two as common), NaN when all
     * values are the same. Steps within {@link #SAME} of each other count as one.
     */
    private static double commonestStep(DoubleList values, int count) {
        double[] sorted = Arrays.copyOf(values.array(), count);
        Arrays.sort(sorted);
        double[] steps = new double[count];
        int stepCount = 0;
        double previous = sorted[0];
        for (int i = 1; i < count; i++) {
            if (sorted[i] - previous > SAME) {
                steps[stepCount++] = sorted[i] - previous;
                previous = sorted[i];
            }
        }
        Arrays.sort(steps, 0, stepCount);
        double commonest = Double.NaN;
        int most = 0;
        for (int start = 0; start < stepCount; ) {
            int end = start;
            while (end < stepCount && steps[end] - steps[start] <= SAME) {
                end++;
            }
            if (end - start > most) {
                most = end - start;
                commonest = steps[start];
            }
            start = end;
        }
        return commonest;
    }

    private static double min(DoubleList values, int count) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, values.get(i));
        }
        return min;
    }

    private static double max(DoubleList values, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, values.get(i));
        }
        return max;
    }

    /** A coordinate as people write it: no exponent, no trailing zeros. */
    static String number(double value) {
        if (!(Math.abs(value) < 1e15)) {
            // Beyond any coordinate: 1e308 in 309 digits would bury the message.
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
