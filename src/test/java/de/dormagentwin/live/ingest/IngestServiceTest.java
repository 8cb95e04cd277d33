package de.dormagentwin.live.ingest;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path folder;

    private LiveStore store;
    private final LogCapture logs = new LogCapture();
    private final List<String> log = logs.messages();
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void openCache() throws Exception {
        store = LiveStore.open(folder, null, clock);
    }

    @AfterEach
    void closeCache() throws Exception {
        logs.close();
        store.close();
    }

    /** A source that answers or fails as the test says, with one observation a fetch when it answers. */
    private static final class Switchable implements Source {
        boolean up = true;
        int fetches;
        /** The thread of the last fetch: in the background, the service's own. */
        volatile Thread fetchedOn;

        @Override
        public String name() {
            return "switchable";
        }

        @Override
        public void fetch(Sink sink) throws IOException {
            fetchedOn = Thread.currentThread();
            if (!up) {
                throw new IOException("GET http://127.0.0.1:9/v1.1/Things: cannot connect");
            }
            sink.datastream(new Datastream(name(), "d", null, "D", "PM10", "s", "", "µg/m³", Classification.PUBLIC));
            sink.observations(List.of(Observation.number(name(), "d", NOW.plusSeconds(60L * fetches++), fetches)));
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSourceThatFailsRetriesThenGoesOfflineSinceItsFirstFailureAndKeepsTheCache() throws Exception {
        Switchable source = new Switchable();
        IngestService service = new IngestService(store, List.of(source), Duration.ofSeconds(30), Duration.ofSeconds(2), clock);
        assertEquals(SourceStatus.State.STARTING, service.statuses().get(0).state());
        assertTrue(service.runOnce());
        assertEquals(SourceStatus.State.LIVE, service.statuses().get(0).state());

        source.up = false;
        clock.now = NOW.plusSeconds(100);
        assertFalse(service.runOnce());
        SourceStatus retrying = service.statuses().get(0);
        assertEquals(SourceStatus.State.RETRYING, retrying.state());
        assertEquals(NOW.plusSeconds(100), retrying.since());
        assertTrue(retrying.problem().contains("cannot connect"), retrying.problem());

        clock.now = NOW.plusSeconds(200);
        assertFalse(service.runOnce());
        clock.now = NOW.plusSeconds(300);
        assertFalse(service.runOnce());
        SourceStatus offline = service.statuses().get(0);
        assertEquals(SourceStatus.State.OFFLINE, offline.state());
        assertEquals(NOW.plusSeconds(100), offline.since(), "offline since the first failure of the streak");
        assertEquals(NOW, offline.lastSuccess());
        assertEquals(1, log.size(), () -> "one message per streak: " + log);
        assertEquals(1, store.stats().observations(), "what was cached stays");

        source.up = true;
        assertTrue(service.runOnce());
        assertEquals(SourceStatus.State.LIVE, service.statuses().get(0).state());
        assertEquals("switchable: back online", log.get(1));
        assertEquals(2, store.stats().observations());
    }

    @Test
    void theBackoffDoublesWithEachFailureUpToFiveMinutes() throws Exception {
        Switchable source = new Switchable();
        source.up = false;
        IngestService service = new IngestService(store, List.of(source), Duration.ofSeconds(30), Duration.ofSeconds(2), clock);
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            service.runOnce();
            delays.add(service.delay(source));
        }
        assertEquals(List.of(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L), delays.stream().map(Duration::toSeconds).toList());
        source.up = true;
        service.runOnce();
        assertEquals(Duration.ofSeconds(30), service.delay(source));
    }

    @Test
    void aSourceWithAnIntervalOfItsOwnFetchesAtItsOwnPaceAndBacksOffAsAnyOther() throws Exception {
        Switchable source = new Switchable();
        IngestService service = new IngestService(store, List.of(source), Duration.ofSeconds(30), Duration.ofSeconds(2), clock)
                .withInterval(source.name(), Duration.ofMinutes(5));
        service.runOnce();
        assertEquals(Duration.ofMinutes(5), service.delay(source));
        source.up = false;
        service.runOnce();
        assertEquals(Duration.ofSeconds(2), service.delay(source));
    }

    @Test
    void runningInTheBackgroundKeepsFetchingUntilClosed() throws Exception {
        Switchable source = new Switchable();
        IngestService service = new IngestService(store, List.of(source), Duration.ofMillis(20), Duration.ofMillis(10), Clock.systemUTC());
        service.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (store.stats().observations() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        service.close();
        long stored = store.stats().observations();
        assertTrue(stored >= 3, "fetched " + stored + " times");
        // Close stops the one thread that fetches: it ends (a join, not a sleep), and nothing was fetched after it.
        Thread fetcher = source.fetchedOn;
        fetcher.join(Duration.ofSeconds(10));
        assertFalse(fetcher.isAlive(), fetcher.getName() + " still runs after close");
        assertEquals(stored, store.stats().observations(), "nothing fetched after close");
    }

    @Test
    void aStatusListenerThatThrowsIsLoggedWithItsCauseAndTheSourceKeepsBeingFetched() throws Exception {
        Switchable source = new Switchable();
        IngestService service = new IngestService(store, List.of(source), Duration.ofMillis(20), Duration.ofMillis(10), Clock.systemUTC());
        service.addListener(status -> {
            throw new IllegalStateException("the status bar is gone");
        });
        service.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (store.stats().observations() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        service.close();

        assertTrue(store.stats().observations() >= 3, "fetched " + store.stats().observations() + " times; log: " + log);
        assertEquals(SourceStatus.State.LIVE, service.statuses().get(0).state(), "the listener's failure is not the source's");
        List<LogRecord> errors = logs.atLeast(Level.SEVERE);
        assertFalse(errors.isEmpty(), log.toString());
        assertTrue(errors.get(0).getMessage().startsWith("a listener of switchable's state failed: "), errors.get(0).getMessage());
        assertEquals("the status bar is gone", errors.get(0).getThrown().getMessage(), "the cause goes along, for the file's trace");
        assertTrue(log.stream().noneMatch(line -> line.contains("retrying")), log.toString());
    }

    @Test
    void aWriteListenerThatThrowsIsLoggedAndTheFetchStillCounts() throws Exception {
        Switchable source = new Switchable();
        IngestService service = new IngestService(store, List.of(source), Duration.ofSeconds(30), Duration.ofSeconds(2), clock);
        service.addWriteListener(() -> {
            throw new IllegalStateException("the viewer is gone");
        });

        assertTrue(service.runOnce(), log.toString());
        assertEquals(SourceStatus.State.LIVE, service.statuses().get(0).state());
        assertEquals(1, store.stats().observations());
        List<LogRecord> errors = logs.atLeast(Level.SEVERE);
        assertEquals(1, errors.size(), log.toString());
        assertTrue(errors.get(0).getMessage().startsWith("switchable: a listener of new observations failed: "), errors.get(0).getMessage());
        assertEquals("the viewer is gone", errors.get(0).getThrown().getMessage());
    }
}
