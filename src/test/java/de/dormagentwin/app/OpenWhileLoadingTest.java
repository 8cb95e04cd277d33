package de.dormagentwin.app;

import de.dormagentwin.sample.NrwTileGenerator;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import de.dormagentwin.testing.ScreenText;
import de.dormagentwin.ui.LoadingView;
import de.dormagentwin.ui.ViewerPane;
import javafx.scene.Parent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Files opened while a city loads, when the window shows the loading view and no planner: what fails says so on
 * the planner shown next, and nothing throws. Each test opens the second file in the same turn of the FX thread as
 * the city, so the loading view is up for certain when it is opened.
 */
@Rendering
class OpenWhileLoadingTest {
    @TempDir
    Path folder;
    private TestViewer viewer;

    @BeforeEach
    void viewer() throws Exception {
        viewer = new TestViewer(folder, false);
        viewer.start();
    }

    @AfterEach
    void close() throws Exception {
        viewer.close();
    }

    private Path tiles() throws Exception {
        Path tiles = Files.createDirectories(folder.resolve("tiles"));
        NrwTileGenerator.writeTile(tiles, 345, 5663, 50, 0, 1);
        return tiles;
    }

    /** Opens the city, then the other file while the city's loading view is on screen. */
    private void openWhileTheCityLoads(Path city, Path other) throws Exception {
        FxThread.call(() -> {
            viewer.app.openFiles(viewer.stage().getScene(), List.of(city));
            assertInstanceOf(LoadingView.class, viewer.stage().getScene().getRoot());
            viewer.app.openFiles(viewer.stage().getScene(), List.of(other));
            return null;
        });
    }

    @Test
    void aModelThatFailsWhileAnotherCityLoadsLeavesThePlannerThereWasWithANote() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.gml"), "<core:CityModel");
        ViewerPane before = viewer.planner();

        openWhileTheCityLoads(tiles(), broken);

        // The last city asked for is the one shown: it did not load, so the planner before stays.
        ScreenText.waitFor(before, "Could not open: broken.gml: malformed XML");
        Parent root = FxThread.call(() -> viewer.stage().getScene().getRoot());
        assertSame(before, root);
        assertEquals(3, (int) FxThread.call(() -> before.viewport().cityScene().city().meshes().objects().size()));
    }

    @Test
    void aVariantThatFailsWhileACityLoadsIsNamedOnTheNewPlanner() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [");
        ViewerPane before = viewer.planner();

        openWhileTheCityLoads(tiles(), broken);

        ScreenText.waitUntil(() -> FxThread.call(() -> viewer.stage().getScene().getRoot() instanceof ViewerPane pane && pane != before), "a new planner");
        ViewerPane after = viewer.planner();
        ScreenText.waitFor(after, "broken.geojson: not valid JSON");
        assertEquals(60, (int) FxThread.call(() -> after.viewport().cityScene().city().meshes().objects().size()));
    }

    @Test
    void terrainThatFailsWhileACityLoadsIsNamedOnTheNewPlanner() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.asc"), "ncols nonsense\n");
        ViewerPane before = viewer.planner();

        openWhileTheCityLoads(tiles(), broken);

        ScreenText.waitUntil(() -> FxThread.call(() -> viewer.stage().getScene().getRoot() instanceof ViewerPane pane && pane != before), "a new planner");
        ScreenText.waitFor(viewer.planner(), "Could not open: " + broken + ":1: expected a number after ncols");
    }
}
