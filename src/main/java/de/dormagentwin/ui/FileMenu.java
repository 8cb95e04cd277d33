package de.dormagentwin.ui;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
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
import java.util.Locale;
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
        MenuItem open = PlannerMenu.item("file.open", () -> choose("file.openTitle", filter("file.modelsFilter", "*.json", "*.jsonl", "*.gml", "*.xml")));
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem folder = PlannerMenu.item("file.folder", () -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(PlannerLanguage.texts().get("file.folderTitle"));
            File chosen = chooser.showDialog(window());
            if (chosen != null) {
                onFiles.accept(List.of(chosen.toPath()));
            }
        });
        folder.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem variant = PlannerMenu.item("file.variant", () -> choose("file.variantTitle", filter("file.variantFilter", "*.geojson", "*.json")));
        variant.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        MenuItem terrain = PlannerMenu.item("file.terrain", () -> choose("file.terrainTitle", filter("file.terrainFilter",
                "*.asc", "*.xyz", "*.asc.gz", "*.xyz.gz")));
        terrain.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
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
        Menu file = new Menu("", null, open, folder, variant, terrain);
        file.textProperty().bind(PlannerLanguage.texts().bind("file.menu"));
        bar = new MenuBar(file, languageMenu());
    }

    /**
     * "Sprache / Language": each language named in its own words, so that whoever cannot read the one shown finds the
     * other. Choosing one changes the planner's words at once; the planner keeps the choice (see {@link ViewerPane}).
     */
    private static Menu languageMenu() {
        Texts texts = PlannerLanguage.texts();
        Menu menu = new Menu(texts.get("language.menu"));
        ToggleGroup group = new ToggleGroup();
        for (Locale language : Texts.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(Texts.bundle(language).getString("language." + language.getLanguage()));
            item.setId("language-" + language.getLanguage());
            item.setToggleGroup(group);
            item.setSelected(language.equals(texts.locale()));
            item.setOnAction(event -> texts.setLocale(language));
            texts.localeProperty().addListener(new WeakChangeListener<>(selectWhenChosen(item, language)));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** Kept by the item itself (as user data), so that the weak listener lives as long as the menu does. */
    private static ChangeListener<Locale> selectWhenChosen(RadioMenuItem item, Locale language) {
        ChangeListener<Locale> listener = (property, before, after) -> item.setSelected(language.equals(after));
        item.setUserData(listener);
        return listener;
    }

    MenuBar bar() {
        return bar;
    }

    /** The window the choosers open over: none while the owner is in no window yet. */
    private Window window() {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }

    private static FileChooser.ExtensionFilter filter(String key, String... patterns) {
        return new FileChooser.ExtensionFilter(PlannerLanguage.texts().get(key), patterns);
    }

    private void choose(String titleKey, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(PlannerLanguage.texts().get(titleKey));
        chooser.getExtensionFilters().addAll(filter, filter("file.all", "*.*"));
        List<File> chosen = chooser.showOpenMultipleDialog(window());
        if (chosen != null && !chosen.isEmpty()) {
            onFiles.accept(chosen.stream().map(File::toPath).toList());
        }
    }
}
