package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.ui.ViewerPane;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A real click, through the X server, on a known building selects it and shows its id. */
class PickingTest {
    private Stage stage;

    @BeforeEach
    void needsA3dDisplay() throws InterruptedException {
        Display3D.require();
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (stage != null) {
            FxThread.call(() -> {
                stage.close();
                return null;
            });
        }
    }

    @Test
    void clickOnAKnownBuildingSelectsItsId() throws Exception {
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(SnapshotTest.fixture("three-houses.city.json")), LodChoice.HIGHEST);
        ViewerPane pane = FxThread.call(() -> {
            ViewerPane viewer = new ViewerPane(SceneFactory.viewport(prepared), "test");
            stage = new Stage();
            stage.setScene(new Scene(viewer, 900, 600));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            viewer.viewport().cityScene().camera().set(viewer.viewport().cityScene().namedView("house-b"));
            return viewer;
        });
        FxThread.settle();
        FxThread.call(() -> {
            Bounds bounds = pane.viewport().localToScreen(pane.viewport().getBoundsInLocal());
            Robot robot = new Robot();
            robot.mouseMove(bounds.getCenterX(), bounds.getCenterY());
            robot.mouseClick(MouseButton.PRIMARY);
            return null;
        });
        FxThread.settle();
        String selected = FxThread.call(() -> {
            int index = pane.viewport().cityScene().city().selected();
            return index < 0 ? "nothing" : pane.viewport().cityScene().city().meshes().objects().get(index).id();
        });
        assertEquals("house-b", selected);
        int colour = FxThread.call(() -> pane.viewport().cityScene().city().objectColor(pane.viewport().cityScene().city().selected()));
        assertEquals(0xFFFFC400, colour, "the selected building is highlighted");
    }
}
