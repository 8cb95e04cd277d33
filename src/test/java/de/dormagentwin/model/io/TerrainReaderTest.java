package de.dormagentwin.model.io;

import de.dormagentwin.model.TerrainGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerrainReaderTest {
    /** The documented caps: 512 MiB of unpacked text, 4,194,304 XYZ points. */
    private static final long MOST_BYTES = 512L << 20;
    private static final int MOST_POINTS = 1 << 22;

    @TempDir
    Path folder;

    private static TerrainGrid esri(String text) throws IOException {
        return EsriAsciiGrid.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "grid.asc");
    }

    private static TerrainGrid xyz(String text) throws IOException {
        return XyzGridReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "tile.xyz");
    }

    private static String problem(ThrowingRead read) {
        return assertThrows(IOException.class, read::read).getMessage();
    }

    private interface ThrowingRead {
        void read() throws IOException;
    }

    private static final String ESRI = """
            ncols 3
            nrows 2
            xllcorner 340000
            yllcorner 5654000
            cellsize 25
            NODATA_value -9999
            40.5 41 -9999
            38.25 39 40
            """;

    @Test
    void anEsriGridIsReadFromTheNorthernRowDownWithCellCentresHalfACellInFromTheCorner() throws IOException {
        TerrainGrid grid = esri(ESRI);
        assertEquals(3, grid.columns());
        assertEquals(2, grid.rows());
        assertEquals(25, grid.cellSize());
        assertEquals(340_012.5, grid.originEast());
        assertEquals(5_654_012.5, grid.originNorth());
        assertEquals(38.25f, grid.height(0, 0), "the last line of the file is the southern row");
        assertEquals(40f, grid.height(2, 0));
        assertEquals(40.5f, grid.height(0, 1));
        assertTrue(Float.isNaN(grid.height(2, 1)), "NODATA_value is no height");
        assertEquals((38.25 + 39 + 40.5 + 41) / 4, grid.heightAt(340_025, 5_654_025), 1e-6);
    }

    @Test
    void anEsriGridWithCentresAndMixedCaseHeaderNamesInAnyOrderHasItsFirstPointThere() throws IOException {
        TerrainGrid grid = esri("CELLSIZE 1\nNRows 1\nNCOLS 2\nYLLCENTER 10\nXLLCENTER 20\n7 8\n");
        assertEquals(20, grid.originEast());
        assertEquals(10, grid.originNorth());
        assertArrayEquals(new float[]{7, 8}, grid.heights());
    }

    @Test
    void withoutANoDataValueMinus9999IsNoHeight() throws IOException {
        TerrainGrid grid = esri("ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n-9999 3.5e1\n");
        assertTrue(Float.isNaN(grid.height(0, 0)));
        assertEquals(35f, grid.height(1, 0));
    }

    @Test
    void brokenEsriGridsSayWhereAndWhatWasExpected() {
        assertEquals("grid.asc: expected 6 heights (ncols 3 x nrows 2), found only 5 before the end",
                problem(() -> esri(ESRI.replace("38.25 39 40", "38.25 39"))));
        assertEquals("grid.asc:9: expected no more than the 6 heights of ncols 3 x nrows 2, found '41'",
                problem(() -> esri(ESRI + "41\n")));
        assertEquals("grid.asc:8: expected a height (row 2 of 2, column 2 of 3), found '3g'",
                problem(() -> esri(ESRI.replace("38.25 39 40", "38.25 3g 40"))));
        assertEquals("grid.asc:2: expected a header line (ncols, nrows, xllcorner, xllcenter, yllcorner, yllcenter, cellsize, "
                + "nodata_value) or the first height, found 'rows'", problem(() -> esri(ESRI.replace("nrows", "rows"))));
        assertEquals("grid.asc:6: the header has no cellsize", problem(() -> esri(ESRI.replace("cellsize 25\n", ""))));
        assertEquals("grid.asc:8: the header gives both xllcorner and xllcenter; expected one",
                problem(() -> esri("xllcenter 1\n" + ESRI)));
        assertEquals("grid.asc:7: ncols must be a whole number of 1 or more, not 2.5",
                problem(() -> esri(ESRI.replace("ncols 3", "ncols 2.5"))));
        assertEquals("grid.asc:3: nrows is given twice", problem(() -> esri("nrows 2\n" + ESRI)));
        assertEquals("grid.asc:1: 'dx': only square cells (one cellsize) are supported", problem(() -> esri("dx 1\n" + ESRI)));
        assertEquals("grid.asc:1: expected a number after ncols, found 'three'", problem(() -> esri(ESRI.replace("ncols 3", "ncols three"))));
    }

    @Test
    void anEsriGridWrittenAndReadAgainIsTheSame() throws IOException {
        TerrainGrid grid = new TerrainGrid(342_750, 5_655_000, 25, 3, 2, new float[]{31.01f, -0.5f, Float.NaN, 72.11f, 0.07f, 40});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EsriAsciiGrid.write(grid, bytes, 2);
        String text = bytes.toString(StandardCharsets.US_ASCII);
        assertEquals("""
                ncols 3
                nrows 2
                xllcorner 342737.5
                yllcorner 5654987.5
                cellsize 25
                NODATA_value -9999
                72.11 0.07 40.00
                31.01 -0.50 -9999
                """, text);
        TerrainGrid read = esri(text);
        assertEquals(grid.originEast(), read.originEast());
        assertEquals(grid.originNorth(), read.originNorth());
        assertArrayEquals(grid.heights(), read.heights());
    }

    /** Three rows of four points 1 m apart, as a DGM1 tile has them: by northing, with CRLF line ends. */
    private static String dgm1Rows() {
        StringBuilder text = new StringBuilder();
        for (int row = 2; row >= 0; row--) {
            for (int column = 0; column < 4; column++) {
                text.append(String.format(Locale.ROOT, "%d.00 %d.00 %.2f\r\n", 280_000 + column, 5_652_000 + row, 50 + row + column / 100.0));
            }
        }
        return text.toString();
    }

    @Test
    void anXyzTileFindsItsSpacingAndExtentFromItsPoints() throws IOException {
        TerrainGrid grid = xyz(dgm1Rows());
        assertEquals(1, grid.cellSize());
        assertEquals(4, grid.columns());
        assertEquals(3, grid.rows());
        assertEquals(280_000, grid.originEast());
        assertEquals(5_652_000, grid.originNorth());
        assertEquals(50f, grid.height(0, 0));
        assertEquals(52.03f, grid.height(3, 2));
        assertEquals(51.015, grid.heightAt(280_001.5, 5_652_001), 1e-5);
    }

    @Test
    void anXyzFileMayMissPointsComeInAnyOrderAndStartWithColumnNames() throws IOException {
        TerrainGrid grid = xyz("x,y,z\n\n20,110,3\n0,100,1\n10, 100, 2\n\n0;120;-9999\n");
        assertEquals(10, grid.cellSize());
        assertEquals(3, grid.columns());
        assertEquals(3, grid.rows());
        assertEquals(1f, grid.height(0, 0));
        assertEquals(2f, grid.height(1, 0));
        assertEquals(3f, grid.height(2, 1));
        assertTrue(Float.isNaN(grid.height(2, 0)), "a missing point has no height");
        assertTrue(Float.isNaN(grid.height(0, 2)), "nor has -9999");
        assertEquals(3, grid.pointsWithHeight());
    }

    @Test
    void aGzippedDgm1TileIsReadByItsName() throws IOException {
        Path file = folder.resolve("dgm1_32_280_5652_1_nw.xyz.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(dgm1Rows().getBytes(StandardCharsets.US_ASCII));
        }
        TerrainGrid grid = TerrainReader.read(file);
        assertEquals(12, grid.pointsWithHeight());
        assertEquals(51.02f, grid.height(2, 1));
        assertTrue(TerrainReader.isTerrainFile(file));
    }

    @Test
    void brokenXyzFilesSayWhereAndWhatWasExpected() {
        assertEquals("tile.xyz:4: the point 3.5 0 is not on the 1 m grid that starts at 0 0",
                problem(() -> xyz("0 0 1\n1 0 1\n2 0 1\n3.5 0 1\n0 1 1\n")));
        assertEquals("tile.xyz:3: a second height for the point 0 0", problem(() -> xyz("0 0 1\n1 0 2\n0 0 3\n")));
        assertEquals("tile.xyz:2: expected a height after the northing (x y z per line), found the end of the line",
                problem(() -> xyz("0 0 1\n1 0\n")));
        assertEquals("tile.xyz:1: expected the end of the line after x y z, found '7'", problem(() -> xyz("0 0 1 7\n")));
        assertEquals("tile.xyz:2: expected an easting (x y z per line), found '1O'", problem(() -> xyz("0 0 1\n1O 0 1\n")));
        assertEquals("tile.xyz: the points are 1 m apart east-west but 2 m north-south: only square grid cells are supported",
                problem(() -> xyz("0 0 1\n1 0 1\n0 2 1\n")));
        assertEquals("tile.xyz: a grid needs points at two places at least; all lie at one", problem(() -> xyz("5 5 1\n")));
        assertEquals("tile.xyz: no points: expected lines of \"east north height\"", problem(() -> xyz("x y z\n")));
    }

    @Test
    void aFileOfAnotherKindIsNamedInTheMessage() {
        Path file = folder.resolve("tile.tif");
        String message = assertThrows(IOException.class, () -> TerrainReader.read(file)).getMessage();
        assertTrue(message.startsWith(file + ": not a terrain file"), message);
        Path missing = folder.resolve("missing.asc");
        assertEquals(missing + ": no such file", assertThrows(IOException.class, () -> TerrainReader.read(missing)).getMessage());
    }

    @Test
    void aHeaderClaimingMoreCellsThanTheFileCanHoldIsRefusedBeforeAnythingIsAllocated() throws IOException {
        Path file = folder.resolve("huge.asc");
        Files.writeString(file, "ncols 46340\nnrows 46340\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3\n", StandardCharsets.US_ASCII);
        String message = assertThrows(IOException.class, () -> TerrainReader.read(file)).getMessage();
        assertTrue(message.startsWith(file + ":"), message);
        assertTrue(message.contains("46,340 x 46,340 cells"), message);
        Path small = folder.resolve("small.asc.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(small))) {
            out.write("ncols 4000\nnrows 4000\nxllcorner 0\nyllcorner 0\ncellsize 1\n1\n".getBytes(StandardCharsets.US_ASCII));
        }
        String gzipped = problem(() -> TerrainReader.read(small));
        assertTrue(gzipped.contains("expected 16,000,000 heights"), "a gzipped grid within the cap is read until its heights run out: " + gzipped);
        assertTrue(problem(() -> esri("ncols 4000\nnrows 4000\nxllcorner 0\nyllcorner 0\ncellsize 1\n1\n")).contains("expected 16,000,000 heights"));
        assertTrue(problem(() -> esri("ncols 4097\nnrows 4097\nxllcorner 0\nyllcorner 0\ncellsize 1\n1\n"))
                .contains("4,097 x 4,097 cells is more than the 16,777,216"));
    }

    @Test
    void aCellSizeOrCornerNoProjectedCrsCanMeanIsRefused() {
        String rows = "ncols 2\nnrows 1\n%s\n1 2\n";
        for (String header : new String[]{"xllcorner 0\nyllcorner 0\ncellsize 1e308", "xllcorner 0\nyllcorner 0\ncellsize 0",
                "xllcorner 0\nyllcorner 0\ncellsize -25", "xllcorner 0\nyllcorner 0\ncellsize NaN",
                "xllcorner 1e300\nyllcorner 0\ncellsize 25", "xllcorner 0\nyllcorner -5e8\ncellsize 25",
                "xllcorner 99999990\nyllcorner 0\ncellsize 100"}) {
            String message = problem(() -> esri(String.format(Locale.ROOT, rows, header)));
            assertTrue(message.startsWith("grid.asc:"), header + ": " + message);
        }
        assertTrue(problem(() -> esri(String.format(Locale.ROOT, rows, "xllcorner 0\nyllcorner 0\ncellsize 1e308")))
                .contains("cellsize must be above 0 and at most 100000 m, not 1.0E308"));
        assertTrue(problem(() -> esri("ncols 1\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n1e300\n")).contains("a height of 1.0E300 m"));
        assertTrue(problem(() -> xyz("0 0 1\n1 0 1\n1e300 0 1\n")).contains("the point 1.0E300 0 lies beyond"));
        assertTrue(problem(() -> xyz("0 0 1\n200000 0 1\n")).contains("200000 m apart"));
    }

    @Test
    void aGzipThatUnpacksToMoreThanTheCapIsRefusedWhileReading() throws IOException {
        Path file = folder.resolve("bomb.asc.gz");
        byte[] spaces = new byte[1 << 20];
        java.util.Arrays.fill(spaces, (byte) ' ');
        try (OutputStream out = fastGzip(file)) {
            out.write("ncols 1\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written <= MOST_BYTES; written += spaces.length) {
                out.write(spaces);
            }
            out.write("7\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(Files.size(file) < MOST_BYTES / 100, "the bomb is small packed: " + Files.size(file));
        assertEquals(file + ": more than 512 MiB of text unpacked: not read further", problem(() -> TerrainReader.read(file)));
    }

    @Test
    void anXyzFileOfMorePointsThanTheCapIsRefusedAtThePointPastIt() throws IOException {
        Path file = folder.resolve("many.xyz.gz");
        byte[] lines = "1 2 3\n".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = fastGzip(file)) {
            for (int written = 0; written <= MOST_POINTS; written += 1 << 16) {
                out.write(lines);
            }
        }
        assertEquals(String.format(Locale.ROOT, "%s:%d: more than 4,194,304 points: a terrain file may hold no more (split it into tiles)",
                file, MOST_POINTS + 1), problem(() -> TerrainReader.read(file)));
    }

    /** Gzip at its fastest: the bombs are runs of one byte, which pack well at any level. */
    static OutputStream fastGzip(Path file) throws IOException {
        return new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        };
    }
}
