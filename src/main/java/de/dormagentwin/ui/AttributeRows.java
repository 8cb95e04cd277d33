package de.dormagentwin.ui;

import de.dormagentwin.model.CityObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A city object as rows of (attribute, value) text: id, type, parents, children, then its attributes with nested
 * values flattened to dotted names ("address.street"), so that a table can sort and copy them and a search can
 * match them. Knows no controls, so it is tested without a display.
 */
public final class AttributeRows {
    /** One row of the table. */
    public record Row(String attribute, String value) {
    }

    private AttributeRows() {
    }

    /** How many of an object's rows are the twin's own (id, type, parents, children) rather than the file's attributes. */
    static int ownRows(CityObject object) {
        return object == null ? 0 : 2 + (object.parents().isEmpty() ? 0 : 1) + (object.children().isEmpty() ? 0 : 1);
    }

    /** The rows of an object, in the order the info panel shows them; none for null. */
    public static List<Row> of(CityObject object) {
        if (object == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("id", object.id()));
        rows.add(new Row("type", object.type()));
        if (!object.parents().isEmpty()) {
            rows.add(new Row("parents", String.join(", ", object.parents())));
        }
        if (!object.children().isEmpty()) {
            rows.add(new Row("children", String.join(", ", object.children())));
        }
        flatten(object.attributes()).forEach((name, value) -> rows.add(new Row(name, value)));
        return rows;
    }

    /**
     * Attributes as flat text, in the file's order: a map's entries get dotted names, a list of plain values
     * becomes one comma-separated value, a list holding maps or lists numbers its elements ("floors.0.use").
     */
    public static Map<String, String> flatten(Map<String, Object> attributes) {
        Map<String, String> flat = new LinkedHashMap<>();
        attributes.forEach((name, value) -> flatten(name, value, flat));
        return flat;
    }

    private static void flatten(String name, Object value, Map<String, String> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> flatten(name + "." + key, inner, flat));
        } else if (value instanceof List<?> list && list.stream().anyMatch(item -> item instanceof Map || item instanceof List)) {
            for (int i = 0; i < list.size(); i++) {
                flatten(name + "." + i, list.get(i), flat);
            }
        } else if (value instanceof List<?> list) {
            flat.put(name, list.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        } else {
            flat.put(name, value == null ? "" : String.valueOf(value));
        }
    }

    /**
     * Rows as tab-separated lines, as a spreadsheet pastes them. Tabs and line breaks inside a value become spaces:
     * they would split a row or a cell.
     */
    public static String tabSeparated(List<Row> rows) {
        return rows.stream().map(row -> cell(row.attribute()) + "\t" + cell(row.value())).collect(Collectors.joining("\n"));
    }

    private static String cell(String text) {
        return text.replaceAll("[\t\r\n]+", " ");
    }
}
