package de.dormagentwin.ui;

import de.dormagentwin.model.CityObject;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The selected object: id, type, parents and children, and every attribute as the file has it. */
public final class InfoPanel extends ScrollPane {
    private final VBox content = new VBox(8);

    public InfoPanel() {
        content.setPadding(new Insets(12));
        content.setPrefWidth(300);
        setContent(content);
        setFitToWidth(true);
        setPrefWidth(320);
        show(null);
    }

    public void show(CityObject object) {
        content.getChildren().clear();
        if (object == null) {
            Label hint = new Label("Click a building or facility to see what it is.\n\n"
                    + "Drag to orbit, right-drag or shift-drag to pan, scroll or pinch to zoom, "
                    + "double-click to fly to an object. H: home view.");
            hint.setWrapText(true);
            content.getChildren().add(hint);
            return;
        }
        Label title = new Label(object.textAttribute("name") != null ? object.textAttribute("name") : object.id());
        title.setStyle("-fx-font-size: 17px; -fx-font-weight: bold;");
        title.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        row = addRow(grid, row, "id", object.id());
        row = addRow(grid, row, "type", object.type() + (object.isExtensionType() ? " (extension)" : ""));
        if (!object.parents().isEmpty()) {
            row = addRow(grid, row, "part of", String.join(", ", object.parents()));
        }
        if (!object.children().isEmpty()) {
            row = addRow(grid, row, "parts", String.join(", ", object.children()));
        }
        for (Map.Entry<String, Object> attribute : object.attributes().entrySet()) {
            row = addRow(grid, row, attribute.getKey(), format(attribute.getValue()));
        }
        content.getChildren().addAll(title, grid);
    }

    private static int addRow(GridPane grid, int row, String key, String value) {
        Label keyLabel = new Label(key);
        keyLabel.setStyle("-fx-text-fill: #555;");
        Label valueLabel = new Label(value);
        valueLabel.setWrapText(true);
        grid.addRow(row, keyLabel, valueLabel);
        return row + 1;
    }

    private static String format(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(InfoPanel::format).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + format(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }
}
