package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityGmlReader;
import de.dormagentwin.model.io.CityModelReader;
import de.dormagentwin.sample.NrwTileGenerator;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How fast CityGML reads: one NRW-shaped tile read on one thread by the twin ({@code CityGmlReader.read}, the model
 * built; for such a tile that is the twin's own reader, not citygml4j) against a bare StAX pass over the same file
 * that pulls every event and keeps nothing, the most any StAX reader could do; then a folder of tiles read as the
 * viewer, {@code info} and {@code import} read it, on 1, 2 and all cores.
 */
final class GmlBenchmark {
    /** Dormagen's tiles start about here (issue 6: E 341 to 352, N 5656 to 5670). */
    private static final int FIRST_EAST_KM = 341;
    private static final int FIRST_NORTH_KM = 5658;

    /** Reads of each kind before the timed rounds: the JIT needs a few passes over a large tile to settle. */
    private static final int WARM_UP_ROUNDS = 2;

    private GmlBenchmark() {
    }

    static int run(int tileBuildings, int tiles, int perTile, int rounds, long seed) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        XMLInputFactory stax = XMLInputFactory.newInstance();
        System.out.printf(Locale.ROOT, "GML benchmark: %d cores, max heap %d MB, %s %s, StAX %s; best of %d rounds after %d warm-up rounds%n", cores,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                stax.getClass().getName(), rounds, WARM_UP_ROUNDS);
        System.out.println();
        Path folder = Files.createTempDirectory("twin-bench-gml");
        try {
            Path tile = NrwTileGenerator.writeTile(folder, FIRST_EAST_KM, FIRST_NORTH_KM, tileBuildings, 0, seed);
            oneTile(tile, stax, rounds);
            Files.delete(tile);
            System.out.println();
            folder(folder, tiles, perTile, rounds, seed, cores);
        } finally {
            CacheBenchmark.delete(folder);
        }
        return 0;
    }

    private static void oneTile(Path tile, XMLInputFactory stax, int rounds) throws Exception {
        double megabytes = Files.size(tile) / 1e6;
        CityModel model = null;
        long events = 0;
        // Warm-up: the reader's and the parser's code compiled before any round counts.
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            model = CityGmlReader.read(tile);
            events = bareStax(tile, stax);
        }
        long bare = Long.MAX_VALUE;
        long twin = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            // Alternating, so that whatever else the machine does falls on both alike.
            BenchCommand.heapAfterGc();
            long start = System.nanoTime();
            bareStax(tile, stax);
            bare = Math.min(bare, System.nanoTime() - start);
            BenchCommand.heapAfterGc();
            start = System.nanoTime();
            model = CityGmlReader.read(tile);
            twin = Math.min(twin, System.nanoTime() - start);
        }
        double bareRate = megabytes / (bare / 1e9);
        double twinRate = megabytes / (twin / 1e9);
        System.out.println("| one tile | buildings | objects | GML MB | StAX events | bare StAX s | bare StAX MB/s | twin s | twin MB/s | twin / bare (target 40 %) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        long buildings = model.objects().stream().filter(object -> object.parents().isEmpty()).count();
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.1f | %,d | %.2f | %.0f | %.2f | %.0f | %.0f %% |%n", tile.getFileName(), buildings,
                model.objects().size(), megabytes, events, bare / 1e9, bareRate, twin / 1e9, twinRate, 100 * twinRate / bareRate);
    }

    /** Every event of the file pulled through the JDK's StAX parser, nothing kept: the count, so none is optimised away. */
    static long bareStax(Path file, XMLInputFactory stax) throws IOException, XMLStreamException {
        long events = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader reader = stax.createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    reader.next();
                    events++;
                }
            } finally {
                reader.close();
            }
        }
        return events;
    }

    private static void folder(Path folder, int tiles, int perTile, int rounds, long seed, int cores) throws Exception {
        int columns = (int) Math.ceil(Math.sqrt(tiles));
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (int tile = 0; tile < tiles; tile++) {
            Path file = NrwTileGenerator.writeTile(folder, FIRST_EAST_KM + tile % columns, FIRST_NORTH_KM + tile / columns, perTile, tile * perTile, seed + tile);
            files.add(file);
            bytes += Files.size(file);
        }
        List<Path> ordered = TileLoader.order(files);
        TreeSet<Integer> threadCounts = new TreeSet<>(Arrays.asList(1, 2, cores));
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            readAll(ordered, OrderedReads.Limits.threads(cores));
            viewerLoad(folder, OrderedReads.Limits.threads(cores));
        }
        System.out.println("| folder of tiles | buildings | GML MB | threads | read s | MB/s | speed-up | target (0.7 x threads) | process CPU s | cores busy "
                + "| viewer's load s (read + mesh) | its speed-up | its cores busy | its CPU s | of which the loading thread's |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        double single = 0;
        double viewerSingle = 0;
        for (int threads : threadCounts) {
            long best = Long.MAX_VALUE;
            long bestCpu = 0;
            for (int round = 0; round < rounds; round++) {
                BenchCommand.heapAfterGc();
                long cpu = ScaleBenchmark.cpuNanos();
                long start = System.nanoTime();
                readAll(ordered, OrderedReads.Limits.threads(threads));
                long wall = System.nanoTime() - start;
                if (wall < best) {
                    best = wall;
                    bestCpu = ScaleBenchmark.cpuNanos() - cpu;
                }
            }
            long viewerBest = Long.MAX_VALUE;
            long viewerCpu = 0;
            long loadingThreadCpu = 0;
            for (int round = 0; round < rounds; round++) {
                BenchCommand.heapAfterGc();
                long cpu = ScaleBenchmark.cpuNanos();
                long ownCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long start = System.nanoTime();
                viewerLoad(folder, OrderedReads.Limits.threads(threads));
                long wall = System.nanoTime() - start;
                if (wall < viewerBest) {
                    viewerBest = wall;
                    viewerCpu = ScaleBenchmark.cpuNanos() - cpu;
                    loadingThreadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - ownCpu;
                }
            }
            double seconds = best / 1e9;
            double viewerSeconds = viewerBest / 1e9;
            if (threads == 1) {
                single = seconds;
                viewerSingle = viewerSeconds;
            }
            System.out.printf(Locale.ROOT, "| %d | %,d | %.1f | %d | %.2f | %.0f | %.2f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    tiles, (long) tiles * perTile, bytes / 1e6, threads, seconds, bytes / 1e6 / seconds, single / seconds, 0.7 * threads,
                    bestCpu / 1e9, bestCpu / (double) best, viewerSeconds, viewerSingle / viewerSeconds, viewerCpu / (double) viewerBest,
                    viewerCpu / 1e9, loadingThreadCpu / 1e9);
        }
    }

    /** The folder loaded as the viewer loads it: read and meshed ahead on the pool, handed on tile by tile in order. */
    private static void viewerLoad(Path folder, OrderedReads.Limits limits) throws IOException {
        SceneFactory.Prepared prepared = TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunk -> {
        }, CityModelReader::read, limits);
        if (!prepared.loaded().failures().isEmpty()) {
            throw new IOException(prepared.loaded().failures().get(0));
        }
    }

    /** The folder read as the viewer reads it: every tile to a model, handed over in order; the models are let go. */
    private static void readAll(List<Path> files, OrderedReads.Limits limits) throws IOException {
        try (OrderedReads<Path, CityModel> reads = new OrderedReads<>(files, limits, OrderedReads::fileSize, CityModelReader::read)) {
            for (int i = 0; i < files.size(); i++) {
                CityModel model = reads.next();
                if (model.objects().isEmpty()) {
                    throw new IOException(files.get(i) + ": no objects read");
                }
            }
        }
    }
}
