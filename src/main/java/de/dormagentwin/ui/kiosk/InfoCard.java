package de.dormagentwin.ui.kiosk;

import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.Freshness;
import de.dormagentwin.overlay.OverlayRules;
import de.dormagentwin.overlay.WaterMarks;
import de.dormagentwin.ui.Texts;
import de.dormagentwin.model.text.SafeText;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.TreeMap;
import java.util.Map;
import java.util.ArrayList;

/**
 * What a visitor learns by tapping: what the thing is, in plain words, how tall, where, and what is measured
 * there now with a word for how good it is. Only what the kiosk was given, which is public data.
 */
final class InfoCard extends VBox {
    private final Texts texts;
    private final Button close = new Button();
    private Function<Datastream, WaterMarks> waterMarks = datastream -> null;

    InfoCard(Texts texts, Runnable onClose) {
        this.texts = texts;
        setMaxHeight(Region.USE_PREF_SIZE);
        // In em of the kiosk's text size, which follows the screen's height.
        setStyle("-fx-background-color: rgba(255,255,255,0.95); -fx-background-radius: 0.8em; -fx-padding: 1em; -fx-spacing: 0.45em;"
                + " -fx-pref-width: 21em; -fx-max-width: 21em;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 14, 0, 0, 3);");
        close.textProperty().bind(texts.bind("card.close"));
        close.setMinSize(KioskPane.TOUCH_TARGET, KioskPane.TOUCH_TARGET);
        close.setOnAction(event -> onClose.run());
        setVisible(false);
    }

    /** Where a gauge's marks for low and high water come from: its binding; none, no word. */
    void setWaterMarks(Function<Datastream, WaterMarks> waterMarks) {
        this.waterMarks = waterMarks;
    }

    /** Shows an object (or, with null, a sensor of its own) and the values measured there, counted to {@code now}. */
    void show(CityObject object, List<Latest> values, Instant now) {
        getChildren().clear();
        // A sensor of its own (a river gauge) is named after its station, as its datastream names it.
        Label title = new Label(object != null ? title(object) : values.isEmpty() ? texts.get("card.sensor") : GaugePanel.stationOf(values.get(0)));
        title.setStyle("-fx-font-size: 1.35em; -fx-font-weight: bold;");
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
            addReadings("card.measured", values, value -> "", now);
        }
        getChildren().add(close);
        setVisible(true);
    }

    /**
     * A district's card, for a tap on the overview: its name and, per measured property, the mean of its sensors'
     * values now (with the property's word), so that a visitor learns what is measured there.
     */
    void showDistrict(String district, List<Latest> values, Instant now) {
        getChildren().clear();
        Label title = new Label(SafeText.of(district));
        title.setStyle("-fx-font-size: 1.35em; -fx-font-weight: bold;");
        getChildren().addAll(title, line(texts.get("card.districtKind")));
        Map<String, List<Latest>> byProperty = new TreeMap<>();
        values.stream().filter(value -> value.hasValue() && !Double.isNaN(value.number()))
                .forEach(value -> byProperty.computeIfAbsent(value.datastream().observedProperty(), key -> new ArrayList<>()).add(value));
        if (byProperty.isEmpty()) {
            getChildren().add(line(texts.get("card.districtNothing")));
        } else {
            Map<Latest, Integer> sensors = new LinkedHashMap<>();
            for (List<Latest> same : byProperty.values()) {
                Latest first = same.get(0);
                double mean = same.stream().mapToDouble(Latest::number).average().orElseThrow();
                Instant newest = same.stream().map(Latest::time).max(Instant::compareTo).orElseThrow();
                sensors.put(new Latest(first.datastreamId(), first.datastream(), first.objectId(), newest, mean, null,
                        first.revision(), first.usualInterval()), same.size());
            }
            addReadings("card.districtMeasured", List.copyOf(sensors.keySet()),
                    mean -> sensors.get(mean) > 1 ? " " + texts.get("card.districtMean", sensors.get(mean)) : "", now);
        }
        getChildren().add(close);
        setVisible(true);
    }

    /** A heading and one line a value, name and reading side by side: ten values must fit a screen without scrolling. */
    private void addReadings(String headingKey, List<Latest> values, Function<Latest, String> suffix, Instant now) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", texts.locale()).withZone(ZoneId.systemDefault());
        Label heading = new Label(texts.get(headingKey, time.format(now)));
        heading.setStyle("-fx-font-weight: bold; -fx-padding: 0.45em 0 0 0;");
        GridPane readings = new GridPane();
        readings.setStyle("-fx-hgap: 0.67em; -fx-vgap: 0.22em;");
        int row = 0;
        for (Latest value : values) {
            String property = value.datastream().observedProperty();
            Label name = new Label(texts.getOrDefault("property." + Texts.keyOf(property), SafeText.of(property)));
            name.setStyle("-fx-text-fill: #555;");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label reading = new Label(reading(value, now) + suffix.apply(value));
            reading.setWrapText(true);
            if (value.hasValue() && Freshness.isStale(value, now)) {
                reading.setStyle("-fx-text-fill: #777; -fx-font-style: italic;");
            }
            readings.addRow(row++, name, reading);
        }
        getChildren().addAll(heading, readings);
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
        if (quality == null) {
            quality = GaugePanel.stageWord(texts, "card", waterMarks.apply(value.datastream()), value.number());
        }
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
