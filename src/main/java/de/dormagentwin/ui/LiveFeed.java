package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.store.CacheException;
import de.dormagentwin.live.store.Changes;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.live.store.SeriesPoint;
import de.dormagentwin.model.text.SafeText;
import de.dormagentwin.overlay.Bindings;
import de.dormagentwin.overlay.ThematicOverlay;
import javafx.application.Platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The viewer's view of the cache: asks it a few times a second what changed, keeps the latest value of every
 * datastream, and hands the FX thread an immutable snapshot grouped by city object. Reads only the cache, never a
 * network.
 */
public final class LiveFeed implements AutoCloseable {
    /** The latest values, by the city object their thing is bound to. */
    public record Snapshot(Map<String, List<Latest>> byObject, int datastreams) {
        public static final Snapshot EMPTY = new Snapshot(Map.of(), 0);

        public List<Latest> of(String objectId) {
            return byObject.getOrDefault(objectId, List.of());
        }
    }

    /** A stream made confidential leaves a public screen within this many polls (a few seconds at the viewer's pace). */
    static final int RESYNC_EVERY = 10;
    /** Values are drawn again at least this often, each time as of the time then, so that they age on screen. */
    static final Duration REDRAW = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(LiveFeed.class.getName());

    private final LiveStore store;
    /** Polls, and runs the reads asked for, one at a time: all of them read {@link #latest} and {@link #bindings}. */
    private final BackgroundWork.Lane poller;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Latest> latest = new HashMap<>();
    private final Set<Classification> visible;
    private long revision = -1;
    /** Polls so far: every {@link #RESYNC_EVERY}th reads every stream the feed may show, not only the changed ones. */
    private long polls;
    /** Read and written on the poller thread only. */
    private Bindings bindings = Bindings.NONE;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private boolean failing;
    /** Whether the last poll failed unexpectedly (a bug, not the cache): logged once until a poll works again. */
    private boolean broken;
    /** When the last snapshot was handed over ({@link System#nanoTime}); on the poller thread. */
    private long publishedAt = System.nanoTime();
    private final AtomicBoolean nudged = new AtomicBoolean();

    public LiveFeed(LiveStore store, Duration period, BackgroundWork background) {
        this(store, period, EnumSet.allOf(Classification.class), background);
    }

    /**
     * A feed of the datastreams of the given classifications only: the kiosk's of public ones. It polls on a lane of
     * {@code background} of its own, which {@link #close()} ends.
     */
    public LiveFeed(LiveStore store, Duration period, Set<Classification> visible, BackgroundWork background) {
        this.store = store;
        this.visible = Set.copyOf(visible);
        poller = background.lane("twin-live-feed");
        poller.repeat("live data", period, this::poll);
    }

    /**
     * The cache changed in this process (the viewer's own ingest wrote): read it now rather than at the next poll, so a
     * value reaches the screen in the time a read takes. Any thread; nudges while a read is waiting are that one read.
     */
    public void changed() {
        if (nudged.compareAndSet(false, true)) {
            try {
                poller.execute("live data", () -> {
                    nudged.set(false);
                    poll();
                });
            } catch (RejectedExecutionException closed) {
                nudged.set(false);
            }
        }
    }

    /** Stops telling a listener: a viewer replaced by another (new files opened) no longer listens. */
    public void removeListener(Consumer<Snapshot> listener) {
        listeners.remove(listener);
    }

    /**
     * Hears each new snapshot on the FX thread, starting with the current one. Every hand-over reads the newest
     * snapshot when it runs, not when it was queued: a snapshot read here and queued just after the poller queued a
     * newer one would otherwise arrive last and wipe the newer values off the screen until the next change.
     */
    public void addListener(Consumer<Snapshot> listener) {
        listeners.add(listener);
        Platform.runLater(() -> listener.accept(snapshot));
    }

    /**
     * One poll. Any failure is logged and the next poll tries again: a scheduled task that throws is never run
     * again, and a kiosk must not stop following its data over one bad moment.
     */
    private void poll() {
        try {
            pollOnce();
            if (snapshot != Snapshot.EMPTY && System.nanoTime() - publishedAt > REDRAW.toNanos()) {
                // Nothing new, or the cache not answering: the same values again, drawn as of now, so that the
                // screen fades those that have grown stale rather than showing them fresh for good.
                publish();
            }
            broken = false;
        } catch (RuntimeException e) {
            // Once a streak: at five polls a second, a lasting fault would fill the log files within the hour.
            if (!broken) {
                LOG.log(System.Logger.Level.ERROR, "live data: " + SafeText.of(String.valueOf(e)), e);
            }
            broken = true;
        }
    }

    private void pollOnce() {
        // A stream's new classification does not count as a change of its value: only a full read finds that it
        // left (or joined) the classifications this feed shows.
        boolean resync = ++polls % RESYNC_EVERY == 0;
        Changes changes;
        try {
            changes = store.changedSince(resync ? -1 : revision, visible);
            failing = false;
        } catch (CacheException e) {
            if (!failing) {
                // Through twin serve, a failed read is the service gone, which the viewer's service watch says in
                // words of its own; here it would be a second line about the same.
                LOG.log(store.readsThroughService() ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                        "live data: " + SafeText.of(e.getMessage()), e);
            }
            failing = true;
            return;
        }
        revision = Math.max(revision, changes.revision());
        if (resync) {
            Map<Long, Latest> current = new HashMap<>();
            changes.values().forEach(value -> current.put(value.datastreamId(), value));
            boolean changed = latest.keySet().retainAll(current.keySet());
            for (Latest value : current.values()) {
                Latest before = latest.put(value.datastreamId(), value);
                changed |= before == null || before.revision() != value.revision()
                        || before.datastream().classification() != value.datastream().classification();
            }
            if (changed || snapshot == Snapshot.EMPTY) {
                publish();
            }
            return;
        }
        if (changes.values().isEmpty() && snapshot != Snapshot.EMPTY) {
            return;
        }
        changes.values().forEach(value -> latest.put(value.datastreamId(), value));
        publish();
    }

    private void publish() {
        publishedAt = System.nanoTime();
        Snapshot next = new Snapshot(ThematicOverlay.byObject(bindings.apply(List.copyOf(latest.values()))), latest.size());
        snapshot = next;
        Platform.runLater(() -> {
            Snapshot newest = snapshot;
            listeners.forEach(listener -> listener.accept(newest));
        });
    }

    /** Binds datastreams to city objects by a bindings file, from the next snapshot on (resolved already). */
    public void setBindings(Bindings resolved) {
        poller.execute("bindings", () -> {
            bindings = resolved;
            publish();
        });
    }

    /**
     * Asks the cache for every value as of a time, off the FX thread, and hands the result to the FX thread; or, if
     * the cache fails, the problem in words.
     */
    public void history(Instant at, Consumer<Snapshot> onFxThread, Consumer<String> onFailure) {
        poller.call("history", () -> {
            List<Latest> values = bindings.apply(store.asOf(at, visible));
            return new Snapshot(ThematicOverlay.byObject(values), values.size());
        }, onFxThread, onFailure);
    }

    /** One datastream's series for a chart, read off the FX thread and handed to the FX thread. */
    public void series(long datastreamId, Instant from, Instant to, int maxPoints, Consumer<List<SeriesPoint>> onFxThread) {
        seriesOf(List.of(datastreamId), from, to, maxPoints, all -> {
            // Not one of this feed's datastreams: a feed of public data answers nothing of the others.
            if (all.containsKey(datastreamId)) {
                onFxThread.accept(all.get(datastreamId));
            }
        }, problem -> {
            // Logged already; the chart keeps what it showed.
        });
    }

    /**
     * Several datastreams' series read together off the FX thread, for an export that needs all of them: one answer
     * on the FX thread, by datastream id, leaving out those this feed does not show; or, if the read fails, the
     * problem in words on the FX thread.
     */
    public void seriesOf(List<Long> datastreamIds, Instant from, Instant to, int maxPoints,
                         Consumer<Map<Long, List<SeriesPoint>>> onFxThread, Consumer<String> onFailure) {
        poller.call("series", () -> {
            Map<Long, List<SeriesPoint>> all = new LinkedHashMap<>();
            for (long id : datastreamIds) {
                if (latest.containsKey(id)) {
                    all.put(id, store.series(id, from, to, maxPoints));
                }
            }
            return Collections.unmodifiableMap(all);
        }, onFxThread, onFailure);
    }

    /**
     * The oldest time the cache holds, found off the FX thread, handed to the FX thread (empty cache: nothing); or, if
     * the cache fails, the problem in words.
     */
    public void earliest(Consumer<Instant> onFxThread, Consumer<String> onFailure) {
        poller.call("history", store::earliest, earliest -> earliest.ifPresent(onFxThread), onFailure);
    }

    @Override
    public void close() {
        poller.close();
    }
}
