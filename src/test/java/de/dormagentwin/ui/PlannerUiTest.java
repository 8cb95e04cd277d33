package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.SeriesPoint;
import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.ScreenText;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's controls as a user works them: menus, toggles, keys and the layers panel. */
@ExtendWith(ApplicationExtension.class)
class PlannerUiTest {
    private ViewerPane pane;
    /** What the viewer runs off the FX thread; closed after each test. */
    private final BackgroundWork background = new BackgroundWork("test-background", 2);

    @Start
    void start(Stage stage) throws Exception {
        CityMeshes threeHouses = Fixtures.meshes("three-houses.city.json");
        pane = new ViewerPane(new CityViewport(new CityScene(threeHouses)), "test", background);
        stage.setScene(new Scene(pane, 1400, 860));
        stage.show();
    }

    @AfterEach
    void closeTheBackgroundWork() {
        background.close();
    }

    @Test
    void theFileMenuOpensModelsAndImportsVariants(FxRobot robot) {
        robot.clickOn("File");
        assertTrue(robot.lookup("Open model files…").tryQuery().isPresent());
        assertTrue(robot.lookup("Import planning variant…").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void measureIsAButtonAndAKeyAndSaysWhatToDo(FxRobot robot) {
        robot.clickOn("Measure");
        assertTrue(text(robot).contains("Measuring: click points on the model"), text(robot));
        robot.clickOn(pane.viewport());
        robot.type(KeyCode.M);
        assertFalse(text(robot).contains("Measuring:"), "M ends measuring");
    }

    @Test
    void theSafetyViewFollowsItsButtonItsKeyAndItsLayerCheckBox(FxRobot robot) {
        robot.clickOn("Layers");
        CheckBox layer = robot.lookup(node -> node instanceof CheckBox box && "Safety view".equals(box.getText())).queryAs(CheckBox.class);
        robot.clickOn(layer);
        assertTrue(text(robot).contains("Illustration"), "the safety view's caption: " + text(robot));
        robot.clickOn(pane.viewport());
        robot.type(KeyCode.S);
        assertFalse(layer.isSelected(), "S hides it again, and the check box follows");
    }

    @Test
    void searchFindsAnObjectByNameAndEnterSelectsIt(FxRobot robot) throws Exception {
        // The search box joins the toolbar once its index is built on a worker.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".text-field").tryQuery().isPresent());
        TextField search = robot.lookup(node -> node instanceof TextField field && "Search id, name, attribute".equals(field.getPromptText()))
                .queryAs(TextField.class);
        robot.clickOn(search).write("house b").type(KeyCode.ENTER);
        assertTrue("house-b".equals(pane.selectedPlace()), "selected: " + pane.selectedPlace());
    }

    @Test
    void ctrlFFocusesTheSearchWhoseLettersAreTextAndASearchHandsTheKeysBackToTheView(FxRobot robot) throws Exception {
        TextField search = searchBox(robot);
        robot.clickOn(pane.viewport());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertTrue(search.isFocused(), "Ctrl+F focuses the search; focus is on " + pane.getScene().getFocusOwner());
        robot.write("house b");
        assertTrue("house b".equals(search.getText()), search.getText());
        assertFalse(text(robot).contains("Illustration"), "S in the search is a letter, not the safety view's key");
        robot.type(KeyCode.ENTER);
        assertTrue("house-b".equals(pane.selectedPlace()), "selected: " + pane.selectedPlace());
        assertFalse(search.isFocused(), "after the search the view has the keys again");
        robot.type(KeyCode.M);
        assertTrue(text(robot).contains("Measuring:"), "M measures again once the search is done");
    }

    @Test
    void lettersTypedInAnyTextFieldNeverFireTheOneKeyShortcuts(FxRobot robot) {
        TextField field = new TextField();
        robot.interact(() -> ((VBox) pane.getTop()).getChildren().add(field));
        robot.clickOn(field).write("mst");
        assertTrue("mst".equals(field.getText()), field.getText());
        assertFalse(text(robot).contains("Measuring:"), "M in a text field does not start measuring");
        assertFalse(text(robot).contains("Illustration"), "S in a text field does not show the safety view");
    }

    @Test
    void theChartOpensOnTheStreamTheCityIsColouredBy(FxRobot robot) {
        List<Long> loaded = new ArrayList<>();
        List<Latest> houseB = List.of(latest(1, "air temperature", "°C", 7), latest(2, "PM10 concentration", "µg/m³", 23));
        robot.interact(() -> {
            pane.info().setChart(new SeriesChart((id, from, to, maxPoints, onFxThread) -> loaded.add(id)));
            pane.showLive(new LiveFeed.Snapshot(Map.of("house-b", houseB), 1));
            pane.selectPlace("house-b");
        });
        assertEquals(List.of(2L), loaded, "with PM10 colouring the chart opens on PM10, not on the first stream");
        robot.interact(() -> {
            pane.select(-1);
            pane.setTheme("Temperature");
            pane.selectPlace("house-b");
        });
        assertEquals(List.of(2L, 1L), loaded, "with temperature colouring, on temperature");
    }

    @Test
    void theInfoPanelWritesNumbersDatesAndCountsAsEnglishDoes(FxRobot robot) {
        Instant noon = Instant.parse("2026-12-04T12:00:00Z");
        double[] hall = {0, 0, 1000, 0, 1000, 559.285, 0, 559.285};
        robot.interact(() -> {
            pane.showLive(new LiveFeed.Snapshot(Map.of("house-b", List.of(latest(1, "car count", "1/15min", 7, noon),
                    latest(2, "water level", "cm", 1234.5, noon))), 2));
            pane.selectPlace("house-b");
        });
        String text = infoText(robot);
        // Noon UTC is the 4th of December in every time zone from UTC-11 to UTC+11.
        assertTrue(text.contains("7 per 15 min at 12/4/2026 "), text);
        assertTrue(text.contains("1,234.5 cm at 12/4/2026 "), text);
        robot.interact(() -> pane.info().showPlanned("forum",
                new PlannedBuilding("Hall", List.of(new PlannedBuilding.Polygon(List.of(hall))), 12, Map.of())));
        assertTrue(infoText(robot).contains("559,285 m²"), infoText(robot));
    }

    @Test
    void theChartWritesItsCountsInWordsAndItsNumbersAsEnglishDoes(FxRobot robot) {
        Instant noon = Instant.parse("2026-12-04T12:00:00Z");
        robot.interact(() -> {
            pane.info().setChart(new SeriesChart((id, from, to, maxPoints, onFxThread) -> onFxThread.accept(List.of(
                    new SeriesPoint(noon.minusSeconds(1800), 900, 850, 1234.5, 2), new SeriesPoint(noon.minusSeconds(900), 1000, 1000, 1000, 1)))));
            pane.setTheme("Cars");
            pane.showLive(new LiveFeed.Snapshot(Map.of("house-b", List.of(latest(1, "car count", "1/15min", 1000, noon))), 1));
            pane.selectPlace("house-b");
        });
        String text = infoText(robot);
        assertTrue(text.contains("min 850.0, max 1,234.5 per 15 min over the 24 hours"), text);
    }

    private String infoText(FxRobot robot) {
        StringBuilder text = new StringBuilder();
        robot.interact(() -> pane.info().lookupAll(".label").forEach(node -> text.append(((Labeled) node).getText()).append('\n')));
        return text.toString();
    }

    private static Latest latest(long id, String property, String unit, double value) {
        return latest(id, property, unit, value, Instant.now());
    }

    private static Latest latest(long id, String property, String unit, double value, Instant time) {
        Datastream stream = new Datastream("test", "box/" + id, "box", "Box: " + property, property, "sensor", unit, unit, Classification.PUBLIC);
        return new Latest(id, stream, "house-b", time, value, null, 1, null);
    }

    @Test
    void lettersTypedInTheSunsDateNeverFireTheOneKeyShortcuts(FxRobot robot) {
        robot.clickOn("Sun");
        DatePicker date = robot.lookup(node -> node instanceof DatePicker).queryAs(DatePicker.class);
        robot.clickOn(date.getEditor()).write("mst");
        assertTrue(date.getEditor().getText().contains("mst"), date.getEditor().getText());
        assertFalse(text(robot).contains("Measuring:"), "M in the date does not start measuring");
        assertFalse(text(robot).contains("Illustration"), "S in the date does not show the safety view");
        // A valid date again before the field loses the focus: the picker would fail to parse the letters then.
        robot.interact(() -> date.getEditor().setText(date.getConverter().toString(date.getValue())));
    }

    private TextField searchBox(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".text-field").tryQuery().isPresent());
        return robot.lookup(node -> node instanceof TextField field && "Search id, name, attribute".equals(field.getPromptText()))
                .queryAs(TextField.class);
    }

    @Test
    void theSunSaysWhereItStands(FxRobot robot) {
        robot.clickOn("Sun");
        assertTrue(text(robot).matches("(?s).*\\d\\d:\\d\\d: sun \\d+°.*"), text(robot));
    }

    private String text(FxRobot robot) {
        StringBuilder text = new StringBuilder();
        robot.lookup(node -> node instanceof Labeled labeled && ScreenText.visible(node) && labeled.getText() != null)
                .queryAllAs(Labeled.class).forEach(labeled -> text.append(labeled.getText()).append('\n'));
        return text.toString();
    }
}
