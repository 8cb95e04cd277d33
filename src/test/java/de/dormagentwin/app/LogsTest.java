package de.dormagentwin.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogsTest {
    private static final System.Logger LOG = System.getLogger(LogsTest.class.getName());

    @TempDir
    Path home;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureTheConsole() {
        Logs.reset();
        originalErr = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Logs.reset();
        System.setErr(originalErr);
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private Optional<Path> configure(Map<String, String> environment) {
        return Logs.configure("kiosk", environment, Logs.LIMIT, Logs.FILES);
    }

    @Test
    void theKioskLogIsAFileInTheStateFolderThatXdgStateHomeNames() throws IOException {
        Path file = configure(Map.of("XDG_STATE_HOME", home.toString())).orElseThrow();
        LOG.log(System.Logger.Level.INFO, "kiosk started");

        Path folder = home.resolve("dormagen-twin");
        assertEquals(folder.resolve("kiosk.0.log"), file);
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(written.matches("(?s)\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z INFO " + LogsTest.class.getName().replace(".", "\\.")
                + " \\[[^]]+] kiosk started\\R"), written);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("twin: kiosk started" + System.lineSeparator(), console());
    }

    @Test
    void aCauseKeepsItsStackTraceInTheFileAndTheConsoleStaysOneLine() throws IOException {
        Path file = configure(Map.of("XDG_STATE_HOME", home.toString())).orElseThrow();
        LOG.log(System.Logger.Level.ERROR, "retention failed", new IllegalStateException("disk gone", new IOException("no space")));

        assertEquals("twin: retention failed (see " + file + ")" + System.lineSeparator(), console());
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(written.contains("SEVERE " + LogsTest.class.getName()), written);
        assertTrue(written.contains("  java.lang.IllegalStateException: disk gone"), written);
        assertTrue(written.contains("      at de.dormagentwin.app.LogsTest.aCauseKeepsItsStackTraceInTheFileAndTheConsoleStaysOneLine"), written);
        assertTrue(written.contains("  Caused by: java.io.IOException: no space"), written);
    }

    @Test
    void aCauseQuotingAForgedLineCannotStartARecordInTheFile() throws IOException {
        Path file = configure(Map.of("XDG_STATE_HOME", home.toString())).orElseThrow();
        LOG.log(System.Logger.Level.WARNING, "feed failed", new IOException("bad\n2026-01-01T00:00:00Z SEVERE forged\u001b[2J"));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1, lines.stream().filter(line -> !line.startsWith("  ")).count(), String.join("\n", lines));
        assertFalse(String.join("\n", lines).contains("\u001b"));
    }

    @Test
    void aMessageThatForgotSafeTextCannotForgeARecordOrSendAnEscapeIntoTheFile() throws IOException {
        Path file = configure(Map.of("XDG_STATE_HOME", home.toString())).orElseThrow();
        LOG.log(System.Logger.Level.WARNING, "bad file name\n2026-01-01T00:00:00Z SEVERE forged\u001b[2J");

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).endsWith("] bad file name"), lines.get(0));
        assertEquals("  2026-01-01T00:00:00Z SEVERE forged\\u001B[2J", lines.get(1));
    }

    @Test
    void theFilesRotateAndKeepAtMostTheirNumberOfAtMostTheirSize() throws IOException {
        int limit = 2_000;
        int files = 3;
        Logs.configure("serve", Map.of("XDG_STATE_HOME", home.toString()), limit, files).orElseThrow();
        String padding = "x".repeat(100);
        for (int i = 0; i < 500; i++) {
            LOG.log(System.Logger.Level.INFO, "record " + i + " " + padding);
        }

        Path folder = home.resolve("dormagen-twin");
        List<Path> logs;
        try (Stream<Path> listed = Files.list(folder)) {
            logs = listed.filter(path -> path.getFileName().toString().matches("serve\\.\\d+\\.log")).sorted().toList();
        }
        assertEquals(files, logs.size(), logs.toString());
        for (Path log : logs) {
            // FileHandler rotates after the record that reached the limit: one record over it at most.
            assertTrue(Files.size(log) < limit + 300, log + ": " + Files.size(log));
        }
        assertTrue(Files.readString(folder.resolve("serve.0.log")).contains("record 499 "));
        assertFalse(Files.readString(folder.resolve("serve.2.log")).contains("record 0 "));
    }

    @Test
    void aStateFolderThatCannotBeWrittenCostsOneWarningAndLoggingGoesOnOnTheConsole() throws IOException {
        Path notAFolder = Files.writeString(home.resolve("state"), "a file where the folder should be");

        Optional<Path> file = configure(Map.of("XDG_STATE_HOME", notAFolder.toString()));
        LOG.log(System.Logger.Level.WARNING, "a source is offline");

        assertTrue(file.isEmpty());
        List<String> lines = console().lines().toList();
        assertEquals(2, lines.size(), console());
        assertTrue(lines.get(0).startsWith("twin: no log file in " + notAFolder.resolve("dormagen-twin")), lines.get(0));
        assertTrue(lines.get(0).endsWith("; logging to the console only"), lines.get(0));
        assertEquals("twin: a source is offline", lines.get(1));
    }

    @Test
    void twinLogLevelLowersTheLevelOfConsoleAndFile() throws IOException {
        Path file = configure(Map.of("XDG_STATE_HOME", home.toString(), Logs.LEVEL_VARIABLE, "debug")).orElseThrow();
        LOG.log(System.Logger.Level.DEBUG, "poll took 3 ms");
        LOG.log(System.Logger.Level.TRACE, "too fine even so");

        assertEquals("twin: poll took 3 ms" + System.lineSeparator(), console());
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(written.contains(" FINE " + LogsTest.class.getName()), written);
        assertFalse(written.contains("too fine"), written);
    }

    @Test
    void withoutTwinLogLevelDebugRecordsAreLeftOut() throws IOException {
        Path file = configure(Map.of("XDG_STATE_HOME", home.toString())).orElseThrow();
        LOG.log(System.Logger.Level.DEBUG, "poll took 3 ms");

        assertEquals("", console());
        assertEquals("", Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownLevelIsOneWarningAndTheLevelStaysInfo() {
        Logs.configure("kiosk", Map.of("XDG_STATE_HOME", home.toString(), Logs.LEVEL_VARIABLE, "LOUD\u001b[2J"), Logs.LIMIT, Logs.FILES);
        LOG.log(System.Logger.Level.DEBUG, "poll took 3 ms");
        LOG.log(System.Logger.Level.INFO, "kiosk started");

        List<String> lines = console().lines().toList();
        assertEquals(2, lines.size(), console());
        assertTrue(lines.get(0).startsWith("twin: TWIN_LOG_LEVEL=LOUD\\u001B[2J is no log level"), lines.get(0));
        assertEquals("twin: kiosk started", lines.get(1));
    }

    @Test
    void theConsoleAloneHasNoFileAndNoTrace() {
        Logs.configureConsoleOnly();
        LOG.log(System.Logger.Level.ERROR, "cache failed", new IllegalStateException("closed"));

        assertEquals("twin: cache failed" + System.lineSeparator(), console());
    }

    @Test
    void aThreadsUncaughtFailureIsLoggedWithItsTraceInTheFile() throws Exception {
        Path file = configure(Map.of("XDG_STATE_HOME", home.toString())).orElseThrow();
        Thread thread = new Thread(() -> {
            throw new IllegalStateException("listener broke");
        }, "twin-test-worker");
        thread.setUncaughtExceptionHandler(Logs.uncaughtHandler());
        thread.start();
        thread.join();

        assertEquals("twin: thread twin-test-worker failed: java.lang.IllegalStateException: listener broke (see " + file + ")"
                + System.lineSeparator(), console());
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(written.contains("[twin-test-worker]"), written);
        assertTrue(written.contains("      at de.dormagentwin.app.LogsTest.lambda$aThreadsUncaughtFailureIsLoggedWithItsTraceInTheFile"), written);
    }

    @Test
    void aRestartAppendsToTheFileOfTheRunBefore() throws IOException {
        Path file = configure(Map.of("XDG_STATE_HOME", home.toString())).orElseThrow();
        LOG.log(System.Logger.Level.INFO, "first run");
        Logs.reset();
        configure(Map.of("XDG_STATE_HOME", home.toString())).orElseThrow();
        LOG.log(System.Logger.Level.INFO, "second run");

        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(written.contains("first run") && written.contains("second run"), written);
    }
}
