package de.dormagentwin.ui;

import de.dormagentwin.model.CityObject;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The selected object's id, type, parents, children and attributes as a two-column table that sorts by either
 * column; Ctrl+C (or the context menu) copies the selected rows as tab-separated text for a spreadsheet. FX thread.
 */
public final class AttributeTable extends TableView<AttributeRows.Row> {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    /** The rows shown now that are the twin's own, by identity. */
    private final Set<AttributeRows.Row> own = Collections.newSetFromMap(new IdentityHashMap<>());

    public AttributeTable() {
        getColumns().add(column("attributes.attribute", this::attributeName, 120));
        getColumns().add(column("attributes.value", AttributeRows.Row::value, 180));
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label none = new Label();
        none.textProperty().bind(PlannerLanguage.texts().bind("attributes.none"));
        setPlaceholder(none);
        // No accelerator on the item: a context menu's accelerator would copy on Ctrl+C anywhere in the window.
        MenuItem copy = new MenuItem();
        copy.textProperty().bind(PlannerLanguage.texts().bind("attributes.copy"));
        copy.setOnAction(event -> copySelection());
        setContextMenu(new ContextMenu(copy));
        addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (COPY.match(event)) {
                copySelection();
                event.consume();
            }
        });
    }

    private TableColumn<AttributeRows.Row, String> column(String titleKey, Function<AttributeRows.Row, String> text, double width) {
        TableColumn<AttributeRows.Row, String> column = new TableColumn<>();
        column.textProperty().bind(PlannerLanguage.texts().bind(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Shows an object's rows (none for null), in file order until someone sorts. */
    public void show(CityObject object) {
        getSortOrder().clear();
        List<AttributeRows.Row> rows = AttributeRows.of(object);
        own.clear();
        own.addAll(rows.subList(0, AttributeRows.ownRows(object)));
        getItems().setAll(rows);
    }

    /**
     * The twin's own rows in the planner's words ("Kennung", "Objektart"); the file's attribute names as the file has
     * them. By the row itself, not its name: a file may have an attribute called "type" too.
     */
    private String attributeName(AttributeRows.Row row) {
        if (!own.contains(row)) {
            return row.attribute();
        }
        Texts texts = PlannerLanguage.texts();
        return switch (row.attribute()) {
            case "id" -> texts.get("info.id");
            case "type" -> texts.get("info.type");
            case "parents" -> texts.get("info.partOf");
            default -> texts.get("info.parts");
        };
    }

    /** Writes the own rows' names again in the planner's language now. FX thread. */
    void relabel() {
        refresh();
    }

    /** Copies the selected rows, in the order shown, to the clipboard; returns the text (empty when none). */
    public String copySelection() {
        List<AttributeRows.Row> selected = getSelectionModel().getSelectedIndices().stream().sorted().map(getItems()::get).toList();
        String text = AttributeRows.tabSeparated(selected);
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
        return text;
    }
}
