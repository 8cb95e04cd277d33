package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import de.dormagentwin.testing.ScreenText;
import de.dormagentwin.ui.BackgroundWork;
import de.dormagentwin.ui.ViewerPane;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Terrain files opened or dropped in the planner go under the city on screen; one that will not load says why. */
@Rendering
class LayTerrainTest {
    /** What the viewer runs off the FX thread; closed after each test. */
    private final BackgroundWork background = new BackgroundWork("test-background", 2);
    @TempDir
    Path folder;
    private Stage stage;
    private ViewerPane pane;

    @BeforeEach
    void planner() throws Exception {
        Display3D.require();
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(Fixtures.scene("three-houses.city.json")), TerrainFiles.NONE, LodChoice.HIGHEST);
        pane = FxThread.call(() -> {
            ViewerPane planner = new ViewerPane(SceneFactory.viewport(prepared), "test", background);
            stage = new Stage();
            stage.setScene(new Scene(planner, 900, 600));
            stage.show();
            return planner;
        });
    }

    @AfterEach
    void close() throws Exception {
        FxThread.call(() -> {
            stage.close();
            return null;
        });
        background.close();
    }

    @Test
    void aGridAroundTheCityIsLaidUnderItAtItsHeight() throws Exception {
        // The fixture stands around 350,000 east, 5,660,000 north at 40 m: a flat 43 m square of 200 m around it.
        StringBuilder grid = new StringBuilder("ncols 21\nnrows 21\nxllcenter 349900\nyllcenter 5659900\ncellsize 10\n");
        grid.append("43 ".repeat(21 * 21)).append('\n');
        Path terrain = Files.writeString(folder.resolve("ground.asc"), grid);
        CityScene scene = pane.viewport().cityScene();
        assertNull(FxThread.call(scene::terrain));
        FxThread.call(() -> {
            ViewerApp.layTerrain(pane, List.of(terrain), background);
            return null;
        });
        ScreenText.waitUntil(() -> FxThread.call(scene::terrain) != null, "the terrain is laid");
        assertEquals(43, FxThread.call(() -> scene.terrain().heightAt(0, 0)), 1e-6);
        assertNotNull(FxThread.call(() -> scene.city().meshes().terrain()), "markers and measurements stand on it too");
    }

    @Test
    void aBrokenGridIsNamedOnTheViewAndTheGroundStaysAsItWas() throws Exception {
        Path terrain = Files.writeString(folder.resolve("broken.asc"), "ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n40\n");
        FxThread.call(() -> {
            ViewerApp.layTerrain(pane, List.of(terrain), background);
            return null;
        });
        ScreenText.waitFor(pane, "broken.asc: expected 2 heights");
        assertNull(FxThread.call(() -> pane.viewport().cityScene().terrain()));
    }
}
