package de.dormagentwin.app;

import de.dormagentwin.live.store.CacheException;
import de.dormagentwin.live.store.CachePassword;
import de.dormagentwin.live.store.CacheVerifier;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.live.store.ServiceFile;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The options every command that opens the cache shares: where it is, and where the configuration is. */
final class CacheOptions {
    private static final System.Logger LOG = System.getLogger(CacheOptions.class.getName());

    @Option(names = "--cache", paramLabel = "DIR", description = "The cache folder (default: the user's data folder).")
    Path folder;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the user's config folder).")
    Path configFile;

    /** Whether the configuration's permissions were already warned about: a command reads it more than once. */
    private boolean warned;

    /** The options as picocli fills them in. */
    CacheOptions() {
    }

    /** Options that name both places, as {@link ViewerSettings} hands them to the viewer. */
    static CacheOptions at(Path folder, Path configFile) {
        CacheOptions options = new CacheOptions();
        options.folder = folder;
        options.configFile = configFile;
        return options;
    }

    Path folder() {
        return folder != null ? folder : TwinConfig.defaultCacheFolder(System.getenv());
    }

    Path configFile() {
        return configFile != null ? configFile : TwinConfig.defaultFile(System.getenv());
    }

    /**
     * The configuration. One that holds a PIN or a password where group or others can read it is used, with a
     * warning: a planner's workstation is the planner's. The kiosk refuses it instead ({@link ViewCommand}).
     */
    TwinConfig config() throws IOException {
        Path file = configFile();
        TwinConfig config = TwinConfig.load(file);
        if (!warned && config.holdsSecret()) {
            var open = TwinConfig.readableByOthers(file);
            if (open.isPresent()) {
                warned = true;
                LOG.log(System.Logger.Level.WARNING, "warning: " + file + " holds a PIN or password and others can read it (" + open.get()
                        + "); make it yours alone: " + TwinConfig.chmodCommand(file));
            }
        }
        return config;
    }

    /**
     * For the commands that only read (the viewer, {@code cache stats}): through the {@code twin serve} that holds
     * the cache where one runs, otherwise the file itself, as {@link #openVerified}. A service killed without
     * notice leaves its file, and its process is then gone: that file counts for nothing.
     */
    LiveStore openForReading(String command, boolean moveAsideUnopenable) throws IOException {
        if (runningService().isPresent()) {
            return LiveStore.throughService(folder(), password(), Clock.systemUTC());
        }
        return openVerified(command, moveAsideUnopenable);
    }

    /** One writer at a time: a command that writes the file, or reads it page by page, needs the service stopped. */
    void requireNoService(String command) throws CacheException {
        Optional<ServiceFile> service = runningService();
        if (service.isPresent()) {
            throw new CacheException(service.get() + " holds the cache " + folder() + " and is its one writer; " + command
                    + " needs the cache to itself: stop the service first (systemctl stop twin-serve), or, if no twin "
                    + "serve runs, remove " + folder().resolve(ServiceFile.FILE_NAME), null);
        }
    }

    private Optional<ServiceFile> runningService() throws CacheException {
        return ServiceFile.read(folder()).filter(ServiceFile::serviceRuns);
    }

    LiveStore open() throws IOException {
        if (runningService().isPresent()) {
            return LiveStore.throughService(folder(), password(), Clock.systemUTC());
        }
        return LiveStore.open(folder(), password());
    }

    char[] password() throws IOException {
        return CachePassword.resolve(System.getenv(), config().cachePassword());
    }

    /**
     * Opens the cache after reading every page of it, read-only: a damaged page stops the command before it has
     * changed a byte, where it would otherwise fail half-way through a prune, carry the damage into a compacted
     * file, or count over it without a word. The check goes first because opening for writing writes (H2 stores a
     * chunk a second after it opens). With {@code moveAsideUnopenable} a file that will not open at all is moved
     * aside and a fresh cache built, as {@link LiveStore#open} does, for the commands that fill a cache (ingest, the
     * viewer); without it that file is damage like any other. No file yet: a fresh cache, as always.
     */
    LiveStore openVerified(String command, boolean moveAsideUnopenable) throws IOException {
        requireNoService(command);
        char[] password = password();
        if (Files.exists(folder().resolve(CacheVerifier.FILE_NAME))) {
            CacheVerifier.Report report = CacheVerifier.verify(folder(), password);
            if (!report.sound() && !(moveAsideUnopenable && !report.opened())) {
                throw new CacheException(report.file() + " is damaged; " + command + " changed nothing in it: "
                        + report.damage().get(0) + (report.damage().size() > 1 ? " (and more)" : "")
                        + "; 'twin cache verify' lists the damage", null);
            }
        }
        return LiveStore.open(folder(), password);
    }
}
