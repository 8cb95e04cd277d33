package de.dormagentwin.ui;

import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.SeriesPoint;
import de.dormagentwin.model.text.SafeText;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A line chart of one of the selected object's datastreams over a chosen window that ends at the moment shown
 * (now, or the history time), with the window's minimum and maximum, the unit, and the data's source.
 */
public final class SeriesChart extends VBox {
    /** Loads a datastream's downsampled series off the FX thread and hands it back on the FX thread. */
    public interface Loader {
        void load(long datastreamId, Instant from, Instant to, int maxPoints, Consumer<List<SeriesPoint>> onFxThread);
    }

    static final int MAX_POINTS = 200;
    /** The windows a chart or an export looks back over. */
    static final List<Duration> WINDOWS = List.of(Duration.ofHours(6), Duration.ofHours(24), Duration.ofDays(7));
    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** Reloading on every live update would redraw the chart twice a second; a minute's drift is invisible. */
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

    private final Loader loader;
    private final ComboBox<String> stream = new ComboBox<>();
    private final ComboBox<Duration> window = new ComboBox<>();
    private final NumberAxis hours = new NumberAxis();
    private final NumberAxis values = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(hours, values);
    private final Label summary = new Label();
    private List<Latest> streams = List.of();
    private String loadedKey;
    private Instant loadedAt;
    private Instant end;
    private String preferred;
    /** What the chart draws now, to write its words again in another language. */
    private Latest shown;
    private List<SeriesPoint> shownPoints = List.of();
    private Instant shownUntil;

    public SeriesChart(Loader loader) {
        super(4);
        this.loader = loader;
        window.getItems().addAll(WINDOWS);
        window.setValue(DEFAULT_WINDOW);
        PlannerLanguage.name(window, windowNames());
        PlannerLanguage.name(stream, propertyNames());
        hours.labelProperty().bind(PlannerLanguage.texts().bind("chart.hoursBefore"));
        hours.setForceZeroInRange(false);
        values.setForceZeroInRange(false);
        chart.setLegendVisible(false);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefHeight(220);
        summary.setWrapText(true);
        stream.setOnAction(event -> reload(true));
        window.setOnAction(event -> reload(true));
        getChildren().addAll(new HBox(6, stream, window), chart, summary);
    }

    /**
     * The observed property a chart opens on when it shows another object, where the object has a stream of it: the
     * one the city is coloured by, so that the chart goes on with what the visitor was looking at. Null for none.
     */
    public void prefer(String observedProperty) {
        preferred = observedProperty == null ? null : SafeText.of(observedProperty);
    }

    /** Shows the numeric streams of an object, ending at {@code until}; reloads only when something changed. */
    public void show(List<Latest> objectStreams, Instant until) {
        show(objectStreams, until, false);
    }

    /**
     * As {@link #show(List, Instant)}; for {@code another} object the chart opens on the {@link #prefer preferred}
     * stream, where it has one, rather than keeping the stream chosen for the one before.
     */
    public void show(List<Latest> objectStreams, Instant until, boolean another) {
        List<Latest> numeric = objectStreams.stream().filter(value -> value.text() == null).toList();
        List<String> names = numeric.stream().map(value -> SafeText.of(value.datastream().observedProperty())).toList();
        boolean opensOnPreferred = another && preferred != null && names.contains(preferred);
        // The items only when they change: setting them anew re-selects the value, which loads that stream once more.
        if (!names.equals(stream.getItems())) {
            String before = stream.getValue();
            stream.getItems().setAll(names);
            stream.setValue(names.contains(before) ? before : names.contains(preferred) ? preferred : names.isEmpty() ? null : names.get(0));
        }
        if (opensOnPreferred) {
            stream.setValue(preferred);
        }
        streams = numeric;
        end = until;
        reload(false);
    }

    private void reload(boolean force) {
        Latest chosen = streams.stream().filter(value -> SafeText.of(value.datastream().observedProperty()).equals(stream.getValue())).findFirst().orElse(null);
        if (chosen == null || end == null) {
            return;
        }
        String key = chosen.datastreamId() + "/" + window.getValue();
        if (!force && key.equals(loadedKey) && loadedAt != null && Duration.between(loadedAt, end).abs().compareTo(RELOAD_AFTER) < 0) {
            return;
        }
        loadedKey = key;
        loadedAt = end;
        Instant until = end;
        loader.load(chosen.datastreamId(), until.minus(window.getValue()), until, MAX_POINTS, points -> {
            if (Objects.equals(key, loadedKey)) {
                draw(chosen, points, until);
            }
        });
    }

    /** A window of {@link #WINDOWS} in the planner's words: "24 hours", "24 Stunden". */
    static String windowName(Duration window) {
        return PlannerLanguage.texts().get(window.toHours() % 24 == 0 && window.toDays() > 1 ? "chart.window." + window.toDays() + "d"
                : "chart.window." + window.toHours() + "h");
    }

    private static StringConverter<Duration> windowNames() {
        return new StringConverter<>() {
            @Override
            public String toString(Duration window) {
                return window == null ? "" : windowName(window);
            }

            @Override
            public Duration fromString(String name) {
                return WINDOWS.stream().filter(window -> windowName(window).equals(name)).findFirst().orElse(DEFAULT_WINDOW);
            }
        };
    }

    /** The streams by their observed property in the planner's words; the values stay the feed's names. */
    private static StringConverter<String> propertyNames() {
        return new StringConverter<>() {
            @Override
            public String toString(String property) {
                return property == null ? "" : InfoPanel.propertyName(property);
            }

            @Override
            public String fromString(String shown) {
                return shown;
            }
        };
    }

    /** Writes the window names and the summary again in the planner's language now. FX thread. */
    void relabel() {
        PlannerLanguage.name(window, windowNames());
        PlannerLanguage.name(stream, propertyNames());
        if (shown != null) {
            draw(shown, shownPoints, shownUntil);
        }
    }

    private void draw(Latest stream, List<SeriesPoint> points, Instant until) {
        shown = stream;
        shownPoints = points;
        shownUntil = until;
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (SeriesPoint point : points) {
            data.add(new XYChart.Data<>(-Duration.between(point.time(), until).toMinutes() / 60.0, point.mean()));
            min = Math.min(min, point.min());
            max = Math.max(max, point.max());
        }
        series.getData().setAll(data);
        chart.getData().setAll(List.of(series));
        Texts texts = PlannerLanguage.texts();
        String unit = texts.unit(stream.datastream().unitSymbol());
        values.setLabel(unit);
        summary.setText(points.isEmpty() ? texts.get("chart.empty")
                : texts.get("chart.summary", texts.number(min, 1), texts.number(max, 1), unit, windowName(window.getValue()),
                SafeText.of(stream.datastream().source())));
    }
}
