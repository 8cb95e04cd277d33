package de.dormagentwin.app;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.ingest.IngestService;
import de.dormagentwin.live.ingest.Simulator;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.overlay.Bindings;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.ui.BackgroundWork;
import de.dormagentwin.ui.CityViewport;
import de.dormagentwin.ui.LiveFeed;
import de.dormagentwin.ui.Texts;
import de.dormagentwin.ui.kiosk.KioskPane;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToLongFunction;

/**
 * The kiosk left running as in the visitor centre, faster: the sample in the kiosk, its simulator writing at
 * {@code speed} times real time (with retention pruning the cache), the attract tour running whenever nobody
 * touches, and scripted visitors who tap the city and the buttons every few minutes. Once a minute the heap in use
 * after full garbage collection is recorded; a kiosk that leaks shows a rising line.
 */
final class SoakBenchmark {
    /** How long a scripted visitor stays: a few taps, then the kiosk is idle again and tours. */
    private static final int TAPS_PER_VISIT = 6;
    private static final Duration VISIT_EVERY = Duration.ofSeconds(90);
    private static final Duration IDLE = Duration.ofSeconds(20);

    private SoakBenchmark() {
    }

    /** A clock that runs {@code speed} times faster than the system's from now on. */
    private static final class FastClock extends Clock {
        private final Instant start = Instant.now();
        private final long startNanos = System.nanoTime();
        private final double speed;

        FastClock(double speed) {
            this.speed = speed;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
        }
    }

    static int run(int minutes, double speed, Path csv) throws Exception {
        FxToolkit.start();
        SceneFactory.requireScene3D();
        Path folder = Files.createTempDirectory("twin-soak");
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(ModelFiles.sample()), LodChoice.HIGHEST);
        Bindings bindings = Bindings.load(ModelFiles.sampleBindings());
        FastClock clock = new FastClock(speed);
        List<long[]> rows = new ArrayList<>();
        try (LiveStore store = LiveStore.open(folder, null);
             BackgroundWork background = new BackgroundWork("bench-background", 2);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
            IngestService ingest = new IngestService(store, List.of(new Simulator(prepared.loaded().models().get(0), Simulator.DEFAULT_SEED,
                    clock, Duration.ofHours(6), Duration.ofMinutes(1))), Duration.ofSeconds(1), IngestCommand.FIRST_BACKOFF, clock)
                    .withRetention(Duration.ofDays(2));
            LiveFeed feed = new LiveFeed(store, ViewerApp.LIVE_POLL, EnumSet.of(Classification.PUBLIC), background);
            KioskPane pane = FxToolkit.call(() -> {
                KioskPane kiosk = new KioskPane(new CityViewport(new CityScene(prepared.meshes())), Texts.GERMAN, IDLE,
                        InstantSource.system(), "soak", () -> { });
                Stage stage = new Stage();
                stage.setScene(new Scene(kiosk, 1280, 800));
                stage.setX(0);
                stage.setY(0);
                stage.show();
                kiosk.showSampleNote(true);
                bindings.resolve(kiosk.viewport().cityScene().city());
                feed.addListener(kiosk::showLive);
                kiosk.start();
                return kiosk;
            });
            feed.setBindings(bindings);
            ingest.start();
            System.out.printf(Locale.ROOT, "Soak: %d min, simulator at %.0fx, %d cores, max heap %d MB, %s %s%n", minutes, speed,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.vm.name"), System.getProperty("java.version"));
            out.println("minute,heap_mb_after_gc,h2_page_cache_mb,taps,seconds_touring,simulated_time");
            Random random = new Random(7);
            long startNanos = System.nanoTime();
            long nextVisit = startNanos;
            int taps = 0;
            int secondsTouring = 0;
            for (int minute = 0; minute <= minutes; minute++) {
                long minuteEnd = startNanos + Duration.ofMinutes(minute).toNanos();
                while (System.nanoTime() < minuteEnd) {
                    if (System.nanoTime() >= nextVisit) {
                        taps += visit(pane, random);
                        nextVisit += VISIT_EVERY.toNanos();
                    }
                    if (FxToolkit.call(pane::tourStep) >= 0) {
                        secondsTouring++;
                    }
                    Thread.sleep(1000);
                }
                long heap = BenchCommand.heapAfterGc();
                long pageCache = store.pageCacheMegabytes()[0];
                rows.add(new long[]{minute, heap, pageCache << 20});
                out.printf(Locale.ROOT, "%d,%.1f,%d,%d,%d,%s%n", minute, heap / 1048576.0, pageCache, taps, secondsTouring, clock.instant());
                out.flush();
                if (minute % 10 == 0) {
                    System.out.printf(Locale.ROOT, "minute %d: heap after GC %.1f MB (H2 page cache %d MB of %d), %d taps, simulated %s%n", minute,
                            heap / 1048576.0, pageCache, store.pageCacheMegabytes()[1], taps, clock.instant());
                }
            }
            ingest.close();
            feed.close();
            FxToolkit.call(() -> {
                pane.stop();
                pane.getScene().getWindow().hide();
                return null;
            });
        } finally {
            CacheBenchmark.delete(folder);
        }
        summary(rows);
        return 0;
    }

    /** A visitor: taps at random points of the view and now and then a button, a couple of seconds apart. */
    private static int visit(KioskPane pane, Random random) throws Exception {
        for (int tap = 0; tap < TAPS_PER_VISIT; tap++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            boolean button = random.nextInt(3) == 0;
            FxToolkit.call(() -> {
                Robot robot = new Robot();
                Node target = pane;
                if (button) {
                    List<Node> buttons = pane.lookupAll(".button").stream().filter(Node::isVisible)
                            .filter(node -> !((Button) node).getText().isEmpty()).toList();
                    target = buttons.get((int) (x * buttons.size()));
                }
                Bounds bounds = target.localToScreen(target.getBoundsInLocal());
                double atX = button ? bounds.getCenterX() : bounds.getMinX() + 40 + x * (bounds.getWidth() - 80);
                double atY = button ? bounds.getCenterY() : bounds.getMinY() + 100 + y * (bounds.getHeight() - 200);
                robot.mouseMove(atX, atY);
                robot.mouseClick(MouseButton.PRIMARY);
                return null;
            });
            Thread.sleep(2000);
        }
        return TAPS_PER_VISIT;
    }

    /**
     * Heap at the start and end of the run, and the trend after a warm-up of a tenth of it, by least squares: of the
     * heap, and of the heap less H2's page cache, which fills up to its fixed limit by design.
     */
    private static void summary(List<long[]> rows) {
        int warm = Math.max(1, rows.size() / 10);
        List<long[]> measured = rows.subList(warm, rows.size());
        System.out.println();
        System.out.println("| minute | heap after full GC, MB | of it H2's page cache, MB |");
        System.out.println("|---:|---:|---:|");
        for (long[] row : rows) {
            if (row[0] % 10 == 0 || row == rows.get(rows.size() - 1)) {
                System.out.printf(Locale.ROOT, "| %d | %.1f | %d |%n", row[0], row[1] / 1048576.0, row[2] >> 20);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Trend after minute %d: heap %+.2f MB per hour (mean %.1f MB); heap less the page cache %+.2f MB per hour%n",
                rows.get(warm)[0], slopePerHour(measured, row -> row[1]), measured.stream().mapToDouble(row -> row[1] / 1048576.0).average().orElse(0),
                slopePerHour(measured, row -> row[1] - row[2]));
        // A cache that fills slowly to its bound lifts the whole run's slope; a leak lifts the second half's as well.
        List<long[]> secondHalf = rows.subList(rows.size() / 2, rows.size());
        System.out.printf(Locale.ROOT, "Second half, minutes %d-%d: heap %+.2f MB per hour%n", secondHalf.get(0)[0],
                secondHalf.get(secondHalf.size() - 1)[0], slopePerHour(secondHalf, row -> row[1]));
    }

    /** The least-squares slope of a value (bytes) over the minutes, in MB per hour. */
    private static double slopePerHour(List<long[]> rows, ToLongFunction<long[]> value) {
        double n = rows.size();
        double meanX = rows.stream().mapToDouble(row -> row[0]).sum() / n;
        double meanY = rows.stream().mapToDouble(row -> value.applyAsLong(row) / 1048576.0).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (long[] row : rows) {
            sxy += (row[0] - meanX) * (value.applyAsLong(row) / 1048576.0 - meanY);
            sxx += (row[0] - meanX) * (row[0] - meanX);
        }
        return sxx == 0 ? 0 : sxy / sxx * 60;
    }
}
