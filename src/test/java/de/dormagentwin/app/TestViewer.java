package de.dormagentwin.app;

import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.ScreenText;
import de.dormagentwin.ui.ViewerPane;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The planner as {@code bin/twin view} starts it, on the three-houses fixture without terrain, its cache and
 * configuration in a test's folder, in a window of its own. {@link #close} releases it.
 */
final class TestViewer implements AutoCloseable {
    final ViewerApp app;
    final Path cache;
    private Stage stage;

    /** The viewer's settings; {@code simulate} as without {@code --no-simulator}. Needs the 3D display. */
    TestViewer(Path folder, boolean simulate) throws Exception {
        Display3D.require();
        cache = Files.createDirectories(folder.resolve("cache"));
        app = new ViewerApp(ViewerSettings.planner(List.of(Fixtures.scene("three-houses.city.json")), cache, folder.resolve("config.json"))
                .withTerrain(TerrainFiles.NONE).withSimulator(simulate));
    }

    /** Opens the window and waits for the planner. */
    ViewerPane start() throws Exception {
        stage = FxThread.call(() -> {
            Stage window = new Stage();
            app.start(window);
            return window;
        });
        ScreenText.waitUntil(() -> FxThread.call(() -> stage.getScene().getRoot() instanceof ViewerPane), "the planner is shown");
        return planner();
    }

    /** What the window shows now, a planner. */
    ViewerPane planner() throws Exception {
        return FxThread.call(() -> (ViewerPane) stage.getScene().getRoot());
    }

    Stage stage() {
        return stage;
    }

    @Override
    public void close() {
        try {
            if (stage != null) {
                FxThread.call(() -> {
                    app.release();
                    stage.close();
                    return null;
                });
            }
        } catch (InterruptedException e) {
            // Not thrown: an interrupt from close() would be swallowed as a suppressed exception by try-with-resources.
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the test viewer did not close", e);
        }
    }
}
