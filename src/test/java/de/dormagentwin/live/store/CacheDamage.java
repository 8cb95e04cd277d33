package de.dormagentwin.live.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Damage as a failing disk or a stray write leaves it, for the tests of verify and of the commands that must notice. */
public final class CacheDamage {
    private CacheDamage() {
    }

    /** Writes 4 KB of random bytes over the middle of {@code file}; returns the damaged file's bytes. */
    public static byte[] damageTheMiddle(Path file) throws IOException {
        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);
        try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
            access.seek(access.length() / 2);
            access.write(noise);
        }
        return Files.readAllBytes(file);
    }
}
