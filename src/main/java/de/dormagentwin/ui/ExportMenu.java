package de.dormagentwin.ui;

import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.SeriesPoint;
import de.dormagentwin.model.text.SafeText;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The planner's "Export" menu: a screenshot of the 3D view at a chosen resolution (Ctrl+E), the selected
 * object's datastreams over a chosen window as CSV (Ctrl+Shift+E), and, once the app hands it a {@link ModelExporter},
 * the model of the selected object or of the measured area as glTF or CityJSON. Cache reads run off the FX thread, and so does
 * writing the file; what came of it is reported in words. FX thread.
 */
public final class ExportMenu extends PlannerMenu {
    public static final KeyCombination SCREENSHOT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination DATASTREAMS = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    /**
     * Points per datastream in a CSV: 7 days of one-minute values fit nearly whole, and each row still carries the
     * minimum and maximum of what it stands for.
     */
    static final int CSV_MAX_POINTS = 10_000;

    /** Reads several datastreams' series off the FX thread, as {@link LiveFeed#seriesOf} does. */
    public interface SeriesSource {
        void load(List<Long> datastreamIds, Instant from, Instant to, int maxPoints,
                  Consumer<Map<Long, List<SeriesPoint>>> onFxThread, Consumer<String> onFailure);
    }

    /** A screenshot size to choose. */
    record Resolution(String name, int width, int height) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%d × %d)", name, width, height);
        }
    }

    private final CityViewport viewport;
    private final Supplier<List<Latest>> selectedDatastreams;
    private final Supplier<Instant> end;
    private final SeriesSource source;
    private final BackgroundWork background;
    private final MenuItem selectionGltf = new MenuItem();
    private final MenuItem selectionCityJson = new MenuItem();
    private final MenuItem area = new MenuItem();
    private ModelExporter models;
    private Supplier<String> selectedId;
    private Supplier<double[]> measuredArea;

    /**
     * @param selectedDatastreams the selected object's datastreams, as the info panel shows them
     * @param end                 the moment shown: now, or the time bar's history time; a window ends there
     * @param source              reads series off the FX thread, e.g. {@code feed::seriesOf}
     * @param report              hears what happened, in words for the status bar
     * @param background          writes the files
     */
    public ExportMenu(CityViewport viewport, Supplier<List<Latest>> selectedDatastreams, Supplier<Instant> end, SeriesSource source,
                      Consumer<String> report, BackgroundWork background) {
        super("export.menu", "export.tip", report);
        this.viewport = viewport;
        this.selectedDatastreams = selectedDatastreams;
        this.end = end;
        this.source = source;
        this.background = background;
        MenuItem screenshot = item("export.screenshot", this::askForScreenshot);
        screenshot.setAccelerator(SCREENSHOT);
        MenuItem datastreams = item("export.datastreams", this::askForCsv);
        datastreams.setAccelerator(DATASTREAMS);
        getItems().setAll(screenshot, datastreams, selectionGltf, selectionCityJson, area);
        for (MenuItem item : List.of(selectionGltf, selectionCityJson, area)) {
            item.setVisible(false);
        }
        selectionGltf.setOnAction(event -> askForSelection(".glb"));
        selectionCityJson.setOnAction(event -> askForSelection(".city.json"));
        area.setOnAction(event -> askForArea());
    }

    /**
     * Turns on the exports of the model: of the selected object ({@code selectedId}, null where none) and of the
     * measured area ({@code measuredArea}: {minE, minN, maxE, maxN} in the models' CRS, null where none). FX thread.
     */
    public void setModelExporter(ModelExporter exporter, Supplier<String> selectedId, Supplier<double[]> measuredArea) {
        this.models = exporter;
        this.selectedId = selectedId;
        this.measuredArea = measuredArea;
        selectionGltf.textProperty().bind(texts().bind("export.model.selectionGltf"));
        selectionCityJson.textProperty().bind(texts().bind("export.model.selectionCityJson"));
        area.textProperty().bind(texts().bind("export.model.area"));
        for (MenuItem item : List.of(selectionGltf, selectionCityJson, area)) {
            item.setVisible(true);
        }
    }

    /**
     * Writes the objects of {@code ids} (with their parts), or with {@code ids} null those in {@code box}, to
     * {@code file} off the FX thread, and says in the status bar where it went or why not. FX thread.
     */
    public void exportModel(List<String> ids, double[] box, Path file) {
        ModelExporter exporter = models;
        background.call("export to " + file, () -> exporter.export(ids, box, file),
                count -> report.accept(texts().get("export.model.written", count, file)),
                problem -> report.accept(texts().get("export.model.failed", file, problem)));
    }

    /** The selected object with its parts to {@code file}: what the selection's items do once a file is chosen. FX thread. */
    public void exportSelection(Path file) {
        String id = selectedId.get();
        if (id == null) {
            report.accept(texts().get("export.model.noSelection"));
            return;
        }
        exportModel(List.of(id), null, file);
    }

    /** The objects in the box around the measured points to {@code file}: the area item once a file is chosen. FX thread. */
    public void exportArea(Path file) {
        double[] box = measuredArea.get();
        if (box == null) {
            report.accept(texts().get("export.model.noArea"));
            return;
        }
        exportModel(null, box, file);
    }

    private void askForSelection(String extension) {
        if (selectedId.get() == null) {
            report.accept(texts().get("export.model.noSelection"));
            return;
        }
        File chosen = chooseFile(texts().get("export.model.chooseTitle"), "selection" + extension, filter(extension), true);
        if (chosen != null) {
            exportSelection(withExtension(chosen.toPath(), extension));
        }
    }

    private void askForArea() {
        if (measuredArea.get() == null) {
            report.accept(texts().get("export.model.noArea"));
            return;
        }
        File chosen = chooseFile(texts().get("export.model.chooseTitle"), "area.glb",
                new FileChooser.ExtensionFilter(texts().get("export.model.filterBoth"), "*.glb", "*.city.json"), true);
        if (chosen != null) {
            exportArea(withExtension(chosen.toPath(), ".glb"));
        }
    }

    private FileChooser.ExtensionFilter filter(String extension) {
        return extension.equals(".glb") ? new FileChooser.ExtensionFilter(texts().get("export.model.filterGltf"), "*.glb")
                : new FileChooser.ExtensionFilter(texts().get("export.model.filterCityJson"), "*.city.json");
    }

    /** The file as chosen where its name says glTF or CityJSON, else with {@code extension}: some desktops add none. */
    static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".glb") || name.endsWith(".json") ? file : file.resolveSibling(file.getFileName() + extension);
    }

    /** Draws the view at a size and writes it to a PNG off the FX thread; reports when it is written. FX thread. */
    public void exportPng(int width, int height, Path file) {
        WritableImage image;
        try {
            image = Export.imageAt(viewport, width, height);
        } catch (RuntimeException e) {
            report.accept(texts().get("export.screenshotFailed", SafeText.of(String.valueOf(e.getMessage()))));
            return;
        }
        writeOffFxThread(file, () -> Export.writePng(image, file),
                texts().get("export.screenshotSaved", String.valueOf(width), String.valueOf(height), SafeText.of(file.toString())));
    }

    /**
     * Reads the numeric datastreams' series over {@code window} up to {@code until} off the FX thread, writes them
     * to a CSV file off the FX thread too, and reports when it is written. FX thread.
     */
    public void exportCsv(List<Latest> datastreams, Duration window, Instant until, Path file) {
        List<Latest> numeric = datastreams.stream().filter(stream -> stream.text() == null).toList();
        if (numeric.isEmpty()) {
            report.accept(texts().get("export.nothing"));
            return;
        }
        List<Long> ids = numeric.stream().map(Latest::datastreamId).toList();
        source.load(ids, until.minus(window), until, CSV_MAX_POINTS, series -> {
            int rows = series.values().stream().mapToInt(List::size).sum();
            writeOffFxThread(file, () -> {
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    Export.csv(numeric, series, out);
                }
            }, texts().get("export.csvSaved", rows, series.size(), SafeText.of(file.toString())));
        }, problem -> report.accept(texts().get("export.csvFailed", problem)));
    }

    private interface FileWork {
        void run() throws IOException;
    }

    private void writeOffFxThread(Path file, FileWork work, String done) {
        background.call("export to " + file, () -> {
            work.run();
            return done;
        }, report, problem -> report.accept(texts().get("export.couldNotWrite", SafeText.of(file.toString()), problem)));
    }

    private void askForScreenshot() {
        Resolution window = new Resolution(texts().get("export.windowSize"), (int) Math.max(1, Math.round(viewport.getWidth())),
                (int) Math.max(1, Math.round(viewport.getHeight())));
        List<Resolution> sizes = List.of(window, new Resolution("Full HD", 1920, 1080), new Resolution("QHD", 2560, 1440),
                new Resolution("4K UHD", 3840, 2160), new Resolution(texts().get("export.a4"), 3508, 2480));
        ChoiceDialog<Resolution> dialog = dialog(new ChoiceDialog<>(sizes.get(1), sizes), texts().get("export.screenshotTitle"),
                texts().get("export.resolution"));
        dialog.showAndWait().ifPresent(size -> {
            File chosen = chooseFile(texts().get("export.saveScreenshot"), "view.png",
                    new FileChooser.ExtensionFilter(texts().get("export.pngFilter"), "*.png"), true);
            if (chosen != null) {
                exportPng(size.width(), size.height(), chosen.toPath());
            }
        });
    }

    private void askForCsv() {
        List<Latest> datastreams = selectedDatastreams.get();
        if (datastreams.stream().noneMatch(stream -> stream.text() == null)) {
            report.accept(texts().get("export.nothing"));
            return;
        }
        List<String> windows = SeriesChart.WINDOWS.stream().map(SeriesChart::windowName).toList();
        ChoiceDialog<String> dialog = dialog(new ChoiceDialog<>(SeriesChart.windowName(SeriesChart.DEFAULT_WINDOW), windows),
                texts().get("export.dataTitle"), texts().get("export.timeWindow"));
        dialog.showAndWait().ifPresent(window -> {
            File chosen = chooseFile(texts().get("export.saveData"), "datastreams.csv",
                    new FileChooser.ExtensionFilter(texts().get("export.csvFilter"), "*.csv"), true);
            if (chosen != null) {
                exportCsv(datastreams, SeriesChart.WINDOWS.get(windows.indexOf(window)), end.get(), chosen.toPath());
            }
        });
    }
}
