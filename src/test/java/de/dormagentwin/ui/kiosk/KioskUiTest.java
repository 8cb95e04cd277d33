package de.dormagentwin.ui.kiosk;

import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.ui.CityViewport;
import de.dormagentwin.ui.Texts;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk as a visitor and its administrator use it: taps, the language button, the admin keys and the PIN. */
@ExtendWith(ApplicationExtension.class)
class KioskUiTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T10:00:00Z"));
    private final AtomicInteger exits = new AtomicInteger();
    private KioskPane pane;

    @Start
    void start(Stage stage) throws Exception {
        CityMeshes meshes = Fixtures.meshes("three-houses.city.json");
        pane = new KioskPane(new CityViewport(new CityScene(meshes)), Texts.GERMAN, Duration.ofSeconds(90), now::get, "4711",
                exits::incrementAndGet);
        stage.setScene(new Scene(pane, 1280, 800));
        stage.show();
    }

    @Test
    void oneTapOnTheLanguageButtonSwitchesEveryButton(FxRobot robot) {
        assertTrue(buttons(robot).containsAll(List.of("Start", "Luft jetzt", "Der Rhein", "English")), buttons(robot).toString());
        robot.clickOn("English");
        assertTrue(buttons(robot).containsAll(List.of("Home", "Air now", "The Rhine", "Deutsch")), buttons(robot).toString());
        robot.clickOn("Deutsch");
        assertTrue(buttons(robot).contains("Luft jetzt"));
    }

    @Test
    void onlyTheAdminKeysOpenThePromptAndOnlyTheRightPinLeaves(FxRobot robot) {
        robot.clickOn(pane);
        robot.type(KeyCode.ESCAPE);
        assertFalse(pane.isPinPromptShown());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
        assertTrue(pane.isPinPromptShown());
        robot.write("1234").type(KeyCode.ENTER);
        assertEquals(0, exits.get());
        assertTrue(robot.lookup("Falsche PIN").tryQuery().isPresent(), "the prompt says the PIN was wrong");
        robot.write("4711");
        robot.clickOn("Verlassen");
        assertEquals(1, exits.get());
    }

    @Test
    void aTapAnywhereStopsTheTour(FxRobot robot) {
        now.set(now.get().plusSeconds(90));
        robot.interact(() -> pane.session().tick());
        assertEquals(0, pane.tourStep());
        assertTrue(robot.lookup(node -> node instanceof Labeled labeled && labeled.getText() != null
                && labeled.getText().startsWith("Dormagen, eine Smart Industrial City")).tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn(pane);
        assertEquals(-1, pane.tourStep(), "a tap stops the tour");
    }

    private static List<String> buttons(FxRobot robot) {
        return robot.lookup(".button").queryAllAs(Labeled.class).stream().filter(Node::isVisible).map(Labeled::getText).toList();
    }
}
