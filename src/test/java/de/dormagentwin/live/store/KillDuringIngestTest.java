package de.dormagentwin.live.store;

import de.dormagentwin.testing.LogCapture;
import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A process killed in the middle of ingest loses at most the batch it had not committed, and the cache opens. */
@Slow
class KillDuringIngestTest {

    @TempDir
    Path folder;

    @Test
    void aKilledWriterLosesAtMostItsUncommittedBatch() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WriterProcess.class.getName(),
                folder.toString()).redirectErrorStream(true).start();
        long committed = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream()))) {
            String line;
            while (committed < 20_000 && (line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("committed ")) {
                    committed = Long.parseLong(line.substring("committed ".length()));
                }
            }
            // Killed without warning, like a power cut: no shutdown hook, no close.
            writer.destroyForcibly();
            writer.waitFor();
        }
        assertTrue(committed >= 20_000, () -> "the writer stopped early: " + output);

        // What a killed writer leaves (an undo log H2 clears when it next opens for writing) is no damage.
        CacheVerifier.Report report = CacheVerifier.verify(folder, null);
        assertTrue(report.sound(), report.damage().toString());

        try (LogCapture logs = new LogCapture()) {
            try (LiveStore store = LiveStore.open(folder, null, Clock.systemUTC())) {
                long stored = store.stats().observations();
                assertTrue(stored >= committed, stored + " stored, " + committed + " reported committed");
                assertEquals(0, stored % 1000, "only whole batches: " + stored);
            }
            assertEquals(List.of(), logs.messages(), "the cache opened as it was, nothing moved aside");
        }
    }
}
