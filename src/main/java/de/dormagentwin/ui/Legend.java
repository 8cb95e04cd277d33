package de.dormagentwin.ui;

import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.Colors;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/** The key to the active colour rule, drawn over the 3D view: bands, what faded and grey mean, and as of when. */
public final class Legend extends VBox {

    private Texts texts = new Texts(Texts.ENGLISH);

    public Legend() {
        getStyleClass().add("legend");
        // In em of the view's text size (CityViewport#setTextSize): the planner's 12 px, or the kiosk's larger one.
        setStyle("-fx-background-color: rgba(255,255,255,0.88); -fx-background-radius: 6; -fx-padding: 0.6667em 0.8333em; -fx-spacing: 0.25em;");
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setMouseTransparent(true);
        setVisible(false);
    }

    /** The language of the next {@link #show}. */
    public void setTexts(Texts texts) {
        this.texts = texts;
    }

    /** Shows a rule, or hides the legend with null; {@code when} says what time the colours are of. */
    public void show(ColorRule rule, String when) {
        getChildren().clear();
        setVisible(rule != null);
        if (rule == null) {
            return;
        }
        Label title = new Label(ruleName(texts, rule) + " (" + texts.unit(rule.unit()) + ")");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.0833em;");
        getChildren().add(title);
        List<ColorRule.Band> bands = rule.bands();
        if (rule.gradient()) {
            getChildren().add(swatch(gradientCss(rule), texts.get("legend.between", number(bands.get(0).from()), number(bands.get(bands.size() - 1).from()))));
        } else {
            for (int i = 0; i < bands.size(); i++) {
                String label = i == 0 ? texts.get("legend.below", number(bands.get(1).from()))
                        : i == bands.size() - 1 ? texts.get("legend.above", number(bands.get(i).from()))
                        : texts.get("legend.between", number(bands.get(i).from()), number(bands.get(i + 1).from()));
                getChildren().add(swatch(Colors.css(bands.get(i).argb()), label));
            }
        }
        getChildren().add(swatch(Colors.css(Colors.stale(0xFFD7261E)), texts.get("legend.stale")));
        getChildren().add(swatch(Colors.css(Colors.NO_DATA), texts.get("legend.noData")));
        String note = texts.getOrDefault("rule." + Texts.keyOf(rule.name()) + ".note", rule.note());
        if (!note.isEmpty()) {
            getChildren().add(new Label(note));
        }
        getChildren().add(new Label(when));
    }

    /** A rule's name in the shown language, where the bundle has one. */
    public static String ruleName(Texts texts, ColorRule rule) {
        return texts.getOrDefault("rule." + Texts.keyOf(rule.name()), rule.name());
    }

    /** Band bounds as people write them: no decimals for whole numbers, and no grouping ("1000", not "1,000"). */
    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
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
        box.setStyle("-fx-background-color: " + fill + "; -fx-border-color: rgba(0,0,0,0.3);"
                + " -fx-min-width: 2.1667em; -fx-max-width: 2.1667em; -fx-min-height: 1em; -fx-max-height: 1em;");
        HBox row = new HBox(box, new Label(text));
        row.setStyle("-fx-spacing: 0.5em;");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
