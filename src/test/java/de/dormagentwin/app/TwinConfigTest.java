package de.dormagentwin.app;

import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Slow
class TwinConfigTest {
    @TempDir
    Path folder;

    private TwinConfig load(String json) throws IOException {
        Path file = folder.resolve("config.json");
        Files.writeString(file, json);
        return TwinConfig.load(file);
    }

    private String problem(String json) {
        return assertThrows(IOException.class, () -> load(json), json).getMessage();
    }

    private Path configFile(String json, String permissions) throws IOException {
        Path file = folder.resolve("config.json");
        Files.writeString(file, json);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void theStateFolderIsXdgStateHomesOrElseTheHomesLocalState() {
        assertEquals(Path.of("/var/lib/kiosk/state/dormagen-twin"), TwinConfig.defaultStateFolder(Map.of("XDG_STATE_HOME", "/var/lib/kiosk/state")));
        assertEquals(Path.of(System.getProperty("user.home"), ".local/state/dormagen-twin"), TwinConfig.defaultStateFolder(Map.of()));
        assertEquals(Path.of(System.getProperty("user.home"), ".local/state/dormagen-twin"), TwinConfig.defaultStateFolder(Map.of("XDG_STATE_HOME", " ")));
    }

    @Test
    void theKioskSettingsHaveDefaultsAndNoPinUnlessOneIsSet() throws IOException {
        TwinConfig none = TwinConfig.load(folder.resolve("missing.json"));
        assertNull(none.kiosk().pin());
        assertEquals(90, none.kiosk().idleSeconds());
        assertEquals("de", none.kiosk().language());
        TwinConfig set = load("{\"kiosk\": {\"pin\": \"4711\", \"idleSeconds\": 120, \"language\": \"en\", \"tour\": \"tour.json\"}}");
        assertEquals(new TwinConfig.Kiosk("4711", 120, "en", folder.resolve("tour.json").toAbsolutePath()), set.kiosk());
        TwinConfig cache = load("{\"cache\": {\"password\": \"s3cret\", \"retentionDays\": 7}}");
        assertEquals("s3cret", cache.cachePassword());
        assertEquals(7, cache.retentionDays());
    }

    @Test
    void badKioskSettingsAreNamed() {
        assertTrue(problem("{\"kiosk\": {\"pin\": 4711}}").contains("kiosk.pin must be text"));
        assertTrue(problem("{\"kiosk\": {\"pin\": \"12\"}}").contains("at least 4"));
        assertTrue(problem("{\"kiosk\": {\"idleSeconds\": 3}}").contains("10 or more"));
        assertTrue(problem("{\"kiosk\": {\"language\": \"fr\"}}").contains("\"de\" or \"en\""));
    }

    @Test
    void anUnknownKeyAtAnyLevelIsAnErrorNamingItsPathAndTheFileWithAGuess() {
        String misspelt = problem("{\"cache\": {\"pasword\": \"x\"}}");
        assertTrue(misspelt.contains("unknown key cache.pasword") && misspelt.contains("did you mean cache.password?"), misspelt);
        assertTrue(misspelt.contains(folder.resolve("config.json").toString()), misspelt);
        assertTrue(problem("{\"kiosk\": {\"PIN\": \"4711\"}}").contains("unknown key kiosk.PIN (did you mean kiosk.pin?)"));
        assertTrue(problem("{\"cache\": {\"pin\": \"4711\"}}").contains("unknown key cache.pin (did you mean kiosk.pin?)"));
        assertTrue(problem("{\"kiosk\": {\"idleSecond\": 60}}").contains("did you mean kiosk.idleSeconds?"));
        assertTrue(problem("{\"chache\": {}}").contains("unknown key chache (did you mean cache?)"));
        String far = problem("{\"viewer\": {\"fps\": 30}}");
        assertTrue(far.contains("unknown key viewer") && !far.contains("did you mean"), far);
    }

    @Test
    void everyKnownKeyOfTheWrongTypeIsAnError() {
        Map<String, String> wrong = Map.ofEntries(
                Map.entry("{\"cache\": \"s3cret\"}", "cache must be an object"),
                Map.entry("{\"kiosk\": [\"4711\"]}", "kiosk must be an object"),
                Map.entry("{\"cache\": {\"password\": 123}}", "cache.password must be text"),
                Map.entry("{\"cache\": {\"password\": \"\"}}", "cache.password must be text, not empty"),
                Map.entry("{\"cache\": {\"password\": null}}", "cache.password must be text"),
                Map.entry("{\"cache\": {\"password\": \"two words\"}}", "cache.password must not contain spaces"),
                Map.entry("{\"cache\": {\"retentionDays\": \"30\"}}", "cache.retentionDays"),
                Map.entry("{\"cache\": {\"retentionDays\": 1.5}}", "cache.retentionDays"),
                Map.entry("{\"kiosk\": {\"idleSeconds\": true}}", "kiosk.idleSeconds"),
                Map.entry("{\"kiosk\": {\"idleSeconds\": 90.5}}", "kiosk.idleSeconds"),
                Map.entry("{\"kiosk\": {\"language\": null}}", "kiosk.language"),
                Map.entry("{\"kiosk\": {\"tour\": 7}}", "kiosk.tour"),
                Map.entry("[1, 2]", "must be a JSON object"));
        wrong.forEach((json, expected) -> assertTrue(problem(json).contains(expected), json + ": " + problem(json)));
    }

    @Test
    void aDuplicateKeyIsAnErrorNotTheLastOneWins() {
        String duplicate = problem("{\"cache\": {\"password\": \"s3cret\", \"password\": \"\"}}");
        assertTrue(duplicate.contains("not valid JSON") && duplicate.contains("password") && duplicate.contains("line 1"), duplicate);
        assertTrue(problem("{\"kiosk\": {}, \"kiosk\": {\"pin\": \"4711\"}}").contains("kiosk"));
    }

    @Test
    void onlyAFileThatHoldsASecretAndOthersCanReadIsReported() throws IOException {
        assertEquals(Optional.of("rw-r--r--"), TwinConfig.readableByOthers(configFile("{\"kiosk\": {\"pin\": \"4711\"}}", "rw-r--r--")));
        assertEquals(Optional.of("rw-r-----"), TwinConfig.readableByOthers(configFile("{}", "rw-r-----")));
        assertEquals(Optional.empty(), TwinConfig.readableByOthers(configFile("{}", "rw-------")));
        assertEquals(Optional.empty(), TwinConfig.readableByOthers(folder.resolve("missing.json")));
        assertTrue(load("{\"kiosk\": {\"pin\": \"4711\"}}").holdsSecret());
        assertTrue(load("{\"cache\": {\"password\": \"s3cret\"}}").holdsSecret());
        assertFalse(load("{\"kiosk\": {\"idleSeconds\": 60}}").holdsSecret());
        assertEquals("chmod 600 '/tmp/my config.json'", TwinConfig.chmodCommand(Path.of("/tmp/my config.json")));
    }

    @Test
    void aFileSystemWithoutPosixPermissionsIsNotChecked() throws IOException {
        Path zip = folder.resolve("configs.zip");
        try (FileSystem zipped = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path inside = zipped.getPath("config.json");
            Files.writeString(inside, "{\"kiosk\": {\"pin\": \"4711\"}}");
            assertEquals(Optional.empty(), TwinConfig.readableByOthers(inside));
        }
    }

    @Test
    void otherCommandsWarnOnceAboutAReadableSecretAndGoOn() throws IOException {
        Path config = configFile("{\"cache\": {\"password\": \"s3cret\"}}", "rw-r--r--");
        // prune reads the configuration twice: for the retention and for the password.
        TwinRun prune = twin("cache", "prune", "--cache", folder.resolve("cache").toString(), "--config", config.toString());
        assertEquals(0, prune.exitCode(), prune.err());
        assertEquals(1, prune.err().lines().filter(line -> line.contains("warning")).count(), prune.err());
        assertTrue(prune.err().contains(config.toString()) && prune.err().contains("chmod 600 " + config), prune.err());

        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        TwinRun quiet = twin("cache", "stats", "--cache", folder.resolve("cache").toString(), "--config", config.toString());
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertFalse(quiet.err().contains("warning"), quiet.err());
    }

    @Test
    void theKioskRefusesAPinOthersCanReadAndSaysHowToFixIt() throws IOException {
        Path config = configFile("{\"kiosk\": {\"pin\": \"4711\"}}", "rw-r--r--");
        TwinRun kiosk = twin("view", "--kiosk", "--config", config.toString());
        assertEquals(2, kiosk.exitCode(), kiosk.err());
        assertTrue(kiosk.err().contains("will not start") && kiosk.err().contains("rw-r--r--")
                && kiosk.err().contains("chmod 600 " + config), kiosk.err());
    }

    @Test
    void aConfigurationThatIsAFifoStopsTheCommandWithALineInsteadOfBlockingIt() throws Exception {
        Path fifo = folder.resolve("config.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is not available here");

        TwinRun stats = twin("cache", "stats", "--cache", folder.resolve("cache").toString(), "--config", fifo.toString());

        assertEquals(1, stats.exitCode(), stats.err());
        assertTrue(stats.err().contains(fifo + " is not a regular file"), stats.err());
    }
}
