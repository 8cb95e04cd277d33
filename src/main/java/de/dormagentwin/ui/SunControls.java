package de.dormagentwin.ui;

import de.dormagentwin.scene.CityScene;
import de.dormagentwin.model.sun.SunPosition;
import javafx.geometry.Pos;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.DatePickerSkin;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Lights the city by the sun of a chosen day and time at Dormagen, for a planner's look at light and shade: a toggle,
 * the date, the time of day (local time, summer time included) and where the sun stands.
 */
public final class SunControls extends HBox {
    /** Dormagen's clock. */
    static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");
    private final CityScene scene;
    private final ToggleButton toggle = new ToggleButton();
    private final DatePicker date = new DatePicker(LocalDate.now(LOCAL));
    private final Slider time = new Slider(0, 24 * 60 - 1, 12 * 60);
    private final Label where = new Label();

    public SunControls(CityScene scene) {
        super(6);
        this.scene = scene;
        setAlignment(Pos.CENTER_LEFT);
        Texts texts = PlannerLanguage.texts();
        toggle.textProperty().bind(texts.bind("sun.toggle"));
        Tooltip toggleTip = new Tooltip();
        toggleTip.textProperty().bind(texts.bind("sun.tip"));
        toggle.setTooltip(toggleTip);
        toggle.setFocusTraversable(false);
        toggle.setMinHeight(32);
        date.setPrefWidth(125);
        date.setFocusTraversable(false);
        time.setPrefWidth(150);
        time.setFocusTraversable(false);
        Tooltip timeTip = new Tooltip();
        timeTip.textProperty().bind(texts.bind("sun.time.tip"));
        time.setTooltip(timeTip);
        date.setConverter(dates());
        // The calendar names its months and days in the machine's format language, read when it is first shown: make
        // that the planner's language as it opens, and make a new calendar when the language changes.
        date.setOnShowing(event -> Locale.setDefault(Locale.Category.FORMAT, PlannerLanguage.texts().locale()));
        where.setMinWidth(260);
        toggle.setOnAction(event -> update());
        date.valueProperty().addListener((property, before, after) -> update());
        time.valueProperty().addListener((property, before, after) -> update());
        getChildren().addAll(toggle, date, time, where);
        update();
    }

    /** The day chosen, whether or not the sun is on: the shadow study's day. */
    public LocalDate day() {
        return date.getValue();
    }

    /** Turns the sun on at a local date and time, as the controls do; FX thread. */
    public void show(LocalDate day, LocalTime at) {
        date.setValue(day);
        time.setValue(at.getHour() * 60 + at.getMinute());
        toggle.setSelected(true);
        update();
    }

    /** Days as the planner's language writes them (4.12.2026, 12/4/2026), whatever the machine's language. */
    private static StringConverter<LocalDate> dates() {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(PlannerLanguage.texts().get("format.date"), PlannerLanguage.texts().locale());
        return new LocalDateStringConverter(format, format);
    }

    /** Writes the date and where the sun stands again, in the planner's language now. FX thread. */
    void relabel() {
        date.setConverter(dates());
        date.setSkin(new DatePickerSkin(date));
        update();
    }

    private void update() {
        boolean on = toggle.isSelected() && date.getValue() != null;
        date.setDisable(!toggle.isSelected());
        time.setDisable(!toggle.isSelected());
        if (!on) {
            scene.setSun(null);
            where.setText("");
            return;
        }
        int minutes = (int) Math.round(time.getValue());
        ZonedDateTime when = date.getValue().atTime(minutes / 60, minutes % 60).atZone(LOCAL);
        SunPosition sun = scene.setSun(when.toInstant());
        String clock = String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
        long azimuth = Math.round(sun.azimuthDegrees()) % 360;
        long elevation = Math.round(sun.elevationDegrees());
        where.setText(PlannerLanguage.texts().get(elevation >= 0 ? "sun.high" : "sun.below", clock, String.valueOf(azimuth),
                String.valueOf(Math.abs(elevation))));
    }
}
