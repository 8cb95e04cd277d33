package de.dormagentwin.scene;

import de.dormagentwin.model.io.TexturedCube;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

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

    private CityMeshes cube() throws Exception {
        TexturedCube.halves(folder.resolve("cube.png"), 64, 64, MAGENTA, YELLOW);
        Path file = TexturedCube.write(folder, "cube.city.json", TexturedCube.cityJson("cube.png"));
        CityMeshes meshes = Fixtures.meshes(file);
        assertEquals(List.of(), meshes.notes());
        return meshes;
    }

    /** The cube in a 400 x 300 window from its named view, after {@code decorate} has worked on the scene. */
    private static WritableImage render(CityMeshes meshes, Consumer<CityScene> decorate) throws Exception {
        return FxThread.call(() -> {
            CityScene scene = new CityScene(meshes);
            StackPane root = new StackPane(scene.subScene());
            scene.subScene().widthProperty().bind(root.widthProperty());
            scene.subScene().heightProperty().bind(root.heightProperty());
            Scene window = new Scene(root, 400, 300);
            scene.camera().set(scene.namedView("cube"));
            decorate.accept(scene);
            root.applyCss();
            root.layout();
            return window.snapshot(null);
        });
    }

    @Test
    void aCubeWhoseWallsCarryATwoColourImageShowsBothColours() throws Exception {
        int[] hues = hues(render(cube(), scene -> { }));
        int pixels = 400 * 300;
        assertTrue(hues[0] > pixels / 100, "magenta pixels: " + hues[0] + ", yellow: " + hues[1]);
        assertTrue(hues[1] > pixels / 100, "yellow pixels: " + hues[1] + ", magenta: " + hues[0]);
    }

    @Test
    void aSelectedTexturedCubeShowsTheSelectionColourAndItsTexturesAgainOnceDeselected() throws Exception {
        CityMeshes cube = cube();
        int[] selected = hues(render(cube, scene -> scene.city().select(0)));
        assertEquals(0, selected[0] + selected[1], "no texture shows through the selection");
        assertTrue(selected[2] > 400 * 300 / 100, "cyan pixels: " + selected[2]);
        int[] deselected = hues(render(cube, scene -> {
            scene.city().select(0);
            scene.city().select(-1);
        }));
        assertTrue(deselected[0] > 400 * 300 / 100 && deselected[1] > 400 * 300 / 100, "magenta and yellow: " + deselected[0] + ", " + deselected[1]);
        assertEquals(0, deselected[2], "no selection colour left");
    }
}
