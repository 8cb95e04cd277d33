package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.sample.NrwTileGenerator;
import de.dormagentwin.scene.CityLayer;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.ui.LoadingView;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A city of NRW-shaped CityGML tiles loaded as the viewer loads a folder: read and meshed tile by tile on a worker,
 * each tile added to the loading view on the FX thread. Then frames while orbiting, from above the whole city and
 * from a street-level view inside it, with culling and the level of detail on, and off as the baseline.
 */
final class ScaleBenchmark {
    private static final int FRAME_WIDTH = 1280;
    private static final int FRAME_HEIGHT = 720;
    private static final int ORBIT_FRAMES = 8;
    /** Dormagen's tiles start about here (issue 6: E 341 to 352, N 5656 to 5670). */
    private static final int FIRST_EAST_KM = 341;
    private static final int FIRST_NORTH_KM = 5658;
    /** A close view: 500 m from a point in the middle, looking across the town. */
    private static final OrbitCamera.View STREET = new OrbitCamera.View(0, 0, 0, 30, 25, 500);

    private ScaleBenchmark() {
    }

    /** What one frame measurement found: milliseconds per frame and triangles drawn. */
    private record Frames(double millis, long triangles, int nodes) {
    }

    static int run(List<Integer> sizes, int perTile, long seed) throws Exception {
        FxToolkit.start();
        SceneFactory.requireScene3D();
        System.out.printf(Locale.ROOT, "Scale benchmark: %d cores, max heap %d MB, %s %s, %d buildings a 1 km tile, frames %dx%d%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), perTile, FRAME_WIDTH, FRAME_HEIGHT);
        System.out.println();
        System.out.println("| buildings | tiles | GML MB | read MB/s | buildings/s | first frame s | fully loaded s | heap MB | mesh nodes "
                + "| overview ms | overview ms, no culling/LoD | overview triangles drawn | street ms | street ms, no culling/LoD | street triangles drawn | all LoD2 triangles |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
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

    private static void row(Path folder, int buildings, int tiles) throws Exception {
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
        long heap = BenchCommand.heapAfterGc();
        CityScene city = loading.viewport().cityScene();
        Frames overview = frames(scene, city, city.homeView(), true);
        Frames overviewPlain = frames(scene, city, city.homeView(), false);
        Frames street = frames(scene, city, STREET, true);
        Frames streetPlain = frames(scene, city, STREET, false);
        double readSeconds = readNanos.get() / 1e9;
        System.out.printf(Locale.ROOT, "| %,d | %d | %.0f | %.1f | %,.0f | %.2f | %.2f | %d | %d | %.0f | %.0f | %,d | %.0f | %.0f | %,d | %,d |%n",
                buildings, tiles, bytes.get() / 1e6, bytes.get() / 1e6 / readSeconds, buildings / readSeconds, firstFrame.get() / 1e9,
                loaded / 1e9, heap >> 20, city.city().nodeCount(), overview.millis(), overviewPlain.millis(), overview.triangles(),
                street.millis(), streetPlain.millis(), street.triangles(), prepared.meshes().triangles());
        FxToolkit.call(() -> {
            loading.getChildren().clear();
            return null;
        });
    }

    /** The mean frame time of a full orbit around the view's target in eight steps, and the triangles drawn at its start. */
    private static Frames frames(Scene scene, CityScene city, OrbitCamera.View view, boolean cullingAndDetail) throws Exception {
        return FxToolkit.call(() -> {
            CityLayer layer = city.city();
            layer.setCulling(cullingAndDetail);
            layer.setLevelOfDetail(cullingAndDetail);
            city.camera().set(view);
            scene.snapshot(null);
            long triangles = layer.visibleTriangles();
            int nodes = layer.visibleNodeCount();
            long start = System.nanoTime();
            for (int i = 0; i < ORBIT_FRAMES; i++) {
                city.camera().orbit(360.0 / ORBIT_FRAMES, 0);
                scene.snapshot(null);
            }
            return new Frames((System.nanoTime() - start) / 1e6 / ORBIT_FRAMES, triangles, nodes);
        });
    }
}
