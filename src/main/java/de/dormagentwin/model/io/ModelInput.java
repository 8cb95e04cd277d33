package de.dormagentwin.model.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a model file for reading, turning the ways that fails into messages that name the file. */
public final class ModelInput {
    private ModelInput() {
    }

    static InputStream open(Path file) throws ModelLoadException {
        requireRegularFile(file);
        InputStream opened;
        try {
            opened = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ModelLoadException(file + ": cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return new BufferedInputStream(opened, 1 << 16);
    }

    /**
     * Refuses what is there but is not a regular file (after links): opening a FIFO blocks until someone writes to
     * it, and a device such as /dev/zero never ends. A missing file passes, for the opening to report.
     */
    public static void requireRegularFile(Path file) throws ModelLoadException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ModelLoadException(file + ": not a regular file (" + (Files.isDirectory(file) ? "a folder" : "a FIFO, device or socket")
                    + "); expected a file to read");
        }
    }
}
