package de.dormagentwin.ui.kiosk;

import de.dormagentwin.live.store.Latest;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.Freshness;
import de.dormagentwin.overlay.OverlayRules;
import de.dormagentwin.ui.Texts;
import de.dormagentwin.model.text.SafeText;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a visitor learns by tapping: what the thing is, in plain words, how tall, where, and what is measured
 * there now with a word for how good it is. Only what the kiosk was given, which is public data.
 */
final class InfoCard extends VBox {
    private final Texts texts;
    private final Button close = new Button();

    InfoCard(Texts texts, Runnable onClose) {
        super(8);
        this.texts = texts;
        setPadding(new Insets(18));
        setPrefWidth(380);
        setMaxWidth(380);
        setMaxHeight(Region.USE_PREF_SIZE);
        setStyle("-fx-background-color: rgba(255,255,255,0.95); -fx-background-radius: 14; -fx-font-size: 18px;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 14, 0, 0, 3);");
        close.textProperty().bind(texts.bind("card.close"));
        close.setMinSize(KioskPane.TOUCH_TARGET, KioskPane.TOUCH_TARGET);
        close.setOnAction(event -> onClose.run());
        setVisible(false);
    }

    /** Shows an object (or, with null, a sensor of its own) and the values measured there, counted to {@code now}. */
    void show(CityObject object, List<Latest> values, Instant now) {
        getChildren().clear();
        Label title = new Label(object == null ? texts.get("card.sensor") : title(object));
        title.setStyle("-fx-font-size: 24px; -fx-font-weight: bold;");
        title.setWrapText(true);
        getChildren().add(title);
        if (object != null) {
            String kind = kind(object);
            if (!kind.equals(title.getText())) {
                getChildren().add(line(kind));
            }
            Object height = object.attributes().get("measuredHeight");
            if (height instanceof Number metres) {
                getChildren().add(line(texts.get("card.height", Math.round(metres.doubleValue()))));
            }
            Object storeys = object.attributes().get("storeysAboveGround");
            if (storeys instanceof Number count) {
                getChildren().add(line(texts.get("card.storeys", count.intValue())));
            }
            if (object.textAttribute("district") != null) {
                getChildren().add(line(texts.get("card.district", SafeText.of(object.textAttribute("district")))));
            }
        }
        if (!values.isEmpty()) {
            DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", texts.locale()).withZone(ZoneId.systemDefault());
            Label heading = new Label(texts.get("card.measured", time.format(now)));
            heading.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 0 0;");
            // One line a value, name and reading side by side: ten values must fit a screen without scrolling.
            GridPane readings = new GridPane();
            readings.setHgap(12);
            readings.setVgap(4);
            int row = 0;
            for (Latest value : values) {
                String property = value.datastream().observedProperty();
                Label name = new Label(texts.getOrDefault("property." + Texts.keyOf(property), SafeText.of(property)));
                name.setStyle("-fx-text-fill: #555;");
                name.setMinWidth(Region.USE_PREF_SIZE);
                Label reading = new Label(reading(value, now));
                reading.setWrapText(true);
                if (value.hasValue() && Freshness.isStale(value, now)) {
                    reading.setStyle("-fx-text-fill: #777; -fx-font-style: italic;");
                }
                readings.addRow(row++, name, reading);
            }
            getChildren().addAll(heading, readings);
        }
        getChildren().add(close);
        setVisible(true);
    }

    void hide() {
        getChildren().clear();
        setVisible(false);
    }

    private String title(CityObject object) {
        String name = object.textAttribute("name");
        return name != null ? SafeText.of(name) : kind(object);
    }

    /** "Home", "Storage tank": by the object's function where the bundle knows it, else by its type. */
    private String kind(CityObject object) {
        String function = object.textAttribute("function");
        String byType = texts.getOrDefault("card." + Texts.keyOf(object.type()), SafeText.of(object.type()));
        return function == null ? byType : texts.getOrDefault("card." + Texts.keyOf(function), byType);
    }

    /** "37.3 µg/m³ – moderate", the unit in words where the bundle has them; a stale value says since when. */
    private String reading(Latest value, Instant now) {
        if (!value.hasValue() || Double.isNaN(value.number())) {
            return texts.get("card.noValue");
        }
        String number = texts.number(value.number(), value.number() == Math.rint(value.number()) ? 0 : 1);
        StringBuilder text = new StringBuilder((number + " " + texts.unit(value.datastream().unitSymbol())).trim());
        String quality = quality(value.datastream().observedProperty(), value.number());
        if (quality != null) {
            text.append(" – ").append(quality);
        }
        if (Freshness.isStale(value, now)) {
            text.append(' ').append(texts.get("card.stale", texts.dateTime(value.time())));
        }
        return text.toString();
    }

    /** Good, moderate, poor or very poor, by the band of the property's threshold rule; null where there is none. */
    private String quality(String property, double number) {
        ColorRule rule = OverlayRules.defaults().stream()
                .filter(candidate -> !candidate.gradient() && candidate.observedProperty().equals(property)).findFirst().orElse(null);
        if (rule == null) {
            return null;
        }
        int band = 0;
        for (int i = 0; i < rule.bands().size(); i++) {
            if (number >= rule.bands().get(i).from()) {
                band = i;
            }
        }
        int last = rule.bands().size() - 1;
        String key = band == 0 ? "card.good" : band == last ? "card.bad" : band == 1 ? "card.moderate" : "card.poor";
        return texts.get(key);
    }

    private static Label line(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
