package de.dormagentwin.app;

import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code twin ingest --csv} with {@code -Xmx512m} on files far larger than a whole-file read could hold there: the
 * folder is read line by line, so the size of a partner's export costs time, not memory.
 */
@Slow
class IngestCsvSmallHeapTest {
    /** Well past what reading the whole file, and a record object per row, could hold in 512 MB. */
    private static final long BIG_FILE_BYTES = 256L * 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void aCsvExportOfAQuarterGigabyteIsIngestedWithinASmallHeap() throws Exception {
        Path drop = Files.createDirectories(work.resolve("drop"));
        Path file = drop.resolve("export.csv");
        long rows = 0;
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        // A note column, as exports have, makes the file large without making the cache's part of the work so.
        String note = "\"" + "checked by the night shift, sensor recalibrated after maintenance; ".repeat(15) + "\"";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("datastream,time,value,unit,note\n");
            for (long written = 0; written < BIG_FILE_BYTES; rows++) {
                String row = "tank-" + (rows % 4) + "/level," + start.plusSeconds(rows) + "," + (rows % 1000) / 10.0 + ",m," + note + "\n";
                out.write(row);
                written += row.length();
            }
        }
        settled(file);

        TwinProcess run = TwinProcess.twin("ingest", "--csv", drop.toString(), "--classification", "partner", "--once",
                "--cache", work.resolve("cache").toString(), "--config", config().toString());

        assertTrue(run.endedWithAMessage(), run.output());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains(String.format(Locale.ROOT, "%,d new observations", rows)), run.output());
        assertTrue(Files.isRegularFile(drop.resolve("done/export.csv")));
        Files.delete(drop.resolve("done/export.csv"));
    }

    @Test
    void aFileOfOneHugeLineIsRefusedWithItsNameAndLineWithinASmallHeap() throws Exception {
        Path drop = Files.createDirectories(work.resolve("drop"));
        Path file = drop.resolve("one-line.csv");
        char[] chunk = new char[1024 * 1024];
        java.util.Arrays.fill(chunk, 'x');
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("datastream,time,value,unit\ntank/level,2024-05-01T10:00:00Z,1,m\ntank/level,2024-05-01T10:01:00Z,");
            for (int i = 0; i < 600; i++) {
                out.write(chunk);
            }
            out.write(",m\ntank/level,2024-05-01T10:02:00Z,2,m\n");
        }
        settled(file);

        TwinProcess run = TwinProcess.twin("ingest", "--csv", drop.toString(), "--classification", "partner", "--once",
                "--cache", work.resolve("cache").toString(), "--config", config().toString());

        assertTrue(run.endedWithAMessage(), run.output());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("one-line.csv line 3: longer than 65,536 characters; row skipped"), run.output());
        assertFalse(run.output().contains("xxxx"), "no content of the file in the log");
        assertTrue(run.output().contains("2 new observations"), run.output());
        Files.delete(drop.resolve("done/one-line.csv"));
    }

    private Path config() throws Exception {
        return Files.writeString(work.resolve("config.json"), "{}");
    }

    private static void settled(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
    }
}
