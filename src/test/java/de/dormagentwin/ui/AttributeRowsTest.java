package de.dormagentwin.ui;

import de.dormagentwin.model.CityObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AttributeRowsTest {
    @Test
    void rowsListIdTypeParentsChildrenAndFlattenedAttributesInFileOrder() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", "Tank 7");
        attributes.put("address", new LinkedHashMap<>(Map.of("street", "Alte Heerstraße")));
        attributes.put("storeys", 3);
        attributes.put("uses", List.of("storage", "office"));
        attributes.put("floors", List.of(Map.of("use", "plant"), Map.of("use", "control room")));
        attributes.put("note", null);
        CityObject tank = new CityObject("tank-7", "+ChemicalTank", attributes, List.of("site-1"), List.of("tank-7-roof", "tank-7-shell"), List.of());

        assertEquals(List.of(
                new AttributeRows.Row("id", "tank-7"),
                new AttributeRows.Row("type", "+ChemicalTank"),
                new AttributeRows.Row("parents", "site-1"),
                new AttributeRows.Row("children", "tank-7-roof, tank-7-shell"),
                new AttributeRows.Row("name", "Tank 7"),
                new AttributeRows.Row("address.street", "Alte Heerstraße"),
                new AttributeRows.Row("storeys", "3"),
                new AttributeRows.Row("uses", "storage, office"),
                new AttributeRows.Row("floors.0.use", "plant"),
                new AttributeRows.Row("floors.1.use", "control room"),
                new AttributeRows.Row("note", "")), AttributeRows.of(tank));
    }

    @Test
    void anObjectWithoutParentsOrChildrenHasNoRowsForThemAndNullHasNoRows() {
        CityObject house = new CityObject("house-a", "Building", Map.of(), List.of(), List.of(), List.of());
        assertEquals(List.of(new AttributeRows.Row("id", "house-a"), new AttributeRows.Row("type", "Building")), AttributeRows.of(house));
        assertEquals(List.of(), AttributeRows.of(null));
    }

    @Test
    void tabSeparatedTextKeepsOneRowPerLineAndTwoCellsPerRow() {
        String text = AttributeRows.tabSeparated(List.of(new AttributeRows.Row("id", "house-a"),
                new AttributeRows.Row("remark", "two\tcells\r\nand two lines")));
        assertEquals("id\thouse-a\nremark\ttwo cells and two lines", text);
    }
}
