package de.dormagentwin.app;

import de.dormagentwin.live.store.CacheDamage;
import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** twin cache verify, and the cache commands on a damaged cache: real caches in a temporary folder, damaged on disk. */
@Slow
class CacheIntegrityTest {
    @TempDir
    Path folder;

    @Test
    void aSoundCacheVerifiesWithExitZeroAndOneLine() {
        fill("--cache", folder.toString());
        TwinRun verify = twin("cache", "verify", "--cache", folder.toString());
        assertEquals(0, verify.exitCode(), verify.err());
        assertEquals(1, verify.out().lines().count(), verify.out());
        assertTrue(verify.out().contains("sound") && verify.out().contains(folder.resolve("live.mv.db").toString()), verify.out());
    }

    @Test
    void randomBytesInTheMiddleAreNamedByVerifyWithTheTableAndThePlaceInTheFile() throws Exception {
        fill("--cache", folder.toString());
        byte[] damaged = CacheDamage.damageTheMiddle(folder.resolve("live.mv.db"));

        TwinRun verify = twin("cache", "verify", "--cache", folder.toString());
        assertEquals(1, verify.exitCode(), verify.out());
        assertTrue(verify.err().contains("DAMAGED") && verify.err().contains("table OBSERVATION"), verify.err());
        assertTrue(verify.err().contains("page in chunk") && verify.err().contains("of the file"), verify.err());
        assertArrayEquals(damaged, Files.readAllBytes(folder.resolve("live.mv.db")), "verify only reads");
    }

    @Test
    void ingestStatsCompactPruneAndClassifyStopAtADamagedPageBeforeTheyTouchTheFile() throws Exception {
        fill("--cache", folder.toString());
        byte[] damaged = CacheDamage.damageTheMiddle(folder.resolve("live.mv.db"));
        TwinRun ingest = twin("ingest", "--simulate", "--days", "1", "--once", "--cache", folder.toString());
        assertEquals(1, ingest.exitCode(), ingest.out() + ingest.err());
        assertTrue(ingest.err().contains("is damaged; ingest changed nothing in it"), ingest.err());
        assertArrayEquals(damaged, Files.readAllBytes(folder.resolve("live.mv.db")), "ingest left the file as it was");
        for (String[] command : new String[][]{{"stats"}, {"compact"}, {"prune", "--days", "1"},
                {"classify", "--datastream", "env-zons-03/pm10", "--as", "confidential"}}) {
            String name = command[0];
            String[] args = new String[command.length + 3];
            args[0] = "cache";
            System.arraycopy(command, 0, args, 1, command.length);
            args[command.length + 1] = "--cache";
            args[command.length + 2] = folder.toString();
            TwinRun run = twin(args);
            assertEquals(1, run.exitCode(), name + ": " + run.out() + run.err());
            assertTrue(run.err().contains("is damaged; " + name + " changed nothing in it") && run.err().contains("table OBSERVATION"),
                    name + ": " + run.err());
            assertArrayEquals(damaged, Files.readAllBytes(folder.resolve("live.mv.db")), name + " left the file as it was");
        }
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "nothing moved aside, no trace file");
        }
    }

    @Test
    void anEncryptedCacheVerifiesWithItsPasswordAndIsFoundDamagedToo() throws Exception {
        Path config = folder.resolve("config.json");
        Files.writeString(config, "{\"cache\": {\"password\": \"s3cret\"}}");
        Path cache = folder.resolve("cache");
        fill("--cache", cache.toString(), "--config", config.toString());
        assertTrue(new String(Files.readAllBytes(cache.resolve("live.mv.db")), 0, 9, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("H2encrypt"), "the cache is encrypted");

        TwinRun sound = twin("cache", "verify", "--cache", cache.toString(), "--config", config.toString());
        assertEquals(0, sound.exitCode(), sound.err());
        TwinRun withoutPassword = twin("cache", "verify", "--cache", cache.toString());
        assertEquals(1, withoutPassword.exitCode());
        assertTrue(withoutPassword.err().contains("is encrypted"), withoutPassword.err());

        CacheDamage.damageTheMiddle(cache.resolve("live.mv.db"));
        TwinRun damaged = twin("cache", "verify", "--cache", cache.toString(), "--config", config.toString());
        assertEquals(1, damaged.exitCode(), damaged.out());
        assertTrue(damaged.err().contains("DAMAGED"), damaged.err());
    }

    @Test
    void aCacheMovedAsideIsReportedWithExitOneNamingTheFileItWasMovedTo() throws Exception {
        Files.write(folder.resolve("live.mv.db"), "H:2,this is not a database at all".repeat(200).getBytes());
        TwinRun ingest = twin("ingest", "--simulate", "--days", "0", "--once", "--cache", folder.toString());
        assertEquals(1, ingest.exitCode(), ingest.out() + ingest.err());
        try (var files = Files.list(folder)) {
            Path aside = files.filter(file -> file.getFileName().toString().startsWith("live.mv.db.broken-")).findFirst().orElseThrow();
            assertTrue(ingest.err().contains(aside.toString()), ingest.err());
        }
    }

    private static void fill(String... cacheOptions) {
        String[] args = new String[5 + cacheOptions.length];
        System.arraycopy(new String[]{"ingest", "--simulate", "--days", "3", "--once"}, 0, args, 0, 5);
        System.arraycopy(cacheOptions, 0, args, 5, cacheOptions.length);
        TwinRun ingest = twin(args);
        assertEquals(0, ingest.exitCode(), ingest.err());
    }
}
