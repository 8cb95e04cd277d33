package de.dormagentwin.ui;

import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Popup;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * A search field for the toolbar: typing lists the matching objects in a dropdown; Enter or a click picks one
 * (the highlighted result, else the first) and hands its object index to a callback; Up and Down move through the
 * list; Esc clears. FX thread.
 */
public final class SearchBox extends TextField {
    /** The usual "find" key, for the window to focus this field with. */
    public static final KeyCombination FOCUS = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final int VISIBLE_ROWS = 12;
    private static final double ROW_HEIGHT = 26;

    private final ObjectSearch search;
    private final IntConsumer onPick;
    private final ListView<ObjectSearch.Result> list = new ListView<>();
    private final Popup dropdown = new Popup();

    /**
     * @param search what to search
     * @param onPick hears the picked object's scene-wide index, e.g. to select it and fly there
     */
    public SearchBox(ObjectSearch search, IntConsumer onPick) {
        this.search = search;
        this.onPick = onPick;
        promptTextProperty().bind(PlannerLanguage.texts().bind("search.prompt"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(PlannerLanguage.texts().bind("search.tip"));
        setTooltip(tip);
        setPrefColumnCount(18);
        list.setCellFactory(view -> new ResultCell());
        list.setFocusTraversable(false);
        dropdown.getContent().add(list);
        dropdown.setAutoHide(true);
        // An auto-hiding popup takes the owner window's Esc for itself; this field's Esc clears, and so hides it.
        dropdown.setHideOnEscape(false);
        textProperty().addListener((property, before, after) -> update(after));
        focusedProperty().addListener((property, before, focused) -> {
            if (!focused) {
                dropdown.hide();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::ownKey);
        addEventHandler(KeyEvent.KEY_PRESSED, this::textKey);
    }

    /** The results listed now, best first. */
    public List<ObjectSearch.Result> results() {
        return List.copyOf(list.getItems());
    }

    /**
     * Enter, Esc, Up and Down are this field's own, taken before the text field's behaviour sees them: it would
     * pass Enter and Esc on to the window (where Esc clears the viewer's selection).
     */
    private void ownKey(KeyEvent event) {
        switch (event.getCode()) {
            case ENTER -> pickHighlightedOrFirst();
            case ESCAPE -> {
                if (getText().isEmpty()) {
                    // Nothing to clear: Esc goes on to the viewer.
                    return;
                }
                clear();
            }
            case DOWN -> move(1);
            case UP -> move(-1);
            default -> {
                return;
            }
        }
        event.consume();
    }

    /**
     * A plain key is text or editing for this field: it must not go on up to the viewer's one-key shortcuts (H, T,
     * Home, ...). Esc on an empty field, Tab, Ctrl, Alt and Meta combinations and function keys do go on, for the
     * viewer and the window's accelerators.
     */
    private void textKey(KeyEvent event) {
        boolean forTheWindow = event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.getCode().isFunctionKey()
                || event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.TAB;
        if (!forTheWindow) {
            event.consume();
        }
    }

    private void pickHighlightedOrFirst() {
        ObjectSearch.Result highlighted = list.getSelectionModel().getSelectedItem();
        if (highlighted != null) {
            pick(highlighted);
        } else if (!list.getItems().isEmpty()) {
            pick(list.getItems().get(0));
        }
    }

    private void move(int step) {
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        int next = Math.floorMod(list.getSelectionModel().getSelectedIndex() + step, size);
        list.getSelectionModel().select(next);
        list.scrollTo(next);
        showDropdown();
    }

    private void pick(ObjectSearch.Result result) {
        dropdown.hide();
        onPick.accept(result.objectIndex());
    }

    private void update(String query) {
        List<ObjectSearch.Result> found = search.find(query);
        list.getItems().setAll(found);
        list.getSelectionModel().clearSelection();
        if (found.isEmpty()) {
            dropdown.hide();
            return;
        }
        list.setPrefHeight(Math.min(found.size(), VISIBLE_ROWS) * ROW_HEIGHT + 4);
        list.setPrefWidth(Math.max(getWidth(), 320));
        showDropdown();
    }

    /** Below the field, where the field is in a window on screen; a field out of any window lists only. */
    private void showDropdown() {
        if (dropdown.isShowing() || getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return;
        }
        Bounds onScreen = localToScreen(getBoundsInLocal());
        if (onScreen != null) {
            dropdown.show(this, onScreen.getMinX(), onScreen.getMaxY());
        }
    }

    /** A result; a click on it picks it (a click on the list's scroll bar picks nothing). */
    private final class ResultCell extends ListCell<ObjectSearch.Result> {
        ResultCell() {
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && !isEmpty() && getItem() != null) {
                    pick(getItem());
                }
            });
        }

        @Override
        protected void updateItem(ObjectSearch.Result result, boolean empty) {
            super.updateItem(result, empty);
            setText(empty || result == null ? null : result.text());
        }
    }
}
