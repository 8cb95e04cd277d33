package de.dormagentwin.app;

import de.dormagentwin.live.store.CachePassword;
import de.dormagentwin.live.store.LiveStore;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The options every command that opens the cache shares: where it is, and where the configuration is. */
final class CacheOptions {
    @Option(names = "--cache", paramLabel = "DIR", description = "The cache folder (default: the user's data folder).")
    Path folder;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the user's config folder).")
    Path configFile;

    /** Whether the configuration's permissions were already warned about: a command reads it more than once. */
    private boolean warned;

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
                System.err.println("twin: warning: " + file + " holds a PIN or password and others can read it (" + open.get()
                        + "); make it yours alone: " + TwinConfig.chmodCommand(file));
            }
        }
        return config;
    }

    LiveStore open() throws IOException {
        char[] password = CachePassword.resolve(System.getenv(), config().cachePassword());
        return LiveStore.open(folder(), password);
    }
}
