package de.dormagentwin.ui;

import de.dormagentwin.model.text.SafeText;
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

    private final Supplier<OrbitCamera.View> currentView;
    private final Consumer<OrbitCamera.View> goTo;
    private final MenuItem saveViewItem = item("bookmarks.saveView", this::askForName);
    private final MenuItem toFileItem = item("bookmarks.toFile", this::saveToChosenFile);
    private final MenuItem fromFileItem = item("bookmarks.fromFile", this::loadChosenFile);
    private List<Bookmarks.Bookmark> bookmarks = List.of();

    /**
     * @param currentView the camera's view now, e.g. {@code scene.camera()::view}
     * @param goTo        shows a saved view, e.g. {@code view -> scene.camera().flyTo(view, 1.2)}
     * @param report      hears what happened, in words for the status bar: saved, loaded, or why not
     */
    public BookmarkMenu(Supplier<OrbitCamera.View> currentView, Consumer<OrbitCamera.View> goTo, Consumer<String> report) {
        super("bookmarks.menu", "bookmarks.tip", report);
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
        report.accept(texts().get("bookmarks.saved", SafeText.of(name.strip())));
    }

    /** Replaces the list by a file's, or keeps it and reports why the file would not load. */
    public void load(Path file) {
        try {
            bookmarks = Bookmarks.load(file);
            rebuild();
            report.accept(texts().get("bookmarks.loaded", bookmarks.size(), SafeText.of(file.toString())));
        } catch (IOException e) {
            report.accept(texts().get("bookmarks.failed", SafeText.of(e.getMessage())));
        }
    }

    /** Writes the list to a file, or reports why not. */
    public void save(Path file) {
        try {
            Bookmarks.save(bookmarks, file);
            report.accept(texts().get("bookmarks.written", bookmarks.size(), SafeText.of(file.toString())));
        } catch (IOException e) {
            report.accept(texts().get("bookmarks.failed", SafeText.of(e.getMessage())));
        }
    }

    /** The saved views between the fixed items; the fixed ones stay the same items, keeping their accelerator. */
    private void rebuild() {
        getItems().setAll(saveViewItem, new SeparatorMenuItem());
        for (Bookmarks.Bookmark bookmark : bookmarks) {
            MenuItem go = new MenuItem(SafeText.of(bookmark.name()));
            go.setOnAction(event -> goTo.accept(bookmark.view()));
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
        File chosen = chooseFile(texts().get("bookmarks.saveTitle"), "bookmarks.json", json(), true);
        if (chosen != null) {
            save(chosen.toPath());
        }
    }

    private void loadChosenFile() {
        File chosen = chooseFile(texts().get("bookmarks.loadTitle"), "bookmarks.json", json(), false);
        if (chosen != null) {
            load(chosen.toPath());
        }
    }

    private void askForName() {
        TextInputDialog dialog = dialog(new TextInputDialog(texts().get("bookmarks.defaultName", bookmarks.size() + 1)),
                texts().get("bookmarks.dialogTitle"), texts().get("bookmarks.name"));
        dialog.showAndWait().filter(name -> !name.isBlank()).ifPresent(this::saveView);
    }

    private static FileChooser.ExtensionFilter json() {
        return new FileChooser.ExtensionFilter(texts().get("bookmarks.filter"), "*.json");
    }
}
