package de.dormagentwin.ui;

import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.model.sun.Occluders;
import de.dormagentwin.model.sun.SunHours;
import de.dormagentwin.model.sun.SunPosition;
import de.dormagentwin.model.text.SafeText;
import de.dormagentwin.scene.CastShadows;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.Measurement;
import de.dormagentwin.scene.MeshPart;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.scene.SunHoursLayer;
import de.dormagentwin.scene.TerrainMesh;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The planner's shadow tools beside the sun's: the shadows the sun of the chosen time casts around the view's centre,
 * and the shadow study, the hours of direct sun over the chosen day on the ground of the measured area (or around the
 * view's centre), with and without the shown planning variants, drawn as a map on the ground. Both work off the FX
 * thread on a lane of their own, the latest request winning.
 */
public final class ShadowTools extends HBox {
    /** Cast shadows cover a square around the view's centre of the view's distance times this, within the bounds below. */
    public static final double SHADOW_AREA_PER_DISTANCE = 1.5;
    public static final double SMALLEST_SHADOW_AREA = 400;
    public static final double LARGEST_SHADOW_AREA = 2000;
    static final long MOST_STUDY_CELLS = 1_000_000;
    /** Façades are cut into at most this many pieces: coarser pieces where a study's area holds more walls. */
    static final int MOST_FACADE_PIECES = 400_000;
    /** A loss the caption counts a cell for, in hours: a quarter of an hour, less is within a step of the study. */
    static final float LOSS_WORTH_SAYING = 0.25f;

    /** The occluders of the city shown: built once per city off the FX thread (they triangulate every object). */
    public interface Source {
        Occluders occluders();
    }

    /** What the study's map shows. */
    enum MapMode {
        HOURS("shadows.map.hours"), WITH_VARIANTS("shadows.map.withVariants"), LOST("shadows.map.lost");

        final String key;

        MapMode(String key) {
            this.key = key;
        }
    }

    private final CityScene scene;
    private final Source source;
    private final BackgroundWork.Lane lane;
    private final Supplier<LocalDate> day;
    private final Supplier<Measurement> measured;
    private final Supplier<List<PlanningVariant>> variants;
    private final Supplier<List<MeshPart>> variantSurfaces;
    private final Label caption;
    private final CastShadows shadows = new CastShadows();
    private final SunHoursLayer map = new SunHoursLayer();
    private final ToggleButton shadowToggle = new ToggleButton();
    private final Button studyButton = new Button();
    private final ChoiceBox<MapMode> mapMode = new ChoiceBox<>();
    private final Button clearButton = new Button();
    private final AtomicLong shadowRequest = new AtomicLong();
    private final AtomicLong studyRequest = new AtomicLong();
    private CastShadows.Area shadedArea;
    private double shadedDistance;
    private SunHours study;
    private float[] lostHours;
    private SunHoursLayer.Facades facades;
    private SunHours.OnSurfaces facadeHours;
    /** The pieces of {@link #facades} before this index are the city's, the rest the variants' own walls. */
    private int cityFacadePieces;
    private LocalDate studyDate;
    private String studyText = "";
    /** While the map's modes are set from code: the map is drawn once afterwards, not for each step of the change. */
    private boolean settingModes;

    /**
     * @param day      the day the sun controls show
     * @param measured the measuring tool's points: three or more outline the study's area
     * @param variants the planning variants shown now
     * @param variantSurfaces their walls and roofs, which receive shadows too
     * @param caption  a note on the view for the study's result and the shadows' state
     */
    public ShadowTools(CityScene scene, Source source, BackgroundWork work, Supplier<LocalDate> day, Supplier<Measurement> measured,
                       Supplier<List<PlanningVariant>> variants, Supplier<List<MeshPart>> variantSurfaces, Label caption) {
        super(6);
        this.scene = scene;
        this.source = source;
        this.lane = work.lane("shadows");
        this.day = day;
        this.measured = measured;
        this.variants = variants;
        this.variantSurfaces = variantSurfaces;
        this.caption = caption;
        setAlignment(Pos.CENTER_LEFT);
        Texts texts = PlannerLanguage.texts();
        shadowToggle.textProperty().bind(texts.bind("shadows.toggle"));
        shadowToggle.setTooltip(tooltip("shadows.toggle.tip"));
        shadowToggle.setFocusTraversable(false);
        shadowToggle.setMinHeight(32);
        shadowToggle.setOnAction(event -> castShadows(true));
        studyButton.textProperty().bind(texts.bind("shadows.study"));
        studyButton.setTooltip(tooltip("shadows.study.tip"));
        studyButton.setFocusTraversable(false);
        studyButton.setMinHeight(32);
        studyButton.setOnAction(event -> runStudy());
        mapMode.setConverter(new StringConverter<>() {
            @Override
            public String toString(MapMode mode) {
                return mode == null ? "" : PlannerLanguage.texts().get(mode.key);
            }

            @Override
            public MapMode fromString(String text) {
                return null;
            }
        });
        mapMode.setTooltip(tooltip("shadows.map.tip"));
        mapMode.setFocusTraversable(false);
        mapMode.valueProperty().addListener((property, before, after) -> {
            if (!settingModes) {
                showMap();
            }
        });
        clearButton.textProperty().bind(texts.bind("shadows.clear"));
        clearButton.setFocusTraversable(false);
        clearButton.setOnAction(event -> clearStudy());
        showStudyControls(false);
        getChildren().addAll(shadowToggle, studyButton, mapMode, clearButton);
        scene.addLayer(map.node());
        scene.addLayer(shadows.node());
        scene.addSunListener(() -> castShadows(true));
        scene.camera().addListener(() -> castShadows(false));
        texts.localeProperty().addListener((property, before, after) -> {
            // The choice box writes its items' names when they are set: set them again in the new language.
            setModes(List.copyOf(mapMode.getItems()), mapMode.getValue());
            writeCaption();
        });
    }

    private static Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(PlannerLanguage.texts().bind(key));
        return tip;
    }

    /** The shadows now shown, for the tests and the benchmark. */
    public CastShadows shadows() {
        return shadows;
    }

    public SunHoursLayer map() {
        return map;
    }

    /** The last study's result, null before one. */
    public SunHours lastStudy() {
        return study;
    }

    /** The hours of sun at a façade's point nearest to (east, north, up), in the last study; NaN before one. */
    double facadeHoursNear(double east, double north, double up) {
        return facadeHoursNear(east, north, up, false);
    }

    /** As {@link #facadeHoursNear(double, double, double)}, with the variants built where asked. */
    double facadeHoursNear(double east, double north, double up, boolean withVariants) {
        if (facades == null || facades.pieces() == 0) {
            return Double.NaN;
        }
        double[] points = facades.points();
        int nearest = 0;
        double best = Double.MAX_VALUE;
        for (int piece = 0; piece < facades.pieces(); piece++) {
            double de = points[piece * 3] - east, dn = points[piece * 3 + 1] - north, du = points[piece * 3 + 2] - up;
            double distance = de * de + dn * dn + du * du;
            if (distance < best) {
                best = distance;
                nearest = piece;
            }
        }
        return (withVariants ? facadeHours.hoursWithVariant() : facadeHours.hours())[nearest];
    }

    /** The shown variants changed: their shadows are drawn again (a study keeps what it counted until run again). FX thread. */
    public void variantsChanged() {
        if (shadedArea != null) {
            castShadows(true);
        }
    }

    /**
     * Shades the area around the view's centre for the sun now, when the shadows are on and the sun is up; after a
     * move of the camera only where the view's centre left the middle half of the shaded area or its distance changed
     * twofold, so that orbiting does not recompute anything.
     */
    private void castShadows(boolean always) {
        SunPosition sun = scene.sun();
        if (!shadowToggle.isSelected() || sun == null || !sun.isAboveHorizon()) {
            if (shadedArea != null) {
                shadowRequest.incrementAndGet();
                shadows.show(null, null);
                shadedArea = null;
            }
            if (shadowToggle.isSelected()) {
                shadowCaption(PlannerLanguage.texts().get("shadows.noSun"));
            }
            return;
        }
        OrbitCamera.View view = scene.camera().view();
        if (!always && shadedArea != null && Math.abs(view.targetX() - (shadedArea.minX() + shadedArea.maxX()) / 2) < shadedArea.width() / 4
                && Math.abs(view.targetZ() - (shadedArea.minZ() + shadedArea.maxZ()) / 2) < shadedArea.depth() / 4
                && view.distance() < shadedDistance * 2 && view.distance() > shadedDistance / 2) {
            return;
        }
        double edge = Math.max(SMALLEST_SHADOW_AREA, Math.min(LARGEST_SHADOW_AREA, view.distance() * SHADOW_AREA_PER_DISTANCE));
        CastShadows.Area area = CastShadows.Area.around(view.targetX(), view.targetZ(), edge);
        shadedArea = area;
        shadedDistance = view.distance();
        long request = shadowRequest.incrementAndGet();
        List<MeshPart> parts = new ArrayList<>(scene.city().meshes().parts());
        parts.addAll(variantSurfaces.get());
        TerrainMesh terrain = scene.terrain() == null ? null : scene.terrain().mesh();
        double[] origin = scene.city().meshes().origin();
        PlanningVariant shown = merged(variants.get());
        lane.call("cast shadows", () -> {
            if (request != shadowRequest.get()) {
                return null;
            }
            return CastShadows.shade(source.occluders().with(shown), sun, parts, origin, terrain, area);
        }, shade -> {
            if (shade != null && request == shadowRequest.get()) {
                shadows.show(shade, terrain);
                shadowCaption(PlannerLanguage.texts().get("shadows.shown", PlannerLanguage.texts().number(edge, 0)));
            }
        }, failure -> shadowCaption(PlannerLanguage.texts().get("shadows.failed", SafeText.of(failure))));
    }

    /** All shown variants as one: the study asks what they take together. Null for none. */
    static PlanningVariant merged(List<PlanningVariant> shown) {
        if (shown.isEmpty()) {
            return null;
        }
        if (shown.size() == 1) {
            return shown.get(0);
        }
        List<PlannedBuilding> buildings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PlanningVariant variant : shown) {
            buildings.addAll(variant.buildings());
            names.add(variant.name());
        }
        return new PlanningVariant(String.join(" + ", names), buildings);
    }

    /** Runs the study for the day shown over the measured area, or around the view's centre. FX thread. */
    public void runStudy() {
        LocalDate date = day.get();
        if (date == null) {
            caption(PlannerLanguage.texts().get("shadows.noDay"));
            return;
        }
        double[] origin = scene.city().meshes().origin();
        double[] area = StudyArea.of(measured.get(), scene.camera().view(), origin);
        double cell = StudyArea.CELL;
        while (SunHours.cellCount(area, cell) > MOST_STUDY_CELLS) {
            cell *= 2;
        }
        double cellSize = cell;
        PlanningVariant shown = merged(variants.get());
        List<MeshPart> parts = scene.city().meshes().parts();
        List<MeshPart> planned = variantSurfaces.get();
        long request = studyRequest.incrementAndGet();
        caption(PlannerLanguage.texts().get("shadows.working", PlannerLanguage.texts().number(SunHours.cellCount(area, cell), 0),
                PlannerLanguage.texts().number(cell, 0)));
        lane.call("sun hours", () -> {
            if (request != studyRequest.get()) {
                return null;
            }
            Occluders occluders = source.occluders().with(shown);
            SunHours hours = SunHours.of(occluders, date, area, cellSize);
            CastShadows.Area inScene = new CastShadows.Area(area[0] - origin[0], area[1] - origin[1], area[2] - origin[0], area[3] - origin[1]);
            SunHoursLayer.Facades facades = SunHoursLayer.facades(parts, inScene, origin, cellSize);
            double piece = cellSize;
            while (facades.pieces() > MOST_FACADE_PIECES) {
                piece *= 2;
                facades = SunHoursLayer.facades(parts, inScene, origin, piece);
            }
            // The variants' own walls after the city's: they have hours only with the variants built.
            int cityPieces = facades.pieces();
            facades = facades.and(SunHoursLayer.facades(planned, inScene, origin, piece));
            SunHours.OnSurfaces onFacades = SunHours.onSurfaces(occluders, date, facades.points(), facades.normals(), cellSize / 2);
            return new Study(hours, lost(hours, occluders), facades, cityPieces, onFacades);
        }, result -> {
            if (result != null && request == studyRequest.get()) {
                showStudy(result, date);
            }
        }, failure -> caption(PlannerLanguage.texts().get("shadows.studyFailed", SafeText.of(failure))));
    }


    /** A study's hours, and the hours its variants take from each cell (NaN where a variant stands, null without one). */
    record Study(SunHours hours, float[] lost, SunHoursLayer.Facades facades, int cityFacadePieces, SunHours.OnSurfaces onFacades) {
    }

    /**
     * The hours the variants take, positive, from the study's differences; NaN on the cells the variants stand on,
     * which lose all their sun to their roofs: neither the map nor the caption should count those as shaded ground.
     */
    static float[] lost(SunHours hours, Occluders occluders) {
        if (hours.difference() == null) {
            return null;
        }
        float[] lost = new float[hours.difference().length];
        for (int row = 0; row < hours.rows(); row++) {
            for (int column = 0; column < hours.columns(); column++) {
                int cell = row * hours.columns() + column;
                lost[cell] = occluders.onVariantFootprint(hours.east(column), hours.north(row)) ? Float.NaN : -hours.difference()[cell];
            }
        }
        return lost;
    }

    private void showStudy(Study result, LocalDate date) {
        study = result.hours();
        lostHours = result.lost();
        facades = result.facades();
        cityFacadePieces = result.cityFacadePieces();
        facadeHours = result.onFacades();
        boolean withVariant = lostHours != null;
        setModes(withVariant ? List.of(MapMode.HOURS, MapMode.WITH_VARIANTS, MapMode.LOST) : List.of(MapMode.HOURS),
                withVariant ? MapMode.LOST : MapMode.HOURS);
        showStudyControls(true);
        studyDate = date;
        writeCaption();
        showMap();
    }

    private void setModes(List<MapMode> modes, MapMode chosen) {
        settingModes = true;
        try {
            mapMode.getItems().setAll(modes);
            mapMode.setValue(chosen);
        } finally {
            settingModes = false;
        }
    }

    private void showMap() {
        if (study == null || mapMode.getValue() == null) {
            map.show(null, null);
            return;
        }
        double[] origin = scene.city().meshes().origin();
        double west = study.originEast() - origin[0];
        double south = study.originNorth() - origin[1];
        CastShadows.Area area = new CastShadows.Area(west, south, west + study.columns() * study.cellSize(), south + study.rows() * study.cellSize());
        TerrainMesh terrain = scene.terrain() == null ? null : scene.terrain().mesh();
        double day = Math.max(study.dayLengthHours(), 1e-9);
        SunHoursLayer.Map shown = switch (mapMode.getValue()) {
            case HOURS -> new SunHoursLayer.Map(area, study.columns(), study.rows(), study.hours(), SunHoursLayer.Scale.HOURS, day);
            case WITH_VARIANTS -> new SunHoursLayer.Map(area, study.columns(), study.rows(), study.hoursWithVariant(), SunHoursLayer.Scale.HOURS, day);
            case LOST -> new SunHoursLayer.Map(area, study.columns(), study.rows(), lostHours, SunHoursLayer.Scale.LOSS, Math.max(1, largest(lostHours)));
        };
        map.show(shown, terrain);
        if (facades.pieces() > 0) {
            float[] values = switch (mapMode.getValue()) {
                case HOURS -> cityOnly(facadeHours.hours());
                case WITH_VARIANTS -> facadeHours.hoursWithVariant();
                case LOST -> {
                    float[] lost = new float[facadeHours.hours().length];
                    for (int piece = 0; piece < lost.length; piece++) {
                        lost[piece] = facadeHours.hours()[piece] - facadeHours.hoursWithVariant()[piece];
                    }
                    yield cityOnly(lost);
                }
            };
            boolean loss = mapMode.getValue() == MapMode.LOST;
            map.showFacades(facades, values, loss ? SunHoursLayer.Scale.LOSS : SunHoursLayer.Scale.HOURS, loss ? Math.max(1, largest(lostHours)) : day);
        }
    }

    /** The values of the city's façade pieces; NaN for the variants' own walls, which do not stand without them. */
    private float[] cityOnly(float[] values) {
        float[] city = values.clone();
        Arrays.fill(city, cityFacadePieces, city.length, Float.NaN);
        return city;
    }

    /** The largest value, NaN (a cell a variant stands on) left out. */
    private static double largest(float[] values) {
        double largest = 0;
        for (float value : values) {
            if (value > largest) {
                largest = value;
            }
        }
        return largest;
    }

    private void clearStudy() {
        studyRequest.incrementAndGet();
        study = null;
        lostHours = null;
        facades = null;
        facadeHours = null;
        studyText = "";
        map.show(null, null);
        showStudyControls(false);
        caption("");
    }

    private void showStudyControls(boolean shown) {
        for (var control : List.of(mapMode, clearButton)) {
            control.setVisible(shown);
            control.setManaged(shown);
        }
    }

    /** The study's sentence in the language now. */
    private void writeCaption() {
        if (study == null) {
            return;
        }
        Texts texts = PlannerLanguage.texts();
        String hours = texts.get("shadows.result", texts.date(studyDate.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()), texts.number(study.cells(), 0),
                texts.number(study.cellSize(), 0), texts.number(mean(study.hours()), 1), texts.number(study.dayLengthHours(), 1));
        if (cityFacadePieces > 0) {
            hours += " " + texts.get("shadows.resultFacades", texts.number(cityFacadePieces, 0),
                    texts.number(mean(Arrays.copyOf(facadeHours.hours(), cityFacadePieces)), 1));
        }
        if (lostHours != null) {
            long losing = 0;
            for (float value : lostHours) {
                losing += value >= LOSS_WORTH_SAYING ? 1 : 0;
            }
            hours += " " + texts.get("shadows.resultLost", texts.number(largest(lostHours), 1), texts.number(losing, 0),
                    texts.number(losing * study.cellSize() * study.cellSize(), 0));
        }
        studyText = hours;
        caption(studyText);
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private void caption(String text) {
        caption.setText(text);
        caption.setVisible(!text.isEmpty());
        caption.setManaged(!text.isEmpty());
    }

    /** The shadows' state, where no study's result holds the caption. */
    private void shadowCaption(String text) {
        if (studyText.isEmpty()) {
            caption(text);
        }
    }
}
