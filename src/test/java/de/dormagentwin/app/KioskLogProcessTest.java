package de.dormagentwin.app;

import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk's log file, written by the command line in a JVM of its own, as systemd would start it. */
@Slow
class KioskLogProcessTest {
    @TempDir
    Path folder;

    private TwinProcess kioskWithoutAPin(Path stateHome) throws Exception {
        Path config = Files.writeString(folder.resolve("config.json"), "{}");
        return TwinProcess.twin(Map.of("XDG_STATE_HOME", stateHome.toString()),
                "view", "--kiosk", "--config", config.toString(), "--cache", folder.resolve("cache").toString());
    }

    @Test
    void aKioskThatWillNotStartSaysWhyOnTheConsoleAndInItsLogFileInXdgStateHome() throws Exception {
        TwinProcess run = kioskWithoutAPin(folder.resolve("state"));

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().startsWith("twin: kiosk mode needs a PIN to leave it: set {\"kiosk\": {\"pin\": \"...\"}} in "), run.output());
        assertTrue(run.endedWithAMessage(), run.output());
        String log = Files.readString(folder.resolve("state/dormagen-twin/kiosk.0.log"), StandardCharsets.UTF_8);
        assertTrue(log.matches("(?s)\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z SEVERE de\\.dormagentwin\\.app\\.ViewCommand \\[main] kiosk mode needs a PIN .*"), log);
    }

    @Test
    void aStateFolderThatCannotBeWrittenCostsTheKioskOneWarningAndNothingElse() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("state"), "a file where the folder should be");

        TwinProcess run = kioskWithoutAPin(notAFolder);

        assertEquals(2, run.exitCode(), run.output());
        assertEquals(2, run.output().lines().count(), run.output());
        assertTrue(run.output().startsWith("twin: no log file in " + notAFolder.resolve("dormagen-twin")), run.output());
        assertTrue(run.output().contains("\ntwin: kiosk mode needs a PIN to leave it"), run.output());
    }
}
