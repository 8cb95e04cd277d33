package de.dormagentwin.ui;

import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * What the window shows while a city loads: a spinner until the first tile is meshed, then the city as far as it
 * has come, growing tile by tile, under a progress bar. The view can be turned and zoomed meanwhile; until it is,
 * it keeps framing the whole of what has loaded.
 */
public final class LoadingView extends StackPane {
    private final Label message;
    private final ProgressBar bar = new ProgressBar(0);
    private final Label progress = new Label();
    private final HBox progressBox;
    private final Texts texts;
    private CityViewport viewport;
    /** The view this class last set: while the camera still shows it, nobody has moved it. */
    private OrbitCamera.View framed;

    public LoadingView(String text) {
        this(text, Texts.ENGLISH);
    }

    /** With the progress in a language of the kiosk's: German or English. */
    public LoadingView(String text, Locale language) {
        texts = new Texts(language);
        message = new Label(text);
        message.setWrapText(true);
        VBox waiting = new VBox(16, new ProgressIndicator(), message);
        waiting.setAlignment(Pos.CENTER);
        waiting.setMaxWidth(900);
        bar.setPrefWidth(320);
        progress.setId("loading-progress");
        progressBox = new HBox(12, bar, progress);
        progressBox.setAlignment(Pos.CENTER_LEFT);
        progressBox.setPadding(new Insets(8, 14, 8, 14));
        progressBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        progressBox.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-background-radius: 6; -fx-font-size: 14px;");
        progressBox.setMouseTransparent(true);
        StackPane.setAlignment(progressBox, Pos.BOTTOM_CENTER);
        StackPane.setMargin(progressBox, new Insets(0, 0, 18, 0));
        setStyle("-fx-background-color: #e6eef3; -fx-font-size: 16px;");
        getChildren().add(waiting);
    }

    /**
     * Sets the size of every text here, in pixels: the kiosk's, which a visitor reads from a step back, is larger
     * than the planner's 16 and 14.
     */
    public void setTextSize(double pixels) {
        String size = String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", pixels);
        progressBox.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-background-radius: 6; " + size);
        setStyle("-fx-background-color: #e6eef3; " + size);
    }

    public void setMessage(String text) {
        message.setText(text);
    }

    /**
     * Adds a loaded chunk of the city (meshed on one grid, objects numbered on from the chunks before): the first
     * becomes the scene. Must run on the FX thread.
     */
    public void add(CityMeshes chunk) {
        if (viewport == null) {
            viewport = new CityViewport(new CityScene(chunk));
            getChildren().setAll(viewport, progressBox);
            framed = viewport.cityScene().camera().view();
            return;
        }
        CityScene scene = viewport.cityScene();
        scene.append(chunk);
        if (scene.camera().view().equals(framed)) {
            scene.camera().set(scene.homeView());
            framed = scene.camera().view();
        }
    }

    /** Says how far loading has come: files handled of all, and objects loaded. */
    public void showProgress(int done, int total, int objects) {
        bar.setProgress(total == 0 ? 1 : (double) done / total);
        progress.setText(texts.get("loading.progress", done, total, objects));
    }

    /** Whether the camera still frames what has loaded, as this view set it: nobody has moved it. */
    public boolean isFraming() {
        return viewport == null || viewport.cityScene().camera().view().equals(framed);
    }

    /** The city as loaded so far, null before the first chunk. */
    public CityViewport viewport() {
        return viewport;
    }

    public String progressText() {
        return progress.getText();
    }
}
