package de.dormagentwin.ui;

import de.dormagentwin.app.LogCapture;
import de.dormagentwin.live.store.LiveStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveFeedFailureTest {
    @TempDir
    Path folder;

    /**
     * A read on the feed's thread that fails in a way no one planned for (here: the cache closed under it) is logged
     * with its cause; the executor would otherwise keep the failure in a future that no one reads.
     */
    @Test
    void aReadThatFailsUnexpectedlyOnTheFeedsThreadIsLoggedWithItsCause() throws Exception {
        LiveStore store = LiveStore.open(folder, null);
        try (LogCapture logs = new LogCapture(); LiveFeed feed = new LiveFeed(store, Duration.ofHours(1))) {
            store.close();
            feed.earliest(time -> { });
            Optional<LogRecord> logged = Optional.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (logged.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                logged = logs.records().stream().filter(record -> record.getMessage().startsWith("history: ")).findFirst();
            }

            assertTrue(logged.isPresent(), "logged: " + logs.messages());
            assertEquals(Level.SEVERE, logged.get().getLevel());
            assertInstanceOf(RuntimeException.class, logged.get().getThrown());
            List<String> messages = logs.messages();
            assertTrue(messages.stream().filter(message -> message.startsWith("history: ")).count() == 1, messages.toString());
        }
    }
}
