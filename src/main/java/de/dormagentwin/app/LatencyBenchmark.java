package de.dormagentwin.app;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.ingest.IngestService;
import de.dormagentwin.live.store.CacheService;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.overlay.Bindings;
import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.OverlayRules;
import de.dormagentwin.scene.CityLayer;
import de.dormagentwin.ui.BackgroundWork;
import de.dormagentwin.ui.LiveFeed;
import de.dormagentwin.ui.ViewerPane;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * {@code twin bench latency}: from an observation published over MQTT to the object's new colour in the viewer's
 * scene graph, for the ways a viewer learns of new values: its own process's write listener, a poll of the cache
 * service over loopback TCP, and the 500 ms poll of before as the baseline. One run, one broker and one upstream
 * for all three; each case its own cache, ingest, feed and window with the bundled sample.
 */
final class LatencyBenchmark {
    private static final System.Logger LOG = System.getLogger(LatencyBenchmark.class.getName());
    static final int DEFAULT_PUBLISHES = 20;
    static final ColorRule RULE = OverlayRules.named("PM10").orElseThrow();
    /** Green, yellow and orange by turns: each publish changes the band, and all stay under the alert limit, so nothing pulses red. */
    private static final double[] VALUES = {10, 30, 45};
    /** What the upstream holds before the first publish, fetched by the backfill. */
    static final double BACKFILLED = VALUES[0];
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    /** Publishes before the measured ones in each case, not reported: a viewer that has run a while has its code compiled. */
    private static final int WARM_UP = 3;
    /** The first backfill: connecting, subscribing and one HTTP fetch, on a machine that may be busy. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    /** How a viewer learns of a new value; a target for its median, in ms (0: none, the baseline). */
    enum Case {
        IN_PROCESS("(a) in the viewer's process: write listener", ViewerApp.LIVE_POLL, 100),
        THROUGH_SERVICE("(b) through the cache service: 200 ms poll over loopback TCP", ViewerApp.SERVICE_POLL, 500),
        BASELINE("(c) baseline: 500 ms poll, no write listener", ViewerApp.LIVE_POLL, 0);

        final String label;
        final Duration poll;
        final long targetMillis;

        Case(String label, Duration poll, long targetMillis) {
            this.label = label;
            this.poll = poll;
            this.targetMillis = targetMillis;
        }
    }

    /**
     * One publish: milliseconds from just before it to the observation written to the cache, and to its colour in
     * the scene graph, all -1 where the colour did not come in time; and how long a task handed to the FX thread at
     * the write waited for it, as the snapshot's hand-over does after the read.
     */
    record Timing(double cachedMillis, double shownMillis, double fxWaitMillis) {
        static final Timing MISSED = new Timing(-1, -1, -1);

        boolean reached() {
            return shownMillis >= 0;
        }
    }

    /** A case's publishes, and the viewer's mean time from one frame to the next while they ran. */
    record Outcome(Case kind, List<Timing> publishes, double frameMillis) {
        long reached() {
            return publishes.stream().filter(Timing::reached).count();
        }

        double median() {
            return median(Timing::shownMillis);
        }

        double medianCached() {
            return median(Timing::cachedMillis);
        }

        double medianFxWait() {
            return median(Timing::fxWaitMillis);
        }

        double worst() {
            return publishes.stream().filter(Timing::reached).mapToDouble(Timing::shownMillis).max().orElse(Double.NaN);
        }

        boolean met() {
            return reached() == publishes.size() && median() <= kind.targetMillis;
        }

        private double median(ToDoubleFunction<Timing> time) {
            double[] sorted = publishes.stream().filter(Timing::reached).mapToDouble(time).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
        }
    }

    private LatencyBenchmark() {
    }

    static int run(int publishes) throws Exception {
        return run(LoopbackUpstream.mosquitto(), publishes);
    }

    /** The bench with the Mosquitto program found, or none: then a line that says so, and exit code 1. */
    static int run(Optional<Path> mosquitto, int publishes) throws Exception {
        if (mosquitto.isEmpty()) {
            System.err.println("twin bench latency: mosquitto is not installed (apt-get install mosquitto); the benchmark needs a real broker");
            return 1;
        }
        FxToolkit.start();
        SceneFactory.requireScene3D();
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "Latency benchmark: %d cores, load average %.1f, %s %s; the sample in a %dx%d window, PM10 overlay, "
                        + "%d publishes per case after %d to warm up%n", Runtime.getRuntime().availableProcessors(), system.getSystemLoadAverage(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), WIDTH, HEIGHT, publishes, WARM_UP);
        List<Outcome> outcomes = measure(mosquitto.get(), publishes);
        // Other work on the machine slows every case: the load before and after says how busy it was.
        System.out.printf(Locale.ROOT, "load average at the end %.1f%n%n", system.getSystemLoadAverage());
        double baseline = outcomes.get(Case.BASELINE.ordinal()).median();
        System.out.println("| from an MQTT publish to the new colour in the scene graph | median, ms | worst, ms | of it to the cache, median ms "
                + "| FX thread busy after the write, median ms | viewer's frame, mean ms | reached | median against (c) | target: median | met |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        for (Outcome outcome : outcomes) {
            boolean target = outcome.kind().targetMillis > 0;
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %d/%d | %.2fx | %s | %s |%n", outcome.kind().label,
                    outcome.median(), outcome.worst(), outcome.medianCached(), outcome.medianFxWait(), outcome.frameMillis(), outcome.reached(),
                    outcome.publishes().size(), outcome.median() / baseline,
                    target ? outcome.kind().targetMillis + " ms or less" : "-", target ? outcome.met() ? "met" : "not met" : "-");
        }
        return 0;
    }

    /** Every case in turn, against one broker and one upstream: the bench's measurements, for the table or a test. */
    static List<Outcome> measure(Path mosquitto, int publishes) throws Exception {
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(ModelFiles.sample()), LodChoice.HIGHEST);
        // A building where the sample has a PM10 sensor: the object its bindings give the first PM10 datastream.
        String objectId = Bindings.load(ModelFiles.sampleBindings()).bindings().stream()
                .filter(binding -> binding.datastream().endsWith("/pm10") && binding.objectId() != null)
                .findFirst().orElseThrow(() -> new IOException(ModelFiles.sampleBindings() + ": no PM10 datastream bound to an object"))
                .objectId();
        List<Outcome> outcomes = new ArrayList<>();
        try (LoopbackUpstream upstream = LoopbackUpstream.start(mosquitto, objectId, BACKFILLED)) {
            for (Case kind : Case.values()) {
                outcomes.add(measure(kind, upstream, prepared, objectId, publishes));
            }
        }
        return outcomes;
    }

    /**
     * One case: the ingest writes into its own cache; in (b) a cache service serves that cache and the viewer reads
     * through it over loopback TCP, as another process's viewer does (both in this JVM here).
     */
    // "try": the service is held open for the reader that goes through it, never called itself.
    @SuppressWarnings("try")
    private static Outcome measure(Case kind, LoopbackUpstream upstream, SceneFactory.Prepared prepared, String objectId, int publishes)
            throws Exception {
        Path folder = Files.createTempDirectory("twin-bench-latency");
        boolean service = kind == Case.THROUGH_SERVICE;
        try (LiveStore store = LiveStore.open(folder, null, Clock.systemUTC());
             BackgroundWork background = new BackgroundWork("bench-background", 2);
             CacheService served = service ? CacheService.start(store) : null;
             LiveStore throughService = service ? LiveStore.throughService(folder, null, Clock.systemUTC()) : null;
             LiveFeed feed = new LiveFeed(service ? throughService : store, kind.poll, EnumSet.of(Classification.PUBLIC), background);
             IngestService ingest = new IngestService(store, List.of(upstream.source()), Duration.ofSeconds(10), IngestCommand.FIRST_BACKOFF,
                     Clock.systemUTC())) {
            Watch watch = FxToolkit.call(() -> Watch.show(prepared, objectId, feed, background));
            ingest.addWriteListener(watch::written);
            if (kind == Case.IN_PROCESS) {
                ingest.addWriteListener(feed::changed);
            }
            List<Timing> timings = new ArrayList<>();
            try {
                if (!watch.await(BACKFILLED, START_TIMEOUT, ingest::start).reached()) {
                    LOG.log(System.Logger.Level.WARNING, kind.label + ": the backfilled value did not reach the scene graph within " + START_TIMEOUT.toSeconds() + " s");
                    return new Outcome(kind, Collections.nCopies(publishes, Timing.MISSED), Double.NaN);
                }
                // Publishes at random moments of the poll's period, so that a poll's wait counts as often short as long.
                Random pauses = new Random(7);
                for (int i = 0; i < WARM_UP + publishes; i++) {
                    Thread.sleep(100 + pauses.nextInt(500));
                    if (i == WARM_UP) {
                        FxToolkit.call(watch::countFrames);
                    }
                    double value = value(i);
                    Timing timing = watch.await(value, PUBLISH_TIMEOUT, () -> upstream.publish(value));
                    if (i >= WARM_UP) {
                        timings.add(timing);
                    }
                    if (!timing.reached()) {
                        String which = i < WARM_UP ? "warm-up publish " + (i + 1) : "publish " + (i + 1 - WARM_UP);
                        LOG.log(System.Logger.Level.WARNING, kind.label + ": " + which + " did not reach the scene graph within " + PUBLISH_TIMEOUT.toSeconds() + " s");
                    }
                }
                return new Outcome(kind, timings, FxToolkit.call(watch::frameMillis));
            } finally {
                FxToolkit.call(watch::close);
            }
        } finally {
            CacheBenchmark.delete(folder);
        }
    }

    /** The value of the {@code i}th publish: another band than the one before it, the first another than the backfilled one. */
    static double value(int i) {
        return VALUES[(i + 1) % VALUES.length];
    }

    /** Something to start the wait with that may fail: a publish, or starting the ingest. */
    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    /**
     * The viewer, and a listener of its feed that runs on the FX thread right after the viewer's own (the feed hands
     * a snapshot to its listeners in order): it reads the object's colour from the city's palette, where the overlay
     * has just painted it, and says when it is the colour awaited.
     */
    private static final class Watch implements Consumer<LiveFeed.Snapshot> {
        private record Awaited(int argb, CompletableFuture<Long> written, CompletableFuture<Long> fxFree, CompletableFuture<Long> seen) {
        }

        private final Stage stage;
        private final ViewerPane pane;
        private final CityLayer layer;
        private final int object;
        private final AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (frameCount++ == 0) {
                    firstFrame = now;
                }
                lastFrame = now;
            }
        };
        /** FX thread, as the timer's. */
        private long frameCount;
        private long firstFrame;
        private long lastFrame;
        private volatile Awaited awaited = new Awaited(0, new CompletableFuture<>(), new CompletableFuture<>(), new CompletableFuture<>());

        private Watch(Stage stage, ViewerPane pane, int object) {
            this.stage = stage;
            this.pane = pane;
            this.layer = pane.viewport().cityScene().city();
            this.object = object;
        }

        /** The viewer with the PM10 overlay in a window, following the feed. FX thread. */
        static Watch show(SceneFactory.Prepared prepared, String objectId, LiveFeed feed, BackgroundWork background) {
            ViewerPane pane = new ViewerPane(SceneFactory.viewport(prepared), "bench latency", background);
            Stage stage = new Stage();
            stage.setScene(new Scene(pane, WIDTH, HEIGHT));
            stage.show();
            pane.setTheme(RULE.name());
            pane.attachFeed(feed);
            Watch watch = new Watch(stage, pane, prepared.meshes().objectIndex(objectId));
            feed.addListener(watch);
            return watch;
        }

        @Override
        public void accept(LiveFeed.Snapshot snapshot) {
            Awaited now = awaited;
            if (layer.objectColor(object) == now.argb()) {
                now.seen().complete(System.nanoTime());
            }
        }

        /** The ingest wrote observations to the cache: the first write after an action is the one it caused. Any thread. */
        void written() {
            Awaited now = awaited;
            if (now.written().complete(System.nanoTime())) {
                Platform.runLater(() -> now.fxFree().complete(System.nanoTime()));
            }
        }

        /** From just before {@code action} to the value in the cache and to its colour in the scene graph, or missed after the timeout. */
        Timing await(double value, Duration timeout, Action action) throws IOException, InterruptedException, ExecutionException {
            Awaited next = new Awaited(RULE.colorOf(value), new CompletableFuture<>(), new CompletableFuture<>(), new CompletableFuture<>());
            awaited = next;
            long start = System.nanoTime();
            action.run();
            try {
                long seen = next.seen().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                long written = next.written().getNow(seen);
                return new Timing((written - start) / 1e6, (seen - start) / 1e6, (next.fxFree().getNow(seen) - written) / 1e6);
            } catch (TimeoutException e) {
                return Timing.MISSED;
            }
        }

        /**
         * Starts counting the window's frames. The viewer's frame-rate meter asks for a pulse every frame, so the FX
         * thread is seldom idle, and a snapshot handed to it waits for the frame it is drawing. FX thread.
         */
        Void countFrames() {
            frames.start();
            return null;
        }

        /** The mean time from one frame to the next since {@link #countFrames}. FX thread. */
        double frameMillis() {
            return frameCount < 2 ? Double.NaN : (lastFrame - firstFrame) / 1e6 / (frameCount - 1);
        }

        /** FX thread. */
        Void close() {
            frames.stop();
            pane.detachFeed();
            stage.close();
            return null;
        }
    }
}
