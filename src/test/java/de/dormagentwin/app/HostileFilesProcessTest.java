package de.dormagentwin.app;

import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static de.dormagentwin.app.TwinProcess.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files made to hurt, given to the command line in a JVM of its own with a 512 MB heap: each ends in a message naming
 * the file, never in OutOfMemoryError, a stack trace or a command blocked for good.
 */
@Slow
class HostileFilesProcessTest {
    @TempDir
    Path folder;

    private static Path resource(String name) throws Exception {
        return Path.of(HostileFilesProcessTest.class.getResource("/de/dormagentwin/model/io/" + name).toURI());
    }

    @Test
    void infoImportAndViewRefuseAFifoAndDevicesWithALineNamingThem() throws Exception {
        Path fifo = folder.resolve("tile.gml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        Path out = folder.resolve("out.city.jsonl");
        for (String device : List.of(fifo.toString(), "/dev/zero", "/dev/urandom")) {
            for (List<String> args : List.of(List.of("info", device), List.of("import", "--out", out.toString(), device),
                    List.of("view", "--model", device), List.of("view", "--no-simulator", "--terrain", device),
                    List.of("view", "--no-simulator", "--variant", device))) {
                TwinProcess run = twin(args.toArray(String[]::new));
                assertTrue(run.endedWithAMessage(), args + ": " + run.output());
                assertEquals(1, run.exitCode(), args + ": " + run.output());
                assertTrue(run.output().contains(device + ": not a regular file"), args + ": " + run.output());
            }
        }
        assertTrue(Files.notExists(out), "no output from an import that read nothing");
    }

    @Test
    void terrainFilesMadeToExhaustMemoryEndInAMessageNamingEach() throws Exception {
        Path huge = folder.resolve("huge.asc");
        Files.writeString(huge, "ncols 46340\nnrows 46340\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3\n", StandardCharsets.US_ASCII);
        Path coarse = folder.resolve("coarse.asc");
        Files.writeString(coarse, "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1e308\n1 2\n3 4\n", StandardCharsets.US_ASCII);
        Path points = folder.resolve("points.xyz.gz");
        // Five times the points a 512 MB heap can hold as the reader held them; the cap stops reading long before.
        byte[] lines = "1 2 3\n".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(points), 1 << 16)) {
            for (int written = 0; written < 20_000_000; written += 100_000) {
                out.write(lines);
            }
        }
        Path bomb = folder.resolve("bomb.asc.gz");
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            out.write("ncols 1\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n".getBytes(StandardCharsets.US_ASCII));
            // Just past the documented 512 MiB of unpacked text; a few MB packed.
            for (int mib = 0; mib <= 512; mib++) {
                out.write(spaces);
            }
            out.write("7\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path model = folder.resolve("house.gml");
        Files.copy(resource("citygml1-house.gml"), model);
        TwinProcess run = twin("snapshot", "--size", "64x64", "--out", folder.resolve("shot.png").toString(), "--model", model.toString(),
                "--terrain", huge.toString(), coarse.toString(), points.toString(), bomb.toString());
        assertTrue(run.endedWithAMessage(), run.output());
        for (Path file : List.of(huge, coarse, points, bomb)) {
            assertTrue(run.output().contains("terrain not shown: " + file + ":"), file + ": " + run.output());
        }
    }
}
