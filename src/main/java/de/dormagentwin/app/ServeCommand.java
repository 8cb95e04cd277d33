package de.dormagentwin.app;

import de.dormagentwin.live.ingest.IngestService;
import de.dormagentwin.live.store.CacheException;
import de.dormagentwin.live.store.CacheService;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.model.text.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code twin serve}: a site's ingest service. Runs the configuration's sources into the cache, prunes it, and lets
 * the viewers of this machine read it while it runs (docs/decisions/0014). Runs until SIGTERM or Ctrl-C.
 */
@Command(name = "serve", description = {"Run the configuration's sources into the cache, and let the viewers and twin cache "
        + "stats of this machine read it meanwhile (through a database server on 127.0.0.1).",
        "One writer at a time: while it runs, twin ingest and a second twin serve on the same cache refuse to start."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CacheOptions cache;

    @Spec
    CommandSpec spec;

    private static final System.Logger LOG = System.getLogger(ServeCommand.class.getName());

    @Override
    public Integer call() throws Exception {
        // Before anything is said: the service runs for weeks unattended, and its log file is where it is read.
        Logs.configure("serve");
        TwinConfig config = cache.config();
        if (config.sources().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "twin serve runs the configuration's sources, and "
                    + cache.configFile() + " lists none: add \"sources\" (see the README, Deploying at the CHEMPUNKT)");
        }
        LiveStore store = cache.openVerified("twin serve", true);
        CacheService service;
        IngestService ingest;
        try {
            service = CacheService.start(store);
            ingest = IngestCommand.service(store, List.of(), config.sources(), Duration.ofSeconds(30), config);
        } catch (Exception e) {
            store.close();
            throw e;
        }
        // Each change of a source's state is stored for the viewers, which cannot see this process's sources.
        ingest.addListener(changed -> storeStates(store, ingest));
        storeStates(store, ingest);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The service file goes first, so that a viewer never finds a service that no longer answers.
            service.close();
            ingest.close();
            try {
                store.close();
            } catch (CacheException e) {
                // The log's handlers may be closed by their own shutdown hook already: stderr reaches the journal.
                System.err.println("twin: " + e.getMessage());
            }
            stopped.countDown();
        }, "twin-serve-shutdown"));
        LOG.log(System.Logger.Level.INFO, "serving " + store.folder() + " to this machine's viewers (" + CacheService.LOOPBACK + ":"
                + service.port() + "); following " + String.join(", ", ingest.statuses().stream()
                .map(status -> SafeText.of(status.source())).toList()) + "; SIGTERM or Ctrl-C stops");
        ingest.start();
        stopped.await();
        return 0;
    }

    private static void storeStates(LiveStore store, IngestService ingest) {
        try {
            store.putSourceStates(ingest.statuses());
        } catch (CacheException e) {
            LOG.log(System.Logger.Level.WARNING, "the sources' states were not stored for the viewers: " + e.getMessage(), e);
        }
    }
}
