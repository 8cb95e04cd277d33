package de.dormagentwin.live.store;

import de.dormagentwin.live.Observation;
import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.ingest.IngestService;
import de.dormagentwin.live.ingest.Sink;
import de.dormagentwin.live.ingest.Source;
import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static de.dormagentwin.live.store.LiveStoreTest.pm10;
import static de.dormagentwin.live.store.LiveStoreTest.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real H2 cache on a real file on a disk that runs out of space ({@link FullDisk}: only the disk's capacity is
 * made up). The first failure says "disk full" with the path, once; what was committed stays; no file is left over.
 */
class DiskFullTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @AfterEach
    void roomAgain() {
        FullDisk.leaveFree(Long.MAX_VALUE);
    }

    @Test
    void aWriteOnAFullDiskSaysDiskFullWithThePathKeepsWhatWasCommittedAndLeavesNoFileBehind() throws Exception {
        FullDisk.leaveFree(Long.MAX_VALUE);
        LiveStore store = LiveStore.open(folder, null, CLOCK, FullDisk.PREFIX);
        register(store);
        store.write(minutes(0, 2_000));
        FullDisk.leaveFree(64 * 1024);

        CacheException full = assertThrows(CacheException.class, () -> store.write(minutes(2_000, 60_000)));
        String expected = "disk full: " + folder.resolve("live.mv.db");
        assertEquals(expected, full.getMessage());
        assertTrue(store.isDiskFull());
        CacheException later = assertThrows(CacheException.class, () -> store.lastTime("test", "box-1/pm10"));
        assertEquals(expected, later.getMessage(), "every later call says the same, not 'database closed'");
        store.close();

        FullDisk.leaveFree(Long.MAX_VALUE);
        assertEquals(List.of("live.mv.db"), files(), "no trace file, no temporary file");
        try (LiveStore again = LiveStore.open(folder, null, CLOCK)) {
            long kept = again.stats().observations();
            assertTrue(kept >= 2_000 && kept < 60_000, "the committed batches are kept: " + kept);
            assertEquals(kept, again.series(again.latest().get(0).datastreamId(), Instant.EPOCH, Instant.now(), 1).get(0).count());
        }
    }

    @Test
    void theIngestServiceReportsTheFullDiskOnceInItsLogAndStatus() throws Exception {
        FullDisk.leaveFree(Long.MAX_VALUE);
        LiveStore store = LiveStore.open(folder, null, CLOCK, FullDisk.PREFIX);
        register(store);
        store.write(minutes(0, 1_000));
        FullDisk.leaveFree(64 * 1024);
        LogCapture logs = new LogCapture();
        Source source = new Source() {
            private int next = 1_000;

            @Override
            public String name() {
                return "test";
            }

            @Override
            public void fetch(Sink sink) throws IOException {
                sink.lastTime("box-1/pm10");
                sink.observations(minutes(next, next + 20_000));
                next += 20_000;
            }
        };
        try (IngestService service = new IngestService(store, List.of(source), Duration.ofSeconds(1), Duration.ofMillis(1), CLOCK)) {
            assertFalse(service.runOnce());
            assertFalse(service.runOnce());
            SourceStatus status = service.statuses().get(0);
            assertEquals("disk full: " + folder.resolve("live.mv.db"), status.problem());
        }
        logs.close();
        assertEquals(List.of("test: disk full: " + folder.resolve("live.mv.db") + "; retrying, everything cached so far is kept"), logs.messages());
        store.close();
        FullDisk.leaveFree(Long.MAX_VALUE);
        assertEquals(List.of("live.mv.db"), files());
        try (LiveStore again = LiveStore.open(folder, null, CLOCK)) {
            assertTrue(again.stats().observations() >= 1_000, "what was committed before is kept");
        }
    }

    @Test
    void aCompactionWithoutRoomKeepsTheCacheAsItWasAndRemovesItsPartialCopy() throws Exception {
        FullDisk.leaveFree(Long.MAX_VALUE);
        try (LiveStore store = LiveStore.open(folder, null, CLOCK, FullDisk.PREFIX)) {
            register(store);
            store.write(minutes(0, 20_000));
        }
        // Compacted already: the copy SHUTDOWN COMPACT writes needs about the file's size, and nothing in the
        // file can be given back first.
        LiveStore store = LiveStore.open(folder, null, CLOCK, FullDisk.PREFIX);
        FullDisk.leaveFree(64 * 1024);
        assertTrue(Files.size(folder.resolve("live.mv.db")) > 4 * 64 * 1024);

        CacheException error = assertThrows(CacheException.class, store::close);
        assertTrue(error.getMessage().contains(folder.resolve("live.mv.db").toString()) && error.getMessage().contains("disk full"),
                error.getMessage());
        FullDisk.leaveFree(Long.MAX_VALUE);
        assertEquals(List.of("live.mv.db"), files(), "the compaction's partial copy is gone");
        try (LiveStore again = LiveStore.open(folder, null, CLOCK)) {
            assertEquals(20_000, again.stats().observations());
        }
    }

    private static List<Observation> minutes(int from, int to) {
        List<Observation> observations = new ArrayList<>();
        for (int minute = from; minute < to; minute++) {
            observations.add(pm10(minute, minute % 89));
        }
        return observations;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
