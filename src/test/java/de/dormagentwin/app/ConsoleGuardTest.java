package de.dormagentwin.app;

import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Slow
class ConsoleGuardTest {
    @TempDir
    Path folder;

    @Test
    void escapeSequencesComeOutAsTextAndUtf8AndLinesStayIntact() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream guarded = ConsoleGuard.guard(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        guarded.print("Straße µg/m³ 😀\tbox\u001b[2J\u0007\u007f\n");

        assertEquals("Straße µg/m³ 😀\tbox\\u001B[2J\\u0007\\u007F\n", bytes.toString(StandardCharsets.UTF_8));
    }

    /** Through the real command line in its own JVM: a datastream named to clear the screen never reaches the terminal raw. */
    @Test
    void aFeedCannotSendTheOperatorsTerminalAnEscapeSequence() throws Exception {
        Path drop = Files.createDirectories(folder.resolve("drop"));
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Path file = drop.resolve("box.csv");
        Files.writeString(file, "datastream,time,value,unit\nbox\u001b[2J\u001b]0;owned\u0007," + hourAgo + ",5,\u001b[31m%\n"
                + "box-2," + hourAgo + ",nope\u001b[2J,%\n");
        // Older than the folder's settling time, so the file is read now.
        Files.setLastModifiedTime(file, FileTime.from(hourAgo));
        String cache = folder.resolve("cache").toString();

        TwinProcess ingest = TwinProcess.twin("ingest", "--cache", cache, "--csv", drop.toString(), "--once");
        TwinProcess stats = TwinProcess.twin("cache", "stats", "--cache", cache);

        assertEquals(0, ingest.exitCode(), ingest.output());
        assertEquals(0, stats.exitCode(), stats.output());
        assertTrue(stats.output().contains("box\\u001B[2J"), stats.output());
        for (TwinProcess run : new TwinProcess[] {ingest, stats}) {
            assertFalse(run.output().contains("\u001b"), run.output());
            assertFalse(run.output().contains("\u0007"), run.output());
        }
    }
}
