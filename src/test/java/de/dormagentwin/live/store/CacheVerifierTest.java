package de.dormagentwin.live.store;

import de.dormagentwin.live.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static de.dormagentwin.live.store.LiveStoreTest.pm10;
import static de.dormagentwin.live.store.LiveStoreTest.register;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading every page of a real cache file, sound and damaged, closed and held open (as the viewer holds it). */
class CacheVerifierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    /** H2 keeps an undo log per transaction slot; several transactions at once (a viewer's readers) leave more. */
    @Test
    void undoLogsOfConcurrentTransactionsAreNoDamage() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("live").toAbsolutePath();
        List<java.sql.Connection> open = new ArrayList<>();
        try {
            try (java.sql.Connection first = java.sql.DriverManager.getConnection(url, LiveStore.USER, "")) {
                first.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY)");
            }
            for (int i = 0; i < 4; i++) {
                java.sql.Connection connection = java.sql.DriverManager.getConnection(url, LiveStore.USER, "");
                connection.setAutoCommit(false);
                connection.createStatement().execute("INSERT INTO t VALUES (" + i + ")");
                open.add(connection);
            }
            for (java.sql.Connection connection : open) {
                connection.commit();
            }
        } finally {
            for (java.sql.Connection connection : open) {
                connection.close();
            }
        }

        CacheVerifier.Report report = CacheVerifier.verify(folder, null);

        assertTrue(report.sound(), report.damage().toString());
    }

    @Test
    void aDamagedCacheNamesTheTableAndThePlaceOfEachUnreadablePage() throws Exception {
        fill();
        byte[] damaged = CacheDamage.damageTheMiddle(folder.resolve("live.mv.db"));
        CacheVerifier.Report report = CacheVerifier.verify(folder, null);
        assertFalse(report.sound());
        assertTrue(report.opened());
        assertTrue(report.problems() >= 1, report.toString());
        assertTrue(report.damage().get(0).matches("table OBSERVATION: page in chunk \\d+ at offset \\d+ \\(byte [0-9,]+ of the file\\): .+"),
                report.damage().toString());
        assertArrayEquals(damaged, Files.readAllBytes(folder.resolve("live.mv.db")), "only read");
    }

    @Test
    void aChunkHeaderThatNoLongerNamesItsChunkMakesTheFileOneThatWillNotOpen() throws Exception {
        fill();
        LiveStore more = LiveStore.open(folder, null, CLOCK);
        more.write(List.of(pm10(40_000, 1)));
        more.close(false);
        Path file = folder.resolve("live.mv.db");
        byte[] bytes = Files.readAllBytes(file);
        int first = -1;
        for (int block = 2; block * 4096 < bytes.length && first < 0; block++) {
            if (new String(bytes, block * 4096, 6, StandardCharsets.ISO_8859_1).equals("chunk:")) {
                first = block * 4096;
            }
        }
        try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
            access.seek(first + "chunk:".length());
            access.write("zz".getBytes(StandardCharsets.ISO_8859_1));
        }
        CacheVerifier.Report report = CacheVerifier.verify(folder, null);
        assertFalse(report.sound() || report.opened(), report.damage().toString());
        assertTrue(report.damage().get(0).startsWith("the file will not open: File corrupted"), report.damage().toString());
    }

    @Test
    void aClosedCacheIsReadWithoutAByteChangedAndAMissingOneIsAnError() throws Exception {
        fill();
        byte[] sound = Files.readAllBytes(folder.resolve("live.mv.db"));
        CacheVerifier.Report report = CacheVerifier.verify(folder, null);
        assertTrue(report.sound(), report.damage().toString());
        assertTrue(report.pages() > 100, "every page, not the root alone: " + report.pages());
        assertArrayEquals(sound, Files.readAllBytes(folder.resolve("live.mv.db")));
        try (var files = Files.list(folder)) {
            assertEquals(List.of("live.mv.db"), files.map(file -> file.getFileName().toString()).toList());
        }
        CacheException missing = assertThrows(CacheException.class, () -> CacheVerifier.verify(folder.resolve("none"), null));
        assertTrue(missing.getMessage().contains("no cache file"), missing.getMessage());
    }

    @Test
    void aFileThatWillNotOpenIsReportedDamagedAndLeftWhereItIs() throws Exception {
        byte[] garbage = "H:2,this is not a database at all".repeat(200).getBytes();
        Files.write(folder.resolve("live.mv.db"), garbage);
        CacheVerifier.Report report = CacheVerifier.verify(folder, null);
        assertFalse(report.sound() || report.opened());
        assertTrue(report.damage().get(0).startsWith("the file will not open"), report.damage().toString());
        assertArrayEquals(garbage, Files.readAllBytes(folder.resolve("live.mv.db")));
    }

    @Test
    void aNonAsciiPasswordOpensTheEncryptedCacheToVerify() throws Exception {
        char[] password = "pässwörd€".toCharArray();
        try (LiveStore store = LiveStore.open(folder, password, CLOCK)) {
            register(store);
            store.write(List.of(pm10(0, 42)));
        }
        assertTrue(CacheVerifier.verify(folder, password).sound());
        CacheException wrong = assertThrows(CacheException.class, () -> CacheVerifier.verify(folder, "passwörd€".toCharArray()));
        assertTrue(wrong.getMessage().startsWith("wrong password"), wrong.getMessage());
    }

    @Test
    void aFolderWhosePathHoldsASemicolonIsRefusedBeforeH2ReadsItAsSettings() throws Exception {
        Path evil = Files.createDirectories(folder.resolve("x;INIT=CREATE TABLE PWNED(I INT)"));
        Files.copy(folderWithACache(), evil.resolve("live.mv.db"));
        CacheException refused = assertThrows(CacheException.class, () -> CacheVerifier.verify(evil, null));
        assertTrue(refused.getMessage().contains("';'"), refused.getMessage());
    }

    private Path folderWithACache() throws Exception {
        fill();
        return folder.resolve("live.mv.db");
    }

    private void fill() throws Exception {
        try (LiveStore store = LiveStore.open(folder, null, CLOCK)) {
            register(store);
            List<Observation> observations = new ArrayList<>();
            for (int minute = 0; minute < 30_000; minute++) {
                observations.add(pm10(minute, minute % 97));
            }
            store.write(observations);
        }
    }
}
