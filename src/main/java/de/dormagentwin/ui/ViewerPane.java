package de.dormagentwin.ui;

import de.dormagentwin.live.Place;
import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.store.SeriesPoint;
import de.dormagentwin.model.Chempark;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.model.sun.Occluders;
import de.dormagentwin.overlay.Alerts;
import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.OverlayRules;
import de.dormagentwin.overlay.SafetyLayer;
import de.dormagentwin.overlay.SensorMarkers;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.Measurement;
import de.dormagentwin.scene.MeasurementLayer;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.scene.PlanningLayer;
import de.dormagentwin.scene.ScenePoints;
import de.dormagentwin.scene.VariantMesh;
import de.dormagentwin.model.text.SafeText;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point3D;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The planner's window content: toolbar, the 3D viewport, the info panel and a status bar. */
public final class ViewerPane extends BorderPane {
    private static final System.Logger LOG = System.getLogger(ViewerPane.class.getName());
    private final CityViewport viewport;
    /** What the planner looks at: the values shown, the alerts, the selected point, the feed. */
    private final PlannerSession session = new PlannerSession();
    private final InfoPanel info = new InfoPanel();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private final Label status = new Label();
    private final Label sources = new Label();
    private final ComboBox<String> theme = new ComboBox<>();
    private final OverlayView overlays;
    private final SensorMarkers markers;
    private final SafetyLayer safety;
    private final ToggleButton safetyToggle = new ToggleButton();
    private final ToggleButton measureToggle = new ToggleButton();
    private final MeasurementLayer measurement = new MeasurementLayer();
    private final ExportMenu export;
    private Label measureCaption;
    private final SunControls sun;
    private final ShadowTools shadowTools;
    private volatile ShadowTools.Source shadowSource;
    private final AttributeTable attributes = new AttributeTable();
    private final FrameRate frameRate = new FrameRate();
    private final Label freshness = new Label();
    /** The cache's freshness ages while nothing new arrives: written again every few seconds. */
    private final Timeline freshnessClock = new Timeline(new KeyFrame(Duration.seconds(5),
            event -> freshness.setText(CacheFreshness.text(this.session.live(), Instant.now()))));
    private final PlanningLayer planning;
    private final LayersPanel layers = new LayersPanel();
    private final BooleanProperty sensorsShown = new SimpleBooleanProperty(true);
    private Consumer<List<Path>> onFiles = files -> { };
    private final Consumer<LiveFeed.Snapshot> liveListener = this::showLive;
    private Label safetyCaption;
    private TimeBar timeBar;
    private final AlertList alertList;
    /** Objects over a limit pulse until someone acknowledges them; it runs only while there is such an alert. */
    private final Timeline pulse = new Timeline(new KeyFrame(Duration.millis(500), event -> {
        session.turnPulse();
        applyOverlay();
    }));
    private final HBox statusBar;
    /** Null until the search index is built. */
    private SearchBox searchBox;
    private final Runnable focusSearch = () -> {
        if (searchBox != null) {
            searchBox.requestFocus();
            searchBox.selectAll();
        }
    };
    /** The rule shown first: particulate matter is what the public asks about most. */
    static final String DEFAULT_THEME = "PM10";
    /** The chooser's value for no overlay; the screen says it in the planner's words. */
    static final String NO_THEME = "Nothing";
    /** Where the language chosen in the menu is kept; null: not kept (benchmarks, tests of other things). */
    private final Path settings;
    /** The status line in the planner's words now, while it is the one {@link #showStatus} gave; else null. */
    private Supplier<String> statusText;
    /** The sources' states last shown, to word them again in another language. */
    private List<SourceStatus> sourceStates = List.of();
    /** Words what is not bound to the bundle again, and keeps the choice, while the pane is in a window. */
    private final ChangeListener<Locale> languageListener = (property, before, after) -> languageChanged(after);

    /** @param background runs the pane's work off the FX thread: the search index, the exports */
    public ViewerPane(CityViewport viewport, String statusText, BackgroundWork background) {
        this(viewport, statusText, background, null);
    }

    /**
     * @param background runs the pane's work off the FX thread: the search index, the exports
     * @param settings   the planner's settings file: the language is read from it now (the machine's where it holds
     *                   none) and written to it when chosen in the menu; null to leave the language as it is
     */
    public ViewerPane(CityViewport viewport, String statusText, BackgroundWork background, Path settings) {
        this.viewport = viewport;
        this.settings = settings;
        if (settings != null) {
            texts().setLocale(PlannerLanguage.read(settings, Locale.getDefault()));
        }
        viewport.setTexts(texts());
        CityScene scene = viewport.cityScene();
        Button home = button("planner.home", () -> scene.camera().flyTo(scene.homeView(), 1.2));
        Button top = button("planner.top", () -> scene.camera().flyTo(scene.topView(), 1.2));
        Button chempark = button("planner.chempark", () -> {
            OrbitCamera.View view = scene.viewOfAttribute(Chempark.SITE_ATTRIBUTE, Chempark.SITE);
            if (view != null) {
                scene.camera().flyTo(view, 1.5);
            }
        });
        chempark.setDisable(scene.viewOfAttribute(Chempark.SITE_ATTRIBUTE, Chempark.SITE) == null);
        Button flyTo = button("planner.flyTo", this::flyToSelection);
        overlays = new OverlayView(viewport);
        markers = overlays.markers();
        theme.getItems().add(NO_THEME);
        OverlayRules.defaults().forEach(rule -> theme.getItems().add(rule.name()));
        theme.setValue(DEFAULT_THEME);
        PlannerLanguage.name(theme, themeNames());
        theme.setTooltip(tooltip("planner.colourBy.tip"));
        theme.setFocusTraversable(false);
        theme.valueProperty().addListener((property, before, after) -> applyOverlay());
        Label colourBy = new Label();
        colourBy.textProperty().bind(texts().bind("planner.colourBy"));
        colourBy.setPadding(new Insets(0, 0, 0, 16));
        safety = new SafetyLayer(scene.city());
        scene.addLayer(safety.node());
        safetyToggle.textProperty().bind(texts().bind("planner.safety"));
        safetyToggle.setTooltip(tooltip("planner.safety.tip"));
        safetyToggle.setFocusTraversable(false);
        safetyToggle.setMinHeight(32);
        safetyToggle.selectedProperty().addListener((property, before, after) -> showSafety(after));
        scene.addLayer(measurement.node());
        planning = new PlanningLayer(scene.city().meshes());
        scene.addLayer(planning.node());
        measureToggle.textProperty().bind(texts().bind("planner.measure"));
        measureToggle.setTooltip(tooltip("planner.measure.tip"));
        measureToggle.setFocusTraversable(false);
        measureToggle.setMinHeight(32);
        measureToggle.setOnAction(event -> showMeasuring(measureToggle.isSelected()));
        sun = new SunControls(scene);
        BookmarkMenu bookmarks = new BookmarkMenu(scene.camera()::view, view -> scene.camera().flyTo(view, 1.2), this::report);
        export = new ExportMenu(viewport, () -> selectedPlace() == null ? List.of() : session.shown().of(selectedPlace()),
                () -> session.shownTime(Instant.now()), this::seriesOf, this::report, background);
        // Two rows: looking at the city and its data above, the planner's tools below, so that neither overflows.
        ToolBar tools = new ToolBar(home, top, chempark, flyTo, colourBy, theme, safetyToggle);
        Label shadowCaption = viewport.addNote("", false);
        shadowCaption.setVisible(false);
        shadowCaption.setManaged(false);
        shadowTools = new ShadowTools(scene, this::occluders, background, sun::day, measurement::measurement, planning::shownVariants,
                planning::shownSurfaces, shadowCaption);
        ToolBar planningTools = new ToolBar(measureToggle, sun, shadowTools, bookmarks, export);
        setTop(new VBox(new FileMenu(this, files -> onFiles.accept(files)).bar(), tools, planningTools));
        // The search index of a city-scale model takes a moment to build: off the FX thread, and the box joins the
        // toolbar when it is ready.
        background.call("search index", () -> new ObjectSearch(scene.city().meshes().objects()), search -> {
            searchBox = new SearchBox(search, index -> {
                select(index);
                flyToSelection();
                // Back to the view, so that the next key is a shortcut again and not more text.
                viewport.requestFocus();
            });
            tools.getItems().add(0, searchBox);
        }, problem -> report(texts().get("planner.searchUnavailable", problem)));
        setCenter(viewport);
        alertList = new AlertList(this::goTo, this::acknowledge);
        setRight(sidePanel());
        pulse.setCycleCount(Timeline.INDEFINITE);
        status.setText(statusText);
        statusBar = statusBar();
        followWindow();
        setBottom(statusBar);
        viewport.setOnPick(this::picked);
        setOnKeyPressed(event -> keyPressed(event, home, top));
    }

    /** On the right: the alerts, the layers, the attribute table and the info panel. */
    private VBox sidePanel() {
        VBox.setVgrow(info, Priority.ALWAYS);
        layers.showModel(viewport.cityScene().city());
        layers.addOverlays(theme.getItems(), theme.valueProperty());
        layers.addLayer("layers.sensors", "layers.sensors.tip", sensorsShown);
        layers.addLayer("planner.safety", "layers.safety.tip", safetyToggle.selectedProperty());
        sensorsShown.addListener((property, before, after) -> {
            markers.node().setVisible(after);
            viewport.valueLabels().setVisible(after);
        });
        TitledPane table = new TitledPane(null, attributes);
        table.textProperty().bind(texts().bind("attributes.title"));
        table.setExpanded(false);
        table.setAnimated(false);
        attributes.setPrefHeight(220);
        layers.setExpanded(false);
        VBox side = new VBox(alertList, layers, table, info);
        side.setMaxWidth(Region.USE_PREF_SIZE);
        return side;
    }

    /** At the bottom: what was loaded or done, the sources' states, the cache's freshness and the frame rate. */
    private HBox statusBar() {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label fps = new Label();
        fps.textProperty().bind(frameRate.textProperty());
        HBox bar = new HBox(16, status, gap, sources, freshness, fps);
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    /** The frame rate is measured only while the pane is in a window, and stopped when it leaves (new files). */
    private void followWindow() {
        sceneProperty().addListener((property, before, after) -> {
            // The window's accelerator, so that Ctrl+F works wherever the focus is, even before anything has it; only
            // this pane's own is taken away, not that of a viewer that replaced it.
            if (before != null) {
                before.getAccelerators().remove(SearchBox.FOCUS, focusSearch);
            }
            if (after != null) {
                after.getAccelerators().put(SearchBox.FOCUS, focusSearch);
            }
            if (after != null) {
                frameRate.start();
                freshnessClock.play();
                texts().localeProperty().addListener(languageListener);
            } else {
                frameRate.stop();
                freshnessClock.stop();
                texts().localeProperty().removeListener(languageListener);
            }
        });
        freshnessClock.setCycleCount(Timeline.INDEFINITE);
    }

    /** A click on the view: a measured point while measuring, else what lies under it is selected. */
    private void picked(MouseEvent click) {
        CityScene scene = viewport.cityScene();
        if (measureToggle.isSelected()) {
            measure(ScenePoints.under(scene, click));
            return;
        }
        PlanningLayer.Hit planned = planning.buildingAt(click.getPickResult());
        if (planned != null) {
            select(-1);
            planning.select(planned);
            info.showPlanned(planned.variant(), planned.building());
            return;
        }
        String place = markers.placeAt(click.getPickResult());
        if (place != null) {
            selectPlace(place);
        } else {
            select(scene.city().objectAt(click.getPickResult()));
        }
        if (click.getClickCount() == 2) {
            flyToSelection();
        }
    }

    /** The single-key shortcuts; those with Ctrl, Cmd or Alt belong to the menus. */
    private void keyPressed(KeyEvent event, Button home, Button top) {
        if (event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        if (event.getCode() == KeyCode.H) {
            home.fire();
        } else if (event.getCode() == KeyCode.T) {
            top.fire();
        } else if (event.getCode() == KeyCode.S) {
            safetyToggle.fire();
        } else if (event.getCode() == KeyCode.M) {
            measureToggle.fire();
        } else if (event.getCode() == KeyCode.F) {
            flyToSelection();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            if (measureToggle.isSelected()) {
                measurement.clear();
                measure(null);
            } else {
                select(-1);
            }
        }
    }

    /** The planner's words, in the language chosen now. */
    private static Texts texts() {
        return PlannerLanguage.texts();
    }

    /** A tooltip whose text follows the language. */
    private static Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(texts().bind(key));
        return tip;
    }

    /** The overlay rules by their names in the planner's language: the chooser's values stay the rules' own names. */
    private static StringConverter<String> themeNames() {
        return new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : LayersPanel.ruleName(name);
            }

            @Override
            public String fromString(String shown) {
                return shown;
            }
        };
    }

    /**
     * The language changed in the menu: everything that is not bound to the bundle is worded again at once, and the
     * choice is kept for the next start.
     */
    private void languageChanged(Locale language) {
        PlannerLanguage.name(theme, themeNames());
        sun.relabel();
        attributes.relabel();
        if (timeBar != null) {
            timeBar.relabel();
        }
        if (info.chart() != null) {
            info.chart().relabel();
        }
        freshness.setText(CacheFreshness.text(session.live(), Instant.now()));
        if (statusText != null) {
            status.setText(statusText.get());
        }
        showSources(sourceStates);
        alertList.show(session.alerts());
        showInfo();
        applyOverlay();
        if (measureCaption != null) {
            measure(null);
        }
        if (safetyCaption != null && safety.isVisible()) {
            safetyCaption.setText(safetyText());
        }
        if (settings != null) {
            try {
                PlannerLanguage.write(settings, language);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot keep the planner's language in " + SafeText.of(settings.toString()) + ": "
                        + SafeText.of(String.valueOf(e.getMessage())));
            }
        }
    }

    /** A toolbar button: its text under {@code key}, its tooltip under {@code key + ".tip"}. */
    private static Button button(String key, Runnable action) {
        Button button = new Button();
        button.textProperty().bind(texts().bind(key));
        button.setTooltip(tooltip(key + ".tip"));
        button.setMinHeight(32);
        button.setOnAction(event -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    /** Selects an object by its scene-wide index (-1 for none): highlight and info panel. */
    public void select(int objectIndex) {
        session.selectPoint(null);
        planning.select(null);
        viewport.cityScene().city().select(objectIndex);
        showInfo();
        applyOverlay();
    }

    /** Selects a place: an object by its id, or a sensor standing at a point of its own. */
    public void selectPlace(String place) {
        int index = viewport.cityScene().city().meshes().objectIndex(place);
        if (index >= 0 || Place.lonLat(place) == null) {
            select(index);
            return;
        }
        viewport.cityScene().city().select(-1);
        planning.select(null);
        session.selectPoint(place);
        showInfo();
        applyOverlay();
    }

    /** The selected place: an object's id, a point's place, or null. */
    public String selectedPlace() {
        int selected = viewport.cityScene().city().selected();
        String selectedPoint = session.selectedPoint();
        return selectedPoint != null ? selectedPoint : selected < 0 ? null : viewport.cityScene().city().meshes().objects().get(selected).id();
    }

    private void showInfo() {
        info.preferStream(OverlayRules.named(theme.getValue()).map(ColorRule::observedProperty).orElse(null));
        Instant now = session.shownTime(Instant.now());
        int selectedIndex = viewport.cityScene().city().selected();
        attributes.show(selectedIndex < 0 ? null : viewport.cityScene().city().meshes().objects().get(selectedIndex));
        String selectedPoint = session.selectedPoint();
        if (selectedPoint != null) {
            info.showPoint(selectedPoint, session.shown().of(selectedPoint), now);
            return;
        }
        CityScene scene = viewport.cityScene();
        int selected = scene.city().selected();
        CityObject object = selected < 0 ? null : scene.city().meshes().objects().get(selected);
        info.show(object, object == null ? List.of() : session.shown().of(object.id()), now);
    }

    /** Follows the cache: live values as they change, and history through a time bar above the status bar. */
    public void attachFeed(LiveFeed feed) {
        timeBar = new TimeBar(at -> feed.history(at, past -> {
            // A late answer after going back to live, or for a time since left, is dropped.
            if (!timeBar.isLive()) {
                display(past, at);
            }
        }, problem -> report(texts().get("planner.historyUnavailable", problem))), () -> display(session.live(), null));
        feed.earliest(timeBar::setEarliest, problem -> report(texts().get("planner.historyUnavailable", problem)));
        info.setChart(new SeriesChart(feed::series));
        setBottom(new VBox(timeBar, statusBar));
        session.follow(feed);
        feed.addListener(liveListener);
    }

    /** A line in the status bar: what a menu did, or why it could not. */
    private void report(String text) {
        statusText = null;
        status.setText(text);
    }

    /**
     * A line in the status bar that is worded again when the language changes, until the next report replaces it:
     * what was loaded. FX thread.
     */
    public void showStatus(Supplier<String> text) {
        statusText = text;
        status.setText(text.get());
    }

    /** Series for the export, from the feed once one is attached. */
    private void seriesOf(List<Long> ids, Instant from, Instant to, int maxPoints, Consumer<Map<Long, List<SeriesPoint>>> onFxThread,
                          Consumer<String> onFailure) {
        if (session.feed() == null) {
            onFailure.accept(texts().get("planner.noCache"));
        } else {
            session.feed().seriesOf(ids, from, to, maxPoints, onFxThread, onFailure);
        }
    }

    /** Stops following the feed: this viewer is being replaced. */
    public void detachFeed() {
        if (session.feed() != null) {
            session.feed().removeListener(liveListener);
            session.follow(null);
        }
    }

    public TimeBar timeBar() {
        return timeBar;
    }

    /** New values from the cache: the city and the info panel follow them unless history is shown. FX thread. */
    public void showLive(LiveFeed.Snapshot snapshot) {
        session.receive(snapshot);
        freshness.setText(CacheFreshness.text(snapshot, Instant.now()));
        if (timeBar == null || timeBar.isLive()) {
            display(snapshot, null);
        }
    }

    private void display(LiveFeed.Snapshot snapshot, Instant at) {
        if (session.show(snapshot, at)) {
            pulse.play();
        } else {
            pulse.stop();
        }
        alertList.show(session.alerts());
        if (selectedPlace() != null) {
            showInfo();
        }
        applyOverlay();
        if (safety.isVisible()) {
            safetyCaption.setText(safetyText());
        }
    }

    /** Starts or ends measuring, as the toolbar's Measure button does: while on, clicks place points. FX thread. */
    public void showMeasuring(boolean on) {
        measureToggle.setSelected(on);
        measurement.clear();
        if (measureCaption == null) {
            measureCaption = viewport.addNote("", false);
        }
        measureCaption.setVisible(on);
        measureCaption.setManaged(on);
        measure(null);
    }

    /** Adds a measured point (null: none, only the caption is written again). */
    private void measure(Point3D point) {
        if (point != null) {
            measurement.add(point);
            // Markers a camera's distance can see: half a metre is lost from the whole town.
            measurement.setMarkerRadius(Math.max(0.5, viewport.cityScene().camera().view().distance() / 400));
        }
        measureCaption.setText(describe(measurement.measurement()));
    }

    /** The measurement in words, as the caption shows it. */
    static String describe(Measurement measured) {
        Texts texts = texts();
        int points = measured.points().size();
        if (points == 0) {
            return texts.get("measure.start");
        }
        if (points == 1) {
            return texts.get("measure.one");
        }
        String distance = texts.number(measured.distanceMetres(), 1);
        String height = texts.number(measured.heightMetres(), 1);
        return points >= 3 ? texts.get("measure.area", distance, height, texts.number(measured.groundAreaSquareMetres(), 0))
                : texts.get("measure.line", distance, height);
    }

    /** Turns on the Export menu's exports of the model, of the selected object or the measured area. */
    public void setModelExporter(ModelExporter exporter) {
        export.setModelExporter(exporter, this::selectedObjectId, this::measuredArea);
    }

    private String selectedObjectId() {
        int selected = viewport.cityScene().city().selected();
        return selected < 0 ? null : viewport.cityScene().city().meshes().objects().get(selected).id();
    }

    /** The box around the measured points, {minE, minN, maxE, maxN} in the model's CRS; null below three points. */
    double[] measuredArea() {
        List<Point3D> points = measurement.measurement().points();
        if (points.size() < 3) {
            return null;
        }
        double[] origin = viewport.cityScene().city().meshes().origin();
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Point3D point : points) {
            // Scene x is east and z north, from the origin.
            box[0] = Math.min(box[0], origin[0] + point.getX());
            box[1] = Math.min(box[1], origin[1] + point.getZ());
            box[2] = Math.max(box[2], origin[0] + point.getX());
            box[3] = Math.max(box[3], origin[1] + point.getZ());
        }
        return box;
    }

    /** The measurement now. */
    public Measurement measurement() {
        return measurement.measurement();
    }

    /** Where the files chosen in the File menu or dropped on the window go: models replace the city, variants are added. */
    public void setOnFiles(Consumer<List<Path>> onFiles) {
        this.onFiles = onFiles;
    }

    /** Adds a planning variant (one of the same name is replaced), shown, with its row in the layers panel. FX thread. */
    public void addVariant(PlanningVariant variant) {
        addVariant(variant, planning.mesh(variant));
    }

    /** As {@link #addVariant(PlanningVariant)}, with its mesh made off the FX thread by {@link PlanningLayer#mesh}. FX thread. */
    public void addVariant(PlanningVariant variant, VariantMesh mesh) {
        planning.add(variant, mesh);
        shadowTools.variantsChanged();
        layers.addVariant(variant.name(), shown -> {
            planning.setVisible(variant.name(), shown);
            shadowTools.variantsChanged();
        }, () -> {
            planning.remove(variant.name());
            shadowTools.variantsChanged();
        });
    }

    /**
     * Where the shadows and the shadow study get what casts shadows: the city's models, triangulated once. The app
     * sets it with the city; without it the shadow tools say that there is nothing to cast shadows from.
     */
    public void setShadowSource(ShadowTools.Source source) {
        shadowSource = source;
    }

    private Occluders occluders() {
        ShadowTools.Source source = shadowSource;
        if (source == null) {
            throw new IllegalStateException(texts().get("shadows.noSource"));
        }
        return source.occluders();
    }

    public SunControls sunControls() {
        return sun;
    }

    public ShadowTools shadowTools() {
        return shadowTools;
    }

    public PlanningLayer planning() {
        return planning;
    }

    /** Shows or hides the safety view, as its toolbar button does. FX thread. */
    public void showSafety(boolean visible) {
        safetyToggle.setSelected(visible);
        safety.setVisible(visible);
        if (safetyCaption == null) {
            safetyCaption = viewport.addNote("", false);
        }
        safetyCaption.setVisible(visible);
        safetyCaption.setManaged(visible);
        if (visible) {
            safetyCaption.setText(safetyText());
        }
    }

    /** The safety view's caption for the values shown, in the planner's words; redraws the plume. */
    private String safetyText() {
        Texts texts = texts();
        String rings = texts.get("safety.rings", SafetyLayer.HAZARDS.stream()
                .map(hazard -> texts.get("safety.ring", texts.getOrDefault("hazard." + hazard.hazardClass(), hazard.hazardClass()),
                        texts.number(hazard.radiusMetres(), 0), texts.getOrDefault("colour." + hazard.colourName(), hazard.colourName())))
                .collect(Collectors.joining(", ")));
        SafetyLayer.Plume plume = safety.redraw(session.shown().byObject());
        return plume == null ? texts.get("safety.none", rings)
                : texts.get("safety.plume", SafeText.of(plume.stackId()), texts.number(plume.noxMilligramsPerCubicMetre(), 0),
                texts.number(plume.windMetresPerSecond(), 1), texts.number(plume.windFromDegrees(), 0), rings);
    }

    /** Picks the rule objects are coloured by, as the toolbar's chooser does. FX thread. */
    public void setTheme(String name) {
        theme.setValue(name);
        applyOverlay();
    }

    private void applyOverlay() {
        ColorRule rule = OverlayRules.named(theme.getValue()).orElse(null);
        Instant shownAt = session.shownAt();
        Instant now = session.shownTime(Instant.now());
        String caption = shownAt != null ? texts().get("planner.asOf", TimeBar.moment(shownAt)) : texts().get("legend.live", CLOCK.format(now));
        overlays.show(session.shown().byObject(), rule, now, caption, session.alertingObjects(), session.pulseOn(), selectedPlace());
    }

    /** Each source's state in the status bar: live, retrying or offline, and since when. FX thread. */
    public void showSources(List<SourceStatus> statuses) {
        sourceStates = List.copyOf(statuses);
        sources.setText(statuses.stream().map(SourceLine::of).collect(Collectors.joining("  ·  ")));
        boolean trouble = statuses.stream().anyMatch(status -> status.state() == SourceStatus.State.RETRYING || status.state() == SourceStatus.State.OFFLINE);
        sources.setStyle(trouble ? "-fx-text-fill: #a03010;" : "");
    }


    /** Selects a place and flies to it: from the alert list. */
    private void goTo(String place) {
        if (place != null) {
            selectPlace(place);
            flyToSelection();
        }
    }

    /** The alerts shown now. */
    public List<Alerts.Alert> alerts() {
        return session.alerts();
    }

    /** Acknowledges an alert, as its button does. FX thread. */
    public void acknowledge(long datastreamId) {
        session.acknowledge(datastreamId);
        display(session.shown(), session.shownAt());
    }

    private void flyToSelection() {
        CityScene scene = viewport.cityScene();
        String selectedPoint = session.selectedPoint();
        double[] top = selectedPoint == null ? null : markers.top(selectedPoint);
        OrbitCamera.View view = top != null ? scene.viewAround(top[0], top[1] / 2, top[2], -top[1])
                : scene.city().selected() >= 0 ? scene.viewOf(scene.city().selected()) : null;
        if (view != null) {
            scene.camera().flyTo(view, 1.2);
        }
    }

    public SensorMarkers markers() {
        return markers;
    }

    public InfoPanel info() {
        return info;
    }

    public CityViewport viewport() {
        return viewport;
    }
}
