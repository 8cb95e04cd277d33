package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.TexturedCube;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A textured model drawn in real 3D pixels (Xvfb and Mesa in CI): its image shows on its walls. */
class TexturedSnapshotTest {
    private static final int MAGENTA = 0xFF00FF;
    private static final int YELLOW = 0xFFFF00;

    @TempDir
    Path folder;

    @BeforeEach
    void needsA3dDisplay() throws InterruptedException {
        Display3D.require();
    }

    @Test
    void aCubeWhoseWallsCarryATwoColourImageShowsBothColours() throws Exception {
        TexturedCube.halves(folder.resolve("cube.png"), 64, 64, MAGENTA, YELLOW);
        Path file = TexturedCube.write(folder, "cube.city.json", TexturedCube.cityJson("cube.png"));
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(file), TerrainFiles.NONE, LodChoice.HIGHEST);
        assertEquals(List.of(), prepared.meshes().notes());
        WritableImage image = SnapshotCommand.render(prepared, 400, 300, "cube");
        PixelReader reader = image.getPixelReader();
        int magenta = 0;
        int yellow = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                int argb = reader.getArgb(x, y);
                int r = argb >> 16 & 0xFF, g = argb >> 8 & 0xFF, b = argb & 0xFF;
                // By hue, not by value: the light shades each face differently.
                if (r > g + 60 && b > g + 60) {
                    magenta++;
                } else if (r > b + 60 && g > b + 60) {
                    yellow++;
                }
            }
        }
        int pixels = 400 * 300;
        assertTrue(magenta > pixels / 100, "magenta pixels: " + magenta + ", yellow: " + yellow);
        assertTrue(yellow > pixels / 100, "yellow pixels: " + yellow + ", magenta: " + magenta);
    }
}
