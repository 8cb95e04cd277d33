package de.dormagentwin.ui.kiosk;

import de.dormagentwin.model.Chempark;
import de.dormagentwin.ui.SeriesChart;
import de.dormagentwin.ui.SourceLine;
import de.dormagentwin.live.SourceStatus;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Place;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.OverlayRules;
import de.dormagentwin.overlay.WaterMarks;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.ui.CityViewport;
import de.dormagentwin.ui.Legend;
import de.dormagentwin.ui.LiveFeed;
import de.dormagentwin.ui.OverlayView;
import de.dormagentwin.ui.Texts;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The exhibition kiosk: the city full screen with a few large buttons (home, air, noise, temperature, the CHEMPARK,
 * the Rhine, the other language), a plain-language card for what a visitor taps, and the attract tour when nobody
 * is there. It shows only what its feed gives it; the kiosk's feed gives public data only. Leaving takes the admin
 * key combination and the PIN; there is no other way out and no file dialog.
 */
public final class KioskPane extends StackPane {
    /**
     * The kiosk's text size on a screen 1080 pixels high: read from a step back. Larger screens scale it (and the
     * styles, in em of it) with their height, so that a 4K screen shows the same layout, not a smaller one.
     */
    public static final double TEXT_PX = 18;
    /** The screen height {@link #TEXT_PX} is for. */
    static final double TEXT_PX_AT_HEIGHT = 1080;
    /** The kiosk's text size in pixels on a screen this many pixels high: {@link #TEXT_PX} at 1080, never less. */
    public static double textSizeFor(double screenHeight) {
        return Math.max(TEXT_PX, screenHeight / TEXT_PX_AT_HEIGHT * TEXT_PX);
    }

    /** The smallest size of anything a finger must hit, in pixels. */
    public static final double TOUCH_TARGET = 56;
    /** An object narrower than this on screen, in pixels, is too small to be what a finger meant. */
    static final double TAP_SIZE = 20;
    /** Opens the PIN prompt. */
    public static final KeyCombination ADMIN_KEYS = new KeyCodeCombination(KeyCode.Q, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN);
    private static final String DEFAULT_THEME = "PM10";
    private static final java.time.Duration TOUR_STEP = java.time.Duration.ofSeconds(12);

    /**
     * A step of the tour: its name (a bookmark of that name replaces its view), where the camera goes, what the city
     * is coloured by, and what the caption says.
     */
    private record TourStep(String name, String captionKey, Supplier<OrbitCamera.View> view, String theme) {
    }

    private final CityViewport viewport;
    private final Texts texts;
    private final Locale defaultLanguage;
    private final OverlayView overlays;
    private final InfoCard card;
    private final Label caption = new Label();
    private final Label hint = new Label();
    private final HBox bar;
    /** The note that the model is a synthetic sample; null until {@link #showSampleNote}. */
    private Label sampleNote;
    /** The text size now, in pixels, and how much larger than {@link #TEXT_PX} it is: for what is laid out in pixels. */
    private double textSize;
    private double scale = 1;
    private final GaugePanel gauge;
    private final VBox pinPrompt = new VBox();
    /** The sources' states, for the administrator: shown only after the PIN, and gone when the session resets. */
    private final VBox maintenance = new VBox();
    private final Label sourceLines = new Label();
    private List<SourceStatus> sources = List.of();
    private final PasswordField pin = new PasswordField();
    private final Label pinMessage = new Label();
    private final PinLock pinLock;
    /** The prompt's leave and status buttons: disabled, with the PIN field, while the prompt waits. */
    private Button leave;
    private Button status;
    private final Runnable onExit;
    private final KioskSession session;
    private final List<TourStep> tour;
    private final Timeline ticker;
    private LiveFeed.Snapshot shown = LiveFeed.Snapshot.EMPTY;
    private String theme = DEFAULT_THEME;
    private String selectedPlace;
    /** The district whose card is open, instead of a place's; null when none is. */
    private String selectedDistrict;
    private int tourStep = -1;
    private Map<String, OrbitCamera.View> tourViews = Map.of();

    /**
     * A kiosk that logs its PIN attempts ({@link PinLock}), without the PIN typed.
     *
     * @param pin    the administrator's PIN from the configuration, needed to leave
     * @param onExit what leaving does (closing the window)
     */
    public KioskPane(CityViewport viewport, Locale defaultLanguage, java.time.Duration idleTimeout, InstantSource clock,
                     String pin, Runnable onExit) {
        this.viewport = viewport;
        this.defaultLanguage = defaultLanguage;
        this.texts = new Texts(defaultLanguage);
        this.pinLock = new PinLock(pin, clock);
        this.onExit = onExit;
        viewport.setTexts(texts);
        overlays = new OverlayView(viewport);
        card = new InfoCard(texts, this::closeCard);
        gauge = new GaugePanel(texts);
        CityScene scene = viewport.cityScene();
        tour = List.of(
                new TourStep("city", "tour.city", scene::panoramaView, DEFAULT_THEME),
                new TourStep("chempark", "tour.chempark", () -> orElseHome(scene.viewOfAttribute(Chempark.SITE_ATTRIBUTE, Chempark.SITE)), "Temperature"),
                new TourStep("rhine", "tour.rhine", this::viewOfTheRhine, DEFAULT_THEME),
                new TourStep("air", "tour.air", scene::homeView, DEFAULT_THEME));
        session = new KioskSession(clock, idleTimeout, TOUR_STEP, tour.size(), new KioskSession.Listener() {
            @Override
            public void reset() {
                resetSession();
            }

            @Override
            public void showTourStep(int step) {
                showStep(step);
            }

            @Override
            public void stopTour() {
                tourStep = -1;
                caption.setVisible(false);
            }
        });
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), event -> {
            session.tick();
            showPinWait();
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);

        bar = new HBox(12,
                button("kiosk.home", () -> scene.camera().flyTo(scene.homeView(), 1.2)),
                button("kiosk.air", () -> showTheme("PM10")),
                button("kiosk.noise", () -> showTheme("Noise")),
                button("kiosk.temperature", () -> showTheme("Temperature")),
                button("kiosk.chempark", () -> scene.camera().flyTo(orElseHome(scene.viewOfAttribute(Chempark.SITE_ATTRIBUTE, Chempark.SITE)), 1.5)),
                button("kiosk.rhine", () -> {
                    scene.camera().flyTo(viewOfTheRhine(), 1.5);
                    showGauge();
                }),
                grow(),
                button("kiosk.otherLanguage", this::switchLanguage));
        bar.setPadding(new Insets(14));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPickOnBounds(false);
        StackPane.setAlignment(bar, Pos.TOP_CENTER);
        bar.setMaxHeight(Region.USE_PREF_SIZE);

        StackPane.setAlignment(gauge, Pos.TOP_RIGHT);
        StackPane.setAlignment(card, Pos.CENTER_RIGHT);

        caption.setWrapText(true);
        caption.setStyle("-fx-background-color: rgba(20,30,40,0.78); -fx-text-fill: white; -fx-font-size: 1.45em; -fx-padding: 0.7em 1em;"
                + " -fx-background-radius: 0.45em; -fx-max-width: 35em;");
        caption.setVisible(false);
        caption.setMouseTransparent(true);
        StackPane.setAlignment(caption, Pos.BOTTOM_CENTER);

        hint.textProperty().bind(texts.bind("kiosk.hint"));
        hint.setWrapText(true);
        hint.setMouseTransparent(true);
        hint.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-padding: 0.45em 0.8em; -fx-background-radius: 0.45em; -fx-max-width: 39em;");
        StackPane.setAlignment(hint, Pos.BOTTOM_CENTER);
        // The tour's caption says the same and more: two boxes of text at the bottom would be one too many.
        hint.visibleProperty().bind(caption.visibleProperty().not());

        buildPinPrompt();
        buildMaintenance();
        getChildren().addAll(viewport, bar, hint, caption, gauge, card, pinPrompt, maintenance);
        // The bar spans the screen, but only its buttons hide what lies under them.
        bar.getChildren().stream().filter(Button.class::isInstance).forEach(viewport.valueLabels()::keepClearOf);
        viewport.valueLabels().keepClearOf(hint, caption, card, gauge);
        setTextSize(TEXT_PX);
        heightProperty().addListener((property, before, after) -> setTextSize(textSizeFor(after.doubleValue())));

        viewport.setOnPick(click -> {
            String marker = overlays.markers().placeAt(click.getPickResult());
            tap(marker != null ? scene.city().meshes().objectIndex(marker) : scene.city().objectAt(click.getPickResult()), marker);
        });
        for (var type : List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_DRAGGED, MouseEvent.MOUSE_MOVED)) {
            addEventFilter(type, event -> session.input());
        }
        addEventFilter(TouchEvent.ANY, event -> session.input());
        addEventFilter(ScrollEvent.ANY, event -> session.input());
        addEventFilter(ZoomEvent.ANY, event -> session.input());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            session.input();
            if (ADMIN_KEYS.match(event)) {
                showPinPrompt();
                event.consume();
            }
        });
        texts.localeProperty().addListener((property, before, after) -> refresh());
    }

    private static Region grow() {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        gap.setMouseTransparent(true);
        return gap;
    }

    private Button button(String key, Runnable action) {
        Button button = new Button();
        button.textProperty().bind(texts.bind(key));
        button.setMinSize(TOUCH_TARGET, TOUCH_TARGET);
        button.setFocusTraversable(false);
        button.setStyle("-fx-font-size: 1.05em; -fx-padding: 0.42em 1.05em; -fx-background-radius: 0.5em;");
        button.setOnAction(event -> action.run());
        return button;
    }

    /** Says, in the visitor's language, that the model is a synthetic sample. */
    public void showSampleNote(boolean synthetic) {
        Label note = new Label();
        note.textProperty().bind(texts.bind("kiosk.sample"));
        note.setWrapText(true);
        note.setMouseTransparent(true);
        note.setStyle("-fx-background-color: rgba(20,30,40,0.65); -fx-text-fill: white; -fx-padding: 0.35em 0.6em; -fx-background-radius: 0.35em;"
                + " -fx-max-width: 29em;");
        note.setVisible(synthetic);
        StackPane.setAlignment(note, Pos.TOP_LEFT);
        sampleNote = note;
        getChildren().add(1, note);
        viewport.valueLabels().keepClearOf(note);
    }

    /**
     * Views chosen for the tour, by step name ({@code city}, {@code chempark}, {@code rhine}, {@code air}):
     * bookmarks a planner saved. A step without one keeps the view the model gives it.
     */
    public void setTourViews(Map<String, OrbitCamera.View> views) {
        tourViews = Map.copyOf(views);
    }

    /** Starts looking at the clock for idleness. */
    public void start() {
        ticker.play();
    }

    /** Stops the clock: the pane is being closed. */
    public void stop() {
        ticker.stop();
    }

    public CityViewport viewport() {
        return viewport;
    }

    public KioskSession session() {
        return session;
    }

    public Texts texts() {
        return texts;
    }

    /** The tour step on screen, or -1. */
    public int tourStep() {
        return tourStep;
    }

    public String theme() {
        return theme;
    }

    public String selectedDistrict() {
        return selectedDistrict;
    }

    public String selectedPlace() {
        return selectedPlace;
    }

    /** How many sensor markers stand in the scene. */
    public int markerCount() {
        return overlays.markers().count();
    }

    public boolean isCardShown() {
        return card.isVisible();
    }

    public boolean isPinPromptShown() {
        return pinPrompt.isVisible();
    }

    /** New values from the feed (public ones only, in the kiosk). FX thread. */
    public void showLive(LiveFeed.Snapshot snapshot) {
        shown = snapshot;
        refresh();
    }

    public void setTheme(String name) {
        theme = name;
        refresh();
    }

    /** A theme's button: its colours, and a flight to where they are, so that a visitor sees what the button did. */
    void showTheme(String name) {
        gauge.hide();
        setTheme(name);
        OrbitCamera.View view = viewOfColoured();
        if (view != null) {
            viewport.cityScene().camera().flyTo(view, 1.5);
        }
    }

    /** A view of the objects the theme's rule colours now; null when it colours none. */
    OrbitCamera.View viewOfColoured() {
        ColorRule rule = OverlayRules.named(theme).orElse(null);
        if (rule == null) {
            return null;
        }
        CityScene scene = viewport.cityScene();
        int[] coloured = shown.byObject().entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(value -> value.hasValue()
                        && value.datastream().observedProperty().equals(rule.observedProperty())))
                .mapToInt(entry -> scene.city().meshes().objectIndex(entry.getKey()))
                .filter(index -> index >= 0)
                .toArray();
        return scene.viewOfObjects(coloured);
    }

    /**
     * A tap on an object (by index, -1 for none) or a sensor's marker: the object's card, or, where the object is
     * only a few pixels on screen (the overview), its district's, since no one means to tap a 3 m shed from 2 km.
     */
    public void tap(int objectIndex, String marker) {
        CityScene scene = viewport.cityScene();
        CityObject object = objectIndex < 0 ? null : scene.city().meshes().objects().get(objectIndex);
        String district = object == null ? null : object.textAttribute("district");
        if (marker == null && district != null && pixelsAcross(objectIndex) < TAP_SIZE) {
            selectDistrict(district);
        } else {
            select(object != null ? object.id() : marker);
        }
    }

    /** About how many pixels an object spans on screen now, from its size and the camera's distance. */
    private double pixelsAcross(int objectIndex) {
        CityScene scene = viewport.cityScene();
        double[] box = scene.city().objectCentre(objectIndex);
        if (box == null) {
            return 0;
        }
        OrbitCamera.View view = scene.camera().view();
        double distance = Math.max(1, Math.hypot(view.distance(), Math.hypot(box[0] - view.targetX(), box[2] - view.targetZ())));
        double focal = scene.subScene().getHeight() / 2 / Math.tan(Math.toRadians(scene.camera().camera().getFieldOfView() / 2));
        return Math.max(box[3], Math.max(box[4], box[5])) / distance * focal;
    }

    /** Opens a district's card: what is measured in it now. */
    public void selectDistrict(String district) {
        select(null);
        selectedDistrict = district;
        refresh();
    }

    /** Selects a place (an object's id or a sensor's point) and opens its card; null closes it. */
    public void select(String place) {
        if (place != null) {
            gauge.hide();
        }
        selectedDistrict = null;
        selectedPlace = place;
        int index = place == null ? -1 : viewport.cityScene().city().meshes().objectIndex(place);
        viewport.cityScene().city().select(index);
        refresh();
    }

    private void closeCard() {
        select(null);
    }

    private void switchLanguage() {
        texts.setLocale(texts.locale().equals(Texts.GERMAN) ? Texts.ENGLISH : Texts.GERMAN);
    }

    /** Redraws what depends on the values, the language or the selection. */
    private void refresh() {
        Instant now = Instant.now();
        ColorRule rule = OverlayRules.named(theme).orElse(null);
        String clock = DateTimeFormatter.ofPattern("HH:mm", texts.locale()).withZone(ZoneId.systemDefault()).format(now);
        overlays.show(shown.byObject(), rule, now, texts.get("legend.live", clock), Set.of(), false, selectedPlace);
        if (selectedDistrict != null) {
            card.showDistrict(selectedDistrict, valuesIn(selectedDistrict), now);
        } else if (selectedPlace == null) {
            card.hide();
        } else {
            int index = viewport.cityScene().city().meshes().objectIndex(selectedPlace);
            CityObject object = index < 0 ? null : viewport.cityScene().city().meshes().objects().get(index);
            List<Latest> values = shown.of(selectedPlace);
            if (object == null && Place.lonLat(selectedPlace) == null) {
                card.hide();
            } else {
                card.show(object, values, now);
            }
        }
        if (tourStep >= 0) {
            caption.setText(texts.get(tour.get(tourStep).captionKey()) + "\n" + texts.get("tour.touch"));
        }
    }

    /** The values of the objects of a district (public ones: all the kiosk has). */
    private List<Latest> valuesIn(String district) {
        var meshes = viewport.cityScene().city().meshes();
        return shown.byObject().entrySet().stream().filter(entry -> {
            int index = meshes.objectIndex(entry.getKey());
            return index >= 0 && district.equals(meshes.objects().get(index).textAttribute("district"));
        }).flatMap(entry -> entry.getValue().stream()).toList();
    }

    /** The visitor left: back to the start as the next visitor should find it. */
    private void resetSession() {
        gauge.hide();
        pinPrompt.setVisible(false);
        maintenance.setVisible(false);
        texts.setLocale(defaultLanguage);
        theme = DEFAULT_THEME;
        select(null);
        viewport.cityScene().camera().flyTo(viewport.cityScene().homeView(), 1.5);
    }

    /**
     * The text size, in pixels, of everything the kiosk shows: its styles are in em of it, the view's notes, legend
     * and labels follow it too, and what is laid out in pixels (margins) scales with it in {@link #layoutChildren}.
     */
    private void setTextSize(double pixels) {
        if (pixels == textSize) {
            return;
        }
        textSize = pixels;
        scale = pixels / TEXT_PX;
        setStyle("-fx-font-size: " + pixels + "px;");
        viewport.setTextSize(pixels);
        bar.setSpacing(12 * scale);
        bar.setPadding(new Insets(14 * scale));
        requestLayout();
    }

    /** The text size now, in pixels. */
    public double textSize() {
        return textSize;
    }

    /**
     * The caption stands right of the legend, whatever the legend's width in either language: the tour tells what
     * the colours are about and the legend what they mean, and neither may hide the other. The gauge, the card and
     * the note stand below the button bar, however tall its text makes it. Set before each layout, from the
     * preferred sizes, so that no frame shows them overlapping.
     */
    @Override
    protected void layoutChildren() {
        Legend legend = viewport.legend();
        Insets legendMargin = StackPane.getMargin(legend);
        double edge = 24 * scale;
        double left = legend.isVisible() ? (legendMargin == null ? 0 : legendMargin.getLeft()) + legend.prefWidth(-1) + 16 * scale : edge;
        margin(caption, new Insets(edge, edge, 120 * scale, left));
        margin(hint, new Insets(edge));
        double below = bar.prefHeight(getWidth()) + 4 * scale;
        margin(gauge, new Insets(below, edge, edge, edge));
        margin(card, new Insets(below, edge, edge, edge));
        if (sampleNote != null) {
            margin(sampleNote, new Insets(below, 14 * scale, 14 * scale, 14 * scale));
        }
        super.layoutChildren();
    }

    /** Sets a margin where it changed: setting one asks for another layout. */
    private static void margin(Node node, Insets insets) {
        if (!insets.equals(StackPane.getMargin(node))) {
            StackPane.setMargin(node, insets);
        }
    }

    private void showStep(int step) {
        tourStep = step;
        TourStep next = tour.get(step);
        theme = next.theme();
        caption.setVisible(true);
        refresh();
        if (next.name().equals("rhine")) {
            showGauge();
        } else {
            gauge.hide();
        }
        OrbitCamera.View bookmarked = tourViews.get(next.name());
        viewport.cityScene().camera().flyTo(bookmarked != null ? bookmarked : next.view().get(), 3.0);
    }

    /**
     * Where a river gauge's marks for low and high water come from (its binding), for the word the gauge's panel and
     * card give its level; a gauge without them gets none. FX thread.
     */
    public void setWaterMarks(Function<Datastream, WaterMarks> waterMarks) {
        gauge.setWaterMarks(waterMarks);
        card.setWaterMarks(waterMarks);
        refresh();
    }

    /** Where the kiosk's series come from, for the gauge's trend: the live feed's history. */
    public void setSeries(SeriesChart.Loader loader) {
        gauge.setLoader(loader);
    }

    /** The gauge's panel, for the water level the kiosk shows (public data only, as everything here); none, none. */
    private void showGauge() {
        shown.byObject().values().stream().flatMap(List::stream)
                .filter(value -> value.hasValue() && !Double.isNaN(value.number()) && value.datastream().observedProperty().equals("water level"))
                .findFirst().ifPresentOrElse(value -> gauge.show(value, Instant.now()), gauge::hide);
    }

    /** What the gauge's panel says, or empty while it is hidden. */
    public String gaugeText() {
        return gauge.isVisible() ? gauge.text() : "";
    }

    /** The river gauge's marker where there is one, else the river itself, else the town. */
    private OrbitCamera.View viewOfTheRhine() {
        CityScene scene = viewport.cityScene();
        for (var entry : shown.byObject().entrySet()) {
            double[] top = overlays.markers().top(entry.getKey());
            if (top != null && entry.getValue().stream().anyMatch(value -> value.datastream().observedProperty().equals("water level"))) {
                OrbitCamera.View near = scene.viewAround(top[0], 0, top[2], 150);
                return new OrbitCamera.View(near.targetX(), near.targetY(), near.targetZ(), near.yawDegrees(), 30, 900);
            }
        }
        int river = scene.city().meshes().objectIndex("rhine");
        return river >= 0 ? orElseHome(scene.viewOf(river)) : scene.homeView();
    }

    private OrbitCamera.View orElseHome(OrbitCamera.View view) {
        return view != null ? view : viewport.cityScene().homeView();
    }

    private void buildPinPrompt() {
        Label title = new Label();
        title.textProperty().bind(texts.bind("pin.title"));
        title.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
        Label prompt = new Label();
        prompt.textProperty().bind(texts.bind("pin.prompt"));
        pin.setMinHeight(TOUCH_TARGET);
        pin.setStyle("-fx-font-size: 1.2em;");
        pin.setOnAction(event -> tryPin(true));
        pinMessage.setStyle("-fx-text-fill: #a01010;");
        leave = button("pin.leave", () -> tryPin(true));
        status = button("pin.status", () -> tryPin(false));
        Button cancel = button("pin.cancel", () -> pinPrompt.setVisible(false));
        HBox buttons = new HBox(leave, status, cancel);
        buttons.setStyle("-fx-spacing: 0.67em;");
        // Whole words in both languages: "Verlas..." is no button an administrator trusts.
        buttons.getChildren().forEach(button -> ((Button) button).setMinWidth(Region.USE_PREF_SIZE));
        pinPrompt.getChildren().addAll(title, prompt, pin, pinMessage, buttons);
        pinPrompt.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        pinPrompt.setStyle("-fx-background-color: white; -fx-background-radius: 0.8em; -fx-padding: 1.33em; -fx-spacing: 0.67em;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.5), 24, 0, 0, 4);");
        pinPrompt.setVisible(false);
    }

    private void buildMaintenance() {
        Label title = new Label();
        title.textProperty().bind(texts.bind("maintenance.title"));
        title.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
        sourceLines.setWrapText(true);
        maintenance.getChildren().addAll(title, sourceLines, button("maintenance.close", () -> maintenance.setVisible(false)));
        maintenance.setMaxHeight(Region.USE_PREF_SIZE);
        maintenance.setStyle("-fx-background-color: white; -fx-background-radius: 0.8em; -fx-padding: 1.33em; -fx-spacing: 0.67em; -fx-max-width: 40em;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.5), 24, 0, 0, 4);");
        maintenance.setVisible(false);
    }

    /** The live sources' states, for the maintenance panel. FX thread. */
    public void showSources(List<SourceStatus> statuses) {
        sources = List.copyOf(statuses);
        showSourceLines();
    }

    private void showSourceLines() {
        sourceLines.setText(sources.isEmpty() ? texts.get("maintenance.none")
                : sources.stream().map(status -> SourceLine.of(status, texts)).collect(java.util.stream.Collectors.joining("\n")));
    }

    /** Whether the maintenance panel is open: only after the PIN. */
    public boolean isMaintenanceShown() {
        return maintenance.isVisible();
    }

    /** Opens the PIN prompt, as the admin key combination does. */
    public void showPinPrompt() {
        pin.clear();
        pinMessage.setText("");
        pinPrompt.setVisible(true);
        showPinWait();
        pin.requestFocus();
    }

    /** Leaves with the right PIN; a wrong one says so and stays; none is taken while the prompt waits. */
    public void enterPin(String entered) {
        pin.setText(entered);
        tryPin(true);
    }

    /** With the right PIN, opens the maintenance panel instead of leaving; otherwise as {@link #enterPin}. */
    public void enterPinForStatus(String entered) {
        pin.setText(entered);
        tryPin(false);
    }

    private void tryPin(boolean leaving) {
        PinLock.Outcome outcome = pinLock.attempt(pin.getText());
        pin.clear();
        if (outcome == PinLock.Outcome.RIGHT) {
            pinPrompt.setVisible(false);
            if (leaving) {
                onExit.run();
            } else {
                showSourceLines();
                maintenance.setVisible(true);
            }
            return;
        }
        pinMessage.setText(outcome == PinLock.Outcome.WRONG ? texts.get("pin.wrong") : "");
        showPinWait();
    }

    /** While the prompt waits after wrong PINs: the field and the button off, and how long it still waits. */
    private void showPinWait() {
        if (!pinPrompt.isVisible()) {
            return;
        }
        java.time.Duration left = pinLock.waitLeft();
        boolean waiting = !left.isZero();
        pin.setDisable(waiting);
        leave.setDisable(waiting);
        status.setDisable(waiting);
        String wrong = texts.get("pin.wrong");
        if (waiting) {
            // Whole seconds, rounded up: "0:00" while it still waits would look like a broken prompt.
            long seconds = (left.toMillis() + 999) / 1000;
            String wait = texts.get("pin.wait", String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60));
            pinMessage.setText(wrong + ". " + wait);
        } else if (!pinMessage.getText().isEmpty()) {
            pinMessage.setText(wrong);
            pin.requestFocus();
        }
    }

    /** How long the PIN prompt waits before it takes a PIN again; zero when it takes one now. */
    public java.time.Duration pinWaitLeft() {
        return pinLock.waitLeft();
    }
}
