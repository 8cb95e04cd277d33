package de.dormagentwin.app;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.ingest.IngestService;
import de.dormagentwin.live.ingest.Simulator;
import de.dormagentwin.live.ingest.Source;
import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.model.io.PlanningVariantReader;
import de.dormagentwin.model.io.TerrainReader;
import de.dormagentwin.model.text.SafeText;
import de.dormagentwin.overlay.Bindings;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.scene.PlanningLayer;
import de.dormagentwin.scene.TerrainMesh;
import de.dormagentwin.scene.VariantMesh;
import de.dormagentwin.ui.BackgroundWork;
import de.dormagentwin.ui.Bookmarks;
import de.dormagentwin.ui.CityViewport;
import de.dormagentwin.ui.LiveFeed;
import de.dormagentwin.ui.ServiceWatch;
import de.dormagentwin.ui.Texts;
import de.dormagentwin.ui.LoadingView;
import de.dormagentwin.ui.PlannerLanguage;
import de.dormagentwin.ui.ViewerPane;
import de.dormagentwin.ui.kiosk.KioskPane;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Screen;
import javafx.stage.StageStyle;
import javafx.stage.WindowEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The JavaFX application: shows a loading screen, loads and meshes on a worker, then shows the viewer. It opens the
 * live cache beside it, runs the sample's simulator into it (unless told not to), and shows what the cache holds.
 * What it was asked for is one {@link ViewerSettings}, read from nowhere else: {@link ViewCommand} hands it over
 * through {@link #launch}, the single static hand-over (JavaFX constructs the app itself), and a test through the
 * constructor.
 */
public final class ViewerApp extends Application {
    private static final System.Logger LOG = System.getLogger(ViewerApp.class.getName());
    /** The planner's own settings (its language), beside the twin's config file: what a planner chose, not what an admin set. */
    private static final Path PLANNER_SETTINGS = TwinConfig.defaultFile(System.getenv()).resolveSibling("planner.properties");
    /**
     * The one hand-over from {@link ViewCommand}. JavaFX creates the application itself, through its public
     * no-argument constructor, so the settings cannot be passed in: {@link #launch} puts them here just before
     * {@link Application#launch} and that constructor takes them out again, leaving nothing behind. A launcher that
     * constructed the app itself would have to stand in for JavaFX's lifecycle (waiting for the last window, calling
     * {@link #stop}), which is more to get wrong than one reference passed once. Tests construct the app with their
     * settings and never touch it.
     */
    private static final AtomicReference<Launch> LAUNCHING = new AtomicReference<>();
    /** How long the FX thread may be unresponsive before the watchdog acts. */
    static final Duration FX_STALL_LIMIT = Duration.ofSeconds(5);
    /**
     * Until the city's first frame the FX thread may be silent for longer: laying out and uploading a town of 25,000
     * buildings takes seconds of it on a software renderer, more on a loaded machine, and a kiosk that ended itself
     * there would be restarted into the same start. A hang at the start is still caught.
     */
    static final Duration FX_STARTUP_STALL_LIMIT = Duration.ofSeconds(60);
    /** Days of history the simulator writes into an empty cache, so charts and playback have something at once. */
    static final Duration SIMULATOR_HISTORY = Duration.ofDays(2);
    /** The simulator's live step: a new value a minute, so the twin visibly moves. */
    static final Duration SIMULATOR_STEP = Duration.ofMinutes(1);
    /** How often the viewer asks the cache what changed: a value is on screen within about this. */
    static final Duration LIVE_POLL = Duration.ofMillis(500);
    /**
     * A viewer reading through {@code twin serve} hears of no write: it asks for new revisions this often (one
     * indexed read of the datastream table over loopback), so a value is on screen within a quarter second.
     */
    static final Duration SERVICE_POLL = Duration.ofMillis(200);

    /** The settings for one launch, and where the app leaves the code {@link ViewCommand} returns. */
    private record Launch(ViewerSettings settings, AtomicInteger exitCode) {
    }

    private final ViewerSettings settings;
    private final CacheOptions cache;
    /** What {@link #launch} returns once the window has closed: 2 when the command line named no view the model has. */
    private final AtomicInteger exitCode;
    /** The city models on screen: the command line's, then those last opened. FX thread. */
    private List<Path> files;
    /** The viewer's work off the FX thread: loading, meshing, the feed's reads; closed with the window. */
    private final BackgroundWork background = new BackgroundWork("twin-background", 4);
    private LiveStore store;
    private IngestService ingest;
    private LiveFeed feed;
    private ServiceWatch serviceWatch;
    private FxWatchdog watchdog;
    /** Whether the city's first frame is on screen, from when the watchdog holds the FX thread to its short limit. */
    private volatile boolean firstFrameShown;
    private Bindings bindings = Bindings.NONE;
    /**
     * The planner on screen, or the one that was while another city loads (then the window shows {@link #opening});
     * null in the kiosk. Kept here, not read back from the scene, whose root is a loading view meanwhile. FX thread.
     */
    private ViewerPane planner;
    /** The loading view of the city being opened, the last one asked for; null while none loads. FX thread. */
    private LoadingView opening;
    /** Problems that came while a city loaded: they go onto the planner shown next, the new city's or the one before. */
    private final List<String> pendingNotes = new ArrayList<>();
    /** The planning variants imported so far: a planner built for newly opened models shows them too. */
    private final List<PlanningVariant> variants = new ArrayList<>();

    /** What the loader hands the FX thread: the scene, and the cache or why it could not be opened. */
    private record Loaded(SceneFactory.Prepared prepared, LiveStore store, String cacheProblem, Duration retention,
                          Bindings bindings, String bindingsProblem, String cacheNotice, List<SourceSettings> sources) {
    }

    /** The application as JavaFX creates it, with the settings {@link #launch} handed over. */
    public ViewerApp() {
        this(takeLaunch());
    }

    /** A viewer with these settings, for a caller that starts it on a stage of its own. */
    ViewerApp(ViewerSettings settings) {
        this(new Launch(settings, new AtomicInteger()));
    }

    private ViewerApp(Launch launch) {
        settings = launch.settings();
        exitCode = launch.exitCode();
        cache = CacheOptions.at(settings.cacheFolder(), settings.configFile());
        files = settings.files();
    }

    private static Launch takeLaunch() {
        Launch launch = LAUNCHING.getAndSet(null);
        if (launch == null) {
            throw new IllegalStateException("the viewer starts through ViewerApp.launch, which hands it its settings");
        }
        return launch;
    }

    /**
     * Opens the viewer with these settings and returns once its window has closed, with the command's exit code.
     * As {@link Application#launch}: once per process.
     */
    static int launch(ViewerSettings settings) {
        Launch launch = new Launch(settings, new AtomicInteger());
        if (!LAUNCHING.compareAndSet(null, launch)) {
            throw new IllegalStateException("the viewer is already being launched");
        }
        try {
            Application.launch(ViewerApp.class);
        } finally {
            // Where JavaFX failed before it created the app (no display), the settings must not wait for another.
            LAUNCHING.compareAndSet(launch, null);
        }
        return launch.exitCode().get();
    }

    /** What {@link ViewCommand} returns once the window has closed. */
    int exitCode() {
        return exitCode.get();
    }

    @Override
    public void start(Stage stage) {
        TwinConfig.Kiosk kiosk = settings.kiosk();
        SceneFactory.requireScene3D();
        if (kiosk == null) {
            PlannerLanguage.texts().setLocale(settings.language() != null ? settings.language()
                    : PlannerLanguage.read(PLANNER_SETTINGS, Locale.getDefault()));
        }
        Locale language = kiosk == null ? PlannerLanguage.texts().locale() : Locale.forLanguageTag(kiosk.language());
        LoadingView loading = new LoadingView(new Texts(language).get("load.loading", fileNames(files)), language);
        Scene scene = new Scene(loading, 1400, 860);
        stage.setTitle("Dormagen Twin");
        stage.setScene(scene);
        if (kiosk != null) {
            // No decorations, no way out by Escape or the window manager: only the admin keys and the PIN.
            loading.setMessage("Dormagen Twin");
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setOnCloseRequest(WindowEvent::consume);
            // Full screen asks the window manager; where there is none (a bare X server) the window would keep its
            // size in a black frame. Sized to the screen first, it fills it either way.
            Rectangle2D screen = Screen.getPrimary().getBounds();
            loading.setTextSize(KioskPane.textSizeFor(screen.getHeight()));
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
            stage.setFullScreen(true);
        }
        stage.show();
        startWatchdog();

        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() {
                SceneFactory.Prepared prepared = TileLoader.load(files, settings.terrain(), settings.lod(), showOn(loading));
                Bindings bindings = Bindings.NONE;
                String bindingsProblem = null;
                try {
                    bindings = settings.bindingsFile() == null ? Bindings.NONE : Bindings.load(settings.bindingsFile());
                } catch (IOException e) {
                    bindingsProblem = e.getMessage();
                }
                try {
                    // Through twin serve where one holds the cache. Otherwise every page is read before the viewer's
                    // ingest may write or its retention delete: a damaged leaf shows only when read. 4 to 6 s for 5
                    // million observations (170 MB) here, on this loader thread after the model, so a kiosk's start
                    // waits for it.
                    LiveStore store = settings.throughService() ? LiveStore.throughService(cache.folder(), cache.password(), Clock.systemUTC())
                            : cache.openForReading("the viewer", true);
                    String notice = store.movedAside().map(aside -> "The cache would not open and was moved to " + aside
                            + "; live data starts with a fresh cache").orElse(null);
                    TwinConfig config = cache.config();
                    return new Loaded(prepared, store, null, Duration.ofDays(config.retentionDays()), bindings, bindingsProblem, notice,
                            config.sources());
                } catch (Exception e) {
                    return new Loaded(prepared, null, e.getMessage(), null, bindings, bindingsProblem, null, List.of());
                }
            }
        };
        task.setOnSucceeded(event -> {
            Loaded loaded = task.getValue();
            SceneFactory.Prepared prepared = loaded.prepared();
            boolean cameraUntouched = loading.isFraming();
            CityViewport viewport = cityView(loading, prepared);
            if (kiosk != null) {
                KioskPane pane = new KioskPane(viewport, Locale.forLanguageTag(kiosk.language()), Duration.ofSeconds(kiosk.idleSeconds()),
                        InstantSource.system(), kiosk.pin(), Platform::exit);
                pane.showSampleNote(isSynthetic(prepared));
                pane.setTourViews(tourViews());
                pane.setWaterMarks(loaded.bindings()::waterMarks);
                startLive(loaded, viewport, EnumSet.of(Classification.PUBLIC), feed -> {
                    feed.addListener(pane::showLive);
                    pane.setSeries(feed::series);
                }, pane::showSources);
                scene.setRoot(pane);
                pane.start();
            } else {
                SceneFactory.addNotes(viewport, prepared);
                ViewerPane pane = showPlanner(scene, prepared, viewport, Map.of());
                startLive(loaded, viewport, EnumSet.allOf(Classification.class), pane::attachFeed, statuses -> planner.showSources(statuses));
                openFiles(scene, settings.variantFiles());
            }
            try {
                if (cameraUntouched) {
                    viewport.cityScene().camera().set(viewport.cityScene().namedView(settings.camera()));
                }
            } catch (IllegalArgumentException unknownCamera) {
                // A usage error, as a wrong option is: known only now that the model says which districts and ids it has.
                List<String> districts = districts(viewport.cityScene());
                LOG.log(System.Logger.Level.ERROR, SafeText.of(unknownCamera.getMessage(), 1_000)
                        + (districts.isEmpty() ? "" : "; districts here: " + String.join(", ", districts)));
                exitCode.set(2);
                Platform.exit();
                return;
            }
            logFirstFrame(prepared);
            scene.getRoot().requestFocus();
            prepared.loaded().failures().forEach(failure -> LOG.log(System.Logger.Level.WARNING, failure));
            prepared.loaded().models().forEach(model -> model.problems().forEach(problem -> LOG.log(System.Logger.Level.WARNING, problem)));
        });
        task.setOnFailed(event -> {
            LOG.log(System.Logger.Level.ERROR, "could not load the model: " + SafeText.of(String.valueOf(task.getException().getMessage()), 1_000),
                    task.getException());
            loading.setMessage("Could not load the model: " + task.getException().getMessage());
        });
        background.execute(task);
    }

    /** The districts the model's objects name, for the message on a camera it does not know. */
    private static List<String> districts(CityScene scene) {
        return scene.city().meshes().objects().stream().map(object -> object.textAttribute("district"))
                .filter(district -> district != null && !district.isBlank()).distinct().sorted().map(SafeText::of).toList();
    }

    /**
     * Says in the log when the city is first on screen and how long the start took: what a slow kiosk start in the
     * field is measured by. A pulse renders the frame the pulse before laid out, so the second pulse after the scene
     * is shown finds the first frame with the city drawn.
     */
    private void logFirstFrame(SceneFactory.Prepared prepared) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                firstFrameShown = true;
                watchdog.setLimit(FX_STALL_LIMIT);
                Optional<Instant> started = ProcessHandle.current().info().startInstant();
                String since = started.map(start -> String.format(Locale.ROOT, ", %.1f s after the start",
                        Duration.between(start, Instant.now()).toMillis() / 1000.0)).orElse("");
                LOG.log(System.Logger.Level.DEBUG, "first frame with the city: " + prepared.meshes().objects().size() + " objects of "
                        + files.stream().map(file -> SafeText.of(file.getFileName().toString())).toList() + since);
            }
        }.start();
    }

    /** The files' names as the loading view lists them: "[a.city.json, b.gml]". */
    private static String fileNames(List<Path> files) {
        return files.stream().map(path -> path.getFileName().toString()).toList().toString();
    }

    /** Shows each chunk of the city on the loading view as it comes, with how far loading has come. */
    static Consumer<TileLoader.Chunk> showOn(LoadingView loading) {
        return chunk -> Platform.runLater(() -> {
            if (chunk.meshes() != null) {
                loading.add(chunk.meshes());
            }
            CityViewport viewport = loading.viewport();
            loading.showProgress(chunk.done(), chunk.total(), viewport == null ? 0 : viewport.cityScene().city().meshes().objects().size());
        });
    }

    /**
     * The city the loading view built, tile by tile, with the terrain that loaded after the tiles; a new one where
     * no tile loaded. Runs on the FX thread after every chunk has been shown (they were queued before).
     */
    private static CityViewport cityView(LoadingView loading, SceneFactory.Prepared prepared) {
        CityViewport viewport = loading.viewport();
        if (viewport == null) {
            return new CityViewport(new CityScene(prepared.meshes()));
        }
        if (prepared.meshes().terrain() != null) {
            viewport.cityScene().setGround(prepared.meshes().terrain());
        }
        return viewport;
    }

    /** A planner for the prepared models, in place of what the window showed, following the cache if it is open. */
    private ViewerPane showPlanner(Scene scene, SceneFactory.Prepared prepared, CityViewport viewport, Map<PlanningVariant, VariantMesh> meshes) {
        // With --language the run speaks it and keeps nothing: the choice kept is the one made in the menu without it.
        ViewerPane pane = new ViewerPane(viewport, "", background, settings.language() != null ? null : PLANNER_SETTINGS);
        pane.showStatus(() -> SceneFactory.statusText(prepared, PlannerLanguage.texts()));
        pane.setOnFiles(chosen -> openFiles(scene, chosen));
        pane.setShadowSource(new ShadowSource(prepared.loaded().models(), prepared.meshes().terrain()));
        pane.setModelExporter(new ModelFileExport(prepared.loaded().models(), settings.lod()));
        for (PlanningVariant variant : variants) {
            VariantMesh mesh = meshes.get(variant);
            // A variant imported (or imported again) while the city loaded has no mesh made for this ground yet.
            pane.addVariant(variant, mesh != null ? mesh : pane.planning().mesh(variant));
        }
        if (feed != null) {
            pane.attachFeed(feed);
            List<String> unresolved = bindings.resolve(pane.viewport().cityScene().city());
            unresolved.forEach(text -> LOG.log(System.Logger.Level.WARNING, text));
            feed.setBindings(bindings);
        }
        if (ingest != null) {
            pane.showSources(ingest.statuses());
        }
        scene.setRoot(pane);
        planner = pane;
        showPendingNotes();
        return pane;
    }

    /**
     * A problem onto the planner's view, one line of it: at once where the planner is on screen, else onto the
     * planner shown once the city that loads now is there (or is not).
     */
    private void note(String problem) {
        pendingNotes.add(problem.lines().findFirst().orElse(""));
        if (opening == null) {
            showPendingNotes();
        }
    }

    private void showPendingNotes() {
        pendingNotes.forEach(text -> planner.viewport().addNote(text, true));
        pendingNotes.clear();
    }

    /**
     * Files chosen in the File menu or dropped on the window: planning variants are added to the city on screen,
     * city models replace it. Both load off the FX thread; a file that will not load says why on the view.
     */
    void openFiles(Scene scene, List<Path> chosen) {
        List<Path> footprints = chosen.stream().filter(ModelFiles::isPlanningVariant).toList();
        List<Path> terrain = chosen.stream().filter(TerrainReader::isTerrainFile).toList();
        List<Path> models = chosen.stream().filter(file -> !footprints.contains(file) && !terrain.contains(file)).toList();
        if (!terrain.isEmpty() && models.isEmpty()) {
            layTerrain(planner, terrain, background, this::note);
        }
        for (Path file : footprints) {
            PlanningLayer layer = planner.planning();
            inBackground(background, () -> loadVariant(file, layer), loaded -> {
                variants.removeIf(existing -> existing.name().equals(loaded.variant().name()));
                variants.add(loaded.variant());
                // Another city opened meanwhile stands on other ground: its layer makes the mesh again. One still
                // loading gets the variant from the list when its planner is made.
                if (planner.planning() == layer) {
                    planner.addVariant(loaded.variant(), loaded.mesh());
                } else {
                    planner.addVariant(loaded.variant());
                }
            }, this::note);
        }
        if (!models.isEmpty()) {
            openModels(scene, models, terrain);
        }
    }

    /** A variant read with its mesh made for a layer, ready to attach on the FX thread. */
    record LoadedVariant(PlanningVariant variant, VariantMesh mesh) {
    }

    /** Reads a variant and ear-clips its roofs for the layer: the slow part, so never on the FX thread. */
    static LoadedVariant loadVariant(Path file, PlanningLayer layer) throws IOException {
        PlanningVariant variant = PlanningVariantReader.read(file, OptionalDouble.empty());
        return new LoadedVariant(variant, layer.mesh(variant));
    }

    /**
     * Lays terrain files (DGM1 tiles, an ESRI grid) under the city on screen, in place of its terrain. Files that do
     * not load are named on the view; with models opened at the same time, the terrain goes with those instead.
     */
    static void layTerrain(ViewerPane pane, List<Path> files, BackgroundWork background) {
        layTerrain(pane, files, background, problem -> pane.viewport().addNote(problem.lines().findFirst().orElse(""), true));
    }

    /** As {@link #layTerrain(ViewerPane, List, BackgroundWork)}, with the problem of files that do not load to {@code onProblem}. */
    static void layTerrain(ViewerPane pane, List<Path> files, BackgroundWork background, Consumer<String> onProblem) {
        CityScene city = pane.viewport().cityScene();
        double[] origin = city.city().meshes().origin();
        record Laid(TerrainMesh mesh, List<String> failures) {
        }
        inBackground(background, () -> {
            TerrainFiles.Loaded loaded = TerrainFiles.load(files);
            if (loaded.grids().isEmpty()) {
                throw new IOException(String.join("; ", loaded.failures()));
            }
            return new Laid(TerrainMesh.build(loaded.grids(), origin), loaded.failures());
        }, laid -> {
            city.setGround(laid.mesh());
            laid.failures().forEach(failure -> pane.viewport().addNote(PlannerLanguage.texts().get("load.terrainFailedFile", failure), true));
        }, onProblem);
    }

    /**
     * Replaces the city: the window shows the new one growing tile by tile, then a planner for it. The planner
     * before stays where nothing loads, with a note saying why. Of cities opened while one loads, the last one asked
     * for is the one shown.
     */
    private void openModels(Scene scene, List<Path> models, List<Path> terrain) {
        LoadingView loading = new LoadingView(PlannerLanguage.texts().get("load.opening", fileNames(models)), PlannerLanguage.texts().locale());
        opening = loading;
        scene.setRoot(loading);
        List<PlanningVariant> carried = List.copyOf(variants);
        Map<PlanningVariant, VariantMesh> carriedMeshes = new ConcurrentHashMap<>();
        Task<SceneFactory.Prepared> task = new Task<>() {
            @Override
            protected SceneFactory.Prepared call() throws Exception {
                TerrainFiles withModels = terrain.isEmpty() ? settings.terrain() : new TerrainFiles(terrain, false);
                SceneFactory.Prepared prepared = TileLoader.load(models, withModels, settings.lod(), showOn(loading));
                if (prepared.loaded().models().isEmpty()) {
                    throw new IOException(String.join("; ", prepared.loaded().failures()));
                }
                // The variants stay with the planner but stand on the new city's ground: their roofs are ear-clipped
                // again here, not on the FX thread when the planner shows them.
                for (PlanningVariant variant : carried) {
                    carriedMeshes.put(variant, VariantMesh.extrude(variant, prepared.meshes().origin(), prepared.meshes().terrain()));
                }
                return prepared;
            }
        };
        task.setOnSucceeded(event -> {
            if (opening != loading) {
                LOG.log(System.Logger.Level.INFO, "not shown, another city was opened since: "
                        + models.stream().map(path -> SafeText.of(path.getFileName().toString())).toList());
                return;
            }
            opening = null;
            files = models;
            SceneFactory.Prepared prepared = task.getValue();
            CityViewport viewport = cityView(loading, prepared);
            SceneFactory.addNotes(viewport, prepared);
            planner.detachFeed();
            showPlanner(scene, prepared, viewport, carriedMeshes);
            scene.getRoot().requestFocus();
        });
        task.setOnFailed(event -> {
            String problem = PlannerLanguage.texts().get("load.couldNotOpen", String.valueOf(task.getException().getMessage()));
            LOG.log(System.Logger.Level.WARNING, SafeText.of("Could not open: " + task.getException().getMessage(), 1_000), task.getException());
            if (opening == loading) {
                opening = null;
                scene.setRoot(planner);
            }
            note(problem);
        });
        background.execute(task);
    }

    /** Runs {@code work} on a worker; its result goes to {@code done} on the FX thread, a failure's message to {@code onProblem}. */
    private static <T> void inBackground(BackgroundWork background, Callable<T> work, Consumer<T> done, Consumer<String> onProblem) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> done.accept(task.getValue()));
        task.setOnFailed(event -> {
            String problem = PlannerLanguage.texts().get("load.couldNotOpen", String.valueOf(task.getException().getMessage()));
            LOG.log(System.Logger.Level.WARNING, SafeText.of("Could not open: " + task.getException().getMessage(), 1_000), task.getException());
            onProblem.accept(problem);
        });
        background.execute(task);
    }

    /** The kiosk tour's bookmarked views, by name; none where no file is set or it will not load (logged). */
    private Map<String, OrbitCamera.View> tourViews() {
        TwinConfig.Kiosk kiosk = settings.kiosk();
        if (kiosk.tour() == null) {
            return Map.of();
        }
        try {
            Map<String, OrbitCamera.View> views = new HashMap<>();
            Bookmarks.load(kiosk.tour()).forEach(bookmark -> views.put(bookmark.name(), bookmark.view()));
            return views;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "kiosk tour: " + e.getMessage() + "; the tour uses the model's own views", e);
            return Map.of();
        }
    }

    private static boolean isSynthetic(SceneFactory.Prepared prepared) {
        return prepared.loaded().models().stream().anyMatch(model -> Boolean.TRUE.equals(model.metadata().get("synthetic")));
    }

    /**
     * Feeds the viewer from the cache (the datastreams of the {@code visible} classifications only), and the cache
     * from the configuration's sources, run in this process; without any, from the simulator when the sample is on
     * screen. Problems go to the log, and in the planner onto the view too
     * (the kiosk's visitors are not the ones to fix them).
     */
    private void startLive(Loaded loaded, CityViewport viewport, Set<Classification> visible, Consumer<LiveFeed> attach,
                           Consumer<List<SourceStatus>> showSources) {
        Consumer<String> problem = text -> {
            LOG.log(System.Logger.Level.WARNING, text);
            if (!settings.isKiosk()) {
                viewport.addNote(text.lines().findFirst().orElse(""), true);
            }
        };
        if (loaded.cacheNotice() != null) {
            problem.accept(loaded.cacheNotice());
        }
        if (loaded.store() == null) {
            problem.accept("Live data off: " + loaded.cacheProblem());
            return;
        }
        store = loaded.store();
        boolean served = store.readsThroughService();
        feed = new LiveFeed(store, served ? SERVICE_POLL : LIVE_POLL, visible, background);
        attach.accept(feed);
        if (loaded.bindingsProblem() != null) {
            problem.accept(PlannerLanguage.texts().get("load.bindingsProblem", loaded.bindingsProblem()));
        }
        List<String> unresolved = loaded.bindings().resolve(viewport.cityScene().city());
        unresolved.forEach(text -> LOG.log(System.Logger.Level.WARNING, text));
        if (!unresolved.isEmpty() && !settings.isKiosk()) {
            viewport.addNote(PlannerLanguage.texts().get("load.bindingsUnresolved", unresolved.size(), unresolved.get(0)), true);
        }
        bindings = loaded.bindings();
        feed.setBindings(bindings);
        if (served) {
            // The service runs the sources; this viewer shows their states as the service stores them.
            serviceWatch = new ServiceWatch(store, Duration.ofSeconds(1), Clock.systemUTC(), showSources, background);
            return;
        }
        Optional<CityModel> sample = loaded.prepared().loaded().models().stream()
                .filter(model -> Boolean.TRUE.equals(model.metadata().get("synthetic"))).findFirst();
        List<Source> sources = new ArrayList<>();
        Map<String, Duration> intervals = new HashMap<>();
        for (SourceSettings settings : loaded.sources()) {
            try {
                Source source = settings.build(sample.orElse(null), IngestCommand.FETCH_TIMEOUT);
                sources.add(source);
                intervals.put(source.name(), settings.interval());
            } catch (RuntimeException e) {
                problem.accept("Source not started: " + e.getMessage());
            }
        }
        if (loaded.sources().isEmpty() && settings.simulate() && sample.isPresent()) {
            // Loading the model and writing two days of history both take a while: the ingest thread does it.
            sources.add(new Simulator(sample.get(), Simulator.DEFAULT_SEED, Clock.systemUTC(), SIMULATOR_HISTORY, SIMULATOR_STEP));
        }
        if (!sources.isEmpty()) {
            ingest = new IngestService(store, sources, Duration.ofSeconds(10), IngestCommand.FIRST_BACKOFF, Clock.systemUTC())
                    .withRetention(loaded.retention());
            intervals.forEach(ingest::withInterval);
            // What this process writes is on screen as soon as it is read, not at the next poll.
            ingest.addWriteListener(feed::changed);
            ingest.addListener(status -> {
                List<SourceStatus> statuses = ingest.statuses();
                Platform.runLater(() -> showSources.accept(statuses));
            });
            showSources.accept(ingest.statuses());
            ingest.start();
        }
    }

    /**
     * Watches the FX thread. A kiosk that stalls ends itself for its supervisor to restart; the planner only logs
     * where it hangs, since its user is there to see it and may be waiting on purpose.
     */
    private void startWatchdog() {
        watchdog = new FxWatchdog(Duration.ofSeconds(1), FX_STARTUP_STALL_LIMIT, System::nanoTime, () -> {
            LOG.log(System.Logger.Level.ERROR, "the FX thread has not answered for over " + (firstFrameShown
                    ? FX_STALL_LIMIT : FX_STARTUP_STALL_LIMIT).toSeconds() + " s", FxWatchdog.fxThreadStack());
            if (settings.isKiosk()) {
                LOG.log(System.Logger.Level.ERROR, "kiosk ending with code " + FxWatchdog.STALLED_EXIT_CODE + " so that its supervisor restarts it");
                System.exit(FxWatchdog.STALLED_EXIT_CODE);
            }
        });
    }

    @Override
    public void stop() {
        release();
        Platform.exit();
    }

    /** Closes what the viewer opened: the watchdog, the ingest, the feed, the background work and the cache. */
    void release() {
        if (watchdog != null) {
            watchdog.close();
        }
        if (ingest != null) {
            ingest.close();
        }
        if (serviceWatch != null) {
            serviceWatch.close();
        }
        if (feed != null) {
            feed.close();
        }
        // Before the cache: a read still running would otherwise fail on it as it closes.
        background.close();
        if (store != null) {
            try {
                store.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage(), e);
            }
        }
    }
}
