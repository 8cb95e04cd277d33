package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the viewer says on screen about the model it shows. */
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
        assertEquals(List.of(), warnings(SnapshotTest.fixture("three-houses.city.json")));
    }

    private static List<String> warnings(Path file) throws Exception {
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(file), LodChoice.HIGHEST);
        return FxThread.call(() -> SceneFactory.viewport(prepared).lookupAll(".note-warning").stream()
                .map(node -> ((Label) node).getText()).toList());
    }
}
