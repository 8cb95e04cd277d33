package de.dormagentwin.ui;

import de.dormagentwin.scene.OrbitCamera;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The planner's "Bookmarks" menu: save the current view under a name (Ctrl+D), fly to a saved one, and save the
 * list to or load it from a JSON file ({@link Bookmarks}). A file that fails to load leaves the list as it was.
 * FX thread.
 */
public final class BookmarkMenu extends PlannerMenu {
    /** As browsers bookmark a page. */
    public static final KeyCombination SAVE_VIEW = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    private static final FileChooser.ExtensionFilter JSON = new FileChooser.ExtensionFilter("Bookmarks (*.json)", "*.json");

    private final Supplier<OrbitCamera.View> currentView;
    private final Consumer<OrbitCamera.View> goTo;
    private final MenuItem saveViewItem = item("Save current view…", this::askForName);
    private final MenuItem toFileItem = item("Save to file…", this::saveToChosenFile);
    private final MenuItem fromFileItem = item("Load from file…", this::loadChosenFile);
    private List<Bookmarks.Bookmark> bookmarks = List.of();

    /**
     * @param currentView the camera's view now, e.g. {@code scene.camera()::view}
     * @param goTo        shows a saved view, e.g. {@code view -> scene.camera().flyTo(view, 1.2)}
     * @param report      hears what happened, in words for the status bar: saved, loaded, or why not
     */
    public BookmarkMenu(Supplier<OrbitCamera.View> currentView, Consumer<OrbitCamera.View> goTo, Consumer<String> report) {
        super("Bookmarks", "Save the view under a name, fly back to it, keep the list in a file", report);
        this.currentView = currentView;
        this.goTo = goTo;
        saveViewItem.setAccelerator(SAVE_VIEW);
        rebuild();
    }

    /** The saved views, in the order they were first saved. */
    public List<Bookmarks.Bookmark> bookmarks() {
        return bookmarks;
    }

    /** Saves the current view under a name, in the place of one with that name. */
    public void saveView(String name) {
        bookmarks = Bookmarks.put(bookmarks, new Bookmarks.Bookmark(name, currentView.get()));
        rebuild();
        report.accept("Bookmark \"" + name.strip() + "\" saved");
    }

    /** Replaces the list by a file's, or keeps it and reports why the file would not load. */
    public void load(Path file) {
        try {
            bookmarks = Bookmarks.load(file);
            rebuild();
            report.accept("Loaded " + bookmarks.size() + (bookmarks.size() == 1 ? " bookmark" : " bookmarks") + " from " + file);
        } catch (IOException e) {
            report.accept(e.getMessage());
        }
    }

    /** Writes the list to a file, or reports why not. */
    public void save(Path file) {
        try {
            Bookmarks.save(bookmarks, file);
            report.accept("Saved " + bookmarks.size() + (bookmarks.size() == 1 ? " bookmark" : " bookmarks") + " to " + file);
        } catch (IOException e) {
            report.accept(e.getMessage());
        }
    }

    /** The saved views between the fixed items; the fixed ones stay the same items, keeping their accelerator. */
    private void rebuild() {
        getItems().setAll(saveViewItem, new SeparatorMenuItem());
        for (Bookmarks.Bookmark bookmark : bookmarks) {
            MenuItem go = item(bookmark.name(), () -> goTo.accept(bookmark.view()));
            // A name is shown as it was typed: an underscore is no mnemonic.
            go.setMnemonicParsing(false);
            getItems().add(go);
        }
        if (!bookmarks.isEmpty()) {
            getItems().add(new SeparatorMenuItem());
        }
        toFileItem.setDisable(bookmarks.isEmpty());
        getItems().addAll(toFileItem, fromFileItem);
    }

    private void saveToChosenFile() {
        File chosen = chooseFile("Save bookmarks", "bookmarks.json", JSON, true);
        if (chosen != null) {
            save(chosen.toPath());
        }
    }

    private void loadChosenFile() {
        File chosen = chooseFile("Load bookmarks", "bookmarks.json", JSON, false);
        if (chosen != null) {
            load(chosen.toPath());
        }
    }

    private void askForName() {
        TextInputDialog dialog = dialog(new TextInputDialog("View " + (bookmarks.size() + 1)), "Save current view", "Name:");
        dialog.showAndWait().filter(name -> !name.isBlank()).ifPresent(this::saveView);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> action.run());
        return item;
    }
}
