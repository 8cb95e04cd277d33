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

    Path folder() {
        return folder != null ? folder : TwinConfig.defaultCacheFolder(System.getenv());
    }

    TwinConfig config() throws IOException {
        return TwinConfig.load(configFile != null ? configFile : TwinConfig.defaultFile(System.getenv()));
    }

    LiveStore open() throws IOException {
        char[] password = CachePassword.resolve(System.getenv(), config().cachePassword());
        return LiveStore.open(folder(), password);
    }
}
