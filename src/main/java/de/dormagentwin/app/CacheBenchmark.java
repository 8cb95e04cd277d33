package de.dormagentwin.app;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.CacheVerifier;
import de.dormagentwin.live.store.LiveStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** {@code twin bench cache}: the measurements behind the cache's targets, each with its baseline in the same run. */
final class CacheBenchmark {
    private static final String SOURCE = "bench";
    private static final Duration STEP = Duration.ofMinutes(15);
    private static final int PAGE = 20_000;
    private static final int QUERY_RUNS = 7;
    private static final int LIVE_STEPS = 96;

    private CacheBenchmark() {
    }

    static int run(Path folder, int datastreams, int days, int naiveRows) throws Exception {
        System.out.printf(Locale.ROOT, "Cache benchmark: %d cores, max heap %d MB, %s %s; %,d datastreams x %d days of 15-minute data%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"), datastreams, days);
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        int steps = (int) (Duration.ofDays(days).toMillis() / STEP.toMillis());
        long rows = (long) steps * datastreams;

        Path cacheFolder = folder.resolve("cache");
        double ingestSeconds;
        double liveSeconds;
        double latestMillis;
        double asOfMillis;
        try (LiveStore store = LiveStore.open(cacheFolder, null)) {
            register(store, datastreams);
            // Backfill arrives stream by stream (a SensorThings page is one datastream's observations), so write
            // each stream's month in turn, in pages as a source hands them over.
            long begin = System.nanoTime();
            List<Observation> page = new ArrayList<>(PAGE);
            for (int stream = 0; stream < datastreams; stream++) {
                for (int step = 0; step < steps; step++) {
                    page.add(Observation.number(SOURCE, remoteId(stream), start.plus(STEP.multipliedBy(step)), value(stream, step)));
                    if (page.size() == PAGE) {
                        store.write(page);
                        page.clear();
                    }
                }
            }
            store.write(page);
            ingestSeconds = (System.nanoTime() - begin) / 1e9;

            // Live data arrives time step by time step, every stream once per step: one more day of it.
            begin = System.nanoTime();
            for (int step = steps; step < steps + LIVE_STEPS; step++) {
                Instant time = start.plus(STEP.multipliedBy(step));
                for (int stream = 0; stream < datastreams; stream++) {
                    page.add(Observation.number(SOURCE, remoteId(stream), time, value(stream, step)));
                }
                store.write(page);
                page.clear();
            }
            liveSeconds = (System.nanoTime() - begin) / 1e9;

            // A write between runs, untimed: H2 hands back a query's previous result while its tables are unchanged,
            // which a cache being fed never sees.
            int[] touch = {steps + LIVE_STEPS};
            Query write = () -> store.write(List.of(Observation.number(SOURCE, remoteId(0), start.plus(STEP.multipliedBy(touch[0]++)), 1)));
            latestMillis = medianMillis(() -> check(store.latest(), datastreams), write);
            Instant middle = start.plus(Duration.ofDays(days).dividedBy(2)).plusSeconds(60);
            asOfMillis = medianMillis(() -> check(store.asOf(middle), datastreams), write);
            store.close(false);
        }
        long sizeOpen = Files.size(cacheFolder.resolve("live.mv.db"));
        double scanLatestMillis = scanLatest(cacheFolder);
        LiveStore.open(cacheFolder, null).close(true);
        long sizeCompact = Files.size(cacheFolder.resolve("live.mv.db"));

        // What every command that changes the cache, and the viewer's start, now pays before it begins.
        long begin = System.nanoTime();
        CacheVerifier.Report verified = CacheVerifier.verify(cacheFolder, null);
        double verifySeconds = (System.nanoTime() - begin) / 1e9;
        if (!verified.sound()) {
            throw new IllegalStateException("the benchmark's own cache is damaged: " + verified.damage());
        }
        begin = System.nanoTime();
        try (LiveStore store = LiveStore.open(cacheFolder, null)) {
            store.stats();
        }
        double statsSeconds = (System.nanoTime() - begin) / 1e9;

        double naiveSeconds = naive(folder.resolve("naive"), datastreams, naiveRows, start);

        double rate = rows / ingestSeconds;
        double naiveRate = naiveRows / naiveSeconds;
        System.out.println("| measurement | this cache | baseline | baseline is | target |");
        System.out.println("|---|---:|---:|---|---|");
        System.out.printf(Locale.ROOT, "| backfill into the file cache, stream by stream, observations/s | %,.0f (%,d rows in %.1f s) | %,.0f (%,d rows) | auto-commit, one row per statement | 100,000 or more |%n",
                rate, rows, ingestSeconds, naiveRate, naiveRows);
        System.out.printf(Locale.ROOT, "| live ingest, one value of every stream per step, observations/s | %,.0f (%,d rows in %.1f s) | | | |%n",
                (double) LIVE_STEPS * datastreams / liveSeconds, (long) LIVE_STEPS * datastreams, liveSeconds);
        System.out.printf(Locale.ROOT, "| latest value of %,d datastreams, ms | %.1f | %.1f | MAX(time) per datastream over all observations | 50 or less |%n",
                datastreams, latestMillis, scanLatestMillis);
        System.out.printf(Locale.ROOT, "| value of all %,d as of a time T, ms | %.1f | | | 100 or less |%n", datastreams, asOfMillis);
        System.out.printf(Locale.ROOT, "| cache file, MB | %.1f after compaction | %.1f before | | |%n", sizeCompact / 1e6, sizeOpen / 1e6);
        System.out.printf(Locale.ROOT, "| verify: read every page of the compacted cache, s | %.1f (%,d pages) | %.1f | open and stats, what twin cache stats did before | |%n",
                verifySeconds, verified.pages(), statsSeconds);
        return 0;
    }

    private static void register(LiveStore store, int datastreams) throws Exception {
        for (int stream = 0; stream < datastreams; stream++) {
            store.putDatastream(new Datastream(SOURCE, remoteId(stream), null, "bench " + stream, "PM10", "bench sensor",
                    "microgram per cubic metre", "µg/m³", Classification.PUBLIC));
        }
    }

    private static String remoteId(int stream) {
        return String.format(Locale.ROOT, "ds-%04d", stream);
    }

    /** A daily cycle with a per-stream phase, so values are not constant and compress like real data. */
    private static double value(int stream, int step) {
        return Math.round((20 + 10 * Math.sin((step + stream * 7) * 2 * Math.PI / 96) + (stream % 13)) * 10) / 10.0;
    }

    private static void check(List<Latest> values, int expected) {
        if (values.size() != expected || values.stream().anyMatch(latest -> !latest.hasValue())) {
            throw new IllegalStateException("the query did not return a value for every datastream");
        }
    }

    private interface Query {
        void run() throws Exception;
    }

    private static double medianMillis(Query query, Query between) throws Exception {
        query.run();
        double[] millis = new double[QUERY_RUNS];
        for (int i = 0; i < QUERY_RUNS; i++) {
            between.run();
            long begin = System.nanoTime();
            query.run();
            millis[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(millis);
        return millis[QUERY_RUNS / 2];
    }

    /** The query a cache without a latest-value column would need: one pass over every observation. */
    private static double scanLatest(Path cacheFolder) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + cacheFolder.resolve("live").toAbsolutePath(), "twin", "");
             PreparedStatement query = connection.prepareStatement("SELECT o.datastream_id, o.result_number FROM observation o JOIN "
                     + "(SELECT datastream_id, MAX(phenomenon_time) t FROM observation WHERE phenomenon_time > ? GROUP BY datastream_id) m "
                     + "ON o.datastream_id = m.datastream_id AND o.phenomenon_time = m.t")) {
            long[] run = {0};
            return medianOf3(() -> {
                // A different (always true) bound each run, so H2 cannot hand back the previous result.
                query.setLong(1, Long.MIN_VALUE + run[0]++);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rows.getDouble(2);
                    }
                }
            });
        }
    }

    private static double medianOf3(Query query) throws Exception {
        double[] millis = new double[3];
        for (int i = 0; i < 3; i++) {
            long begin = System.nanoTime();
            query.run();
            millis[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(millis);
        return millis[1];
    }

    /** The same table and key, written the naive way: auto-commit, one statement per observation. */
    private static double naive(Path folder, int datastreams, int rows, Instant start) throws Exception {
        try (LiveStore store = LiveStore.open(folder, null)) {
            register(store, datastreams);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("live").toAbsolutePath() + ";WRITE_DELAY=0", "twin", "");
             PreparedStatement merge = connection.prepareStatement("MERGE INTO observation (datastream_id, phenomenon_time, "
                     + "result_number, fetched_at) KEY (datastream_id, phenomenon_time) VALUES (?, ?, ?, ?)")) {
            connection.setAutoCommit(true);
            long begin = System.nanoTime();
            for (int row = 0; row < rows; row++) {
                int stream = row % datastreams;
                int step = row / datastreams;
                merge.setLong(1, stream + 1);
                merge.setLong(2, start.plus(STEP.multipliedBy(step)).toEpochMilli());
                merge.setDouble(3, value(stream, step));
                merge.setLong(4, System.currentTimeMillis());
                merge.executeUpdate();
            }
            return (System.nanoTime() - begin) / 1e9;
        }
    }

    static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
