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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The viewer as a planner uses it: a folder of tiles opened over the city on screen shows the loading view, then a
 * planner for the new city; a file that will not load leaves the planner there was, with a note.
 */
@Rendering
class OpenFolderTest {
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

    @Test
    void aFolderOfTilesLoadsTileByTileIntoANewPlanner() throws Exception {
        Path tiles = Files.createDirectories(folder.resolve("tiles"));
        NrwTileGenerator.writeTile(tiles, 345, 5663, 200, 0, 1);
        NrwTileGenerator.writeTile(tiles, 346, 5663, 200, 200, 2);
        ViewerPane before = FxThread.call(() -> (ViewerPane) viewer.stage().getScene().getRoot());
        List<String> roots = new CopyOnWriteArrayList<>();
        FxThread.call(() -> {
            viewer.stage().getScene().rootProperty().addListener((property, was, now) -> roots.add(now.getClass().getSimpleName()));
            viewer.app.openFiles(viewer.stage().getScene(), List.of(tiles));
            return null;
        });
        ScreenText.waitUntil(() -> FxThread.call(() -> viewer.stage().getScene().getRoot() instanceof ViewerPane pane && pane != before), "a new planner");
        assertEquals(List.of(LoadingView.class.getSimpleName(), ViewerPane.class.getSimpleName()), new ArrayList<>(roots));
        ViewerPane after = FxThread.call(() -> (ViewerPane) viewer.stage().getScene().getRoot());
        // 200 buildings a tile, every fifth as two parts: 240 objects each.
        assertEquals(480, (int) FxThread.call(() -> after.viewport().cityScene().city().meshes().objects().size()));
        String status = FxThread.call(() -> ScreenText.of(after));
        assertTrue(status.contains("LoD2_32_345_5663_1_NW.gml, LoD2_32_346_5663_1_NW.gml  ·  480 objects"), status);
    }

    @Test
    void aVariantStaysWithThePlannerWhenAnotherCityOpens() throws Exception {
        Path variant = Path.of("assets/variants/chempunkt-tower.geojson").toAbsolutePath();
        ViewerPane before = FxThread.call(() -> (ViewerPane) viewer.stage().getScene().getRoot());
        FxThread.call(() -> {
            viewer.app.openFiles(viewer.stage().getScene(), List.of(variant));
            return null;
        });
        ScreenText.waitUntil(() -> FxThread.call(() -> !before.planning().variants().isEmpty()), "the variant on the first city");
        Path tiles = Files.createDirectories(folder.resolve("tiles"));
        NrwTileGenerator.writeTile(tiles, 345, 5663, 50, 0, 1);

        FxThread.call(() -> {
            viewer.app.openFiles(viewer.stage().getScene(), List.of(tiles));
            return null;
        });

        ScreenText.waitUntil(() -> FxThread.call(() -> viewer.stage().getScene().getRoot() instanceof ViewerPane pane && pane != before), "a new planner");
        ViewerPane after = FxThread.call(() -> (ViewerPane) viewer.stage().getScene().getRoot());
        assertEquals(FxThread.call(() -> before.planning().variants()), FxThread.call(() -> after.planning().variants()));
    }

    @Test
    void aFileThatWillNotLoadLeavesThePlannerThereWasWithANote() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.gml"), "<core:CityModel");
        ViewerPane before = FxThread.call(() -> (ViewerPane) viewer.stage().getScene().getRoot());
        FxThread.call(() -> {
            viewer.app.openFiles(viewer.stage().getScene(), List.of(broken));
            return null;
        });
        ScreenText.waitFor(before, "Could not open: broken.gml: malformed XML");
        Parent root = FxThread.call(() -> viewer.stage().getScene().getRoot());
        assertSame(before, root);
        assertEquals(3, (int) FxThread.call(() -> before.viewport().cityScene().city().meshes().objects().size()));
    }

    @Test
    void aBrokenTileInAFolderIsNamedOnTheNewPlannerAndTheOthersShow() throws Exception {
        Path tiles = Files.createDirectories(folder.resolve("tiles"));
        NrwTileGenerator.writeTile(tiles, 345, 5663, 100, 0, 1);
        Files.writeString(tiles.resolve("LoD2_32_346_5663_1_NW.gml"), "<core:CityModel");
        ViewerPane before = FxThread.call(() -> (ViewerPane) viewer.stage().getScene().getRoot());
        FxThread.call(() -> {
            viewer.app.openFiles(viewer.stage().getScene(), List.of(tiles));
            return null;
        });
        ScreenText.waitUntil(() -> FxThread.call(() -> viewer.stage().getScene().getRoot() instanceof ViewerPane pane && pane != before), "a new planner");
        ViewerPane after = FxThread.call(() -> (ViewerPane) viewer.stage().getScene().getRoot());
        ScreenText.waitFor(after, "1 file not loaded (LoD2_32_346_5663_1_NW.gml: malformed XML");
        assertEquals(120, (int) FxThread.call(() -> after.viewport().cityScene().city().meshes().objects().size()));
    }
}
