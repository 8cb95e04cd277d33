package de.dormagentwin.ui;

import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.Colors;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The key to the active colour rule, drawn over the 3D view: bands, what faded and grey mean, and as of when. */
public final class Legend extends VBox {

    public Legend() {
        super(3);
        getStyleClass().add("legend");
        setStyle("-fx-background-color: rgba(255,255,255,0.88); -fx-background-radius: 6; -fx-padding: 8 10; -fx-font-size: 12px;");
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setMouseTransparent(true);
        setVisible(false);
    }

    /** Shows a rule, or hides the legend with null; {@code when} says what time the colours are of. */
    public void show(ColorRule rule, String when) {
        getChildren().clear();
        setVisible(rule != null);
        if (rule == null) {
            return;
        }
        Label title = new Label(rule.name() + " (" + rule.unit() + ")");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        getChildren().add(title);
        if (rule.gradient()) {
            getChildren().add(swatch(gradientCss(rule), rule.bands().get(0).label() + " to " + rule.bands().get(rule.bands().size() - 1).label()));
        } else {
            for (ColorRule.Band band : rule.bands()) {
                getChildren().add(swatch(Colors.css(band.argb()), band.label()));
            }
        }
        getChildren().add(swatch(Colors.css(Colors.stale(0xFFD7261E)), "faded: stale value"));
        getChildren().add(swatch(Colors.css(Colors.NO_DATA), "grey: no data"));
        if (!rule.note().isEmpty()) {
            getChildren().add(new Label(rule.note()));
        }
        getChildren().add(new Label(when));
    }

    private static String gradientCss(ColorRule rule) {
        StringBuilder css = new StringBuilder("linear-gradient(to right");
        for (ColorRule.Band stop : rule.bands()) {
            css.append(", ").append(Colors.css(stop.argb()));
        }
        return css.append(")").toString();
    }

    private static HBox swatch(String fill, String text) {
        Region box = new Region();
        box.setMinSize(26, 12);
        box.setMaxSize(26, 12);
        box.setStyle("-fx-background-color: " + fill + "; -fx-border-color: rgba(0,0,0,0.3);");
        HBox row = new HBox(6, box, new Label(text));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
