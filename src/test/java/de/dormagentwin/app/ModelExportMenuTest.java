package de.dormagentwin.app;

import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import de.dormagentwin.testing.ScreenText;
import de.dormagentwin.ui.ExportMenu;
import de.dormagentwin.ui.Texts;
import de.dormagentwin.ui.ViewerPane;
import de.javagl.jgltf.model.GltfModel;
import de.javagl.jgltf.model.io.GltfModelReader;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's Export menu writes the model of the selection, as twin export does, and says where. */
@Rendering
class ModelExportMenuTest {
    @TempDir
    Path folder;
    private TestViewer viewer;

    @AfterEach
    void close() {
        if (viewer != null) {
            viewer.close();
        }
    }

    private static ExportMenu exportMenu(ViewerPane pane) {
        return pane.lookupAll(".menu-button").stream().filter(ExportMenu.class::isInstance).map(ExportMenu.class::cast).findFirst().orElseThrow();
    }

    @Test
    void theSelectionsModelIsWrittenOffTheFxThreadAndTheStatusBarSaysWhere() throws Exception {
        viewer = new TestViewer(folder, false);
        ViewerPane pane = viewer.start();
        ResourceBundle english = Texts.bundle(Texts.ENGLISH);
        List<String> items = FxThread.call(() -> exportMenu(pane).getItems().stream().filter(MenuItem::isVisible).map(MenuItem::getText).toList());
        assertTrue(items.containsAll(List.of(english.getString("export.model.selectionGltf"), english.getString("export.model.selectionCityJson"),
                english.getString("export.model.area"))), items.toString());

        Path glb = folder.resolve("house-b.glb");
        FxThread.call(() -> {
            pane.select(pane.viewport().cityScene().city().meshes().objectIndex("house-b"));
            exportMenu(pane).exportSelection(glb);
            return null;
        });
        ScreenText.waitFor(pane, "Exported 1 object to " + glb);
        GltfModel gltf;
        try (InputStream in = Files.newInputStream(glb)) {
            gltf = new GltfModelReader().readWithoutReferences(in);
        }
        assertEquals(List.of("house-b"), gltf.getNodeModels().stream().map(node -> node.getName()).toList());

        Path nothing = folder.resolve("nothing.city.json");
        FxThread.call(() -> {
            pane.select(-1);
            exportMenu(pane).exportSelection(nothing);
            return null;
        });
        ScreenText.waitFor(pane, english.getString("export.model.noSelection"));
        FxThread.call(() -> {
            exportMenu(pane).exportArea(nothing);
            return null;
        });
        ScreenText.waitFor(pane, english.getString("export.model.noArea"));
        assertFalse(Files.exists(nothing));
    }
}
