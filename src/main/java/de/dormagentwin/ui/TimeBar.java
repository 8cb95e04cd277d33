package de.dormagentwin.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * Live or history: in live mode the city follows now; in history mode a slider over the cached range picks the
 * moment the whole city shows, and play runs time forward at 60x, 600x or 3600x.
 */
public final class TimeBar extends HBox {
    private static final Duration TICK = Duration.millis(250);

    private final ToggleButton live = new ToggleButton();
    private final Slider slider = new Slider(0, 1, 1);
    private final Button play = new Button();
    private final ComboBox<String> speed = new ComboBox<>();
    private final Label when = new Label();
    private final Timeline player = new Timeline(new KeyFrame(TICK, event -> step()));
    private final Consumer<Instant> showAt;
    private final Runnable showLive;
    private Instant earliest;
    private Instant at;
    private boolean adjusting;

    /**
     * @param showAt   shows the city as of a time (history mode)
     * @param showLive goes back to following now
     */
    public TimeBar(Consumer<Instant> showAt, Runnable showLive) {
        super(8);
        this.showAt = showAt;
        this.showLive = showLive;
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        Texts texts = PlannerLanguage.texts();
        live.textProperty().bind(texts.bind("time.live"));
        live.setSelected(true);
        live.setTooltip(tooltip("time.live.tip"));
        live.setOnAction(event -> {
            if (live.isSelected()) {
                followNow();
            } else {
                moveTo(at != null ? at : Instant.now());
            }
        });
        speed.getItems().addAll("60x", "600x", "3600x");
        speed.setValue("600x");
        speed.setTooltip(tooltip("time.speed.tip"));
        play.setOnAction(event -> togglePlay());
        player.setCycleCount(Timeline.INDEFINITE);
        slider.setDisable(true);
        slider.valueProperty().addListener((property, before, after) -> {
            if (!adjusting && earliest != null) {
                moveTo(timeOf(after.doubleValue()));
            }
        });
        HBox.setHgrow(slider, Priority.ALWAYS);
        when.setMinWidth(200);
        getChildren().addAll(live, slider, play, speed, when);
        relabel();
    }

    /** A moment as the planner's language writes it: "Fri 4 Dec 2026 14:05", "Fr. 4. Dez. 2026 14:05". */
    static String moment(Instant time) {
        Texts texts = PlannerLanguage.texts();
        return DateTimeFormatter.ofPattern(texts.get("format.when"), texts.locale()).withZone(ZoneId.systemDefault()).format(time);
    }

    private static Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(PlannerLanguage.texts().bind(key));
        return tip;
    }

    /** Writes the words that change with the state again, in the planner's language now. FX thread. */
    void relabel() {
        Texts texts = PlannerLanguage.texts();
        play.setText(texts.get(player.getStatus() == Timeline.Status.RUNNING ? "time.pause" : "time.play"));
        when.setText(isLive() || at == null ? texts.get("time.now") : texts.get("time.asOf", moment(at)));
    }

    /** The oldest time the cache holds: the slider's left end. */
    public void setEarliest(Instant time) {
        earliest = time;
        slider.setDisable(false);
    }

    public boolean isLive() {
        return live.isSelected();
    }

    /** Shows the city as of a time, leaving live mode. FX thread. */
    public void moveTo(Instant time) {
        Instant now = Instant.now();
        Instant clamped = earliest != null && time.isBefore(earliest) ? earliest : time.isAfter(now) ? now : time;
        at = clamped;
        live.setSelected(false);
        when.setText(PlannerLanguage.texts().get("time.asOf", moment(clamped)));
        if (earliest != null) {
            adjusting = true;
            slider.setValue(positionOf(clamped));
            adjusting = false;
        }
        showAt.accept(clamped);
    }

    /** Back to live mode: the city follows now again. FX thread. */
    public void followNow() {
        player.stop();
        live.setSelected(true);
        relabel();
        adjusting = true;
        slider.setValue(1);
        adjusting = false;
        showLive.run();
    }

    private void togglePlay() {
        if (player.getStatus() == Timeline.Status.RUNNING) {
            player.stop();
            relabel();
            return;
        }
        if (isLive()) {
            // Playing from now would show nothing new: start a day back.
            moveTo(Instant.now().minusSeconds(86_400));
        }
        player.play();
        relabel();
    }

    private void step() {
        long factor = Long.parseLong(speed.getValue().replace("x", ""));
        Instant next = at.plusMillis((long) (TICK.toMillis() * factor));
        if (!next.isBefore(Instant.now())) {
            followNow();
            return;
        }
        moveTo(next);
    }

    private Instant timeOf(double position) {
        long start = earliest.toEpochMilli();
        long end = Instant.now().toEpochMilli();
        return Instant.ofEpochMilli(start + Math.round((end - start) * position));
    }

    private double positionOf(Instant time) {
        long start = earliest.toEpochMilli();
        long end = Instant.now().toEpochMilli();
        return end <= start ? 1 : (double) (time.toEpochMilli() - start) / (end - start);
    }
}
