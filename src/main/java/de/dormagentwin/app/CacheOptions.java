package de.dormagentwin.app;

import de.dormagentwin.live.store.CacheException;
import de.dormagentwin.live.store.CachePassword;
import de.dormagentwin.live.store.CacheVerifier;
import de.dormagentwin.live.store.LiveStore;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The options every command that opens the cache shares: where it is, and where the configuration is. */
final class CacheOptions {
    @Option(names = "--cache", paramLabel = "DIR", description = "The cache folder (default: the user's data folder).")
    Path folder;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the user's config folder).")
    Path configFile;

    Path folder() {
        return folder != null ? folder : TwinConfig.defaultCacheFolder(System.getenv());
    }

    TwinConfig config() throws IOException {
        return TwinConfig.load(configFile != null ? configFile : TwinConfig.defaultFile(System.getenv()));
    }

    LiveStore open() throws IOException {
        return LiveStore.open(folder(), password());
    }

    char[] password() throws IOException {
        return CachePassword.resolve(System.getenv(), config().cachePassword());
    }

    /**
     * Opens the cache for a command that reads all of it or rewrites it, after reading every page: a damaged page
     * stops the command before it has changed a byte, where it would otherwise fail half-way through a prune or
     * carry the damage into a compacted file. A cache file that will not open counts as damaged here, and is left
     * where it is. No file yet: a fresh cache, as always.
     */
    LiveStore openVerified(String command) throws IOException {
        char[] password = password();
        if (Files.exists(folder().resolve(CacheVerifier.FILE_NAME))) {
            CacheVerifier.Report report = CacheVerifier.verify(folder(), password);
            if (!report.sound()) {
                throw damaged(report, command);
            }
        }
        return LiveStore.open(folder(), password);
    }

    /**
     * For a command that holds the cache open and writes and deletes for long (ingest, with its retention): reads
     * every page first, and on damage closes the cache without writing a byte and says so.
     */
    static void requireSound(LiveStore store, String command) throws CacheException {
        CacheVerifier.Report report;
        try {
            report = store.verify();
        } catch (CacheException e) {
            store.abandon();
            throw e;
        }
        if (!report.sound()) {
            store.abandon();
            throw damaged(report, command);
        }
    }

    private static CacheException damaged(CacheVerifier.Report report, String command) {
        return new CacheException(report.file() + " is damaged, so " + command + " changed nothing: "
                + report.damage().get(0) + (report.damage().size() > 1 ? " (and more)" : "")
                + "; 'twin cache verify' lists the damage", null);
    }
}
