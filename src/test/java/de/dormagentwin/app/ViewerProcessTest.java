package de.dormagentwin.app;

import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Rendering;
import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command, {@code bin/twin}, as a new user runs it: a process of its own, its console read as they
 * would read it. The user's folders are the test's (XDG variables), so that the sample's cache, configuration and
 * logs start empty and stay out of the home folder.
 */
@Rendering
@Slow
class ViewerProcessTest {

    private static Map<String, String> newUser(Path folder) {
        return Map.of("XDG_DATA_HOME", folder.resolve("data").toString(), "XDG_CONFIG_HOME", folder.resolve("config").toString(),
                "XDG_STATE_HOME", folder.resolve("state").toString(), Logs.LEVEL_VARIABLE, "DEBUG");
    }

    /** No stack trace, no exception, no warning of the JDK's: what a user reads is the twin's own lines. */
    private static void assertClean(String output) {
        assertFalse(output.contains("\tat ") || output.contains("Exception") || output.contains("Error:"), "a trace or exception:\n" + output);
        List<String> jdkWarnings = output.lines().filter(line -> line.startsWith("WARNING:")).toList();
        assertEquals(List.of(), jdkWarnings, "the JDK's warnings on the console:\n" + output);
    }

    @Test
    void bareTwinShowsTheSampleAndEndsCleanlyOnSigterm(@TempDir Path folder) throws Exception {
        Display3D.require();
        try (TwinDaemon twin = TwinDaemon.script("twin", folder, newUser(folder), Set.of())) {
            twin.await("first frame with the city:");
            twin.await(Path.of(ModelFiles.SAMPLE_FILE).getFileName().toString());

            // 143: the JVM's code after SIGTERM once its shutdown hooks have run, as twin serve's.
            assertEquals(143, twin.stop(), twin.output());
            assertClean(twin.output());
        }
    }

    @Test
    void aCameraTheModelDoesNotHaveIsAUsageErrorListingTheKnownNames(@TempDir Path folder) throws Exception {
        Display3D.require();
        try (TwinDaemon twin = TwinDaemon.script("twin", folder, newUser(folder), Set.of(), "--camera", "nowhere", "--no-simulator")) {
            assertEquals(2, twin.waitFor(), twin.output());

            List<String> errors = twin.output().lines().filter(line -> line.contains("nowhere")).toList();
            assertEquals(1, errors.size(), twin.output());
            assertTrue(errors.get(0).contains("home, panorama, top, chempark") && errors.get(0).contains("Zons"), errors.get(0));
            assertClean(twin.output());
        }
    }

    @Test
    void withoutADisplayTheViewerSaysHowToRunItUnderXvfb(@TempDir Path folder) throws Exception {
        try (TwinDaemon twin = TwinDaemon.script("twin", folder, newUser(folder), Set.of("DISPLAY", "WAYLAND_DISPLAY"))) {
            assertEquals(1, twin.waitFor(), twin.output());

            List<String> lines = twin.output().lines().filter(line -> !line.startsWith("twin: building")).toList();
            assertEquals(1, lines.size(), twin.output());
            assertTrue(lines.get(0).contains("xvfb-run -a"), lines.get(0));
        }
    }
}
