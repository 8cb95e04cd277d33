package de.dormagentwin.live.store;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The cache folder is a folder: whatever its name, it never becomes settings or SQL in the database's URL. */
class CacheFolderTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private final LogCapture logs = new LogCapture();
    private final List<String> log = logs.messages();

    /** A script that leaves a file behind where it runs: the proof that the database ran it. */
    static Path evilScript(Path folder, Path marker) throws Exception {
        Path script = folder.resolve("evil.sql");
        Files.writeString(script, "CALL FILE_WRITE(STRINGTOUTF8('owned'), '" + marker.toAbsolutePath() + "');\n", StandardCharsets.UTF_8);
        return script;
    }

    /** The folder of the issue: a semicolon, then settings that make H2 run a script. */
    static Path injectingFolder(Path root, Path script) {
        return root.resolve("x;INIT=RUNSCRIPT FROM '" + script.toAbsolutePath() + "'\\;--");
    }

    @AfterEach
    void stopCapturingTheLog() {
        logs.close();
    }

    @Test
    void aFolderWithASemicolonIsRefusedAndItsScriptNeverRuns() throws Exception {
        Path marker = root.resolve("marker");
        Path folder = injectingFolder(root, evilScript(root, marker));

        CacheException refused = assertThrows(CacheException.class, () -> LiveStore.open(folder, null, CLOCK));

        assertTrue(refused.getMessage().contains(folder.toAbsolutePath().toString()) && refused.getMessage().contains("';'"),
                refused.getMessage());
        assertFalse(Files.exists(marker), "the script ran");
        assertFalse(Files.exists(root.resolve("x.mv.db")), "a database was opened at the path before the ';'");
        assertFalse(Files.exists(root.resolve("x;INIT=RUNSCRIPT FROM '")), "the refused folder was created");
    }

    @Test
    void aBackslashInAFolderNameIsRefusedWhereItIsNoSeparator() {
        assumeTrue(File.separatorChar == '/');
        Path folder = root.resolve("a\\b");

        CacheException refused = assertThrows(CacheException.class, () -> LiveStore.open(folder, null, CLOCK));

        assertTrue(refused.getMessage().contains("'\\'"), refused.getMessage());
        assertFalse(Files.exists(root.resolve("a")), "H2 would have opened a/b/live");
    }

    @Test
    void foldersWithSpacesQuotesEqualsSignsAndAnyLettersOpenWriteAndReadBack() throws Exception {
        for (String name : List.of("Dormagen Zentrum", "Straße/東京", "a=b", "it's 'quoted'", "tcp:host", "~", "split:nio:x")) {
            Path folder = root.resolve(name);
            try (LiveStore store = LiveStore.open(folder, null, CLOCK)) {
                store.putDatastream(new Datastream("test", "pm10", null, "PM10", "PM10", "", "", "µg/m³", Classification.PUBLIC));
                assertEquals(1, store.write(List.of(Observation.number("test", "pm10", T0, 17.5))).stored());
            }
            assertTrue(Files.isRegularFile(folder.resolve(LiveStore.DATABASE_FILE)), "the cache file is not in " + folder);
            try (LiveStore store = LiveStore.open(folder, null, CLOCK)) {
                assertEquals(17.5, store.latest().get(0).number(), name);
                assertEquals(1, store.stats().observations(), name);
            }
        }
        assertEquals(List.of(), log);
    }
}
