package de.dormagentwin.model.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads and writes a file that is small by nature (see {@link #read}), and moves finished files into place. Reads a file that is small by nature (a configuration, bookmarks, bindings) whole, after checking that it is one:
 * a FIFO or a device would block the reader or never end, and a file of gigabytes would take the heap. A missing
 * file is {@link java.nio.file.NoSuchFileException}, as with {@link Files#readString}, so callers keep their default.
 */
public final class SmallTextFile {
    private SmallTextFile() {
    }

    /** The file's text (UTF-8), or an exception naming the file when it is no regular file or over {@code maxBytes}. */
    public static String read(Path file, int maxBytes) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is not a regular file (a folder, a FIFO or a device), so it was not read");
        }
        if (attributes.size() > maxBytes) {
            throw new IOException(tooLarge(file, maxBytes));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // The size can change between the look and the read: the cap holds for what is read.
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new IOException(tooLarge(file, maxBytes));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String tooLarge(Path file, int maxBytes) {
        return String.format(Locale.ROOT, "%s is larger than such a file may be (%,d bytes), so it was not read", file, maxBytes);
    }

    /**
     * Writes a small file through a draft beside it, moved into place when whole: a crash or a full disk leaves the
     * old file or the new one, never half of either.
     */
    public static void write(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path draft = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(draft, text, StandardCharsets.UTF_8);
            moveIntoPlace(draft, target);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /** Moves a finished draft over its target, in one step where the file system can, so that no reader sees half a file. */
    public static void moveIntoPlace(Path draft, Path target) throws IOException {
        try {
            Files.move(draft, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(draft, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
