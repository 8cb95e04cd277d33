package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.ScreenText;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner in German and in English: every text it shows (controls, menus and their submenus, context menus,
 * tooltips, prompt texts, column headers, axis labels, captions) comes in both, switches at once in the menu, and the
 * choice is kept for the next planner.
 */
@ExtendWith(ApplicationExtension.class)
class PlannerLanguageUiTest {
    /**
     * Not words of one language: names, formats and units that read the same in German and English, and the few
     * words German has taken from English as planners use them.
     */
    private static final List<String> SAME_IN_BOTH = List.of("Sprache / Language", "Deutsch", "English", "CHEMPARK", "Dormagen", "PM10",
            "PM2.5", "PM2,5", "CO2", "NOx", "GeoJSON", "CityJSON", "CSV", "PNG", "µg/m³", "mg/m³", "fps", "Export", "Sensor", "Name", "Live",
            "live");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private static final String STATUS = "three-houses.city.json";
    private static final String SOURCE = "box-feed";

    @TempDir
    Path folder;
    private Stage stage;
    private Path settings;
    private ViewerPane pane;
    private final BackgroundWork background = new BackgroundWork("test-background", 2);
    private LiveStore store;
    private LiveFeed feed;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 1600, 1000));
        stage.show();
    }

    @AfterEach
    void closeAndSpeakEnglishAgain() throws Exception {
        FxThread.call(() -> {
            if (pane != null) {
                pane.detachFeed();
            }
            // The language is the whole planner's: the next test class in this JVM expects the English it starts with.
            PlannerLanguage.texts().setLocale(Texts.ENGLISH);
            return null;
        });
        if (feed != null) {
            feed.close();
        }
        if (store != null) {
            store.close();
        }
        background.close();
    }

    @Test
    void everyTextOfTheGermanPlannerIsGermanAndTheEnglishPlannersEnglish(FxRobot robot) throws Exception {
        settings = folder.resolve("planner.properties");
        Files.writeString(settings, "language=en\n");
        showPlanner(robot);
        Set<String> data = dataShown();
        Set<String> english = texts(data);
        assertTrue(english.contains("Measure") && english.contains("Layers"), "the English planner: " + english);

        choose(robot, "Deutsch");
        Set<String> german = texts(data);
        assertTrue(german.contains("Messen") && german.contains("Ebenen"), "the German planner, at once: " + german);

        // Built in German from the start, a planner shows the same words as one switched to German.
        closeAndStartAgain();
        showPlanner(robot);
        assertEquals(Texts.GERMAN, PlannerLanguage.texts().locale(), "the settings file said German");
        Set<String> built = texts(data);
        assertEquals(words(german), words(built));

        List<String> same = german.stream().filter(english::contains).filter(text -> !notAWord(text)).toList();
        assertEquals(List.of(), same, "texts the German planner shows as the English one does");
        Set<String> englishOnly = englishOnlyWords(english, data);
        List<String> englishInGerman = german.stream()
                .filter(text -> WORD.matcher(withoutNames(text)).results().anyMatch(word -> englishOnly.contains(word.group().toLowerCase(Locale.ROOT))))
                .toList();
        assertEquals(List.of(), englishInGerman, "English words in the German planner");

        choose(robot, "English");
        assertEquals(words(english), words(texts(data)), "back in English, every word is English again");
    }

    @Test
    void theLanguageChosenInTheMenuIsKeptForTheNextPlanner(FxRobot robot) throws Exception {
        settings = folder.resolve("settings/planner.properties");
        Path otherSettings = folder.resolve("other/planner.properties");
        showPlanner(robot);
        assertEquals(Texts.ENGLISH, PlannerLanguage.texts().locale(), "no settings file, a machine that is not German: English");
        ToggleButton measure = robot.lookup(node -> node instanceof ToggleButton button && "Measure".equals(button.getText()))
                .queryAs(ToggleButton.class);
        choose(robot, "Deutsch");
        assertEquals("Messen", measure.getText(), "the button changes at once, without a new planner");
        assertTrue(Files.readString(settings).contains("language=de"), Files.readString(settings));

        closeAndStartAgain();
        showPlanner(robot);
        assertEquals(Texts.GERMAN, PlannerLanguage.texts().locale());
        assertTrue(robot.lookup(node -> node instanceof ToggleButton button && "Messen".equals(button.getText())).tryQuery().isPresent(),
                "the next planner opens in German");

        Files.createDirectories(otherSettings.getParent());
        Files.writeString(otherSettings, "language=klingon\n");
        settings = otherSettings;
        showPlanner(robot);
        assertEquals(PlannerLanguage.ofSystem(Locale.getDefault()), PlannerLanguage.texts().locale(),
                "a value we do not speak: the machine's language, and the planner opens");
    }

    @Test
    void aDialogSpeaksThePlannersLanguageItsButtonsIncluded(FxRobot robot) throws Exception {
        settings = folder.resolve("planner.properties");
        Files.writeString(settings, "language=de\n");
        showPlanner(robot);
        robot.clickOn("Lesezeichen");
        robot.clickOn("Aktuelle Ansicht speichern…");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup(node -> node instanceof DialogPane).queryAs(DialogPane.class);
        Set<String> texts = FxThread.call(() -> {
            Set<String> found = new TreeSet<>();
            collect(dialog, found);
            found.add(((Stage) dialog.getScene().getWindow()).getTitle());
            return found;
        });
        Button ok = (Button) dialog.lookupButton(dialog.getButtonTypes().get(0));
        TextField name = robot.lookup(node -> node instanceof TextField field && field.getScene() == dialog.getScene()).queryAs(TextField.class);
        assertTrue(texts.containsAll(List.of("Aktuelle Ansicht speichern", "Name:", "OK", "Abbrechen")), texts.toString());
        assertEquals("Ansicht 1", name.getText());
        robot.clickOn(ok);
        assertTrue(robot.lookup(node -> node instanceof Labeled label && "Lesezeichen „Ansicht 1“ gespeichert".equals(label.getText()))
                .tryQuery().isPresent(), "the report in German, and OK still saves");
    }

    @Test
    void theSunsCalendarNamesItsMonthsInThePlannersLanguage(FxRobot robot) throws Exception {
        settings = folder.resolve("planner.properties");
        Files.writeString(settings, "language=de\n");
        showPlanner(robot);
        DatePicker date = robot.lookup(node -> node instanceof DatePicker).queryAs(DatePicker.class);
        assertTrue(calendarShows(robot, date, "März"), "the German planner's calendar of 21 March 2027");

        choose(robot, "English");
        assertTrue(calendarShows(robot, date, "March"), "in English after the switch");
    }

    /** Opens the date picker's calendar and tells whether a text of it contains {@code month}; closes it again. */
    private static boolean calendarShows(FxRobot robot, DatePicker date, String month) throws Exception {
        robot.interact(date::show);
        WaitForAsyncUtils.waitForFxEvents();
        boolean shown = robot.lookup(node -> node instanceof Labeled label && label.getText() != null && label.getText().contains(month)
                && ScreenText.visible(node)).tryQuery().isPresent();
        robot.interact(date::hide);
        return shown;
    }

    /**
     * A planner for three houses with every part that has words showing: values from a real cache over the limit
     * (an alert, the legend, the chart), the sources, the measuring and safety captions, the sun.
     */
    private void showPlanner(FxRobot robot) throws Exception {
        if (store == null) {
            store = LiveStore.open(folder.resolve("cache"), null);
            store.putThing(new Thing(SOURCE, "box-7", "Box 7", "", Map.of(), "house-b", Double.NaN, Double.NaN));
            store.putDatastream(new Datastream(SOURCE, "box-7/pm10", "box-7", "Box 7 PM10", "PM10 concentration", "SDS011",
                    "microgram per cubic metre", "µg/m³", Classification.PUBLIC));
            // Two hours old: the ages on screen ("2 h ago") stay the same while the test reads them twice.
            store.write(List.of(Observation.number(SOURCE, "box-7/pm10", NOW.minus(Duration.ofHours(3)), 23.5),
                    Observation.number(SOURCE, "box-7/pm10", NOW.minus(Duration.ofHours(2)), 64)));
            feed = new LiveFeed(store, Duration.ofMillis(200), background);
        }
        CityMeshes houses = Fixtures.meshes("three-houses.city.json");
        robot.interact(() -> {
            if (pane != null) {
                pane.detachFeed();
            }
            pane = new ViewerPane(new CityViewport(new CityScene(houses)), STATUS, background, settings);
            stage.getScene().setRoot(pane);
            pane.attachFeed(feed);
            pane.showSources(List.of(new SourceStatus(SOURCE, SourceStatus.State.LIVE, NOW, NOW, null),
                    new SourceStatus(ServiceWatch.SERVICE, SourceStatus.State.OFFLINE, NOW, NOW, ServiceWatch.NOT_ANSWERING)));
            pane.showMeasuring(true);
            pane.showSafety(true);
            pane.selectPlace("house-b");
            pane.lookupAll(".titled-pane").forEach(node -> ((TitledPane) node).setExpanded(true));
        });
        SunControls sun = robot.lookup(node -> node instanceof SunControls).queryAs(SunControls.class);
        robot.interact(() -> sun.show(LocalDate.of(2027, 3, 21), LocalTime.of(15, 0)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !pane.alerts().isEmpty());
        // The search box joins the toolbar once its index is built on a worker.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(node -> node instanceof SearchBox).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** As after a restart: the planner gone, and the language what a fresh start begins with, until a planner reads its file. */
    private void closeAndStartAgain() throws Exception {
        FxThread.call(() -> {
            pane.detachFeed();
            stage.getScene().setRoot(new Pane());
            PlannerLanguage.texts().setLocale(Texts.ENGLISH);
            return null;
        });
    }

    private void choose(FxRobot robot, String language) {
        robot.clickOn("Sprache / Language");
        robot.clickOn(language);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the planner shows as the model and the feed have it, the same in any language: ids, names, attributes. */
    private static Set<String> dataShown() throws Exception {
        Set<String> data = new TreeSet<>(List.of(STATUS, SOURCE, ServiceWatch.SERVICE, "box-7", "Box 7", "Box 7 PM10", "SDS011"));
        for (CityObject object : Fixtures.meshes("three-houses.city.json").objects()) {
            data.add(object.id());
            data.add(object.type());
            object.attributes().forEach((name, value) -> {
                data.add(name);
                data.add(String.valueOf(value));
            });
        }
        return data;
    }

    /**
     * Every text of the planner, its menus included, less what is data; read until it stays the same, since the
     * chart and the search box come from workers.
     */
    private Set<String> texts(Set<String> data) throws Exception {
        Set<String> before = Set.of();
        for (int round = 0; round < 100; round++) {
            WaitForAsyncUtils.waitForFxEvents();
            Set<String> texts = FxThread.call(() -> {
                Set<String> found = new TreeSet<>();
                pane.applyCss();
                pane.layout();
                collect(pane, found);
                return found;
            });
            texts.removeIf(text -> data.contains(text.strip()));
            if (texts.equals(before)) {
                return texts;
            }
            before = texts;
            Thread.sleep(300);
        }
        throw new AssertionError("the planner's texts never settled: " + before);
    }

    private static void collect(Node node, Set<String> into) {
        if (node instanceof Labeled labeled) {
            add(into, labeled.getText());
        }
        if (node instanceof Control control) {
            if (control.getTooltip() != null) {
                add(into, control.getTooltip().getText());
            }
            if (control.getContextMenu() != null) {
                items(control.getContextMenu().getItems(), into);
            }
        }
        if (node instanceof TextInputControl field) {
            add(into, field.getPromptText());
        }
        if (node instanceof ComboBox<?> combo) {
            comboItems(combo, into);
        }
        if (node instanceof MenuBar bar) {
            items(bar.getMenus(), into);
        }
        if (node instanceof MenuButton button) {
            items(button.getItems(), into);
        }
        if (node instanceof TableView<?> table) {
            columns(table.getColumns(), into);
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                add(into, tab.getText());
            }
        }
        if (node instanceof Axis<?> axis) {
            add(into, axis.getLabel());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    private static <T> void comboItems(ComboBox<T> combo, Set<String> into) {
        for (T item : combo.getItems()) {
            add(into, combo.getConverter().toString(item));
        }
    }

    private static void items(Collection<? extends MenuItem> items, Set<String> into) {
        for (MenuItem item : items) {
            add(into, item.getText());
            if (item instanceof Menu menu) {
                items(menu.getItems(), into);
            }
        }
    }

    private static void columns(Collection<? extends TableColumnBase<?, ?>> columns, Set<String> into) {
        for (TableColumnBase<?, ?> column : columns) {
            add(into, column.getText());
            columns(column.getColumns(), into);
        }
    }

    private static void add(Set<String> into, String text) {
        if (text != null && !text.isBlank()) {
            into.add(text);
        }
    }

    /** The texts with words in them: the clock and the frame rate change while the test reads. */
    private static Set<String> words(Set<String> texts) {
        Set<String> words = new TreeSet<>(texts);
        words.removeIf(PlannerLanguageUiTest::notAWord);
        return words;
    }

    /** Numbers, units, times and names only: nothing of two letters or more once the names are taken out. */
    private static boolean notAWord(String text) {
        return !WORD.matcher(withoutNames(text)).find();
    }

    private static String withoutNames(String text) {
        String rest = text;
        for (String name : SAME_IN_BOTH) {
            rest = rest.replace(name, " ");
        }
        return rest;
    }

    /** Words of the English planner that no German text of the bundle uses and that are not in the data (ids, names). */
    private static Set<String> englishOnlyWords(Set<String> english, Set<String> data) {
        Set<String> germanWords = new TreeSet<>();
        data.forEach(text -> WORD.matcher(text).results().forEach(word -> germanWords.add(word.group().toLowerCase(Locale.ROOT))));
        ResourceBundle german = Texts.bundle(Texts.GERMAN);
        german.keySet().forEach(key -> WORD.matcher(german.getString(key)).results()
                .forEach(word -> germanWords.add(word.group().toLowerCase(Locale.ROOT))));
        Set<String> words = new TreeSet<>();
        english.forEach(text -> WORD.matcher(withoutNames(text)).results().forEach(word -> words.add(word.group().toLowerCase(Locale.ROOT))));
        words.removeAll(germanWords);
        assertNotEquals(Set.of(), words, "the English planner has words of its own");
        return words;
    }
}
