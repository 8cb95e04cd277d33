package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Place;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.model.geo.Utm;
import de.dormagentwin.scene.CityLayer;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.scene.PlanningLayer;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real click, through the X server, on a known building or on a sensor's marker selects it. */
@Rendering
class PickingTest {
    /** What the viewer runs off the FX thread; closed after each test. */
    private final BackgroundWork background = new BackgroundWork("test-background", 2);
    private CityMeshes threeHouses;
    private Stage stage;

    @BeforeEach
    void needsA3dDisplay() throws Exception {
        Display3D.require();
        threeHouses = Fixtures.meshes("three-houses.city.json");
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxThread.close(stage);
        background.close();
    }

    @Test
    void clickOnAKnownBuildingSelectsItsId() throws Exception {
        ViewerPane pane = inWindow(viewer -> viewer.viewport().cityScene().camera().set(viewer.viewport().cityScene().namedView("house-b")));
        clickTheViewsCentre(pane);
        String selected = FxThread.call(() -> {
            int index = pane.viewport().cityScene().city().selected();
            return index < 0 ? "nothing" : pane.viewport().cityScene().city().meshes().objects().get(index).id();
        });
        assertEquals("house-b", selected);
        int colour = FxThread.call(() -> pane.viewport().cityScene().city().objectColor(pane.viewport().cityScene().city().selected()));
        assertEquals(CityLayer.SELECTION_ARGB, colour, "the selected building is highlighted");
    }

    @Test
    void clickOnAFreeStandingSensorsMarkerShowsItsValues() throws Exception {
        // 300 m east of the houses, where the model has no object: the gauge stands on its own.
        double[] origin = threeHouses.origin();
        double[] wgs84 = Utm.etrs89Utm32ToWgs84(origin[0] + 300, origin[1]);
        String point = Place.point(wgs84[1], wgs84[0]);
        Datastream level = new Datastream("test", "gauge/level", "gauge", "Gauge: water level", "water level", "radar",
                "centimetre", "cm", Classification.PUBLIC);
        Latest value = new Latest(1, level, point, Instant.now(), 412, null, 1, null);
        ViewerPane pane = inWindow(viewer -> {
            viewer.showLive(new LiveFeed.Snapshot(Map.of(point, List.of(value)), 1));
            double[] top = viewer.markers().top(point);
            assertNotNull(top, "a marker for the point");
            // Looking straight at the marker's head, a few metres under its top.
            viewer.viewport().cityScene().camera().set(new OrbitCamera.View(top[0], top[1] + 8, top[2], 0, 30, 150));
        });
        clickTheViewsCentre(pane);
        assertEquals(point, FxThread.call(pane::selectedPlace));
        assertEquals(CityLayer.SELECTION_ARGB, (int) FxThread.call(() -> pane.markers().colourOf(point)), "the selected marker is highlighted");
        String text = FxThread.call(() -> {
            pane.applyCss();
            pane.layout();
            StringBuilder labels = new StringBuilder();
            pane.info().lookupAll(".label").forEach(node -> labels.append(((Label) node).getText()).append('\n'));
            return labels.toString();
        });
        assertTrue(text.contains("Sensor\n") && text.contains("412 cm at") && text.contains("gauge"), text);
        assertEquals(-1, (int) FxThread.call(() -> pane.viewport().cityScene().city().selected()), "no building is selected");
    }

    @Test
    void aBuildingInALayerSwitchedOffIsNeitherDrawnNorClickedAndComesBack() throws Exception {
        ViewerPane pane = inWindow(viewer -> {
            viewer.viewport().cityScene().camera().set(viewer.viewport().cityScene().namedView("house-b"));
            CityLayer city = viewer.viewport().cityScene().city();
            int houseB = city.meshes().objectIndex("house-b");
            city.setHidden(index -> index == houseB);
        });
        clickTheViewsCentre(pane);
        assertEquals(-1, (int) FxThread.call(() -> pane.viewport().cityScene().city().selected()), "a hidden house is not picked");
        FxThread.call(() -> {
            pane.viewport().cityScene().city().setHidden(index -> false);
            return null;
        });
        FxThread.settle();
        clickTheViewsCentre(pane);
        assertEquals("house-b", FxThread.call(pane::selectedPlace), "shown again, it is");
    }

    @Test
    void aClickedPlannedBuildingTakesTheSelectionsColourAndGivesItUpWhenAHouseIsClicked() throws Exception {
        double[] origin = threeHouses.origin();
        double west = origin[0] - 10;
        double south = origin[1] - 40;
        double[] square = {west, south, west + 20, south, west + 20, south + 20, west, south + 20};
        PlanningVariant forum = new PlanningVariant("forum", List.of(
                new PlannedBuilding("Forum", List.of(new PlannedBuilding.Polygon(List.of(square))), 12, Map.of())));
        ViewerPane pane = inWindow(viewer -> {
            viewer.addVariant(forum);
            viewer.viewport().cityScene().camera().set(new OrbitCamera.View(0, -6, -30, 0, 60, 120));
        });
        assertFalse(FxThread.call(() -> pane.planning().buildingColours("forum", 0)).contains(CityLayer.SELECTION_ARGB), "not before the click");
        clickTheViewsCentre(pane);
        assertEquals(List.of(CityLayer.SELECTION_ARGB), FxThread.call(() -> pane.planning().buildingColours("forum", 0)),
                "the planned building, walls and roof, shows the selection's colour");
        FxThread.call(() -> {
            pane.viewport().cityScene().camera().set(pane.viewport().cityScene().namedView("house-b"));
            return null;
        });
        FxThread.settle();
        clickTheViewsCentre(pane);
        assertEquals("house-b", FxThread.call(pane::selectedPlace));
        assertEquals(List.of(PlanningLayer.WALL_ARGB, PlanningLayer.ROOF_ARGB), FxThread.call(() -> pane.planning().buildingColours("forum", 0)),
                "the planned building has its own colours again");
    }

    /** The three houses in a viewer in a window at the screen's corner, set up by {@code setUp} on the FX thread. */
    private ViewerPane inWindow(Consumer<ViewerPane> setUp) throws Exception {
        ViewerPane pane = FxThread.call(() -> {
            ViewerPane viewer = new ViewerPane(new CityViewport(new CityScene(threeHouses)), "test", background);
            stage = new Stage();
            stage.setScene(new Scene(viewer, 900, 600));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            setUp.accept(viewer);
            return viewer;
        });
        FxThread.settle();
        return pane;
    }

    private static void clickTheViewsCentre(ViewerPane pane) throws Exception {
        FxThread.call(() -> {
            Bounds bounds = pane.viewport().localToScreen(pane.viewport().getBoundsInLocal());
            Robot robot = new Robot();
            robot.mouseMove(bounds.getCenterX(), bounds.getCenterY());
            robot.mouseClick(MouseButton.PRIMARY);
            return null;
        });
        FxThread.settle();
    }
}
