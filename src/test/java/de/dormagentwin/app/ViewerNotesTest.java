package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.TexturedCube;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the viewer says on screen about the model it shows. */
@Rendering
class ViewerNotesTest {

    @BeforeEach
    void needsA3dDisplay() throws InterruptedException {
        Display3D.require();
    }

    @Test
    void aBrokenObjectIsCountedAsSkippedWithItsFileObjectAndProblem() throws Exception {
        Path file = Path.of(getClass().getResource("/de/dormagentwin/model/io/broken-house.city.json").toURI());
        List<String> warnings = warnings(file);
        assertEquals(1, warnings.size(), () -> "warnings: " + warnings);
        String warning = warnings.get(0);
        assertTrue(warning.startsWith("1 object skipped"), warning);
        assertTrue(warning.contains("broken-house.city.json") && warning.contains("`broken-house`") && warning.contains("999999"), warning);
    }

    @Test
    void aCleanFileHasNoWarning() throws Exception {
        assertEquals(List.of(), warnings(Fixtures.scene("three-houses.city.json")));
    }

    @Test
    void aTextureDrawnInItsColourAfterMeshingIsNotedOnTheView(@TempDir Path folder) throws Exception {
        TexturedCube.halves(folder.resolve("cube.png"), 8, 8, 0xFF00FF, 0xFFFF00);
        // Coordinates 0..3: the image repeats three times across each face, which an atlas cannot draw.
        Path file = TexturedCube.write(folder, "cube.city.json", TexturedCube.cityJson("cube.png", "[[0,0],[3,0],[3,3],[0,3]]"));
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(file), TerrainFiles.NONE, LodChoice.HIGHEST);
        List<String> notes = FxThread.call(() -> SceneFactory.viewport(prepared).lookupAll(".note").stream()
                .map(node -> ((Label) node).getText()).toList());
        assertTrue(notes.stream().anyMatch(note -> note.startsWith("5 textured surfaces are drawn in their colour")), notes.toString());
    }

    private static List<String> warnings(Path file) throws Exception {
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(file), LodChoice.HIGHEST);
        return FxThread.call(() -> SceneFactory.viewport(prepared).lookupAll(".note-warning").stream()
                .map(node -> ((Label) node).getText()).toList());
    }
}
