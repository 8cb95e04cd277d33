package de.dormagentwin.model.io;

import de.dormagentwin.model.TerrainGrid;

import java.io.BufferedInputStream;
import java.io.EOFException;
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
 */
public final class TerrainReader {
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
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                     ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16)) {
            return name.endsWith(".asc") ? EsriAsciiGrid.read(in, file.toString()) : XyzGridReader.read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (ZipException | EOFException e) {
            throw new IOException(file + ": broken gzip data: " + e.getMessage(), e);
        }
    }

    /** The file name in lower case without a final .gz. */
    private static String plainName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
