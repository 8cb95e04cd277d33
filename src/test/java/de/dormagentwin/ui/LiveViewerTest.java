package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.OverlayRules;
import de.dormagentwin.overlay.ThematicOverlay;
import de.dormagentwin.scene.CityLayer;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import de.dormagentwin.testing.ScreenText;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The viewer shows what the cache holds for the selected object, and follows it as new values arrive. */
@Rendering
class LiveViewerTest {
    @TempDir
    Path folder;

    private LiveStore store;
    private LiveFeed feed;
    /** What the viewer runs off the FX thread; closed after each test. */
    private final BackgroundWork background = new BackgroundWork("test-background", 2);

    @BeforeEach
    void needsADisplayAndACache() throws Exception {
        Display3D.require();
        store = LiveStore.open(folder, null);
        store.putThing(new Thing("test", "box-7", "Box 7", "", Map.of(), "house-b", Double.NaN, Double.NaN));
        store.putDatastream(new Datastream("test", "box-7/pm10", "box-7", "PM10 at box 7", "PM10 concentration", "SDS011",
                "microgram per cubic metre", "µg/m³", Classification.PUBLIC));
        store.putDatastream(new Datastream("test", "box-7/tank", "box-7", "Tank", "fill level", "radar", "percent", "%", Classification.CONFIDENTIAL));
    }

    @AfterEach
    void close() throws Exception {
        if (feed != null) {
            feed.close();
        }
        background.close();
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theSelectedObjectShowsItsLatestValuesAndFollowsNewOnes() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        store.write(List.of(Observation.number("test", "box-7/pm10", now.minus(Duration.ofMinutes(10)), 23.4),
                Observation.number("test", "box-7/tank", now, 61)));
        ViewerPane pane = viewerFollowingTheCache(true);

        String first = ScreenText.waitFor(pane, "23.4 µg/m³ at");
        assertTrue(first.contains("Live data") && first.contains("Fine dust PM10") && first.contains("10 min ago"), first);
        assertTrue(first.contains("61 % at") && first.contains("[confidential]"), first);

        ColorRule pm10 = OverlayRules.named("PM10").orElseThrow();
        assertEquals(pm10.colorOf(23.4), overlayOfHouseB(pane), "coloured by PM10 out of the box");

        // From straight above, the label's anchor over the roof is in view even for a fixture this small.
        FxThread.call(() -> {
            pane.viewport().cityScene().camera().set(pane.viewport().cityScene().topView());
            return null;
        });
        // ScreenText.of() lays the pane out: the labels are placed within the view's size.
        ScreenText.waitUntil(() -> FxThread.call(() -> {
            ScreenText.of(pane);
            return pane.viewport().valueLabels().shown();
        }) == 1, "one value label, over house B");
        assertTrue(FxThread.call(() -> ScreenText.of(pane)).contains("\n23 µg/m³\n"), "the label gives the value and unit");

        String chart = ScreenText.waitFor(pane, "over the 24 hours; source: test");
        assertTrue(chart.contains("min 23.4, max 23.4 µg/m³"), chart);

        store.write(List.of(Observation.number("test", "box-7/pm10", now, 47.5)));
        String second = ScreenText.waitFor(pane, "47.5 µg/m³ at");
        assertTrue(!second.contains("23.4 µg/m³ at"), second);
        assertEquals(pm10.colorOf(47.5), overlayOfHouseB(pane));

        FxThread.call(() -> {
            pane.setTheme("Nothing");
            return null;
        });
        assertEquals(0, overlayOfHouseB(pane), "no theme, no overlay colour");
    }

    @Test
    void aStaleValueIsMarkedInThePanelAndItsLabelSaysSinceWhen() throws Exception {
        // Reported once, three hours ago: with no interval learnt yet it is stale after an hour.
        Instant then = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        store.write(List.of(Observation.number("test", "box-7/pm10", then, 18.2)));
        ViewerPane pane = viewerFollowingTheCache(true);
        String panel = ScreenText.waitFor(pane, "18.2 µg/m³ at");
        assertTrue(panel.contains("(3 h ago, stale: nothing newer since)"), panel);
        FxThread.call(() -> {
            pane.viewport().cityScene().camera().set(pane.viewport().cityScene().topView());
            return null;
        });
        String since = DateTimeFormatter.ofPattern("M/d/yyyy HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault()).format(then);
        ScreenText.waitFor(pane, "\n18 µg/m³ since " + since + "\n");
    }

    private static int overlayOfHouseB(ViewerPane pane) throws Exception {
        return FxThread.call(() -> {
            CityLayer city = pane.viewport().cityScene().city();
            return city.overlayColor(city.meshes().objectIndex("house-b"));
        });
    }

    @Test
    void movingTheTimeBarShowsTheValuesAsOfThatTimeAndLiveComesBack() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant morning = now.minus(Duration.ofHours(5));
        store.write(List.of(Observation.number("test", "box-7/pm10", morning, 14.5),
                Observation.number("test", "box-7/pm10", now.minus(Duration.ofMinutes(1)), 66.5)));
        ViewerPane pane = viewerFollowingTheCache(true);
        ScreenText.waitFor(pane, "66.5 µg/m³ at");

        FxThread.call(() -> {
            pane.timeBar().moveTo(morning.plus(Duration.ofMinutes(30)));
            return null;
        });
        String past = ScreenText.waitFor(pane, "14.5 µg/m³ at");
        assertTrue(past.contains("as of ") && !past.contains("66.5 µg/m³ at"), past);
        ColorRule pm10 = OverlayRules.named("PM10").orElseThrow();
        assertEquals(pm10.colorOf(14.5), overlayOfHouseB(pane), "coloured by the morning's value");

        FxThread.call(() -> {
            pane.timeBar().followNow();
            return null;
        });
        ScreenText.waitFor(pane, "66.5 µg/m³ at");
    }

    @Test
    void aValueOverItsLimitPulsesAndListsUntilAcknowledged() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        store.write(List.of(Observation.number("test", "box-7/pm10", now, 81)));
        ViewerPane pane = viewerFollowingTheCache(false);
        String listed = ScreenText.waitFor(pane, "Alerts: 1");
        assertTrue(listed.contains("PM10 81 µg/m³ (limit 50) at house-b"), listed);
        ScreenText.waitUntil(() -> overlayOfHouseB(pane) == ThematicOverlay.ALERT_ARGB, "house B pulses alert red");

        long id = FxThread.call(() -> pane.alerts().get(0).datastreamId());
        FxThread.call(() -> {
            pane.acknowledge(id);
            return null;
        });
        int red = OverlayRules.named("PM10").orElseThrow().colorOf(81);
        for (int i = 0; i < 4; i++) {
            assertEquals(red, overlayOfHouseB(pane), "after acknowledging, the value's colour only");
            Thread.sleep(300);
        }
    }

    /** The three-houses fixture in a viewer that follows the test's cache, with house B selected or not. */
    private ViewerPane viewerFollowingTheCache(boolean selectHouseB) throws Exception {
        CityMeshes threeHouses = Fixtures.meshes("three-houses.city.json");
        ViewerPane pane = FxThread.call(() -> inScene(new ViewerPane(new CityViewport(new CityScene(threeHouses)), "test", background)));
        feed = new LiveFeed(store, Duration.ofMillis(50), background);
        FxThread.call(() -> {
            pane.attachFeed(feed);
            if (selectHouseB) {
                pane.select(pane.viewport().cityScene().city().meshes().objectIndex("house-b"));
            }
            return null;
        });
        return pane;
    }

    @Test
    void theStatusBarSaysSinceWhenASourceIsOffline() throws Exception {
        CityMeshes threeHouses = Fixtures.meshes("three-houses.city.json");
        Instant since = Instant.parse("2026-11-28T09:15:00Z");
        String text = FxThread.call(() -> {
            ViewerPane pane = inScene(new ViewerPane(new CityViewport(new CityScene(threeHouses)), "test", background));
            pane.showSources(List.of(new SourceStatus("pegelonline 8f7e", SourceStatus.State.OFFLINE, since, null, "HTTP 503"),
                    new SourceStatus("simulator", SourceStatus.State.LIVE, since, since, "")));
            return ScreenText.of(pane);
        });
        assertTrue(text.contains("pegelonline 8f7e: offline since ") && text.contains("(HTTP 503)"), text);
        assertTrue(text.contains("simulator: live, updated "), text);
    }

    /** The info panel's content is in the scene graph only once the scroll pane has its skin, which a Scene gives. */
    private static ViewerPane inScene(ViewerPane pane) {
        new Scene(pane, 900, 600);
        return pane;
    }
}
