package de.dormagentwin.ui;

import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Files dragged onto the planner's window reach the same place as files chosen in the File menu. */
@Rendering
class DropFilesTest {
    private final List<Stage> stages = new CopyOnWriteArrayList<>();
    /** What the viewer runs off the FX thread; closed after each test. */
    private final BackgroundWork background = new BackgroundWork("test-background", 2);

    @BeforeEach
    void needsADisplay() throws Exception {
        Display3D.require();
    }

    @AfterEach
    void close() throws Exception {
        FxThread.call(() -> {
            stages.forEach(Stage::close);
            return null;
        });
        background.close();
    }

    @Test
    void filesDroppedOnTheWindowAreOpened() throws Exception {
        CityMeshes threeHouses = Fixtures.meshes("three-houses.city.json");
        Path variant = Path.of("assets/variants/chempunkt-tower.geojson").toAbsolutePath();
        List<Path> received = new CopyOnWriteArrayList<>();
        Label source = FxThread.call(() -> {
            ViewerPane pane = new ViewerPane(new CityViewport(new CityScene(threeHouses)), "test", background);
            pane.setOnFiles(received::addAll);
            stages.add(show(new Scene(pane, 900, 600), 0));
            // A drag source in a window of its own stands in for the file manager: a real drag through the
            // window system, with files on the dragboard.
            Label file = new Label("chempunkt-tower.geojson");
            file.setStyle("-fx-padding: 30; -fx-font-size: 20px;");
            file.setOnDragDetected(event -> {
                Dragboard board = file.startDragAndDrop(TransferMode.COPY);
                ClipboardContent content = new ClipboardContent();
                content.putFiles(List.of(new File(variant.toString())));
                board.setContent(content);
                event.consume();
            });
            stages.add(show(new Scene(file, 300, 120), 950));
            return file;
        });
        FxThread.settle();
        FxThread.call(() -> {
            Bounds from = source.localToScreen(source.getBoundsInLocal());
            Robot robot = new Robot();
            robot.mouseMove(from.getCenterX(), from.getCenterY());
            robot.mousePress(MouseButton.PRIMARY);
            return null;
        });
        // Move in steps, letting the window system follow the drag.
        for (int step = 1; step <= 12; step++) {
            double x = 1100 - step * 75.0;
            FxThread.call(() -> {
                new Robot().mouseMove(x, 300);
                return null;
            });
            Thread.sleep(80);
        }
        FxThread.call(() -> {
            new Robot().mouseRelease(MouseButton.PRIMARY);
            return null;
        });
        // The drop arrives through the X server; on a loaded machine that took up to a second here.
        for (int i = 0; i < 200 && received.isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(variant), received);
    }

    private static Stage show(Scene scene, double x) {
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.setX(x);
        stage.setY(0);
        stage.show();
        return stage;
    }
}
