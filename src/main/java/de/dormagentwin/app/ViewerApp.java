package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.ui.ViewerPane;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/** The JavaFX application: shows a loading screen, loads and meshes on a worker, then shows the viewer. */
public final class ViewerApp extends Application {
    /** Set by {@link ViewCommand} before launch; JavaFX creates this class itself, so it cannot take arguments. */
    static List<Path> files = List.of();
    static LodChoice lod = LodChoice.HIGHEST;
    static String camera = "home";

    @Override
    public void start(Stage stage) {
        SceneFactory.requireScene3D();
        Label message = new Label("Loading " + files.stream().map(path -> path.getFileName().toString()).toList() + " ...");
        VBox loading = new VBox(16, new ProgressIndicator(), message);
        loading.setStyle("-fx-alignment: center; -fx-background-color: #e6eef3; -fx-font-size: 16px;");
        Scene scene = new Scene(loading, 1400, 860);
        stage.setTitle("Dormagen Twin");
        stage.setScene(scene);
        stage.show();

        Task<SceneFactory.Prepared> task = new Task<>() {
            @Override
            protected SceneFactory.Prepared call() {
                return SceneFactory.prepare(files, lod);
            }
        };
        task.setOnSucceeded(event -> {
            SceneFactory.Prepared prepared = task.getValue();
            ViewerPane pane = new ViewerPane(SceneFactory.viewport(prepared), SceneFactory.statusText(prepared));
            scene.setRoot(pane);
            try {
                pane.viewport().cityScene().camera().set(pane.viewport().cityScene().namedView(camera));
            } catch (IllegalArgumentException unknownCamera) {
                System.err.println("twin: " + unknownCamera.getMessage() + "; showing the home view");
            }
            pane.requestFocus();
            prepared.loaded().failures().forEach(failure -> System.err.println("twin: " + failure));
            prepared.loaded().models().forEach(model -> model.problems().forEach(problem -> System.err.println("twin: " + problem)));
        });
        task.setOnFailed(event -> message.setText("Could not load the model: " + task.getException().getMessage()));
        Thread worker = new Thread(task, "model-loader");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        Platform.exit();
    }
}
