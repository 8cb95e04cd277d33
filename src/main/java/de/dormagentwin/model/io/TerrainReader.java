package de.dormagentwin.model.io;

import de.dormagentwin.model.TerrainGrid;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a terrain file by its name: {@code .asc} as an ESRI ASCII grid, {@code .xyz} as gridded XYZ (NRW's DGM1
 * tiles, {@code dgm1_32_E_N_1_nw.xyz}); either gzipped when the name ends in {@code .gz}, as NRW serves its tiles.
 * A file that has any problem gives an exception that names it, the line and what was expected; nothing is
 * returned half-read.
 *
 * <p>Limits, so that no file can take more memory or time than a viewer on a small machine has: a file is read to
 * {@link #MOST_BYTES} of text at most (after decompression, against gzip bombs), a grid holds
 * {@link #MOST_CELLS} points at most, and its coordinates and cell size must be numbers a projected CRS can mean.
 */
public final class TerrainReader {
    /** 512 MiB of text: a DGM1 tile is 30 MB unpacked; far more is a gzip bomb, not a terrain. */
    public static final long MOST_BYTES = 512L << 20;
    /** 4096 x 4096 points, 64 MB of heights: sixteen DGM1 tiles, or 100 km x 100 km at 25 m, in one file. */
    public static final int MOST_CELLS = 1 << 24;
    /** Metres from the CRS's origin; coordinates further out are a broken file (the earth is 4 x 10^7 m round). */
    static final double FARTHEST = 1e8;
    /** The coarsest cell, in metres: anything coarser has no shape to draw. */
    static final double COARSEST_CELL = 100_000;

    private TerrainReader() {
    }

    /** Whether a file's name says it is a terrain file this reader takes. */
    public static boolean isTerrainFile(Path file) {
        String name = plainName(file);
        return name.endsWith(".asc") || name.endsWith(".xyz");
    }

    public static TerrainGrid read(Path file) throws IOException {
        String name = plainName(file);
        if (!isTerrainFile(file)) {
            throw new IOException(file + ": not a terrain file: expected a name ending in .asc (ESRI ASCII grid) or .xyz "
                    + "(gridded XYZ, such as NRW's DGM1), optionally followed by .gz");
        }
        ModelInput.requireRegularFile(file);
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = new Capped(gzip ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16), file)) {
            // A plain file's size bounds what its header may claim; a gzipped one's text is bounded by the cap alone.
            long text = gzip ? MOST_BYTES : Math.min(Files.size(file), MOST_BYTES);
            return name.endsWith(".asc") ? EsriAsciiGrid.read(in, file.toString(), text) : XyzGridReader.read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (ZipException | EOFException e) {
            throw new IOException(file + ": broken gzip data: " + e.getMessage(), e);
        }
    }

    /** Ends the reading with a message once more than {@link #MOST_BYTES} have come. */
    private static final class Capped extends FilterInputStream {
        private final Path file;
        private long left = MOST_BYTES;

        Capped(InputStream in, Path file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, (int) Math.min(length, left + 1));
            if (read > 0) {
                left -= read;
                if (left < 0) {
                    throw new IOException(String.format(Locale.ROOT, "%s: more than %,d MiB of text%s: not read further",
                            file, MOST_BYTES >> 20, file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? " unpacked" : ""));
                }
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            return Math.max(0, read(new byte[(int) Math.min(n, 1 << 16)], 0, (int) Math.min(n, 1 << 16)));
        }
    }

    /** The file name in lower case without a final .gz. */
    private static String plainName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
