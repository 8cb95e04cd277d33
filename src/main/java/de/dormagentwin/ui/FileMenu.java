package de.dormagentwin.ui;

import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The planner's File menu: open models, open a folder of tiles, import a planning variant, lay terrain under the
 * city. Files dropped on the window go the same way: every path ends in the one consumer, which decides by the
 * files what they are (see the viewer's {@code openFiles}).
 */
final class FileMenu {
    private final Node owner;
    private final Consumer<List<Path>> onFiles;
    private final MenuBar bar;

    /**
     * @param owner   the node whose window the choosers belong to, and which takes files dropped on it
     * @param onFiles where chosen or dropped files go
     */
    FileMenu(Node owner, Consumer<List<Path>> onFiles) {
        this.owner = owner;
        this.onFiles = onFiles;
        MenuItem open = new MenuItem("Open model files…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(event -> choose("Open city models", new FileChooser.ExtensionFilter("City models (CityJSON, CityJSONSeq, CityGML)", "*.json", "*.jsonl", "*.gml", "*.xml")));
        MenuItem folder = new MenuItem("Open folder of tiles…");
        folder.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        folder.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a folder of tiles (NRW's LoD2 .gml, CityJSON)");
            File chosen = chooser.showDialog(window());
            if (chosen != null) {
                onFiles.accept(List.of(chosen.toPath()));
            }
        });
        MenuItem variant = new MenuItem("Import planning variant…");
        variant.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        variant.setOnAction(event -> choose("Import planning variants", new FileChooser.ExtensionFilter("Footprints (GeoJSON)", "*.geojson", "*.json")));
        MenuItem terrain = new MenuItem("Lay terrain under the city…");
        terrain.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        terrain.setOnAction(event -> choose("Lay terrain under the city", new FileChooser.ExtensionFilter("Terrain (ESRI ASCII grid, NRW DGM1 XYZ)",
                "*.asc", "*.xyz", "*.asc.gz", "*.xyz.gz")));
        owner.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        owner.setOnDragDropped(event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                onFiles.accept(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(files);
            event.consume();
        });
        bar = new MenuBar(new Menu("File", null, open, folder, variant, terrain));
    }

    MenuBar bar() {
        return bar;
    }

    /** The window the choosers open over: none while the owner is in no window yet. */
    private Window window() {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }

    private void choose(String title, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filter, new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> chosen = chooser.showOpenMultipleDialog(window());
        if (chosen != null && !chosen.isEmpty()) {
            onFiles.accept(chosen.stream().map(File::toPath).toList());
        }
    }
}
