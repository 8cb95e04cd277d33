package de.dormagentwin.app;

import de.dormagentwin.live.ingest.IngestService;
import de.dormagentwin.live.ingest.Simulator;
import de.dormagentwin.live.ingest.SourceStatus;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.overlay.Bindings;
import de.dormagentwin.ui.LiveFeed;
import de.dormagentwin.ui.ViewerPane;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The JavaFX application: shows a loading screen, loads and meshes on a worker, then shows the viewer. It opens the
 * live cache beside it, runs the sample's simulator into it (unless told not to), and shows what the cache holds.
 */
public final class ViewerApp extends Application {
    /** Set by {@link ViewCommand} before launch; JavaFX creates this class itself, so it cannot take arguments. */
    static List<Path> files = List.of();
    static LodChoice lod = LodChoice.HIGHEST;
    static String camera = "home";
    static CacheOptions cache = new CacheOptions();
    static boolean simulate = true;
    static Path bindingsFile;
    /** Days of history the simulator writes into an empty cache, so charts and playback have something at once. */
    static final Duration SIMULATOR_HISTORY = Duration.ofDays(2);
    /** The simulator's live step: a new value a minute, so the twin visibly moves. */
    static final Duration SIMULATOR_STEP = Duration.ofMinutes(1);
    /** How often the viewer asks the cache what changed: a value is on screen within about this. */
    static final Duration LIVE_POLL = Duration.ofMillis(500);

    private LiveStore store;
    private IngestService ingest;
    private LiveFeed feed;

    /** What the loader hands the FX thread: the scene, and the cache or why it could not be opened. */
    private record Loaded(SceneFactory.Prepared prepared, LiveStore store, String cacheProblem, Duration retention,
                          Bindings bindings, String bindingsProblem) {
    }

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

        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() {
                SceneFactory.Prepared prepared = SceneFactory.prepare(files, lod);
                Bindings bindings = Bindings.NONE;
                String bindingsProblem = null;
                try {
                    bindings = bindingsFile == null ? Bindings.NONE : Bindings.load(bindingsFile);
                } catch (IOException e) {
                    bindingsProblem = e.getMessage();
                }
                try {
                    return new Loaded(prepared, cache.open(), null, Duration.ofDays(cache.config().retentionDays()), bindings, bindingsProblem);
                } catch (Exception e) {
                    return new Loaded(prepared, null, e.getMessage(), null, bindings, bindingsProblem);
                }
            }
        };
        task.setOnSucceeded(event -> {
            Loaded loaded = task.getValue();
            SceneFactory.Prepared prepared = loaded.prepared();
            ViewerPane pane = new ViewerPane(SceneFactory.viewport(prepared), SceneFactory.statusText(prepared));
            startLive(pane, loaded);
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

    /** Feeds the viewer from the cache, and the cache from the simulator when the sample is on screen. */
    private void startLive(ViewerPane pane, Loaded loaded) {
        if (loaded.store() == null) {
            System.err.println("twin: live data off: " + loaded.cacheProblem());
            pane.viewport().addNote("Live data off: " + loaded.cacheProblem(), true);
            return;
        }
        store = loaded.store();
        feed = new LiveFeed(store, LIVE_POLL, message -> System.err.println("twin: " + message));
        pane.attachFeed(feed);
        if (loaded.bindingsProblem() != null) {
            System.err.println("twin: bindings not used: " + loaded.bindingsProblem());
            pane.viewport().addNote("Bindings not used: " + loaded.bindingsProblem().lines().findFirst().orElse(""), true);
        }
        List<String> unresolved = loaded.bindings().resolve(pane.viewport().cityScene().city());
        unresolved.forEach(problem -> System.err.println("twin: " + problem));
        if (!unresolved.isEmpty()) {
            pane.viewport().addNote(unresolved.size() + " bindings not used (" + unresolved.get(0) + ")", true);
        }
        feed.setBindings(loaded.bindings());
        Optional<CityModel> sample = loaded.prepared().loaded().models().stream()
                .filter(model -> Boolean.TRUE.equals(model.metadata().get("synthetic"))).findFirst();
        if (simulate && sample.isPresent()) {
            // Loading the model and writing two days of history both take a while: the ingest thread does it.
            ingest = new IngestService(store, List.of(new Simulator(sample.get(), Simulator.DEFAULT_SEED, Clock.systemUTC(),
                    SIMULATOR_HISTORY, SIMULATOR_STEP)), Duration.ofSeconds(10), IngestCommand.FIRST_BACKOFF, Clock.systemUTC(),
                    message -> System.err.println("twin: " + message)).withRetention(loaded.retention());
            ingest.addListener(status -> {
                List<SourceStatus> statuses = ingest.statuses();
                Platform.runLater(() -> pane.showSources(statuses));
            });
            pane.showSources(ingest.statuses());
            ingest.start();
        }
    }

    @Override
    public void stop() {
        if (ingest != null) {
            ingest.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (store != null) {
            try {
                store.close();
            } catch (Exception e) {
                System.err.println("twin: " + e.getMessage());
            }
        }
        Platform.exit();
    }
}
