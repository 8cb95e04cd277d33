package de.dormagentwin.app;

import de.dormagentwin.live.store.CacheDamage;
import de.dormagentwin.ui.ViewerPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's start on a damaged cache and on one that would not open: said on the view, not only in a log. */
class ViewerCacheIntegrityTest {
    @TempDir
    Path folder;
    private final ViewerApp app = new ViewerApp();
    private Stage stage;
    private Path cache;

    @BeforeEach
    void viewerOptions() throws Exception {
        Display3D.require();
        cache = Files.createDirectories(folder.resolve("cache"));
        ViewerApp.files = List.of(SnapshotTest.fixture("three-houses.city.json"));
        ViewerApp.simulate = false;
        ViewerApp.kiosk = null;
        ViewerApp.variantFiles = List.of();
        ViewerApp.cache = new CacheOptions();
        ViewerApp.cache.folder = cache;
        ViewerApp.cache.configFile = folder.resolve("config.json");
        SceneFactory.viewerTerrain = TerrainFiles.NONE;
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            FxThread.call(() -> {
                app.release();
                stage.close();
                return null;
            });
        }
        SceneFactory.viewerTerrain = TerrainFiles.BESIDE_MODELS;
    }

    @Test
    void aDamagedCacheTurnsLiveDataOffWithANoteAndIsLeftAsItWas() throws Exception {
        assertEquals(0, twin("ingest", "--simulate", "--days", "1", "--once", "--cache", cache.toString()).exitCode());
        byte[] damaged = CacheDamage.damageTheMiddle(cache.resolve("live.mv.db"));
        ViewerPane planner = start();
        String shown = ScreenText.waitFor(planner, "Live data off: ");
        assertTrue(shown.contains("is damaged") && shown.contains("table OBSERVATION"), shown);
        FxThread.call(() -> {
            app.release();
            return null;
        });
        assertArrayEquals(damaged, Files.readAllBytes(cache.resolve("live.mv.db")));
    }

    @Test
    void aCacheMovedAsideIsANoteOnThePlannerNamingWhereItWent() throws Exception {
        Files.write(cache.resolve("live.mv.db"), "H:2,this is not a database at all".repeat(200).getBytes());
        ViewerPane planner = start();
        String shown = ScreenText.waitFor(planner, "The cache would not open and was moved to ");
        try (Stream<Path> files = Files.list(cache)) {
            Path aside = files.filter(file -> file.getFileName().toString().startsWith("live.mv.db.broken-")).findFirst().orElseThrow();
            assertTrue(shown.contains(aside.getFileName().toString()), shown);
        }
    }

    private ViewerPane start() throws Exception {
        stage = FxThread.call(() -> {
            Stage window = new Stage();
            app.start(window);
            return window;
        });
        ScreenText.waitUntil(() -> FxThread.call(() -> stage.getScene().getRoot() instanceof ViewerPane), "the planner is shown");
        return FxThread.call(() -> (ViewerPane) stage.getScene().getRoot());
    }
}
