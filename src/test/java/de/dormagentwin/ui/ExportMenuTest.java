package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Pixels;
import de.dormagentwin.testing.Rendering;
import javafx.scene.SubScene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Screenshots come out at the size asked for, whatever the window's; data comes out of the cache as CSV. */
@Rendering
class ExportMenuTest {
    private static final int WINDOW_WIDTH = 600;
    private static final int WINDOW_HEIGHT = 400;
    /** What the viewer runs off the FX thread; closed after each test. */
    private final BackgroundWork background = new BackgroundWork("test-background", 2);
    @TempDir
    Path folder;

    private Stage stage;
    private CityViewport viewport;

    @BeforeEach
    void viewerInAWindow() throws Exception {
        Display3D.require();
        CityMeshes threeHouses = Fixtures.meshes("three-houses.city.json");
        viewport = FxThread.call(() -> {
            CityViewport view = new CityViewport(new CityScene(threeHouses));
            view.cityScene().camera().set(view.cityScene().namedView("house-b"));
            stage = FxThread.show(view, WINDOW_WIDTH, WINDOW_HEIGHT);
            return view;
        });
        FxThread.settle();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxThread.close(stage);
        background.close();
    }

    @Test
    void aPngHasTheAskedSizeLargerThanTheWindowAndShowsTheHouse() throws Exception {
        Path small = folder.resolve("small.png");
        Path large = folder.resolve("large/view.png");
        FxThread.call(() -> {
            Export.pngAt(viewport, 320, 180, small);
            Export.pngAt(viewport, 1600, 1200, large);
            return null;
        });
        Image smallImage = new Image(small.toUri().toString());
        Image largeImage = new Image(large.toUri().toString());
        assertEquals(List.of(320.0, 180.0, 1600.0, 1200.0), List.of(smallImage.getWidth(), smallImage.getHeight(), largeImage.getWidth(), largeImage.getHeight()));
        // The camera keeps its vertical field of view: the house stands as tall in both, the wide one shows more beside it.
        double smallRoofs = Pixels.builtShare(smallImage);
        double largeRoofs = Pixels.builtShare(largeImage);
        assertTrue(smallRoofs > 0.02, "the house shows in the small image: " + smallRoofs);
        assertTrue(largeRoofs > 0.02, "and in the large one: " + largeRoofs);
        int corner = largeImage.getPixelReader().getArgb(0, 0);
        assertTrue((corner >> 16 & 0xFF) != 0 || (corner & 0xFF) != 0, "the background is drawn, not left black");

        double[] size = FxThread.call(() -> {
            SubScene subScene = viewport.cityScene().subScene();
            viewport.layout();
            return new double[]{subScene.getWidth(), subScene.getHeight()};
        });
        assertEquals(WINDOW_WIDTH, size[0], "the view follows the window again");
        assertEquals(WINDOW_HEIGHT, size[1]);
    }

    @Test
    void theMenusPngIsWrittenOffTheFxThreadAndReported() throws Exception {
        Path file = folder.resolve("menu.png");
        CompletableFuture<String> report = new CompletableFuture<>();
        FxThread.call(() -> {
            new ExportMenu(viewport, List::of, Instant::now, (ids, from, to, max, answer, failure) -> { }, report::complete, background).exportPng(640, 480, file);
            return null;
        });
        assertEquals("Saved a 640 × 480 screenshot to " + file, report.get(2, TimeUnit.MINUTES));
        assertEquals(640, new Image(file.toUri().toString()).getWidth());
    }

    @Test
    void theSelectedDatastreamsOverTheWindowComeOutOfTheCacheAsCsv() throws Exception {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        Path file = folder.resolve("pm10.csv");
        CompletableFuture<String> report = new CompletableFuture<>();
        try (LiveStore store = LiveStore.open(folder.resolve("cache"), null);
             LiveFeed feed = new LiveFeed(store, Duration.ofMillis(100), background)) {
            store.putThing(new Thing("test", "box-7", "Box 7", "", Map.of(), "house-b", Double.NaN, Double.NaN));
            store.putDatastream(new Datastream("test", "box-7/pm10", "box-7", "PM10, box 7", "PM10 concentration", "SDS011",
                    "microgram per cubic metre", "µg/m³", Classification.PUBLIC));
            store.write(List.of(Observation.number("test", "box-7/pm10", now.minus(Duration.ofHours(30)), 99),
                    Observation.number("test", "box-7/pm10", now.minus(Duration.ofHours(2)), 23.5),
                    Observation.number("test", "box-7/pm10", now.minus(Duration.ofHours(1)), 30)));
            CompletableFuture<List<Latest>> streams = new CompletableFuture<>();
            feed.addListener(snapshot -> {
                if (!snapshot.of("house-b").isEmpty()) {
                    streams.complete(snapshot.of("house-b"));
                }
            });
            List<Latest> houseB = streams.get(2, TimeUnit.MINUTES);
            FxThread.call(() -> {
                new ExportMenu(viewport, () -> houseB, () -> now, feed::seriesOf, report::complete, background).exportCsv(houseB, Duration.ofHours(24), now, file);
                return null;
            });
            assertEquals("Saved 2 rows (1 datastream) to " + file, report.get(2, TimeUnit.MINUTES));
        }
        assertEquals("datastream,property,unit,time,mean,min,max\r\n"
                + "\"PM10, box 7\",PM10 concentration,µg/m³,2026-11-28T10:00:00Z,23.5,23.5,23.5\r\n"
                + "\"PM10, box 7\",PM10 concentration,µg/m³,2026-11-28T11:00:00Z,30,30,30\r\n", Files.readString(file));
    }
}
