package de.dormagentwin.ui.kiosk;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.SeriesPoint;
import de.dormagentwin.overlay.WaterMarks;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.ui.CityViewport;
import de.dormagentwin.ui.LiveFeed;
import de.dormagentwin.ui.Texts;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text the kiosk shows is readable from a step back: at least 18 px on a 1080p screen and as much larger as
 * the screen is (36 px at 2160p), and at either size the buttons, the legend and every text stay whole and on screen.
 */
@ExtendWith(ApplicationExtension.class)
class KioskTextSizeUiTest {
    private static final String PIN = "4711";
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private CityMeshes meshes;

    @Start
    void start(Stage stage) throws Exception {
        meshes = Fixtures.meshes("three-houses.city.json");
    }

    @Test
    void onAFullHdScreenEveryTextIsAtLeast18PixelsAndEverythingFits() throws Exception {
        assertEveryTextAtLeast(1920, 1080, 18);
    }

    @Test
    void onA4kScreenEveryTextIsAtLeast36PixelsAndEverythingFits() throws Exception {
        assertEveryTextAtLeast(3840, 2160, 36);
    }

    /**
     * Walks the kiosk in each of its states (a card, the gauge, the legend, value labels, the note and the hint; the
     * tour's caption; the PIN prompt; the maintenance panel) and collects every visible text smaller than {@code least}
     * pixels, cut short, or off the screen.
     */
    private void assertEveryTextAtLeast(int width, int height, double least) throws Exception {
        KioskPane pane = FxThread.call(() -> {
            KioskPane kiosk = new KioskPane(new CityViewport(new CityScene(meshes)), Texts.GERMAN, Duration.ofSeconds(90),
                    now::get, PIN, () -> { });
            // Not shown: the headless screen is smaller than 4K. CSS and layout are what give the sizes.
            new Scene(kiosk, width, height);
            return kiosk;
        });
        List<String> problems = new ArrayList<>();
        Datastream pm10 = new Datastream("test", "box/pm10", "box", "PM10", "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC);
        Datastream level = new Datastream("test", "gauge/level", "gauge", "Gauge Rhein Dormagen: water level", "water level",
                "river gauge", "centimetre", "cm", Classification.PUBLIC);
        Instant time = now.get();
        List<SeriesPoint> week = new ArrayList<>();
        for (int hour = 168; hour >= 1; hour--) {
            week.add(new SeriesPoint(time.minus(Duration.ofHours(hour)), 300, 300, 300, 1));
        }
        LiveFeed.Snapshot values = new LiveFeed.Snapshot(Map.of(
                "house-b", List.of(new Latest(1, pm10, "house-b", time, 31, null, 1, null)),
                "house-a", List.of(new Latest(7, level, "house-a", time, 412, null, 1, null))), 2);

        inState(pane, "the card, the legend, the note and the hint", problems, least, kiosk -> {
            CityScene scene = kiosk.viewport().cityScene();
            scene.camera().set(scene.homeView());
            kiosk.setWaterMarks(datastream -> new WaterMarks(114, 725));
            kiosk.setSeries((id, from, to, maxPoints, onFxThread) -> onFxThread.accept(id == 7 ? week : List.of()));
            kiosk.showSampleNote(true);
            kiosk.showLive(values);
            kiosk.select("house-b");
        });
        inState(pane, "the card and the gauge", problems, least, kiosk -> button(kiosk, "Der Rhein").fire());
        assertTrue(FxThread.call(() -> !pane.gaugeText().isEmpty() && pane.isCardShown()), "the gauge and the card are both open");
        inState(pane, "the tour's caption", problems, least, kiosk -> {
            now.set(now.get().plusSeconds(90));
            kiosk.session().tick();
        });
        assertEquals(0, (int) FxThread.call(pane::tourStep), "the tour runs");
        inState(pane, "the PIN prompt", problems, least, KioskPane::showPinPrompt);
        inState(pane, "the maintenance panel", problems, least, kiosk -> kiosk.enterPinForStatus(PIN));
        assertTrue(FxThread.call(pane::isMaintenanceShown), "the maintenance panel is open");
        assertEquals(List.of(), problems, width + "x" + height);
    }

    private static void inState(KioskPane pane, String state, List<String> problems, double least, Consumer<KioskPane> action)
            throws Exception {
        FxThread.call(() -> {
            action.accept(pane);
            // The text size follows the pane's height, known after a layout: a second pass lays out in that size.
            for (int pass = 0; pass < 3; pass++) {
                pane.applyCss();
                pane.layout();
            }
            return null;
        });
        FxThread.call(() -> {
            Scene scene = pane.getScene();
            List<String> texts = new ArrayList<>();
            walk(pane, node -> {
                // A label's own text node says the same as its label.
                if (!shown(node) || node instanceof Text && node.getParent() instanceof Labeled) {
                    return;
                }
                if (node instanceof TextInputControl field && field.getFont().getSize() < least) {
                    problems.add(state + ": a text field of " + field.getFont().getSize() + " px");
                }
                String text = node instanceof Labeled labeled ? labeled.getText() : node instanceof Text plain ? plain.getText() : null;
                if (text == null || text.isBlank()) {
                    return;
                }
                double size = node instanceof Labeled labeled ? labeled.getFont().getSize() : ((Text) node).getFont().getSize();
                String where = state + ": '" + text.lines().findFirst().orElse("") + "'";
                texts.add(where);
                if (size < least) {
                    problems.add(where + " is " + size + " px");
                }
                Bounds bounds = node.localToScene(node.getBoundsInLocal());
                if (bounds.getMinX() < -0.5 || bounds.getMinY() < -0.5 || bounds.getMaxX() > scene.getWidth() + 0.5
                        || bounds.getMaxY() > scene.getHeight() + 0.5) {
                    problems.add(where + " is off the screen: " + bounds);
                }
                if (node instanceof Labeled labeled) {
                    Text drawn = (Text) labeled.lookup(".text");
                    if (drawn != null && !drawn.getText().equals(labeled.getText())) {
                        problems.add(where + " is cut to '" + drawn.getText() + "'");
                    }
                }
            });
            assertTrue(texts.size() >= 5, state + ": too few texts to judge: " + texts);
            if (state.startsWith("the card, the legend")) {
                assertTrue(pane.viewport().legend().isVisible(), "the legend");
                Bounds legend = pane.viewport().legend().localToScene(pane.viewport().legend().getBoundsInLocal());
                if (legend.getMinY() < 0 || legend.getMaxY() > scene.getHeight()) {
                    problems.add(state + ": the legend leaves the screen: " + legend);
                }
            }
            return null;
        });
    }

    private static Button button(KioskPane pane, String text) {
        return pane.lookupAll(".button").stream().map(Button.class::cast).filter(button -> text.equals(button.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no button '" + text + "'"));
    }

    private static void walk(Node node, Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> walk(child, visit));
        }
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible() || at.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }
}
