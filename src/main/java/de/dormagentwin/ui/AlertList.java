package de.dormagentwin.ui;

import de.dormagentwin.live.Place;
import de.dormagentwin.overlay.Alerts;
import de.dormagentwin.model.text.SafeText;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** The limit exceedances now: each names the value, the limit, where and since when; click to go there. */
public final class AlertList extends VBox {
    private static final double MAX_LIST_HEIGHT = 250;
    private final Label title = new Label();
    private final ScrollPane scroll;
    private final VBox rows = new VBox(4);
    private final Consumer<String> goTo;
    private final LongConsumer acknowledge;

    public AlertList(Consumer<String> goTo, LongConsumer acknowledge) {
        super(6);
        this.goTo = goTo;
        this.acknowledge = acknowledge;
        setPadding(new Insets(10, 12, 10, 12));
        setPrefWidth(320);
        setMaxWidth(320);
        // Its full height up to a third of the usual window, then the list scrolls: the info panel below keeps room.
        setMinHeight(Region.USE_PREF_SIZE);
        scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent; -fx-padding: 0;");
        setStyle("-fx-background-color: #fff4f2; -fx-border-color: transparent transparent #e0c0bb transparent;");
        title.setStyle("-fx-font-weight: bold; -fx-text-fill: #a01010;");
        getChildren().addAll(title, scroll);
        show(List.of());
    }

    public void show(List<Alerts.Alert> alerts) {
        setVisible(!alerts.isEmpty());
        setManaged(!alerts.isEmpty());
        long open = alerts.stream().filter(alert -> !alert.acknowledged()).count();
        Texts texts = PlannerLanguage.texts();
        title.setText(open < alerts.size() ? texts.get("alerts.titleNew", alerts.size(), open) : texts.get("alerts.title", alerts.size()));
        rows.getChildren().clear();
        DateTimeFormatter since = DateTimeFormatter.ofPattern(texts.get("format.alertSince"), texts.locale()).withZone(ZoneId.systemDefault());
        for (Alerts.Alert alert : alerts) {
            String property = texts.getOrDefault("property." + Texts.keyOf(alert.property()), SafeText.of(alert.property()));
            Label text = new Label(texts.get("alerts.row", property, texts.number(alert.value(), 0), texts.unit(alert.unit()),
                    texts.number(alert.limit(), 0), where(alert.objectId()), since.format(alert.since())));
            text.setWrapText(true);
            text.setStyle(alert.acknowledged() ? "-fx-text-fill: #777;" : "-fx-text-fill: #202020; -fx-cursor: hand;");
            text.setOnMouseClicked(event -> goTo.accept(alert.objectId()));
            // Stacked, so that the list stays as narrow as the info panel under it.
            VBox row = new VBox(2, text);
            if (!alert.acknowledged()) {
                Button seen = new Button(texts.get("alerts.acknowledge"));
                seen.setOnAction(event -> acknowledge.accept(alert.datastreamId()));
                row.getChildren().add(seen);
            }
            rows.getChildren().add(row);
        }
        // As tall as the alerts, up to the limit: the list's own height, not the room it was once given.
        scroll.setPrefViewportHeight(Math.min(rows.prefHeight(getPrefWidth() - 24), MAX_LIST_HEIGHT));
    }

    /** An object by its id; a sensor of its own by its position. */
    static String where(String place) {
        double[] lonLat = Place.lonLat(place);
        return lonLat == null ? SafeText.of(place) : PlannerLanguage.texts().get("alerts.sensorAt", InfoPanel.position(lonLat));
    }
}
