package de.dormagentwin.app;

import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kiosk fills the screen, on an X server of its own the size of the exhibition's screen: with a real window
 * manager (Openbox), as on site, and with none, as a bare X server. Its window is measured by xdotool.
 */
@Slow
class KioskFullScreenTest {
    @TempDir
    Path folder;

    private final List<Process> started = new ArrayList<>();

    @ParameterizedTest(name = "{0}x{1}, window manager: {2}")
    @CsvSource({"1920, 1080, true", "3840, 2160, true", "1920, 1080, false"})
    void theKioskFillsTheScreen(int width, int height, boolean windowManager) throws Exception {
        Path xvfb = tool("Xvfb", "xvfb");
        Path xdotool = tool("xdotool", "xdotool");
        Path openbox = windowManager ? tool("openbox", "openbox") : null;
        Path config = folder.resolve("config.json");
        Files.writeString(config, "{\"kiosk\": {\"pin\": \"2468\"}}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        try {
            String display = startX(xvfb, width, height);
            if (openbox != null) {
                ProcessBuilder manager = new ProcessBuilder(openbox.toString()).redirectErrorStream(true)
                        .redirectOutput(folder.resolve("openbox.log").toFile());
                manager.environment().put("DISPLAY", display);
                started.add(manager.start());
            }
            try (TwinDaemon kiosk = TwinDaemon.start("kiosk", folder, Map.of("DISPLAY", display, "TWIN_LOG_LEVEL", "DEBUG"),
                    "view", "--kiosk", "--no-simulator", "--cache", folder.resolve("cache").toString(), "--config", config.toString())) {
                kiosk.await("first frame with the city");
                String geometry = run(display, xdotool.toString(), "search", "--name", "Dormagen Twin", "getwindowgeometry", "%@");
                assertTrue(geometry.contains("Position: 0,0") && geometry.contains("Geometry: " + width + "x" + height),
                        "the kiosk's window on a " + width + "x" + height + " screen: " + geometry);
                Assertions.assertFalse(kiosk.output().contains("\tat "), kiosk.output());
            }
        } finally {
            for (Process process : started.reversed()) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** An X server of this size on a display of its own; its name (":N"). */
    private String startX(Path xvfb, int width, int height) throws Exception {
        Process server = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-nolisten", "tcp", "-screen", "0",
                width + "x" + height + "x24").redirectError(folder.resolve("xvfb.log").toFile()).start();
        started.add(server);
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine();
        Assertions.assertNotNull(number, "Xvfb did not start: " + Files.readString(folder.resolve("xvfb.log")));
        return ":" + number.trim();
    }

    private String run(String display, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    /** A program of the test set-up, or a skip that says which package has it; under CI=true its absence fails. */
    private static Path tool(String name, String debianPackage) {
        Optional<Path> found = Stream.concat(Stream.of("/usr/bin", "/usr/local/bin"),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name)).filter(Files::isExecutable).findFirst();
        String message = name + " is not installed (apt-get install " + debianPackage + "): the full-screen test needs it";
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            Assertions.fail("CI=true but " + message);
        }
        Assumptions.assumeTrue(found.isPresent(), message);
        return found.get();
    }
}
