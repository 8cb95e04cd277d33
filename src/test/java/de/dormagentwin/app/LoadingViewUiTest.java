package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.sample.NrwTileGenerator;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.ui.LoadingView;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder of tiles as the viewer loads it: each tile into the scene as it comes, under a progress bar. */
@ExtendWith(ApplicationExtension.class)
class LoadingViewUiTest {
    private static final int BUILDINGS = 50;
    /** Every fifth building has two parts, drawn in place of the building: 50 buildings are 60 objects. */
    private static final int OBJECTS_PER_TILE = BUILDINGS + NrwTileGenerator.partedBuildings(BUILDINGS);

    @TempDir
    Path folder;
    private LoadingView loading;

    @Start
    void start(Stage stage) {
        loading = new LoadingView("Loading");
        stage.setScene(new Scene(loading, 1000, 700));
        stage.show();
    }

    private void writeTiles(int... eastKm) throws Exception {
        for (int tile = 0; tile < eastKm.length; tile++) {
            NrwTileGenerator.writeTile(folder, eastKm[tile], 5663, BUILDINGS, tile * BUILDINGS, tile);
        }
    }

    @Test
    void theKiosksLoadingScreenIsInTheKiosksTextSize() throws Exception {
        writeTiles(344, 345);
        var show = ViewerApp.showOn(loading);
        WaitForAsyncUtils.asyncFx(() -> loading.setTextSize(de.dormagentwin.ui.kiosk.KioskPane.textSizeFor(1080))).get();
        TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunk -> {
            show.accept(chunk);
            WaitForAsyncUtils.waitForFxEvents();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> sizes = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            loading.applyCss();
            loading.lookupAll(".label").forEach(node -> sizes.add(((javafx.scene.control.Label) node).getFont().getSize()));
        }).get();
        assertFalse(sizes.isEmpty());
        assertTrue(sizes.stream().allMatch(size -> size >= 18), "every text at least 18 px at 1080p: " + sizes);
    }

    @Test
    void everyTileJoinsTheSceneAndTheBarCountsThem() throws Exception {
        writeTiles(344, 345, 346);
        List<Integer> seenObjects = new ArrayList<>();
        var show = ViewerApp.showOn(loading);
        SceneFactory.Prepared prepared = TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunk -> {
            show.accept(chunk);
            WaitForAsyncUtils.waitForFxEvents();
            seenObjects.add(loading.viewport().cityScene().city().meshes().objects().size());
        });
        assertEquals(List.of(OBJECTS_PER_TILE, 2 * OBJECTS_PER_TILE, 3 * OBJECTS_PER_TILE), seenObjects, "the city grows a tile at a time");
        assertEquals("Loading tiles: 3 of 3  ·  180 objects", loading.progressText());
        CityScene scene = loading.viewport().cityScene();
        assertEquals(prepared.meshes().objects().size(), scene.city().meshes().objects().size());
        // Ids from each tile are found at the index the complete city gives them, so overlays bind as if loaded at once.
        for (String id : List.of("DENW36AL00000001", "DENW36AL00000033", "DENW36AL00000095")) {
            int index = scene.city().meshes().objectIndex(id);
            assertTrue(index >= 0, id);
            assertEquals(prepared.meshes().objectIndex(id), index, id);
        }
    }

    @Test
    void theViewFollowsTheGrowingCityUntilSomebodyMovesIt() throws Exception {
        writeTiles(343, 345, 347);
        List<Double> distances = new ArrayList<>();
        var show = ViewerApp.showOn(loading);
        TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunk -> {
            show.accept(chunk);
            WaitForAsyncUtils.waitForFxEvents();
            OrbitCamera camera = loading.viewport().cityScene().camera();
            distances.add(camera.view().distance());
            if (chunk.done() == 2) {
                WaitForAsyncUtils.asyncFx(() -> camera.orbit(30, 0));
                WaitForAsyncUtils.waitForFxEvents();
            }
        });
        assertTrue(distances.get(1) > distances.get(0) * 1.5, "two tiles 2 km apart are framed from further away: " + distances);
        assertTrue(!loading.isFraming(), "the user's view is kept");
        OrbitCamera.View kept = loading.viewport().cityScene().camera().view();
        assertEquals(distances.get(1), kept.distance(), 1e-6, "the third tile did not move the camera the user had turned");
        assertNotEquals(0, kept.yawDegrees());
    }

    @Test
    void aBrokenTileIsCountedAndTheOthersLoad() throws Exception {
        writeTiles(345);
        Files.writeString(folder.resolve("LoD2_32_346_5663_1_NW.gml"), "<core:CityModel");
        var show = ViewerApp.showOn(loading);
        SceneFactory.Prepared prepared = TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunk -> {
            show.accept(chunk);
            WaitForAsyncUtils.waitForFxEvents();
        });
        assertEquals(1, prepared.loaded().failures().size());
        assertTrue(prepared.loaded().failures().get(0).contains("LoD2_32_346_5663_1_NW.gml"), prepared.loaded().failures().get(0));
        assertNotNull(loading.viewport());
        assertEquals(OBJECTS_PER_TILE, loading.viewport().cityScene().city().meshes().objects().size());
        assertEquals("Loading tiles: 2 of 2  ·  60 objects", loading.progressText());
    }

    @Test
    void nothingIsShownBeforeTheFirstTile() {
        assertNull(loading.viewport());
        assertTrue(loading.isFraming());
    }
}
