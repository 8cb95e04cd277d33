package de.dormagentwin.live.ingest;

import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.CacheException;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.live.store.WriteResult;
import de.dormagentwin.model.text.SafeText;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the sources into the cache: each fetch on one background thread, the next after the source's interval, or
 * after a backoff that doubles with each failure in a row (up to {@link #MAX_BACKOFF}), or as long as the server
 * asked ({@link RetryLater}, itself capped). A failure is logged once per streak, not at every retry; nothing
 * already stored is touched.
 */
public final class IngestService implements AutoCloseable {
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Failures in a row after which a source counts as offline rather than retrying. */
    static final int OFFLINE_AFTER = 3;
    /** Refusals remembered per source, so that a bad record a source sends at every fetch is logged and counted once. */
    static final int REMEMBERED_REFUSALS = 10_000;
    /** A log line's most characters of outside text: room for a long URL, no room for a flood. */
    static final int LOG_LIMIT = 1_000;
    /** The cache's source columns hold this many characters. */
    static final int MAX_SOURCE_NAME = 1_000;
    private static final System.Logger LOG = System.getLogger(IngestService.class.getName());

    private final LiveStore store;
    private final List<Source> sources;
    private final Duration interval;
    private final Duration firstBackoff;
    private final Clock clock;
    private final Map<String, SourceStatus> statuses = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    /** Sources that fetch at a pace of their own rather than {@link #interval}. */
    private final Map<String, Duration> intervals = new ConcurrentHashMap<>();
    /** What the last failure's server asked to wait ({@link RetryLater}); zero when it asked nothing. */
    private final Map<String, Duration> retryAfter = new LinkedHashMap<>();
    private final List<Consumer<SourceStatus>> listeners = new ArrayList<>();
    private final List<Runnable> writeListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> refusedBefore = new LinkedHashMap<>();
    private final Set<String> keptStricter = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService executor;
    private Duration retention;

    public IngestService(LiveStore store, List<Source> sources, Duration interval, Duration firstBackoff, Clock clock) {
        for (Source source : sources) {
            // The name is every record's provenance in the cache: one that no row can hold would fail every write.
            if (source.name().length() > MAX_SOURCE_NAME) {
                throw new IllegalArgumentException("a source named " + SafeText.of(source.name(), 80) + " ("
                        + source.name().length() + " characters, a URL that long?) is longer than the cache keeps, "
                        + MAX_SOURCE_NAME);
            }
        }
        this.store = store;
        this.sources = List.copyOf(sources);
        this.interval = interval;
        this.firstBackoff = firstBackoff;
        this.clock = clock;
        for (Source source : sources) {
            statuses.put(source.name(), new SourceStatus(source.name(), SourceStatus.State.STARTING, clock.instant(), null, ""));
            failures.put(source.name(), 0);
            refusedBefore.put(source.name(), Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_REFUSALS;
                }
            })));
        }
    }

    /** Fetches from the source named {@code source} every {@code every} instead of the service's interval. */
    public IngestService withInterval(String source, Duration every) {
        intervals.put(source, every);
        return this;
    }

    /** While running, deletes observations older than {@code retention}: at start and then every hour. */
    public IngestService withRetention(Duration retention) {
        this.retention = retention;
        return this;
    }

    /** Fetches from every source once, in turn; true when all of them worked. For {@code twin ingest --once}. */
    public boolean runOnce() throws InterruptedException {
        boolean all = true;
        for (Source source : sources) {
            all &= fetch(source);
        }
        return all;
    }

    /** Keeps fetching in the background until {@link #close}. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "twin-ingest");
            thread.setDaemon(true);
            return thread;
        });
        for (Source source : sources) {
            executor.execute(() -> cycle(source));
        }
        if (retention != null) {
            executor.scheduleWithFixedDelay(this::prune, 0, 1, TimeUnit.HOURS);
        }
    }

    /** A scheduled task that throws is never run again, and its executor keeps the failure to itself: caught here. */
    private void prune() {
        try {
            store.prune(clock.instant().minus(retention));
        } catch (CacheException e) {
            LOG.log(System.Logger.Level.WARNING, "retention: " + SafeText.of(e.getMessage(), LOG_LIMIT), e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "retention failed, tried again in an hour: " + SafeText.of(String.valueOf(e), LOG_LIMIT), e);
        }
    }

    private void cycle(Source source) {
        try {
            fetch(source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            // Not the source's failure (fetch counts those): a bug of ours must not end the source's fetching unseen.
            LOG.log(System.Logger.Level.ERROR, SafeText.of(source.name(), LOG_LIMIT) + ": fetch failed unexpectedly: "
                    + SafeText.of(String.valueOf(e), LOG_LIMIT), e);
        }
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
        }
        if (running != null && !running.isShutdown()) {
            running.schedule(() -> cycle(source), delay(source).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    Duration delay(Source source) {
        int failed = failures.get(source.name());
        if (failed == 0) {
            return intervals.getOrDefault(source.name(), interval);
        }
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(failed - 1, 20));
        backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        Duration asked = retryAfter.getOrDefault(source.name(), Duration.ZERO);
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }

    private boolean fetch(Source source) throws InterruptedException {
        String name = source.name();
        try {
            source.fetch(new StoreSink(name));
            failures.put(name, 0);
            SourceStatus before = statuses.get(name);
            if (before.state() != SourceStatus.State.LIVE && before.state() != SourceStatus.State.STARTING) {
                LOG.log(System.Logger.Level.INFO, name + ": back online");
            }
            Instant now = clock.instant();
            update(new SourceStatus(name, SourceStatus.State.LIVE, before.state() == SourceStatus.State.LIVE ? before.since() : now, now, ""));
            return true;
        } catch (IOException | RuntimeException e) {
            int failed = failures.merge(name, 1, Integer::sum);
            retryAfter.put(name, e instanceof RetryLater later ? later.waitFor() : Duration.ZERO);
            SourceStatus before = statuses.get(name);
            // Messages quote servers and files: escaped here once more, so no source can forget it.
            String problem = e.getMessage() == null ? e.getClass().getSimpleName() : SafeText.of(e.getMessage(), LOG_LIMIT);
            if (failed == 1) {
                LOG.log(System.Logger.Level.WARNING, name + ": " + problem + "; retrying, everything cached so far is kept", e);
            }
            SourceStatus.State state = failed >= OFFLINE_AFTER ? SourceStatus.State.OFFLINE : SourceStatus.State.RETRYING;
            // A streak keeps the time of its first failure: "offline since" is when the source went away.
            Instant since = failed == 1 ? clock.instant() : before.since();
            update(new SourceStatus(name, state, since, before.lastSuccess(), problem));
            return false;
        }
    }

    private void update(SourceStatus status) {
        List<Consumer<SourceStatus>> current;
        synchronized (statuses) {
            statuses.put(status.source(), status);
            current = List.copyOf(listeners);
        }
        for (Consumer<SourceStatus> listener : current) {
            try {
                listener.accept(status);
            } catch (RuntimeException e) {
                // A listener's failure is not the source's: logged, and the source's state stays what it is.
                LOG.log(System.Logger.Level.ERROR, "a listener of " + SafeText.of(status.source(), LOG_LIMIT) + "'s state failed: "
                        + SafeText.of(String.valueOf(e), LOG_LIMIT), e);
            }
        }
    }

    /**
     * Hears that observations were written, on the thread that wrote them (the ingest thread, or an MQTT client's):
     * a reader in this process reads the cache then instead of at its next poll.
     */
    public void addWriteListener(Runnable listener) {
        writeListeners.add(listener);
    }

    /** Hears every change of a source's status, on the ingest thread. */
    public void addListener(Consumer<SourceStatus> listener) {
        synchronized (statuses) {
            listeners.add(listener);
        }
    }

    public List<SourceStatus> statuses() {
        synchronized (statuses) {
            return List.copyOf(statuses.values());
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Source source : sources) {
            source.close();
        }
    }

    /**
     * Hands a source's records to the cache, naming the source in every problem. A record the source skipped (each
     * {@link #problem} call) or the cache refuses is logged and counted in the cache as rejected for the source; the
     * rest of its page is stored. The cache refuses what would fail its write, so no one record fails a fetch.
     * A record refused by the cache at an earlier fetch (a source sends its bad newest value again each time) is
     * not logged or counted again.
     */
    private final class StoreSink implements Sink {
        private final String source;
        private final Set<String> refused;

        StoreSink(String source) {
            this.source = source;
            this.refused = refusedBefore.get(source);
        }

        @Override
        public void thing(Thing thing) throws IOException {
            Optional<String> problem = LiveStore.problemWith(thing);
            if (problem.isPresent()) {
                refuse(List.of(problem.get()));
                return;
            }
            store.putThing(thing);
        }

        @Override
        public void datastream(Datastream datastream) throws IOException {
            Optional<String> problem = LiveStore.problemWith(datastream);
            if (problem.isPresent()) {
                refuse(List.of(problem.get()));
                return;
            }
            store.putDatastream(datastream);
            Classification kept = store.classification(source, datastream.remoteId()).orElse(datastream.classification());
            // Said once per stream and run: whoever gave the looser word should know it did not apply.
            if (kept != datastream.classification() && keptStricter.add(source + '\u0000' + datastream.remoteId())) {
                LOG.log(System.Logger.Level.WARNING, source + ": datastream " + SafeText.of(datastream.remoteId()) + " stays " + kept.word()
                        + ", stricter than " + datastream.classification().word() + "; only twin cache classify loosens it");
            }
        }

        @Override
        public void observations(List<Observation> observations) throws IOException {
            WriteResult result = store.write(observations);
            refuse(result.rejected());
            for (Runnable listener : writeListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    // Stored already: a reader that failed to hear of it is no failure of the source.
                    LOG.log(System.Logger.Level.ERROR, source + ": a listener of new observations failed: "
                            + SafeText.of(String.valueOf(e), LOG_LIMIT), e);
                }
            }
        }

        private void refuse(List<String> problems) throws IOException {
            List<String> fresh = problems.stream().filter(refused::add).toList();
            if (fresh.isEmpty()) {
                return;
            }
            LOG.log(System.Logger.Level.WARNING, source + ": " + (fresh.size() == 1 ? "" : fresh.size() + " records not stored, the first: ")
                    + SafeText.of(fresh.get(0), 1_000));
            store.countRejected(source, fresh.size(), fresh.get(0));
        }

        @Override
        public Optional<Instant> lastTime(String datastreamRemoteId) throws IOException {
            return store.lastTime(source, datastreamRemoteId);
        }

        @Override
        public void problem(String message) {
            skipped(1, message);
        }

        @Override
        public void skipped(long records, String message) {
            LOG.log(System.Logger.Level.WARNING, source + ": " + SafeText.of(message, LOG_LIMIT));
            try {
                store.countRejected(source, records, message);
            } catch (CacheException e) {
                LOG.log(System.Logger.Level.WARNING, source + ": the rejected records were not counted: " + SafeText.of(e.getMessage(), LOG_LIMIT), e);
            }
        }

        @Override
        public void note(String message) {
            LOG.log(System.Logger.Level.INFO, source + ": " + SafeText.of(message, LOG_LIMIT));
        }
    }
}
