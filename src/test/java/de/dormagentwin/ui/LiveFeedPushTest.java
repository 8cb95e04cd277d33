package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.ingest.IngestService;
import de.dormagentwin.live.ingest.Sink;
import de.dormagentwin.live.ingest.Source;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import de.dormagentwin.testing.ScreenText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A value the viewer's own ingest writes reaches the feed at once, not at its next poll. */
@Rendering
class LiveFeedPushTest {
    @TempDir
    Path folder;
    private LiveStore store;
    private LiveFeed feed;
    /** What the viewer runs off the FX thread; closed after each test. */
    private final BackgroundWork background = new BackgroundWork("test-background", 2);
    private IngestService ingest;

    /** One box on house B whose PM10 reads 10 more at each fetch. */
    private static final class Box implements Source {
        private double value = 10;

        @Override
        public String name() {
            return "box";
        }

        @Override
        public void fetch(Sink sink) throws IOException {
            sink.thing(new Thing(name(), "box", "Box", "", Map.of(), "house-b", Double.NaN, Double.NaN));
            sink.datastream(new Datastream(name(), "box/pm10", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC));
            sink.observations(List.of(Observation.number(name(), "box/pm10", Instant.now().truncatedTo(ChronoUnit.SECONDS), value)));
            value += 10;
        }
    }

    @Test
    void aWriteOfTheViewersOwnIngestIsReadAtOnceThoughTheNextPollIsAnHourAway() throws Exception {
        // Snapshots reach listeners on the FX thread, which needs the display the rendering tests use.
        Display3D.require();
        store = LiveStore.open(folder, null);
        ingest = new IngestService(store, List.of(new Box()), Duration.ofHours(1), Duration.ofSeconds(1), Clock.systemUTC());
        feed = new LiveFeed(store, Duration.ofHours(1), EnumSet.allOf(Classification.class), background);
        List<LiveFeed.Snapshot> received = new CopyOnWriteArrayList<>();
        FxThread.call(() -> {
            feed.addListener(received::add);
            return null;
        });
        // The feed's first read, at its start, finds the cache empty; the next is an hour later.
        ScreenText.waitUntil(() -> !received.isEmpty(), "the feed's first snapshot");
        ingest.addWriteListener(feed::changed);

        ingest.runOnce();

        // The feed's first poll may come late, while the ingest is between the stream and its value: the box is then
        // in a snapshot without a value. Only the nudge of the write brings the value itself.
        ScreenText.waitUntil(() -> houseB(received) == 10.0, "the written value in the feed");
        ingest.runOnce();
        ScreenText.waitUntil(() -> houseB(received) == 20.0, "the next value in the feed");
        assertEquals(20.0, houseB(received));
    }

    /** The box's value in the newest snapshot, NaN while it has none. */
    private static double houseB(List<LiveFeed.Snapshot> received) {
        var values = latest(received).of("house-b");
        return values.isEmpty() ? Double.NaN : values.get(0).number();
    }

    private static LiveFeed.Snapshot latest(List<LiveFeed.Snapshot> received) {
        return received.get(received.size() - 1);
    }

    @AfterEach
    void close() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        if (feed != null) {
            feed.close();
        }
        background.close();
        if (store != null) {
            store.close(false);
        }
    }
}
