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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    /** The planner's language, for numbers and units. */
    private static final Texts TEXTS = new Texts(Texts.ENGLISH);
    /** The windows a chart or an export looks back over, by name. */
    static final List<String> WINDOWS = List.of("6 hours", "24 hours", "7 days");
    /** Reloading on every live update would redraw the chart twice a second; a minute's drift is invisible. */
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

    private final Loader loader;
    private final ComboBox<String> stream = new ComboBox<>();
    private final ComboBox<String> window = new ComboBox<>();
    private final NumberAxis hours = new NumberAxis();
    private final NumberAxis values = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(hours, values);
    private final Label summary = new Label();
    private List<Latest> streams = List.of();
    private String loadedKey;
    private Instant loadedAt;
    private Instant end;
    private String preferred;

    public SeriesChart(Loader loader) {
        super(4);
        this.loader = loader;
        window.getItems().addAll(WINDOWS);
        window.setValue("24 hours");
        hours.setLabel("hours before");
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
        loader.load(chosen.datastreamId(), until.minus(span(window.getValue())), until, MAX_POINTS, points -> {
            if (Objects.equals(key, loadedKey)) {
                draw(chosen, points, until);
            }
        });
    }

    /** How far a window of {@link #WINDOWS} looks back; a day for any other name. */
    static Duration span(String window) {
        return switch (window) {
            case "6 hours" -> Duration.ofHours(6);
            case "7 days" -> Duration.ofDays(7);
            default -> Duration.ofHours(24);
        };
    }

    private void draw(Latest stream, List<SeriesPoint> points, Instant until) {
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
        String unit = TEXTS.unit(stream.datastream().unitSymbol());
        values.setLabel(unit);
        summary.setText(points.isEmpty() ? "No values in this window."
                : String.format(Locale.ROOT, "min %s, max %s %s over the %s; source: %s", TEXTS.number(min, 1), TEXTS.number(max, 1), unit,
                window.getValue(), SafeText.of(stream.datastream().source())));
    }
}
