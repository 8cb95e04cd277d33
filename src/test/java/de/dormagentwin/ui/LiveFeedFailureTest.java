package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read the feed runs for the screen that fails in a way no one planned for (here: the cache closed under it) is
 * logged with its cause, and the screen hears why nothing came: the executor would otherwise keep the failure in a
 * future that no one reads, and the time bar or the export would wait for good. Answers go to the test's thread here,
 * as they would go to the FX thread.
 */
class LiveFeedFailureTest {
    /** Long enough for any machine to run one read: only a hang waits this long. */
    private static final long HANG_GUARD_SECONDS = 60;

    @TempDir
    Path folder;

    private static List<LogRecord> logged(LogCapture logs, String prefix) {
        return logs.records().stream().filter(record -> record.getMessage().startsWith(prefix)).toList();
    }

    private static void assertLoggedOnceWithItsCause(LogCapture logs, String prefix) {
        List<LogRecord> records = logged(logs, prefix);
        assertEquals(1, records.size(), logs.messages().toString());
        assertEquals(Level.SEVERE, records.get(0).getLevel());
        assertInstanceOf(RuntimeException.class, records.get(0).getThrown());
    }

    @Test
    void theEarliestTimeOfABrokenCacheIsLoggedAndTheScreenToldWhy() throws Exception {
        LiveStore store = LiveStore.open(folder, null);
        try (LogCapture logs = new LogCapture(); BackgroundWork work = new BackgroundWork("test-work", 2, Runnable::run);
             LiveFeed feed = new LiveFeed(store, Duration.ofHours(1), work)) {
            store.close();
            CompletableFuture<String> told = new CompletableFuture<>();
            feed.earliest(time -> told.completeExceptionally(new AssertionError("a time from a closed cache: " + time)), told::complete);

            assertFalse(told.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).isBlank());
            assertLoggedOnceWithItsCause(logs, "history: ");
        }
    }

    @Test
    void historyFromABrokenCacheIsLoggedAndTheScreenToldWhy() throws Exception {
        LiveStore store = LiveStore.open(folder, null);
        try (LogCapture logs = new LogCapture(); BackgroundWork work = new BackgroundWork("test-work", 2, Runnable::run);
             LiveFeed feed = new LiveFeed(store, Duration.ofHours(1), work)) {
            store.close();
            CompletableFuture<String> told = new CompletableFuture<>();
            feed.history(Instant.now().minus(Duration.ofHours(1)),
                    past -> told.completeExceptionally(new AssertionError("values from a closed cache: " + past)), told::complete);

            assertFalse(told.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).isBlank());
            assertLoggedOnceWithItsCause(logs, "history: ");
        }
    }

    /** The export asks for the series of a stream the feed shows; the cache breaks before it answers. */
    @Test
    void seriesFromABrokenCacheAreLoggedAndTheExportToldWhy() throws Exception {
        Instant now = Instant.now();
        LiveStore store = LiveStore.open(folder, null);
        store.putThing(new Thing("test", "box-7", "Box 7", "", Map.of(), "house-b", Double.NaN, Double.NaN));
        long id = store.putDatastream(new Datastream("test", "box-7/pm10", "box-7", "PM10, box 7", "PM10 concentration", "SDS011",
                "microgram per cubic metre", "µg/m³", Classification.PUBLIC));
        store.write(List.of(Observation.number("test", "box-7/pm10", now.minus(Duration.ofMinutes(5)), 23.5)));
        try (LogCapture logs = new LogCapture(); BackgroundWork work = new BackgroundWork("test-work", 2, Runnable::run);
             LiveFeed feed = new LiveFeed(store, Duration.ofHours(1), work)) {
            // The feed's first poll runs before any read asked for after it: then it knows the stream.
            CompletableFuture<Integer> known = new CompletableFuture<>();
            feed.seriesOf(List.of(id), now.minus(Duration.ofHours(1)), now, 10, all -> known.complete(all.size()),
                    problem -> known.completeExceptionally(new AssertionError(problem)));
            assertEquals(1, known.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            store.close();
            CompletableFuture<String> told = new CompletableFuture<>();
            feed.seriesOf(List.of(id), now.minus(Duration.ofHours(1)), now, 10,
                    all -> told.completeExceptionally(new AssertionError("series from a closed cache: " + all)), told::complete);

            assertFalse(told.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).isBlank());
            assertLoggedOnceWithItsCause(logs, "series: ");
        }
    }
}
