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
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Live or history: in live mode the city follows now; in history mode a slider over the cached range picks the
 * moment the whole city shows, and play runs time forward at 60x, 600x or 3600x.
 */
public final class TimeBar extends HBox {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());
    private static final Duration TICK = Duration.millis(250);

    private final ToggleButton live = new ToggleButton("Live");
    private final Slider slider = new Slider(0, 1, 1);
    private final Button play = new Button("Play");
    private final ComboBox<String> speed = new ComboBox<>();
    private final Label when = new Label("live");
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
        live.setSelected(true);
        live.setTooltip(new Tooltip("Follow now; move the slider to look back"));
        live.setOnAction(event -> {
            if (live.isSelected()) {
                followNow();
            } else {
                moveTo(at != null ? at : Instant.now());
            }
        });
        speed.getItems().addAll("60x", "600x", "3600x");
        speed.setValue("600x");
        speed.setTooltip(new Tooltip("How much faster than real time history plays"));
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
        when.setText("as of " + WHEN.format(clamped));
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
        play.setText("Play");
        live.setSelected(true);
        when.setText("live");
        adjusting = true;
        slider.setValue(1);
        adjusting = false;
        showLive.run();
    }

    private void togglePlay() {
        if (player.getStatus() == Timeline.Status.RUNNING) {
            player.stop();
            play.setText("Play");
            return;
        }
        if (isLive()) {
            // Playing from now would show nothing new: start a day back.
            moveTo(Instant.now().minusSeconds(86_400));
        }
        play.setText("Pause");
        player.play();
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
