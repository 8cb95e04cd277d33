package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.TexturedCube;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Rendering;
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
@Rendering
class TexturedSnapshotTest {
    private static final int MAGENTA = 0xFF00FF;
    private static final int YELLOW = 0xFFFF00;

    @TempDir
    Path folder;

    @BeforeEach
    void needsA3dDisplay() throws InterruptedException {
        Display3D.require();
    }

    /** Pixels by hue, not by value (the light shades each face differently): magenta, yellow, cyan. */
    private static int[] hues(WritableImage image) {
        PixelReader reader = image.getPixelReader();
        int[] counts = new int[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = reader.getArgb(x, y);
                int r = argb >> 16 & 0xFF, g = argb >> 8 & 0xFF, b = argb & 0xFF;
                if (r > g + 60 && b > g + 60) {
                    counts[0]++;
                } else if (r > b + 60 && g > b + 60) {
                    counts[1]++;
                } else if (g > r + 60 && b > r + 60) {
                    counts[2]++;
                }
            }
        }
        return counts;
    }

    private SceneFactory.Prepared cube() throws Exception {
        TexturedCube.halves(folder.resolve("cube.png"), 64, 64, MAGENTA, YELLOW);
        Path file = TexturedCube.write(folder, "cube.city.json", TexturedCube.cityJson("cube.png"));
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(file), TerrainFiles.NONE, LodChoice.HIGHEST);
        assertEquals(List.of(), prepared.meshes().notes());
        return prepared;
    }

    @Test
    void aCubeWhoseWallsCarryATwoColourImageShowsBothColours() throws Exception {
        int[] hues = hues(SnapshotCommand.render(cube(), 400, 300, "cube"));
        int pixels = 400 * 300;
        assertTrue(hues[0] > pixels / 100, "magenta pixels: " + hues[0] + ", yellow: " + hues[1]);
        assertTrue(hues[1] > pixels / 100, "yellow pixels: " + hues[1] + ", magenta: " + hues[0]);
    }

    @Test
    void aSelectedTexturedCubeShowsTheSelectionColourAndItsTexturesAgainOnceDeselected() throws Exception {
        SceneFactory.Prepared cube = cube();
        int[] selected = hues(SnapshotCommand.render(cube, 400, 300, "cube", viewport -> viewport.cityScene().city().select(0)));
        assertEquals(0, selected[0] + selected[1], "no texture shows through the selection");
        assertTrue(selected[2] > 400 * 300 / 100, "cyan pixels: " + selected[2]);
        int[] deselected = hues(SnapshotCommand.render(cube, 400, 300, "cube", viewport -> {
            viewport.cityScene().city().select(0);
            viewport.cityScene().city().select(-1);
        }));
        assertTrue(deselected[0] > 400 * 300 / 100 && deselected[1] > 400 * 300 / 100, "magenta and yellow: " + deselected[0] + ", " + deselected[1]);
        assertEquals(0, deselected[2], "no selection colour left");
    }
}
