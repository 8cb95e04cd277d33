package de.dormagentwin.model.io;

import de.dormagentwin.model.TerrainGrid;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ESRI ASCII grid (.asc, also "Arc/Info ASCII Grid"): a header of {@code ncols}, {@code nrows},
 * {@code xllcorner} or {@code xllcenter}, {@code yllcorner} or {@code yllcenter}, {@code cellsize} and an optional
 * {@code NODATA_value} (-9999 when absent), then {@code nrows} rows of {@code ncols} heights, the northern row
 * first. Header names are read in any case and order. A value is the height of its cell's centre, so a grid read
 * with {@code xllcorner} has its first point half a cell in from that corner.
 */
public final class EsriAsciiGrid {
    private static final double DEFAULT_NO_DATA = -9999;
    private static final List<String> HEADER = List.of("ncols", "nrows", "xllcorner", "xllcenter", "yllcorner",
            "yllcenter", "cellsize", "nodata_value");

    private EsriAsciiGrid() {
    }

    static TerrainGrid read(InputStream in, String source) throws IOException {
        return read(in, source, TerrainReader.MOST_BYTES);
    }

    /** @param textBytes the most text the input can hold: each height takes two bytes of it at least, "0 " */
    static TerrainGrid read(InputStream in, String source, long textBytes) throws IOException {
        AsciiScanner scanner = new AsciiScanner(in, source, "");
        Map<String, Double> header = new HashMap<>();
        while (scanner.skipToToken() && !scanner.numberNext()) {
            String name = scanner.word().toLowerCase(Locale.ROOT);
            if (name.equals("dx") || name.equals("dy")) {
                throw scanner.problem("'" + name + "': only square cells (one cellsize) are supported");
            }
            if (!HEADER.contains(name)) {
                throw scanner.problem("expected a header line (" + String.join(", ", HEADER) + ") or the first height, found '" + name + "'");
            }
            if (header.put(name, scanner.number("a number after " + name)) != null) {
                throw scanner.problem(name + " is given twice");
            }
            scanner.endLine("the end of the line after " + name);
        }
        int columns = count(scanner, header, "ncols");
        int rows = count(scanner, header, "nrows");
        double cellSize = required(scanner, header, "cellsize");
        if (!(cellSize > 0) || cellSize > TerrainReader.COARSEST_CELL) {
            throw scanner.problem("cellsize must be above 0 and at most " + XyzGridReader.number(TerrainReader.COARSEST_CELL)
                    + " m, not " + XyzGridReader.number(cellSize));
        }
        double west = firstCentre(scanner, header, "xll", cellSize);
        double south = firstCentre(scanner, header, "yll", cellSize);
        long cells = (long) columns * rows;
        if (cells > TerrainReader.MOST_CELLS) {
            throw scanner.problem(String.format(Locale.ROOT, "a grid of %,d x %,d cells is more than the %,d a terrain file may hold",
                    columns, rows, TerrainReader.MOST_CELLS));
        }
        if (cells * 2 - 1 > textBytes) {
            throw scanner.problem(String.format(Locale.ROOT, "the header claims %,d x %,d cells, more than the file's %,d bytes can hold",
                    columns, rows, textBytes));
        }
        double east = west + (columns - 1) * cellSize;
        double north = south + (rows - 1) * cellSize;
        if (!(Math.max(Math.abs(west), Math.abs(east)) <= TerrainReader.FARTHEST && Math.max(Math.abs(south), Math.abs(north)) <= TerrainReader.FARTHEST)) {
            throw scanner.problem(String.format(Locale.ROOT, "the grid reaches %s .. %s east, %s .. %s north: coordinates must lie within %s m",
                    XyzGridReader.number(west), XyzGridReader.number(east), XyzGridReader.number(south), XyzGridReader.number(north),
                    XyzGridReader.number(TerrainReader.FARTHEST)));
        }
        double noData = header.getOrDefault("nodata_value", DEFAULT_NO_DATA);
        float[] heights = new float[columns * rows];
        for (int fileRow = 0; fileRow < rows; fileRow++) {
            // The file runs north to south; the grid's row 0 is the southern one.
            int offset = (rows - 1 - fileRow) * columns;
            for (int column = 0; column < columns; column++) {
                if (!scanner.skipToToken()) {
                    throw new IOException(String.format(Locale.ROOT, "%s: expected %,d heights (ncols %d x nrows %d), found only %,d before the end",
                            source, (long) columns * rows, columns, rows, (long) fileRow * columns + column));
                }
                double value = scanner.number(String.format(Locale.ROOT, "a height (row %d of %d, column %d of %d)", fileRow + 1, rows, column + 1, columns));
                float height = value == noData ? Float.NaN : (float) value;
                if (Float.isInfinite(height)) {
                    throw scanner.problem("a height of " + XyzGridReader.number(value) + " m is beyond what a terrain can have");
                }
                heights[offset + column] = height;
            }
        }
        if (scanner.skipToToken()) {
            throw scanner.problem(String.format(Locale.ROOT, "expected no more than the %,d heights of ncols %d x nrows %d, found '%s'",
                    (long) columns * rows, columns, rows, scanner.word()));
        }
        return new TerrainGrid(west, south, cellSize, columns, rows, heights);
    }

    private static double required(AsciiScanner scanner, Map<String, Double> header, String name) throws IOException {
        Double value = header.get(name);
        if (value == null) {
            throw scanner.problem("the header has no " + name);
        }
        return value;
    }

    private static int count(AsciiScanner scanner, Map<String, Double> header, String name) throws IOException {
        double value = required(scanner, header, name);
        if (value != Math.rint(value) || value < 1 || value > Integer.MAX_VALUE) {
            throw scanner.problem(name + " must be a whole number of 1 or more, not " + XyzGridReader.number(value));
        }
        return (int) value;
    }

    /** The easting (xll) or northing (yll) of the first cell's centre, from the corner or the centre given. */
    private static double firstCentre(AsciiScanner scanner, Map<String, Double> header, String axis, double cellSize) throws IOException {
        Double corner = header.get(axis + "corner");
        Double centre = header.get(axis + "center");
        if (corner != null && centre != null) {
            throw scanner.problem("the header gives both " + axis + "corner and " + axis + "center; expected one");
        }
        if (corner == null && centre == null) {
            throw scanner.problem("the header has neither " + axis + "corner nor " + axis + "center");
        }
        return corner != null ? corner + cellSize / 2 : centre;
    }

    /**
     * Writes a grid with {@code xllcorner}/{@code yllcorner}, heights to {@code decimals} places and NaN as
     * -9999. The same grid always gives the same bytes: numbers are written by hand, never through the locale.
     */
    public static void write(TerrainGrid grid, OutputStream out, int decimals) throws IOException {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("between 0 and 6 decimals, not " + decimals);
        }
        StringBuilder text = new StringBuilder(grid.columns() * (decimals + 5));
        text.append("ncols ").append(grid.columns()).append('\n')
                .append("nrows ").append(grid.rows()).append('\n')
                .append("xllcorner ").append(XyzGridReader.number(grid.originEast() - grid.cellSize() / 2)).append('\n')
                .append("yllcorner ").append(XyzGridReader.number(grid.originNorth() - grid.cellSize() / 2)).append('\n')
                .append("cellsize ").append(XyzGridReader.number(grid.cellSize())).append('\n')
                .append("NODATA_value ").append((long) DEFAULT_NO_DATA).append('\n');
        long scale = (long) Math.pow(10, decimals);
        for (int row = grid.rows() - 1; row >= 0; row--) {
            for (int column = 0; column < grid.columns(); column++) {
                if (column > 0) {
                    text.append(' ');
                }
                float height = grid.height(column, row);
                if (Float.isNaN(height)) {
                    text.append((long) DEFAULT_NO_DATA);
                } else {
                    appendFixed(text, Math.round(height * (double) scale), decimals);
                }
            }
            text.append('\n');
            out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
            text.setLength(0);
        }
    }

    /** {@code scaled / 10^decimals} with exactly {@code decimals} places, "-0.50" for -50 at two. */
    private static void appendFixed(StringBuilder text, long scaled, int decimals) {
        if (scaled < 0) {
            text.append('-');
            scaled = -scaled;
        }
        char[] digits = Long.toString(scaled).toCharArray();
        int whole = digits.length - decimals;
        if (whole <= 0) {
            text.append('0');
        } else {
            text.append(digits, 0, whole);
        }
        if (decimals > 0) {
            text.append('.');
            char[] zeros = new char[Math.max(0, -whole)];
            Arrays.fill(zeros, '0');
            text.append(zeros).append(digits, Math.max(0, whole), digits.length - Math.max(0, whole));
        }
    }
}
