package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import de.dormagentwin.ui.kiosk.KioskPane;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Value labels are drawn inside the 3D view only: never over the planner's toolbars, nor over the legend, notes,
 * captions or buttons that stand on the view. The camera sweeps the labelled houses past every edge of the view.
 */
@Rendering
class ValueLabelPlacementTest {
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
    void thePlannersLabelsStayInsideTheViewAndOffItsLegendAndNotes() throws Exception {
        LabelSweep.Result result = FxThread.call(() -> {
            ViewerPane pane = new ViewerPane(new CityViewport(new CityScene(threeHouses)), "test", background);
            stage = FxThread.show(pane, 1100, 760);
            pane.showLive(new LiveFeed.Snapshot(LabelSweep.pm10(Instant.now()), 3));
            pane.showMeasuring(true);
            pane.showSafety(true);
            pane.applyCss();
            pane.layout();
            List<Node> obstacles = new ArrayList<>(pane.viewport().lookupAll(".note"));
            obstacles.add(pane.viewport().legend());
            assertTrue(obstacles.size() >= 3 && pane.viewport().legend().isVisible(), "the legend and two notes are up: " + obstacles);
            return LabelSweep.sweep(pane.viewport(), obstacles);
        });
        assertTrue(result.labelsSeen() > 100, "labels drawn in the sweep: " + result.labelsSeen());
        assertTrue(result.misplaced().isEmpty(), result.misplaced().size() + " misplaced, e.g. " + result.misplaced().stream().limit(3).toList());
    }

    @Test
    void theKiosksLabelsWriteCountsInWordsWithTheSeparatorsOfTheLanguageShown() throws Exception {
        Datastream cars = new Datastream("simulator", "box/cars", "box", "Box: cars", "car count", "counter", "cars per 15 minutes", "1/15min",
                Classification.PUBLIC);
        List<List<String>> labels = FxThread.call(() -> {
            CityViewport viewport = new CityViewport(new CityScene(threeHouses));
            KioskPane kiosk = new KioskPane(viewport, Texts.GERMAN, Duration.ofSeconds(90), Instant::now, "4711", () -> { });
            stage = FxThread.show(kiosk, 1280, 800);
            kiosk.setTheme("Cars");
            kiosk.showLive(new LiveFeed.Snapshot(Map.of("house-b", List.of(new Latest(1, cars, "house-b", Instant.now(), 1250, null, 1, null))), 1));
            // Straight down on the houses, which stand in a row around the origin.
            viewport.cityScene().camera().set(new OrbitCamera.View(0, 0, 0, 0, 89.9, 150));
            List<String> german = texts(viewport);
            kiosk.texts().setLocale(Texts.ENGLISH);
            return List.of(german, texts(viewport));
        });
        assertEquals(List.of("1.250 pro 15 min"), labels.get(0));
        assertEquals(List.of("1,250 per 15 min"), labels.get(1));
    }

    @Test
    void theKiosksLabelsAreAsLargeAsItsOtherTextAndThePlannersKeepTheirSize() throws Exception {
        Datastream pm10 = new Datastream("test", "box/pm10", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC);
        LiveFeed.Snapshot values = new LiveFeed.Snapshot(Map.of("house-b", List.of(new Latest(1, pm10, "house-b", Instant.now(), 31, null, 1, null))), 1);
        List<Double> sizes = FxThread.call(() -> {
            CityViewport viewport = new CityViewport(new CityScene(threeHouses));
            KioskPane kiosk = new KioskPane(viewport, Texts.GERMAN, Duration.ofSeconds(90), Instant::now, "4711", () -> { });
            stage = FxThread.show(kiosk, 1920, 1080);
            kiosk.showLive(values);
            kiosk.applyCss();
            kiosk.layout();
            viewport.cityScene().camera().set(new OrbitCamera.View(0, 0, 0, 0, 89.9, 150));
            return List.of(kiosk.textSize(), labelSize(viewport));
        });
        FxThread.close(stage);
        double planner = FxThread.call(() -> {
            ViewerPane pane = new ViewerPane(new CityViewport(new CityScene(threeHouses)), "test", background);
            stage = FxThread.show(pane, 1100, 760);
            pane.showLive(new LiveFeed.Snapshot(LabelSweep.pm10(Instant.now()), 3));
            pane.applyCss();
            pane.layout();
            pane.viewport().cityScene().camera().set(new OrbitCamera.View(0, 0, 0, 0, 89.9, 150));
            return labelSize(pane.viewport());
        });
        assertEquals(KioskPane.TEXT_PX, sizes.get(0), "the kiosk's text size at 1080 lines");
        assertEquals(sizes.get(0), sizes.get(1), 0.01, "the kiosk's value labels");
        assertEquals(CityViewport.PLANNER_TEXT_PX, planner, 0.01, "the planner's value labels");
    }

    /** The font size of the value labels on screen (all have the same); fails where none is. */
    private static double labelSize(CityViewport viewport) {
        List<Double> sizes = viewport.valueLabels().getChildrenUnmodifiable().stream().filter(Node::isVisible)
                .map(node -> ((Labeled) node).getFont().getSize()).distinct().toList();
        assertEquals(1, sizes.size(), "one size of the labels shown: " + sizes);
        return sizes.get(0);
    }

    private static List<String> texts(CityViewport viewport) {
        return viewport.valueLabels().getChildrenUnmodifiable().stream().filter(Node::isVisible)
                .map(node -> ((Labeled) node).getText()).toList();
    }

    /** Visible, and so is everything it stands in: the PIN prompt's hidden buttons are not on screen. */
    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theKiosksLabelsStayOffItsButtonsCaptionsAndBanner() throws Exception {
        LabelSweep.Result result = FxThread.call(() -> {
            CityViewport viewport = new CityViewport(new CityScene(threeHouses));
            KioskPane kiosk = new KioskPane(viewport, Texts.GERMAN, Duration.ofSeconds(90), Instant::now, "4711", () -> { });
            kiosk.showSampleNote(true);
            stage = FxThread.show(kiosk, 1280, 800);
            kiosk.showLive(new LiveFeed.Snapshot(LabelSweep.pm10(Instant.now()), 3));
            kiosk.applyCss();
            kiosk.layout();
            List<Node> obstacles = new ArrayList<>(kiosk.lookupAll(".button").stream().filter(ValueLabelPlacementTest::shown).toList());
            obstacles.add(viewport.legend());
            // The tap hint and the sample banner: the visible labels of the kiosk itself, outside the view's own nodes.
            for (Node child : kiosk.getChildrenUnmodifiable()) {
                if (child instanceof Labeled && child.isVisible()) {
                    obstacles.add(child);
                }
            }
            assertTrue(obstacles.stream().filter(Button.class::isInstance).count() >= 7, "the kiosk's buttons: " + obstacles);
            assertTrue(obstacles.stream().filter(node -> !(node instanceof Button) && !(node instanceof Parent parent && parent == viewport.legend())).count() >= 2,
                    "the hint and the banner: " + obstacles);
            return LabelSweep.sweep(viewport, obstacles);
        });
        assertTrue(result.labelsSeen() > 100, "labels drawn in the sweep: " + result.labelsSeen());
        assertTrue(result.misplaced().isEmpty(), result.misplaced().size() + " misplaced, e.g. " + result.misplaced().stream().limit(3).toList());
    }
}
