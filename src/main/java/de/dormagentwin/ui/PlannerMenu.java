package de.dormagentwin.ui;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.function.Consumer;

/** A toolbar menu of the planner that reads or writes files and says in words what came of it. FX thread. */
abstract class PlannerMenu extends MenuButton {
    /** Hears what happened, in words for the status bar. */
    protected final Consumer<String> report;
    private File folder;

    /** @param textKey and {@code tipKey} name the menu and its tooltip in the bundle */
    PlannerMenu(String textKey, String tipKey, Consumer<String> report) {
        this.report = report;
        textProperty().bind(texts().bind(textKey));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(texts().bind(tipKey));
        setTooltip(tip);
        // The arrow keys and the viewer's one-key shortcuts stay with the 3D view.
        setFocusTraversable(false);
        setMinHeight(32);
    }

    /** The planner's words. */
    static Texts texts() {
        return PlannerLanguage.texts();
    }

    /** A menu item whose text follows the planner's language. */
    static MenuItem item(String key, Runnable action) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(texts().bind(key));
        item.setOnAction(event -> action.run());
        return item;
    }

    /** A file from a save or open dialog that starts in the folder last chosen here; null when cancelled. */
    File chooseFile(String title, String name, FileChooser.ExtensionFilter filter, boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(filter);
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        File chosen = save ? chooser.showSaveDialog(window()) : chooser.showOpenDialog(window());
        if (chosen != null) {
            folder = chosen.getParentFile();
        }
        return chosen;
    }

    /** A dialog owned by this menu's window, with a title and the label of its one field. */
    <D extends Dialog<?>> D dialog(D dialog, String title, String label) {
        dialog.initOwner(window());
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(label);
        // JavaFX words OK and Cancel in the machine's language, not the planner's; the button data keep their roles.
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(texts().get("dialog.ok"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(texts().get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        return dialog;
    }

    /** The window this menu is in, as owner of its dialogs; null before it is shown. */
    Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
