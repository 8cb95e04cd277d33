package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.sample.NrwTileGenerator;
import de.dormagentwin.scene.CityLayer;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.ui.LoadingView;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.MouseEvent;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A city of NRW-shaped CityGML tiles loaded as the viewer loads a folder: read and meshed on every core, each tile
 * added to the loading view on the FX thread in order. Then frames while orbiting, from above the whole city and
 * from a street-level view inside it, with culling and the level of detail on, and off as the baseline.
 */
final class ScaleBenchmark {
    private static final int FRAME_WIDTH = 1280;
    private static final int FRAME_HEIGHT = 720;
    private static final int ORBIT_FRAMES = 8;
    /** Orbits per view and mode, alternating with the other modes: the median goes into the table. */
    private static int rounds = 3;
    /** Pointer moves per mode for the picking time. */
    private static final int PICKS = 20;
    /** Dormagen's tiles start about here (issue 6: E 341 to 352, N 5656 to 5670). */
    private static final int FIRST_EAST_KM = 341;
    private static final int FIRST_NORTH_KM = 5658;
    /** A close view: 500 m from a point in the middle, looking across the town. */
    private static final OrbitCamera.View STREET = new OrbitCamera.View(0, 0, 0, 30, 25, 500);
    /** Looking east, low, from 20 km east of the middle: the whole city lies behind the camera. */
    private static final OrbitCamera.View AWAY = new OrbitCamera.View(20_000, 0, 0, 90, 10, 300);

    private ScaleBenchmark() {
    }

    /**
     * What one orbit found, per frame: wall-clock milliseconds, this process's CPU milliseconds (all its threads,
     * Mesa's renderer among them: less disturbed by other work on the machine than wall time), triangles drawn.
     */
    private record Frames(double millis, double cpuMillis, double fxThreadMillis, double renderThreadMillis, long triangles) {
    }

    /**
     * CPU milliseconds of JavaFX's render thread, which draws the scene through OpenGL: the scene graph's Java side and
     * the driver, and on Mesa the vertex work of its software renderer too (its rasterizer runs on threads of its own).
     */
    private static long renderThreadNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("QuantumRenderer"))
                .mapToLong(thread -> Math.max(0, threads.getThreadCpuTime(thread.threadId()))).sum();
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static int run(List<Integer> sizes, int perTile, long seed, int orbitsPerMode) throws Exception {
        rounds = orbitsPerMode;
        FxToolkit.start();
        SceneFactory.requireScene3D();
        System.out.printf(Locale.ROOT, "Scale benchmark: %d cores, max heap %d MB, %s %s, %d buildings a 1 km tile, frames %dx%d, %d orbits a mode%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), perTile, FRAME_WIDTH, FRAME_HEIGHT, rounds);
        System.out.println();
        System.out.println("| buildings | tiles | GML MB | read MB/s | buildings/s | first frame s | fully loaded s | heap MB | mesh nodes "
                + "| overview ms | overview CPU ms | overview FX thread CPU ms | overview render thread CPU ms | overview CPU ms, no culling/LoD | overview triangles drawn "
                + "| street ms | street CPU ms | street CPU ms, culling only | street CPU ms, no culling/LoD | street triangles drawn | all LoD2 triangles "
                + "| CPU ms without the city | CPU ms, city behind the camera, culled | the same, not culled | street pick ms | street pick ms, no culling/LoD |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        // A first small folder, not reported: the reader, mesher and renderer are compiled and warm for the rows.
        Path warmUp = Files.createTempDirectory("twin-bench-scale");
        try {
            writeTiles(warmUp, perTile, perTile, seed);
            load(warmUp);
        } finally {
            CacheBenchmark.delete(warmUp);
        }
        for (int buildings : sizes) {
            Path folder = Files.createTempDirectory("twin-bench-scale");
            try {
                int tiles = writeTiles(folder, buildings, perTile, seed);
                row(folder, buildings, tiles);
            } finally {
                CacheBenchmark.delete(folder);
            }
        }
        return 0;
    }

    /** A near-square block of 1 km tiles, {@code perTile} buildings each (the last one the rest). */
    private static int writeTiles(Path folder, int buildings, int perTile, long seed) throws IOException {
        int tiles = (buildings + perTile - 1) / perTile;
        int columns = (int) Math.ceil(Math.sqrt(tiles));
        for (int tile = 0; tile < tiles; tile++) {
            int count = Math.min(perTile, buildings - tile * perTile);
            NrwTileGenerator.writeTile(folder, FIRST_EAST_KM + tile % columns, FIRST_NORTH_KM + tile / columns, count, tile * perTile, seed + tile);
        }
        return tiles;
    }

    /** A folder loaded as the viewer loads it, with the times it took. */
    private record Loaded(LoadingView view, Scene scene, SceneFactory.Prepared prepared, long firstFrameNanos, long loadedNanos,
                          long readNanos, long bytes) {
    }

    private static Loaded load(Path folder) throws Exception {
        BenchCommand.heapAfterGc();
        LoadingView loading = FxToolkit.call(() -> new LoadingView("Loading"));
        Scene scene = FxToolkit.call(() -> new Scene(loading, FRAME_WIDTH, FRAME_HEIGHT));
        AtomicLong firstFrame = new AtomicLong();
        AtomicLong readNanos = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        SceneFactory.Prepared prepared = TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunk -> {
            readNanos.addAndGet(chunk.readNanos());
            try {
                bytes.addAndGet(Files.size(chunk.file()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Platform.runLater(() -> {
                if (chunk.meshes() != null) {
                    loading.add(chunk.meshes());
                }
                loading.showProgress(chunk.done(), chunk.total(), 0);
                if (firstFrame.get() == 0) {
                    scene.snapshot(null);
                    firstFrame.set(System.nanoTime() - start);
                }
            });
        });
        // Runs after every chunk queued before it: the whole city is in the scene.
        FxToolkit.call(() -> scene.snapshot(null));
        long loaded = System.nanoTime() - start;
        if (!prepared.loaded().failures().isEmpty()) {
            throw new IllegalStateException("tiles failed to load: " + prepared.loaded().failures());
        }
        return new Loaded(loading, scene, prepared, firstFrame.get(), loaded, readNanos.get(), bytes.get());
    }

    private static void row(Path folder, int buildings, int tiles) throws Exception {
        Loaded loaded = load(folder);
        long heap = BenchCommand.heapAfterGc();
        CityScene city = loaded.view().viewport().cityScene();
        Frames[] overview = frames(loaded.scene(), city, city.homeView(), Mode.BOTH, Mode.NEITHER);
        Frames[] street = frames(loaded.scene(), city, STREET, Mode.BOTH, Mode.CULLING_ONLY, Mode.NEITHER);
        Frames empty = withoutCity(loaded.scene(), city);
        // Whether JavaFX leaves meshes behind the camera out by itself: the city behind, with culling and without.
        frames(loaded.scene(), city, AWAY, Mode.BOTH, 0);
        Frames awayCulled = frames(loaded.scene(), city, AWAY, Mode.BOTH, 0);
        Frames awayDrawn = frames(loaded.scene(), city, AWAY, Mode.NEITHER, 0);
        double[] picks = picks(loaded.scene(), city, STREET, Mode.BOTH, Mode.NEITHER);
        double readSeconds = loaded.readNanos() / 1e9;
        System.out.printf(Locale.ROOT, "| %,d | %d | %.0f | %.1f | %,.0f | %.2f | %.2f | %d | %d | %.0f | %.0f | %.1f | %.0f | %.0f | %,d | %.0f | %.0f | %.0f | %.0f | %,d | %,d | %.0f | %.0f | %.0f | %.1f | %.1f |%n",
                buildings, tiles, loaded.bytes() / 1e6, loaded.bytes() / 1e6 / readSeconds, buildings / readSeconds, loaded.firstFrameNanos() / 1e9,
                loaded.loadedNanos() / 1e9, heap >> 20, city.city().nodeCount(), overview[0].millis(), overview[0].cpuMillis(),
                overview[0].fxThreadMillis(), overview[0].renderThreadMillis(), overview[1].cpuMillis(),
                overview[0].triangles(), street[0].millis(), street[0].cpuMillis(), street[1].cpuMillis(), street[2].cpuMillis(), street[0].triangles(),
                loaded.prepared().meshes().triangles(), empty.cpuMillis(), awayCulled.cpuMillis(), awayDrawn.cpuMillis(),
                picks[0], picks[1]);
        FxToolkit.call(() -> {
            loaded.view().getChildren().clear();
            return null;
        });
    }

    /** The frame's cost without the city: sky, ground, the overlay and the read-back of the snapshot, from the street view. */
    private static Frames withoutCity(Scene scene, CityScene city) throws Exception {
        FxToolkit.call(() -> {
            city.city().node().setVisible(false);
            return null;
        });
        orbit(scene, city, STREET, Mode.BOTH);
        Frames frames = orbit(scene, city, STREET, Mode.BOTH);
        FxToolkit.call(() -> {
            city.city().node().setVisible(true);
            return null;
        });
        return frames;
    }

    /**
     * How long the pointer takes to answer in each mode: the scene is shown in a window, the pointer moved through
     * the X server to {@link #PICKS} places over the city, and each time the milliseconds until the move reaches
     * the scene, which has then picked the node and triangle under it (JavaFX does that on every move, on the FX
     * thread, testing every triangle of every mesh the ray's path crosses). The median of each mode.
     */
    private static double[] picks(Scene scene, CityScene city, OrbitCamera.View view, Mode... modes) throws Exception {
        Stage window = FxToolkit.call(() -> {
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            stage.setScene(scene);
            stage.show();
            return stage;
        });
        AtomicLong arrived = new AtomicLong();
        EventHandler<MouseEvent> filter = event -> arrived.set(System.nanoTime());
        double[] medians = new double[modes.length];
        try {
            FxToolkit.call(() -> {
                scene.addEventFilter(MouseEvent.MOUSE_MOVED, filter);
                return null;
            });
            for (int mode = 0; mode < modes.length; mode++) {
                Mode chosen = modes[mode];
                FxToolkit.call(() -> {
                    city.city().setCulling(chosen.culling());
                    city.city().setLevelOfDetail(chosen.levelOfDetail());
                    city.camera().set(view);
                    return null;
                });
                Thread.sleep(500);
                long[] times = new long[PICKS];
                for (int pick = 0; pick < PICKS; pick++) {
                    double x = scene.getWindow().getX() + scene.getX() + FRAME_WIDTH * (0.2 + 0.6 * (pick % 5) / 4.0) + mode;
                    double y = scene.getWindow().getY() + scene.getY() + FRAME_HEIGHT * (0.35 + 0.45 * (pick / 5) / 3.0);
                    arrived.set(0);
                    long start = FxToolkit.call(() -> {
                        long now = System.nanoTime();
                        new Robot().mouseMove(x, y);
                        return now;
                    });
                    long deadline = start + 5_000_000_000L;
                    while (arrived.get() == 0 && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    times[pick] = arrived.get() == 0 ? Long.MAX_VALUE : arrived.get() - start;
                    Thread.sleep(100);
                }
                Arrays.sort(times);
                medians[mode] = times[PICKS / 2] / 1e6;
            }
        } finally {
            FxToolkit.call(() -> {
                scene.removeEventFilter(MouseEvent.MOUSE_MOVED, filter);
                window.hide();
                return null;
            });
        }
        return medians;
    }

    /** What the city does to save work: cull tiles out of view, show far tiles as blocks, both, or neither. */
    private record Mode(boolean culling, boolean levelOfDetail) {
        static final Mode BOTH = new Mode(true, true);
        static final Mode CULLING_ONLY = new Mode(true, false);
        static final Mode NEITHER = new Mode(false, false);
    }

    /**
     * Frames of a view in each mode: a warm-up orbit each, then {@link #rounds} orbits each, taking turns, so that
     * the machine's noise falls on all alike; the median of each, in the modes' order.
     */
    private static Frames[] frames(Scene scene, CityScene city, OrbitCamera.View view, Mode... modes) throws Exception {
        for (Mode mode : modes) {
            orbit(scene, city, view, mode);
        }
        Frames[][] orbits = new Frames[modes.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int mode = 0; mode < modes.length; mode++) {
                orbits[mode][round] = orbit(scene, city, view, modes[mode]);
            }
        }
        Frames[] medians = new Frames[modes.length];
        for (int mode = 0; mode < modes.length; mode++) {
            Frames[] sorted = orbits[mode].clone();
            Arrays.sort(sorted, Comparator.comparingDouble(Frames::cpuMillis));
            medians[mode] = sorted[rounds / 2];
        }
        return medians;
    }

    /** The mean frame time of a full orbit around the view's target in eight steps, and the triangles drawn at its start. */
    private static Frames orbit(Scene scene, CityScene city, OrbitCamera.View view, Mode mode) throws Exception {
        return frames(scene, city, view, mode, 360.0 / ORBIT_FRAMES);
    }

    /** The mean of {@link #ORBIT_FRAMES} frames, the camera turning {@code stepDegrees} before each. */
    private static Frames frames(Scene scene, CityScene city, OrbitCamera.View view, Mode mode, double stepDegrees) throws Exception {
        return FxToolkit.call(() -> {
            CityLayer layer = city.city();
            layer.setCulling(mode.culling());
            layer.setLevelOfDetail(mode.levelOfDetail());
            city.camera().set(view);
            scene.snapshot(null);
            long triangles = layer.visibleTriangles();
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            long fxStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long renderStart = renderThreadNanos();
            for (int i = 0; i < ORBIT_FRAMES; i++) {
                city.camera().orbit(stepDegrees, 0);
                scene.snapshot(null);
            }
            double fxMillis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - fxStart) / 1e6 / ORBIT_FRAMES;
            double renderMillis = (renderThreadNanos() - renderStart) / 1e6 / ORBIT_FRAMES;
            return new Frames((System.nanoTime() - start) / 1e6 / ORBIT_FRAMES, (cpuNanos() - cpuStart) / 1e6 / ORBIT_FRAMES, fxMillis, renderMillis, triangles);
        });
    }
}
