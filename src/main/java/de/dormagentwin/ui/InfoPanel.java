package de.dormagentwin.ui;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Place;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.overlay.Freshness;
import de.dormagentwin.model.text.SafeText;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The selected object: id, type, parents and children, every attribute as the file has it, and the latest value
 * of each datastream bound to it.
 */
public final class InfoPanel extends ScrollPane {
    /** Long enough for an object's list of parts; a row longer than this is cut and says how much. */
    private static final int ROW_LIMIT = 2_000;
    private final VBox content = new VBox(8);
    private SeriesChart chart;
    /** Whose streams the chart shows: another object's open on the preferred stream. */
    private String charted;

    public InfoPanel() {
        content.setPadding(new Insets(12));
        content.setPrefWidth(300);
        setContent(content);
        setFitToWidth(true);
        setPrefWidth(320);
        show(null, List.of(), Instant.now());
    }

    /** Adds a chart of the selected object's datastreams under their values. */
    public void setChart(SeriesChart chart) {
        this.chart = chart;
    }

    /** The chart under the values; null where none was added. */
    SeriesChart chart() {
        return chart;
    }

    /** The observed property the chart opens on for another object: the one the city is coloured by (null: none). */
    public void preferStream(String observedProperty) {
        if (chart != null) {
            chart.prefer(observedProperty);
        }
    }

    /** Shows an object with the latest values of its datastreams, their age counted to {@code now}. */
    public void show(CityObject object, List<Latest> live, Instant now) {
        content.getChildren().clear();
        Texts texts = PlannerLanguage.texts();
        if (object == null) {
            charted = null;
            Label hint = new Label();
            hint.textProperty().bind(texts.bind("info.hint"));
            hint.setWrapText(true);
            content.getChildren().add(hint);
            return;
        }
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(texts.get("info.id"), object.id());
        // The CityJSON type in the planner's words where the bundle has them ("Gebäude"), an extension's as it is.
        String type = texts.getOrDefault("card." + Texts.keyOf(object.type()), object.type());
        rows.put(texts.get("info.type"), object.isExtensionType() ? texts.get("info.extension", object.type()) : type);
        if (!object.parents().isEmpty()) {
            rows.put(texts.get("info.partOf"), String.join(", ", object.parents()));
        }
        if (!object.children().isEmpty()) {
            rows.put(texts.get("info.parts"), String.join(", ", object.children()));
        }
        for (Map.Entry<String, Object> attribute : object.attributes().entrySet()) {
            rows.put(attribute.getKey(), format(attribute.getValue()));
        }
        show(object.textAttribute("name") != null ? object.textAttribute("name") : object.id(), object.id(), rows, live, now);
    }

    /** Shows a sensor that stands at a point of its own (a {@link Place#point}), with its datastreams' values. */
    public void showPoint(String place, List<Latest> live, Instant now) {
        double[] lonLat = Place.lonLat(place);
        Texts texts = PlannerLanguage.texts();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(texts.get("info.position"), position(lonLat));
        rows.put(texts.get("info.thing"), live.stream().map(value -> value.datastream().thingRemoteId()).distinct().collect(Collectors.joining(", ")));
        rows.put(texts.get("info.source"), live.stream().map(value -> value.datastream().source()).distinct().collect(Collectors.joining(", ")));
        content.getChildren().clear();
        show(texts.get("info.sensor"), place, rows, live, now);
    }

    /** Shows a planned building of a planning variant: its name, height and footprint. */
    public void showPlanned(String variant, PlannedBuilding building) {
        Texts texts = PlannerLanguage.texts();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(texts.get("info.variant"), variant);
        rows.put(texts.get("info.height"), texts.number(building.height(), 1) + " m");
        rows.put(texts.get("info.footprint"), texts.number(building.footprintArea(), 0) + " m²");
        building.properties().forEach(rows::putIfAbsent);
        content.getChildren().clear();
        show(texts.get("info.planned", building.name()), variant + "/" + building.name(), rows, List.of(), Instant.now());
    }

    /** A WGS84 position to about a metre: "51.12000° N, 6.85750° E", in German "51,12000° N, 6,85750° O". */
    static String position(double[] lonLat) {
        Texts texts = PlannerLanguage.texts();
        return texts.get("info.lonLat", texts.number(lonLat[1], 5), texts.number(lonLat[0], 5));
    }

    /** Every text here comes from a file or a feed: escaped, so that a control or bidi character cannot disguise it. */
    private void show(String titleText, String subject, Map<String, String> rows, List<Latest> live, Instant now) {
        Label title = new Label(SafeText.of(titleText));
        title.setStyle("-fx-font-size: 17px; -fx-font-weight: bold;");
        title.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        for (Map.Entry<String, String> entry : rows.entrySet()) {
            row = addRow(grid, row, entry.getKey(), entry.getValue());
        }
        content.getChildren().addAll(title, grid);
        if (!live.isEmpty()) {
            Label heading = new Label(PlannerLanguage.texts().get("info.live"));
            heading.setStyle("-fx-font-size: 15px; -fx-font-weight: bold; -fx-padding: 8 0 0 0;");
            content.getChildren().add(heading);
            // Stacked rather than in two columns: property names such as "PM2.5 concentration" are long.
            for (Latest value : live) {
                Label name = new Label(propertyName(value.datastream().observedProperty()));
                name.setStyle("-fx-text-fill: #555;");
                Label reading = new Label(liveText(value, now));
                reading.setWrapText(true);
                content.getChildren().add(new VBox(1, name, reading));
            }
            if (chart != null && live.stream().anyMatch(value -> value.text() == null)) {
                content.getChildren().add(chart);
                chart.show(live, now, !subject.equals(charted));
                charted = subject;
            }
        }
    }

    /** "23.4 µg/m³ at 11/28/2026 12:00 (5 min ago)", "7 per 15 min at ...", marked when stale and when the data is not public. */
    static String liveText(Latest value, Instant now) {
        Texts texts = PlannerLanguage.texts();
        if (!value.hasValue()) {
            return texts.get("info.noData");
        }
        String reading = value.text() != null ? SafeText.of(value.text()) : (number(value.number()) + " " + texts.unit(value.datastream().unitSymbol())).trim();
        String text = texts.get(Freshness.isStale(value, now) ? "info.readingStale" : "info.reading", reading, texts.dateTime(value.time()),
                Age.words(Duration.between(value.time(), now)));
        Classification classification = value.datastream().classification();
        return classification == Classification.PUBLIC ? text
                : texts.get("info.classified", text, texts.getOrDefault("classification." + classification.word(), classification.word()));
    }

    /** An observed property in the planner's words where the bundle has them ("Fine dust PM10"), else as the feed names it. */
    static String propertyName(String observedProperty) {
        return PlannerLanguage.texts().getOrDefault("property." + Texts.keyOf(observedProperty), SafeText.of(observedProperty));
    }

    /** Counts without a decimal point, measurements with one. */
    private static String number(double value) {
        return PlannerLanguage.texts().number(value, value == Math.rint(value) && Math.abs(value) < 1e12 ? 0 : 1);
    }

    private static int addRow(GridPane grid, int row, String key, String value) {
        Label keyLabel = new Label(SafeText.of(key));
        keyLabel.setStyle("-fx-text-fill: #555;");
        // The key whole; a long value wraps instead.
        keyLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label valueLabel = new Label(SafeText.of(value, ROW_LIMIT));
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
