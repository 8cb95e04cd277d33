package de.dormagentwin.ui.kiosk;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Place;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.overlay.WaterMarks;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.ScreenText;
import de.dormagentwin.ui.CityViewport;
import de.dormagentwin.ui.LiveFeed;
import de.dormagentwin.ui.Texts;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gauge's card and panel name the river's level by the gauge's own marks for low and high water, in the
 * visitor's language, and say nothing of it where the gauge's binding gives no marks.
 */
@ExtendWith(ApplicationExtension.class)
class KioskGaugeWordUiTest {
    private static final String GAUGE = Place.point(6.8575, 51.12);
    private static final Datastream LEVEL = new Datastream("simulator", "rhine-gauge/level", "rhine-gauge", "Gauge Rhein Dormagen: water level",
            "water level", "river gauge", "centimetre", "cm", Classification.PUBLIC);
    private static final List<String> EVERY_WORD = List.of("Niedrigwasser", "Mittelwasser", "Hochwasser",
            "low water", "mean water", "high water", "Low water", "Mean water", "High water");
    private KioskPane pane;

    @Start
    void start(Stage stage) throws Exception {
        CityMeshes meshes = Fixtures.meshes("three-houses.city.json");
        pane = new KioskPane(new CityViewport(new CityScene(meshes)), Texts.GERMAN, Duration.ofSeconds(90), Instant::now, "4711", () -> { });
        new Scene(pane, 1280, 800);
    }

    @Test
    void belowBetweenAndAboveTheMarksTheCardAndPanelSayLowMeanOrHighWaterInEitherLanguage() throws Exception {
        WaterMarks koeln = new WaterMarks(114, 725);
        Object[][] cases = {
                {Texts.GERMAN, 90.0, "Niedrigwasser", "Niedrigwasser"}, {Texts.GERMAN, 412.0, "Mittelwasser", "Mittelwasser"},
                {Texts.GERMAN, 760.0, "Hochwasser", "Hochwasser"}, {Texts.ENGLISH, 90.0, "low water", "Low water"},
                {Texts.ENGLISH, 412.0, "mean water", "Mean water"}, {Texts.ENGLISH, 760.0, "high water", "High water"}};
        for (Object[] example : cases) {
            String[] shown = cardAndPanel(datastream -> datastream.remoteId().equals("rhine-gauge/level") ? koeln : null,
                    (Locale) example[0], (double) example[1]);
            String where = example[0] + " at " + example[1] + " cm";
            assertTrue(shown[0].contains(" cm – " + example[2]), where + ", the card:" + shown[0]);
            assertTrue(shown[1].lines().anyMatch(line -> line.equals(example[3])), where + ", the panel:\n" + shown[1]);
            for (String other : EVERY_WORD) {
                if (!other.equalsIgnoreCase((String) example[2])) {
                    assertFalse(shown[0].contains(other) || shown[1].contains(other), where + " also says " + other + ":" + shown[0]);
                }
            }
        }
    }

    @Test
    void aGaugeWhoseBindingGivesNoMarksGetsNoWord() throws Exception {
        for (double level : new double[]{90, 412, 760}) {
            String[] shown = cardAndPanel(datastream -> null, Texts.GERMAN, level);
            assertTrue(shown[0].contains("Gauge Rhein Dormagen") && shown[1].contains(" m"), "the card and the panel are up:" + shown[0] + shown[1]);
            for (String word : EVERY_WORD) {
                assertFalse(shown[0].contains(word) || shown[1].contains(word), level + " cm: " + word + " without marks:" + shown[0] + shown[1]);
            }
        }
    }

    /** The gauge's card (tapped) and its panel (the Rhine button) at a level: everything on screen, and the panel alone. */
    private String[] cardAndPanel(java.util.function.Function<Datastream, WaterMarks> marks, Locale language, double level) throws Exception {
        return FxThread.call(() -> {
            pane.texts().setLocale(language);
            pane.setWaterMarks(marks);
            pane.showLive(new LiveFeed.Snapshot(Map.of(GAUGE, List.of(new Latest(7, LEVEL, GAUGE, Instant.now(), level, null, 1, null))), 1));
            pane.select(GAUGE);
            pane.lookupAll(".button").stream().map(Button.class::cast)
                    .filter(button -> List.of("Der Rhein", "The Rhine").contains(button.getText())).findFirst().orElseThrow().fire();
            pane.applyCss();
            pane.layout();
            return new String[]{ScreenText.of(pane), pane.gaugeText()};
        });
    }
}
