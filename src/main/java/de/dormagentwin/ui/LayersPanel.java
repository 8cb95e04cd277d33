package de.dormagentwin.ui;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/** What is drawn: the sensors, the safety view and each planning variant, switched on and off. */
public final class LayersPanel extends TitledPane {
    private final VBox rows = new VBox(4);
    private final VBox variants = new VBox(4);

    public LayersPanel() {
        setText("Layers");
        Label variantsHeading = new Label("Planning variants (File › Import, or drop a GeoJSON file)");
        variantsHeading.setWrapText(true);
        variantsHeading.setStyle("-fx-text-fill: #555;");
        VBox content = new VBox(6, rows, variantsHeading, variants);
        content.setPadding(new Insets(8, 10, 8, 10));
        setContent(content);
        setExpanded(true);
        setAnimated(false);
    }

    /** A layer switched by a property that the rest of the viewer also changes (a toolbar button, a key). */
    public CheckBox addLayer(String name, String tip, BooleanProperty shown) {
        CheckBox box = new CheckBox(name);
        box.setTooltip(new Tooltip(tip));
        box.selectedProperty().bindBidirectional(shown);
        rows.getChildren().add(box);
        return box;
    }

    /** A planning variant's row: a check box to compare with and without it, and a button to take it out. */
    public CheckBox addVariant(String name, Consumer<Boolean> show, Runnable remove) {
        CheckBox box = new CheckBox(name);
        box.setSelected(true);
        box.selectedProperty().addListener((property, before, after) -> show.accept(after));
        Button drop = new Button("✕");
        drop.setTooltip(new Tooltip("Remove this variant"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(6, box, gap, drop);
        drop.setOnAction(event -> {
            variants.getChildren().remove(row);
            remove.run();
        });
        variants.getChildren().removeIf(existing -> ((CheckBox) ((HBox) existing).getChildren().get(0)).getText().equals(name));
        variants.getChildren().add(row);
        return box;
    }
}
