package de.dormagentwin.ui;

import de.dormagentwin.model.CityObject;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The search field lists matches as one types, picks with the keys or a click, and keeps its keys to itself. */
@Rendering
class SearchBoxTest {
    private static final List<CityObject> OBJECTS = List.of(
            new CityObject("house-a", "Building", Map.of("name", "House A"), List.of(), List.of(), List.of()),
            new CityObject("house-b", "Building", Map.of("name", "House B"), List.of(), List.of(), List.of()),
            new CityObject("tank-7", "+Tank", Map.of("contents", "water"), List.of(), List.of(), List.of()));

    private final List<Integer> picked = new ArrayList<>();
    private final List<KeyCode> reachedTheWindow = new ArrayList<>();
    private Stage stage;
    private SearchBox box;

    @BeforeEach
    void searchBoxInAWindow() throws Exception {
        Display3D.require();
        box = FxThread.call(() -> {
            SearchBox search = new SearchBox(new ObjectSearch(OBJECTS), picked::add);
            VBox root = new VBox(search);
            root.setOnKeyPressed(event -> reachedTheWindow.add(event.getCode()));
            stage = FxThread.show(root, 400, 200);
            search.requestFocus();
            return search;
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxThread.close(stage);
    }

    private void press(KeyCode key) throws Exception {
        FxThread.call(() -> {
            box.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
            return null;
        });
    }

    private void type(String text) throws Exception {
        FxThread.call(() -> {
            box.setText(text);
            return null;
        });
    }

    @Test
    void typingListsTheMatchesAndDownDownEnterPicksTheSecond() throws Exception {
        type("house");
        assertEquals(List.of("house-a", "house-b"), FxThread.call(() -> box.results().stream().map(ObjectSearch.Result::id).toList()));
        press(KeyCode.DOWN);
        press(KeyCode.DOWN);
        press(KeyCode.ENTER);
        assertEquals(List.of(1), picked, "the object index of house-b");
    }

    @Test
    void aClickOnAResultInTheDropdownPicksIt() throws Exception {
        type("house");
        FxThread.settle();
        Node houseB = FxThread.call(() -> {
            Window dropdown = Window.getWindows().stream().filter(window -> window instanceof Popup && window.isShowing()).findFirst().orElseThrow();
            return dropdown.getScene().getRoot().lookupAll(".list-cell").stream()
                    .filter(cell -> ((ListCell<?>) cell).getText() != null && ((ListCell<?>) cell).getText().startsWith("House B")).findFirst().orElseThrow();
        });
        FxThread.clickTheCentreOf(houseB);
        assertEquals(List.of(1), picked);
    }

    @Test
    void enterWithNothingHighlightedPicksTheFirstResult() throws Exception {
        type("water");
        press(KeyCode.ENTER);
        assertEquals(List.of(2), picked);
    }

    @Test
    void lettersAndEscStayInTheFieldButEscOnAnEmptyFieldGoesOnToTheViewer() throws Exception {
        type("h");
        press(KeyCode.H);
        press(KeyCode.ESCAPE);
        assertEquals("", FxThread.call(box::getText), "Esc clears the field");
        assertEquals(List.of(), FxThread.call(box::results));
        assertEquals(List.of(), reachedTheWindow, "neither the letter nor that Esc reached the viewer's shortcuts");
        press(KeyCode.ESCAPE);
        assertEquals(List.of(KeyCode.ESCAPE), reachedTheWindow);
        assertEquals(List.of(), picked);
    }
}
