package de.dormagentwin.model.text;

import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Slow
class SmallTextFileTest {
    @TempDir
    Path folder;

    @Test
    void aSmallFileIsReadWhole() throws IOException {
        Path file = Files.writeString(folder.resolve("config.json"), "{\"kiosk\": {\"language\": \"de\"}} Straße");
        assertEquals("{\"kiosk\": {\"language\": \"de\"}} Straße", SmallTextFile.read(file, 1_000));
    }

    @Test
    void aFifoIsRefusedInsteadOfBlockingTheReader() throws Exception {
        Path fifo = folder.resolve("config.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");

        IOException refused = assertThrows(IOException.class, () -> SmallTextFile.read(fifo, 1_000));

        assertTrue(refused.getMessage().contains(fifo + " is not a regular file"), refused.getMessage());
    }

    @Test
    void aDeviceAndAFileOverTheCapAreRefusedNamingThem() throws IOException {
        Path big = folder.resolve("bookmarks.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(3L << 30);
        }
        IOException tooLarge = assertThrows(IOException.class, () -> SmallTextFile.read(big, 4_096));
        assertTrue(tooLarge.getMessage().startsWith(big + " is larger than such a file may be (4,096 bytes)"), tooLarge.getMessage());

        if (Files.exists(Path.of("/dev/zero"))) {
            IOException device = assertThrows(IOException.class, () -> SmallTextFile.read(Path.of("/dev/zero"), 4_096));
            assertTrue(device.getMessage().contains("/dev/zero is not a regular file"), device.getMessage());
        }
    }

    @Test
    void aMissingFileIsStillNoSuchFileSoCallersKeepTheirDefault() {
        assertThrows(NoSuchFileException.class, () -> SmallTextFile.read(folder.resolve("none.json"), 1_000));
    }
}
