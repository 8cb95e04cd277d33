package de.dormagentwin.ui;

import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.SubScene;
import javafx.scene.image.WritableImage;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;


/**
 * The 3D view with its on-screen notes (what is shown, problems while loading) and the pointer and touch
 * gestures: drag orbits, right or two-finger drag pans, wheel or pinch zooms, a click or tap selects.
 */
public final class CityViewport extends StackPane {
    private static final double DRAG_THRESHOLD_PIXELS = 4;
    /** The planner's text size on the view, in pixels: the notes, legend and labels are sized in em of it. */
    public static final double PLANNER_TEXT_PX = 12;

    private final CityScene scene;
    private final Pane holder;
    private final VBox notes = new VBox();
    private final Legend legend = new Legend();
    private final ValueLabels valueLabels;
    private PickListener onPick = click -> { };
    private double lastX;
    private double lastY;
    private double pressX;
    private double pressY;
    /** Touch screens send synthesized drags alongside a two-finger scroll; those must not orbit as well. */
    private boolean isTwoFingerPanActive;

    public CityViewport(CityScene scene) {
        this.scene = scene;
        holder = new Pane(scene.subScene());
        scene.subScene().widthProperty().bind(holder.widthProperty());
        scene.subScene().heightProperty().bind(holder.heightProperty());
        holder.setMinSize(0, 0);
        // The sky is drawn behind the transparent SubScene (its own gradient fill is not drawn), its horizon where
        // the camera's is.
        Runnable sky = () -> holder.setBackground(new Background(new BackgroundFill(scene.sky(holder.getHeight()), null, null)));
        scene.addSkyListener(sky);
        holder.heightProperty().addListener((property, before, after) -> sky.run());
        sky.run();
        notes.setStyle("-fx-padding: 1em; -fx-spacing: 0.5em;");
        notes.setAlignment(Pos.TOP_LEFT);
        notes.setPickOnBounds(false);
        notes.setMouseTransparent(true);
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(12));
        valueLabels = new ValueLabels(scene.city().node(), scene.camera().camera());
        getChildren().addAll(holder, valueLabels, notes, legend);
        valueLabels.keepClearOf(legend);
        setMinSize(0, 0);
        setTextSize(PLANNER_TEXT_PX);
        installGestures();
    }

    /**
     * The size of the text on the view (notes, legend, value labels), in pixels; the rest of their geometry follows
     * it, so that a kiosk on a large screen scales all of it at once. FX thread.
     */
    public void setTextSize(double pixels) {
        setStyle("-fx-font-size: " + pixels + "px;");
        valueLabels.remeasure();
    }

    public CityScene cityScene() {
        return scene;
    }

    /**
     * Hears a click or tap that did not drag: the event says what lies under it ({@code getPickResult()}), where on
     * screen (for a point on open ground) and whether it was the second of a double click.
     */
    public interface PickListener {
        void picked(MouseEvent click);
    }

    public void setOnPick(PickListener onPick) {
        this.onPick = onPick;
    }

    /** The values written over the view, beside their markers. */
    public ValueLabels valueLabels() {
        return valueLabels;
    }

    /** The language of the legend and the value labels. */
    public void setTexts(Texts texts) {
        legend.setTexts(texts);
        valueLabels.setTexts(texts);
    }

    /** The key to the colours an overlay paints. */
    public Legend legend() {
        return legend;
    }

    /**
     * The 3D view alone (sky and model; no notes, legend or labels) drawn at a size of its own, independent of the
     * window's: the SubScene takes that size for the snapshot and follows the window again before the next pulse
     * draws, so the window never shows it. FX thread.
     */
    public WritableImage snapshot3D(int width, int height) {
        SubScene subScene = scene.subScene();
        subScene.widthProperty().unbind();
        subScene.heightProperty().unbind();
        try {
            subScene.setWidth(width);
            subScene.setHeight(height);
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setFill(scene.sky(height));
            return subScene.snapshot(parameters, new WritableImage(width, height));
        } finally {
            subScene.widthProperty().bind(holder.widthProperty());
            subScene.heightProperty().bind(holder.heightProperty());
        }
    }

    /** Adds a note in the top-left corner; {@code warning} ones stand out. */
    public Label addNote(String text, boolean warning) {
        Label label = new Label(text);
        label.getStyleClass().add(warning ? "note-warning" : "note");
        label.setStyle(warning
                ? "-fx-background-color: rgba(150,40,20,0.85); -fx-text-fill: white; -fx-padding: 0.4286em 0.7143em; -fx-background-radius: 6;"
                        + " -fx-font-size: 1.1667em;"
                : "-fx-background-color: rgba(20,30,40,0.65); -fx-text-fill: white; -fx-padding: 0.4615em 0.7692em; -fx-background-radius: 6;"
                        + " -fx-font-size: 1.0833em;");
        // A warning names the file, object and problem: wrap it rather than cut the part that says what went wrong.
        label.setWrapText(true);
        notes.getChildren().add(label);
        valueLabels.keepClearOf(label);
        return label;
    }

    private void installGestures() {
        OrbitCamera camera = scene.camera();
        setOnMousePressed(event -> {
            lastX = pressX = event.getSceneX();
            lastY = pressY = event.getSceneY();
            requestFocus();
        });
        setOnMouseDragged(event -> {
            double dx = event.getSceneX() - lastX;
            double dy = event.getSceneY() - lastY;
            lastX = event.getSceneX();
            lastY = event.getSceneY();
            if (event.isSynthesized() && event.getEventType() == MouseEvent.MOUSE_DRAGGED && isTwoFingerPanActive) {
                return;
            }
            if (event.getButton() == MouseButton.SECONDARY || event.getButton() == MouseButton.MIDDLE || event.isShiftDown()) {
                camera.pan(dx, dy, getHeight());
            } else {
                camera.orbit(dx * 0.3, dy * 0.2);
            }
        });
        setOnMouseClicked(event -> {
            boolean still = Math.hypot(event.getSceneX() - pressX, event.getSceneY() - pressY) < DRAG_THRESHOLD_PIXELS;
            if (event.getButton() == MouseButton.PRIMARY && still) {
                onPick.picked(event);
            }
        });
        setOnScroll(event -> {
            if (event.getTouchCount() >= 2) {
                camera.pan(event.getDeltaX(), event.getDeltaY(), getHeight());
            } else if (!event.isDirect() && event.getDeltaY() != 0) {
                camera.zoom(Math.pow(0.999, event.getDeltaY() * (event.getTextDeltaYUnits() == ScrollEvent.VerticalTextScrollUnits.NONE ? 1 : 40)));
            }
        });
        setOnScrollStarted(event -> isTwoFingerPanActive = event.getTouchCount() >= 2);
        setOnScrollFinished(event -> isTwoFingerPanActive = false);
        setOnZoom(event -> camera.zoom(1 / Math.max(0.2, event.getZoomFactor())));
        setOnRotate(event -> camera.orbit(event.getAngle(), 0));
    }
}
