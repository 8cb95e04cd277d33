package de.dormagentwin.ui;

import de.dormagentwin.model.CityObject;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.scene.control.TableColumn;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The attribute table shows an object's rows, sorts them, and copies the selected ones for a spreadsheet. */
@Rendering
class AttributeTableTest {
    private Stage stage;
    private AttributeTable table;

    @BeforeEach
    void tableInAWindow() throws Exception {
        Display3D.require();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", "House A");
        attributes.put("address", Map.of("street", "Kölner Straße"));
        attributes.put("function", "residential");
        CityObject house = new CityObject("house-a", "Building", attributes, List.of(), List.of(), List.of());
        table = FxThread.call(() -> {
            AttributeTable attributesTable = new AttributeTable();
            attributesTable.show(house);
            stage = FxThread.show(attributesTable, 400, 300);
            return attributesTable;
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxThread.close(stage);
    }

    @Test
    void showsIdTypeAndFlattenedAttributesInFileOrder() throws Exception {
        assertEquals(List.of("id", "type", "name", "address.street", "function"),
                FxThread.call(() -> table.getItems().stream().map(AttributeRows.Row::attribute).toList()));
    }

    @Test
    void ctrlCCopiesTheSelectedRowsInTheSortedOrderAsTabSeparatedText() throws Exception {
        String copied = FxThread.call(() -> {
            TableColumn<AttributeRows.Row, ?> attribute = table.getColumns().get(0);
            table.getSortOrder().setAll(List.of(attribute));
            table.sort();
            // Sorted: address.street, function, id, name, type.
            table.getSelectionModel().selectIndices(3, 0);
            table.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.C, false, true, false, false));
            return Clipboard.getSystemClipboard().getString();
        });
        assertEquals("address.street\tKölner Straße\nname\tHouse A", copied);
    }

    @Test
    void showingNothingEmptiesTheTable() throws Exception {
        assertEquals(0, (int) FxThread.call(() -> {
            table.show(null);
            return table.getItems().size();
        }));
    }
}
