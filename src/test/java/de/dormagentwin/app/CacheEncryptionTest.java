package de.dormagentwin.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An encrypted cache never opens as a plain one, nor a plain one as encrypted, without saying so: through the command line. */
class CacheEncryptionTest {
    @TempDir
    Path folder;

    private Path config(String name, String json) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, json);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private TwinRun stats(Path cache, Path config) {
        return twin("cache", "stats", "--cache", cache.toString(), "--config", config.toString());
    }

    private static String head(Path cache) throws Exception {
        byte[] bytes = Files.readAllBytes(cache.resolve("live.mv.db"));
        return new String(bytes, 0, Math.min(9, bytes.length), StandardCharsets.ISO_8859_1);
    }

    @Test
    void anEncryptedCacheNeverOpensWithoutItsPasswordNorAPlainOneWithAPassword() throws Exception {
        Path secret = config("secret.json", "{\"cache\": {\"password\": \"s3cret\"}}");
        Path none = config("none.json", "{}");
        Path encrypted = folder.resolve("encrypted");
        Path plain = folder.resolve("plain");
        assertEquals(0, stats(encrypted, secret).exitCode());
        assertEquals(0, stats(plain, none).exitCode());
        assertEquals("H2encrypt", head(encrypted));
        assertEquals("H:2,block", head(plain));

        TwinRun withoutPassword = stats(encrypted, none);
        assertEquals(1, withoutPassword.exitCode(), withoutPassword.err());
        assertTrue(withoutPassword.err().contains("is encrypted"), withoutPassword.err());
        TwinRun withPassword = stats(plain, secret);
        assertEquals(1, withPassword.exitCode(), withPassword.err());
        assertTrue(withPassword.err().contains("is not encrypted"), withPassword.err());
        assertEquals("H2encrypt", head(encrypted), "nothing was rewritten");
        assertEquals("H:2,block", head(plain));
    }

    @Test
    void aCutShortCacheIsNeitherOverwrittenByAnEncryptedOneNorOpenedAsPlain() throws Exception {
        Path secret = config("secret.json", "{\"cache\": {\"password\": \"s3cret\"}}");
        Path none = config("none.json", "{}");
        byte[] cutEncrypted = ("H2encrypt\n" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        byte[] cutPlain = "H:2,block:2,blo".getBytes(StandardCharsets.US_ASCII);
        for (byte[] content : new byte[][] {cutEncrypted, cutPlain, "H2enc".getBytes(StandardCharsets.US_ASCII)}) {
            Path cache = Files.createDirectories(folder.resolve("cache-" + content.length));
            Files.write(cache.resolve("live.mv.db"), content);
            TwinRun run = stats(cache, secret);
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().contains("live.mv.db"), run.err());
            assertArrayEquals(content, Files.readAllBytes(cache.resolve("live.mv.db")), "H2 wrote a fresh encrypted cache over it");
        }
        Path cut = Files.createDirectories(folder.resolve("cut-encrypted"));
        Files.write(cut.resolve("live.mv.db"), "H2enc".getBytes(StandardCharsets.US_ASCII));
        TwinRun plain = stats(cut, none);
        assertEquals(1, plain.exitCode(), plain.err());
        assertTrue(plain.err().contains("is encrypted"), plain.err());
        try (var files = Files.list(cut)) {
            assertEquals(1, files.count(), "nothing moved aside, no fresh plain cache");
        }
    }

    @Test
    void aMisspeltOrNonTextPasswordStopsTheCommandInsteadOfMakingAPlainCache() throws Exception {
        for (String json : new String[] {"{\"cache\": {\"pasword\": \"s3cret\"}}", "{\"cache\": {\"password\": 123}}", "{\"cache\": {\"password\": \"\"}}"}) {
            Path cache = folder.resolve("cache-" + Math.abs(json.hashCode()));
            TwinRun run = stats(cache, config("config.json", json));
            assertEquals(1, run.exitCode(), json + ": " + run.err());
            assertTrue(run.err().contains("config.json") && run.err().contains("cache.pas"), run.err());
            assertFalse(Files.exists(cache.resolve("live.mv.db")), json + " made a cache");
        }
    }
}
