package de.dormagentwin.ui.kiosk;

import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.SeriesPoint;
import de.dormagentwin.model.text.SafeText;
import de.dormagentwin.overlay.WaterMarks;
import de.dormagentwin.ui.SeriesChart;
import de.dormagentwin.ui.Texts;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The river's gauge at a glance, for the tour's Rhine step: the station, its level as a large number with a word
 * for it by the gauge's own marks for low and high water (where its binding gives them), which way it is going over
 * the last hours, and how it compares with the last week, in words. The comparison is with what
 * the cache holds of the gauge, not with official flood marks, and says so.
 */
final class GaugePanel extends VBox {
    /** The trend is the change over this long. */
    static final Duration TREND = Duration.ofHours(3);
    /** What the level is compared with. */
    static final Duration WEEK = Duration.ofDays(7);
    /** Less change than this over {@link #TREND}, in centimetres, reads as steady: gauges report to the centimetre. */
    static final double STEADY_CM = 3;
    /** Within this share of the week's mean the level is the usual one. */
    static final double USUAL_SHARE = 0.15;

    private final Texts texts;
    private final Label station = new Label();
    private final Label level = new Label();
    private final Label stage = new Label();
    private final Label trend = new Label();
    private final Label comparison = new Label();
    private SeriesChart.Loader loader = (id, from, to, maxPoints, onFxThread) -> { };
    private Function<Datastream, WaterMarks> waterMarks = datastream -> null;
    private Latest shown;

    GaugePanel(Texts texts) {
        this.texts = texts;
        setMaxWidth(Region.USE_PREF_SIZE);
        setMaxHeight(Region.USE_PREF_SIZE);
        setMouseTransparent(true);
        // In em of the kiosk's text size, which follows the screen's height.
        setStyle("-fx-background-color: rgba(255,255,255,0.95); -fx-background-radius: 0.8em; -fx-padding: 0.9em 1.2em; -fx-spacing: 0.2em;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 14, 0, 0, 3);");
        station.setStyle("-fx-font-size: 1.1em; -fx-font-weight: bold;");
        level.setStyle("-fx-font-size: 3.5em; -fx-font-weight: bold; -fx-text-fill: #1b5e9e;");
        stage.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold; -fx-text-fill: #1b5e9e;");
        trend.setStyle("-fx-font-size: 1.2em;");
        comparison.setStyle("-fx-text-fill: #444; -fx-max-width: 20em;");
        comparison.setWrapText(true);
        getChildren().addAll(station, level, stage, trend, comparison);
        setVisible(false);
    }

    void setLoader(SeriesChart.Loader loader) {
        this.loader = loader;
    }

    /** Where the gauge's marks for low and high water come from: its binding; none, no word. */
    void setWaterMarks(Function<Datastream, WaterMarks> waterMarks) {
        this.waterMarks = waterMarks;
    }

    /** "Hochwasser", "Low water": the level by the gauge's own marks; null where none are known. */
    static String stageWord(Texts texts, String prefix, WaterMarks marks, double level) {
        return marks == null ? null : texts.get(prefix + ".water." + marks.stageOf(level).name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Shows a water level (in centimetres, as gauges report it); the trend and the comparison follow from its history. */
    void show(Latest value, Instant now) {
        shown = value;
        station.setText(stationOf(value));
        level.setText(texts.number(value.number() / 100, 2) + " m");
        String word = stageWord(texts, "gauge", waterMarks.apply(value.datastream()), value.number());
        stage.setText(word == null ? "" : word);
        stage.setVisible(word != null);
        stage.setManaged(word != null);
        trend.setText("");
        comparison.setText("");
        setVisible(true);
        loader.load(value.datastreamId(), now.minus(WEEK), now, 7 * 24, points -> {
            if (shown == value) {
                describe(value, points);
            }
        });
    }

    void hide() {
        shown = null;
        setVisible(false);
    }

    private void describe(Latest value, List<SeriesPoint> week) {
        Instant before = value.time().minus(TREND);
        SeriesPoint then = null;
        for (SeriesPoint point : week) {
            if (!point.time().isAfter(before)) {
                then = point;
            }
        }
        if (then != null) {
            double change = value.number() - then.mean();
            trend.setText(texts.get(Math.abs(change) < STEADY_CM ? "gauge.steady" : change > 0 ? "gauge.rising" : "gauge.falling",
                    Math.round(Math.abs(change))));
        }
        double mean = week.stream().mapToDouble(SeriesPoint::mean).average().orElse(Double.NaN);
        if (!Double.isNaN(mean) && mean > 0) {
            double share = value.number() / mean - 1;
            comparison.setText(texts.get(share < -USUAL_SHARE ? "gauge.low" : share > USUAL_SHARE ? "gauge.high" : "gauge.usual"));
        }
    }

    /** "Gauge Rhein Dormagen" of "Gauge Rhein Dormagen: water level"; a name without that form as it is. */
    static String stationOf(Latest value) {
        String name = value.datastream().name();
        int colon = name.lastIndexOf(": ");
        return SafeText.of(colon > 0 ? name.substring(0, colon) : name, 80);
    }

    String text() {
        return String.join("\n", station.getText(), level.getText(), stage.getText(), trend.getText(), comparison.getText());
    }
}
