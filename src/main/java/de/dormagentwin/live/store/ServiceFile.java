package de.dormagentwin.live.store;

import de.dormagentwin.model.text.SafeText;
import de.dormagentwin.model.text.SmallTextFile;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * How to reach the {@code twin serve} that holds a cache: {@code service.properties} in the cache folder, with the
 * loopback port of the service's database server, the key that server asks of every connection, and the service's
 * process. Only the user may read it: the key is what keeps other accounts of the machine out of the cache.
 */
public record ServiceFile(int port, String key, long pid) {
    public static final String FILE_NAME = "service.properties";
    private static final int MAX_BYTES = 4_096;

    public ServiceFile {
        if (port < 1 || port > 65_535 || !key.matches("[0-9a-f]{64}") || pid < 1) {
            throw new IllegalArgumentException("not a service address: port " + port + ", pid " + pid);
        }
    }

    static Path in(Path folder) {
        return folder.resolve(FILE_NAME);
    }

    /** The service file of the cache in {@code folder}; empty where there is none (no service ever held it). */
    public static Optional<ServiceFile> read(Path folder) throws CacheException {
        Path file = in(folder);
        String text;
        try {
            text = SmallTextFile.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CacheException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
            return Optional.of(new ServiceFile(Integer.parseInt(properties.getProperty("port", "")),
                    properties.getProperty("key", ""), Long.parseLong(properties.getProperty("pid", ""))));
        } catch (IOException | IllegalArgumentException e) {
            throw new CacheException(file + " is not a service file of twin serve (" + SafeText.of(e.getMessage(), 200)
                    + "); stop any twin serve on this cache and remove the file", e);
        }
    }

    /** Whether the process that wrote this file still runs: a service killed with SIGKILL leaves its file behind. */
    public boolean serviceRuns() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Writes the file whole or not at all, readable by the user alone from its first byte: it is made with those
     * permissions under another name and moved over the old one.
     */
    void write(Path folder) throws CacheException {
        Path file = in(folder);
        Path draft = folder.resolve(FILE_NAME + ".new");
        try {
            Files.deleteIfExists(draft);
            try {
                Files.createFile(draft, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(draft);
            }
            Files.writeString(draft, "# twin serve: how viewers on this machine reach the cache; only its user may read it\n"
                    + "port=" + port + "\nkey=" + key + "\npid=" + pid + "\n");
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new CacheException("cannot write " + file + ": another process is writing it", e);
        } catch (IOException e) {
            throw new CacheException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the file if it is still this service's: a newer service may have written its own. */
    void remove(Path folder) {
        try {
            if (read(folder).filter(this::equals).isPresent()) {
                Files.deleteIfExists(in(folder));
            }
        } catch (IOException e) {
            // The file stays; a viewer finds its process gone and the next service overwrites it.
        }
    }

    /** Without the key: the record is printed in messages and logs, which others may read. */
    @Override
    public String toString() {
        return "twin serve (process " + pid + ", port " + port + ")";
    }

    static String newKey(java.security.SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
