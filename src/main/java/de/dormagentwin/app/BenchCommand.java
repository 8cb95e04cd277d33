package de.dormagentwin.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.sample.SyntheticCity;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.MeshBuilder;
import de.dormagentwin.ui.CityViewport;
import javafx.scene.Scene;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code twin bench ...}: benchmarks that print a table for BENCHMARKS.md. */
@Command(name = "bench", description = "Run a benchmark and print its table.", subcommands = {BenchCommand.Load.class, BenchCommand.Cache.class, BenchCommand.Overlay.class, BenchCommand.Soak.class, BenchCommand.Scale.class,
        BenchCommand.Latency.class, BenchCommand.Gml.class, BenchCommand.Shadow.class, BenchCommand.CastShadows.class})
final class BenchCommand implements Runnable {
    /** Collects garbage until the heap stops shrinking and returns the bytes in use. */
    static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used - (1 << 20)) {
                return now;
            }
            used = now;
        }
        return used;
    }

    @Override
    public void run() {
        System.err.println("twin bench: name a benchmark: load, cache, overlay, soak, scale, latency, gml, shadow or cast-shadows");
    }

    /**
     * Loads synthetic LoD2 cities of growing size from CityJSONSeq into merged meshes, and in the same run the two
     * baselines: Jackson's readTree of the whole file, and one MeshView per building.
     */
    @Command(name = "load", description = "CityJSONSeq to meshes for 1k..100k LoD2 buildings, against readTree and one MeshView per building.")
    static final class Load implements Callable<Integer> {
        @Option(names = "--sizes", split = ",", defaultValue = "1000,10000,50000,100000", description = "Building counts (default ${DEFAULT-VALUE}).")
        List<Integer> sizes;

        @Option(names = "--seed", defaultValue = "7")
        long seed;

        private static final int FRAME_WIDTH = 1280;
        private static final int FRAME_HEIGHT = 720;
        private static final int ORBIT_FRAMES = 8;

        @Override
        public Integer call() throws Exception {
            // MeshViews are only real with the toolkit running on a 3D pipeline (Xvfb and Mesa will do).
            FxToolkit.start();
            SceneFactory.requireScene3D();
            System.out.printf(Locale.ROOT, "Load benchmark: %d cores, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
            System.out.println();
            System.out.println("| buildings | file MB | parse s | triangulate+mesh s | total s | triangles | heap after load MB | mesh nodes | first frame s | orbit frame ms "
                    + "| readTree s | readTree heap MB | per-building mesh s | per-building nodes | per-building first frame s | per-building orbit frame ms |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int buildings : sizes) {
                Path file = Files.createTempFile("twin-bench-" + buildings + "-", ".city.jsonl");
                try {
                    SyntheticCity.write(file, buildings, seed);
                    row(file, buildings);
                } finally {
                    Files.delete(file);
                }
            }
            return 0;
        }

        private void row(Path file, int buildings) throws Exception {
            heapAfterGc();
            long start = System.nanoTime();
            CityModel model = CityJsonReader.read(file);
            long parsed = System.nanoTime();
            CityScene merged = FxToolkit.call(() -> new CityScene(MeshBuilder.build(List.of(model), LodChoice.HIGHEST)));
            long meshed = System.nanoTime();
            long heap = heapAfterGc();
            Frames mergedFrames = frames(merged);
            long triangles = merged.city().meshes().triangles();
            int mergedNodes = merged.city().nodeCount();
            merged = null;

            heapAfterGc();
            long treeStart = System.nanoTime();
            List<JsonNode> trees = readTrees(file);
            long treeEnd = System.nanoTime();
            long treeHeap = heapAfterGc();
            trees.clear();

            long perObjectStart = System.nanoTime();
            CityMeshes perObjectMeshes = PerObjectMeshes.of(MeshBuilder.build(List.of(model), LodChoice.HIGHEST));
            CityScene perObject = FxToolkit.call(() -> new CityScene(perObjectMeshes));
            long perObjectEnd = System.nanoTime();
            Frames perObjectFrames = frames(perObject);

            System.out.printf(Locale.ROOT, "| %,d | %.1f | %.2f | %.2f | %.2f | %,d | %d | %d | %.2f | %.0f | %.2f | %d | %.2f | %,d | %.2f | %.0f |%n",
                    buildings, Files.size(file) / 1e6, seconds(parsed - start), seconds(meshed - parsed), seconds(meshed - start),
                    triangles, heap >> 20, mergedNodes, mergedFrames.first, mergedFrames.orbitMillis,
                    seconds(treeEnd - treeStart), treeHeap >> 20,
                    seconds(perObjectEnd - perObjectStart), perObject.city().nodeCount(), perObjectFrames.first, perObjectFrames.orbitMillis);
        }

        /** Seconds to the first frame (meshes and textures uploaded) and the mean frame time of a short orbit. */
        private record Frames(double first, double orbitMillis) {
        }

        private static Frames frames(CityScene city) throws Exception {
            return FxToolkit.call(() -> {
                Scene scene = new Scene(new CityViewport(city), FRAME_WIDTH, FRAME_HEIGHT);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                long start = System.nanoTime();
                scene.snapshot(null);
                long first = System.nanoTime();
                for (int i = 0; i < ORBIT_FRAMES; i++) {
                    city.camera().orbit(360.0 / ORBIT_FRAMES, 0);
                    scene.snapshot(null);
                }
                long orbit = System.nanoTime();
                return new Frames(seconds(first - start), (orbit - first) / 1e6 / ORBIT_FRAMES);
            });
        }


        private static List<JsonNode> readTrees(Path file) throws IOException {
            ObjectMapper mapper = new ObjectMapper();
            List<JsonNode> trees = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file); JsonParser parser = mapper.createParser(in)) {
                while (parser.nextToken() != null) {
                    trees.add(mapper.readTree(parser));
                }
            }
            return trees;
        }

        private static double seconds(long nanos) {
            return nanos / 1e9;
        }
    }

    /**
     * Fills a file cache with 30 days of 15-minute data for 2,000 datastreams and measures ingest against a naive
     * baseline (auto-commit, one row per statement), the viewer's two queries against scanning the observations,
     * and the file's size.
     */
    @Command(name = "cache", description = "Cache ingest throughput, latest and as-of queries, size on disk; against naive baselines.")
    static final class Cache implements Callable<Integer> {
        @Option(names = "--datastreams", defaultValue = "2000", description = "Datastreams (default ${DEFAULT-VALUE}).")
        int datastreams;

        @Option(names = "--days", defaultValue = "30", description = "Days of 15-minute data (default ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--naive-rows", defaultValue = "20000", description = "Rows for the auto-commit baseline (default ${DEFAULT-VALUE}).")
        int naiveRows;

        @Override
        public Integer call() throws Exception {
            Path folder = Files.createTempDirectory("twin-bench-cache");
            try {
                return CacheBenchmark.run(folder, datastreams, days, naiveRows);
            } finally {
                CacheBenchmark.delete(folder);
            }
        }
    }

    @Command(name = "overlay", description = "Recolour every object of a synthetic city by value: palette texture against rewriting faces.")
    static final class Overlay implements Callable<Integer> {
        @Option(names = "--buildings", defaultValue = "50000", description = "Buildings (default ${DEFAULT-VALUE}).")
        int buildings;

        @Override
        public Integer call() throws Exception {
            return OverlayBenchmark.run(buildings);
        }
    }

    @Command(name = "soak", description = "The kiosk left running: attract tour, scripted taps, simulator at 100x; heap after full GC each minute.")
    static final class Soak implements Callable<Integer> {
        @Option(names = "--minutes", defaultValue = "120", description = "How long (default ${DEFAULT-VALUE}).")
        int minutes;

        @Option(names = "--speed", defaultValue = "100", description = "Simulated time per real time (default ${DEFAULT-VALUE}).")
        double speed;

        @Option(names = "--csv", defaultValue = "soak.csv", description = "Where each minute's row goes (default ${DEFAULT-VALUE}).")
        Path csv;

        @Override
        public Integer call() throws Exception {
            return SoakBenchmark.run(minutes, speed, csv);
        }
    }

    @Command(name = "scale", description = "A folder of NRW-shaped CityGML tiles loaded tile by tile; orbit frames with and without culling and LoD.")
    static final class Scale implements Callable<Integer> {
        @Option(names = "--sizes", split = ",", defaultValue = "10000,50000,100000", description = "Building counts (default ${DEFAULT-VALUE}).")
        List<Integer> sizes;

        @Option(names = "--per-tile", defaultValue = "2500", description = "Buildings in each 1 km tile (default ${DEFAULT-VALUE}).")
        int perTile;

        @Option(names = "--seed", defaultValue = "7")
        long seed;

        @Option(names = "--rounds", defaultValue = "3", description = "Orbits per view and mode, the median reported (default ${DEFAULT-VALUE}); 1 for a million buildings on a CPU.")
        int rounds;

        @Override
        public Integer call() throws Exception {
            if (rounds < 1 || perTile < 1 || sizes.stream().anyMatch(size -> size < 1)) {
                System.err.println("twin bench scale: --sizes, --per-tile and --rounds must be at least 1");
                return 2;
            }
            return ScaleBenchmark.run(sizes, perTile, seed, rounds);
        }
    }

    @Command(name = "latency", description = "From an MQTT publish to the object's new colour in the scene graph: in the viewer's process, "
            + "through the cache service, against the 500 ms poll.")
    static final class Latency implements Callable<Integer> {
        @Option(names = "--publishes", defaultValue = "" + LatencyBenchmark.DEFAULT_PUBLISHES, description = "Publishes per case (default ${DEFAULT-VALUE}).")
        int publishes;

        @Override
        public Integer call() throws Exception {
            if (publishes < 1) {
                System.err.println("twin bench latency: --publishes must be at least 1, not " + publishes);
                return 2;
            }
            return LatencyBenchmark.run(publishes);
        }
    }

    @Command(name = "cast-shadows", description = "Cast shadows on the sample: a CPU shadow map drawn as a film and a ground image, against shadow polygons.")
    static final class CastShadows implements Callable<Integer> {
        @Option(names = "--district", defaultValue = "Dormagen-Mitte", description = "The district whose centre the squares lie around (default ${DEFAULT-VALUE}).")
        String district;

        @Override
        public Integer call() throws Exception {
            return CastShadowBenchmark.run(district);
        }
    }

    @Command(name = "gml", description = "One NRW-shaped CityGML tile read by the twin against a bare StAX pass; a folder of tiles read on 1, 2 and all cores.")
    static final class Gml implements Callable<Integer> {
        @Option(names = "--tile-buildings", defaultValue = "10000", description = "Buildings in the single tile (default ${DEFAULT-VALUE}).")
        int tileBuildings;

        @Option(names = "--tiles", defaultValue = "40", description = "Tiles in the folder (default ${DEFAULT-VALUE}).")
        int tiles;

        @Option(names = "--per-tile", defaultValue = "500", description = "Buildings in each tile of the folder (default ${DEFAULT-VALUE}).")
        int perTile;

        @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds of each case, the best reported (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--seed", defaultValue = "7")
        long seed;

        @Override
        public Integer call() throws Exception {
            if (tileBuildings < 1 || tiles < 1 || perTile < 1 || rounds < 1) {
                System.err.println("twin bench gml: --tile-buildings, --tiles, --per-tile and --rounds must be at least 1");
                return 2;
            }
            return GmlBenchmark.run(tileBuildings, tiles, perTile, rounds, seed);
        }
    }

    @Command(name = "shadow", description = "Sun hours on a square kilometre of the sample at 2 m cells over 21 March, against a naive "
            + "ray-per-triangle baseline; single shadow maps over 2 km x 2 km.")
    static final class Shadow implements Callable<Integer> {
        @Option(names = "--rounds", defaultValue = "2", description = "Timed rounds after a warm-up, the best reported (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--baseline-cells", defaultValue = "100", description = "Cells the naive baseline computes, "
                + "to extrapolate from (default ${DEFAULT-VALUE}).")
        int baselineCells;

        @Option(names = "--seed", defaultValue = "7")
        long seed;

        @Override
        public Integer call() throws Exception {
            if (rounds < 1 || baselineCells < 1) {
                System.err.println("twin bench shadow: --rounds and --baseline-cells must be at least 1");
                return 2;
            }
            return ShadowBenchmark.run(rounds, baselineCells, seed);
        }
    }
}
