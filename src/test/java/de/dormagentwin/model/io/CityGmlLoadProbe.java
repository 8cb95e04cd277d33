package de.dormagentwin.model.io;

import de.dormagentwin.sample.NrwTileGenerator;
import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Measures the CityGML reader on a generated NRW-shaped tile: throughput, and the peak of the heap that is live
 * (what is in use right after each garbage collection) against the file's size. A measurement to run by hand,
 * in a JVM of its own so that nothing else shares the heap, not a test:
 *
 * <pre>
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat target/runtime.classpath) \
 *     de.dormagentwin.model.io.CityGmlLoadProbe 25000 stream|model [tile.gml]
 * </pre>
 *
 * {@code stream} reads feature by feature and drops each, as {@code twin import} does; {@code model} builds the
 * whole {@code CityModel}, as the viewer does. The tile is written first unless the file named exists.
 */
public final class CityGmlLoadProbe {
    private CityGmlLoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        int buildings = Integer.parseInt(args[0]);
        boolean stream = args[1].equals("stream");
        Path tile = args.length > 2 ? Path.of(args[2]) : Files.createTempFile("nrw-tile-", ".gml");
        if (args.length <= 2 || !Files.exists(tile)) {
            NrwTileGenerator.write(tile, buildings, 7);
        }
        double megabytes = Files.size(tile) / 1e6;
        AtomicLong peak = watchLiveHeap();
        System.gc();
        long start = System.nanoTime();
        int features = 0;
        int objects = 0;
        int vertices = 0;
        Object retained = null;
        if (stream) {
            try (CityGmlReader reader = CityGmlReader.open(tile)) {
                while (reader.hasNext()) {
                    CityFeature feature = reader.next();
                    features++;
                    objects += feature.objects().size();
                    vertices += feature.vertexCount();
                }
            }
        } else {
            var model = CityGmlReader.read(tile);
            objects = model.objects().size();
            vertices = model.vertexCount();
            features = (int) model.objects().stream().filter(object -> object.parents().isEmpty()).count();
            retained = model;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.gc();
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.2f | %.1f | %,.0f | %,d | %,d | %d | %d | %d |%n", stream ? "stream" : "model",
                features, megabytes, seconds, megabytes / seconds, features / seconds, objects, vertices, peak.get() >> 20, after >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        if (args.length <= 2) {
            Files.delete(tile);
        }
        System.out.println(retained == null ? "" : "model kept until the end: " + retained.getClass().getSimpleName());
    }

    /** The largest heap in use right after a collection so far: the live data, without the garbage between collections. */
    private static AtomicLong watchLiveHeap() {
        AtomicLong peak = new AtomicLong();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
                    peak.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        return peak;
    }
}
