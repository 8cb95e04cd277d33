package de.dormagentwin.scene;

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

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sun-hours map lies on the ground the right way round: its cells where their eastings and northings are. */
@Rendering
class SunHoursLayerTest {
    @TempDir
    Path folder;

    @BeforeEach
    void needsA3dDisplay() throws InterruptedException {
        Display3D.require();
    }

    @Test
    void aMapOfTheNorthEastQuarterColoursTheTopRightOfAViewFromAbove() throws Exception {
        CityMeshes meshes = Fixtures.meshes(Fixtures.writeBoxes(folder.resolve("box.city.json"), new double[] {0, 0, 4, 4, 3}));
        // A map 200 m across around the box, its cells in the north-east quarter a full loss, the others none.
        double x0 = 350002 - meshes.origin()[0];
        double z0 = 5660002 - meshes.origin()[1];
        int cells = 100;
        float[] values = new float[cells * cells];
        for (int row = 0; row < cells; row++) {
            for (int column = 0; column < cells; column++) {
                values[row * cells + column] = row >= cells / 2 && column >= cells / 2 ? 5f : 0f;
            }
        }
        SunHoursLayer.Map map = new SunHoursLayer.Map(CastShadows.Area.around(x0, z0, 200), cells, cells, values, SunHoursLayer.Scale.LOSS, 5);
        WritableImage image = FxThread.call(() -> {
            CityScene city = new CityScene(meshes);
            SunHoursLayer layer = new SunHoursLayer();
            city.addLayer(layer.node());
            layer.show(map, null);
            city.camera().set(new OrbitCamera.View(x0, 0, z0, 0, 89.9, 300));
            Scene scene = new Scene(new StackPane(city.subScene()), 400, 400);
            city.subScene().setWidth(400);
            city.subScene().setHeight(400);
            return scene.snapshot(null);
        });
        double topRight = redness(image, 220, 380, 20, 180);
        double topLeft = redness(image, 20, 180, 20, 180);
        double bottomRight = redness(image, 220, 380, 220, 380);
        double bottomLeft = redness(image, 20, 180, 220, 380);
        assertTrue(topRight > topLeft + 40 && topRight > bottomRight + 40 && topRight > bottomLeft + 40,
                "red over green: top right " + topRight + ", top left " + topLeft + ", bottom right " + bottomRight + ", bottom left " + bottomLeft);
    }

    /** The mean of red less green over a box of the image. */
    private static double redness(WritableImage image, int x0, int x1, int y0, int y1) {
        PixelReader pixels = image.getPixelReader();
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int argb = pixels.getArgb(x, y);
                sum += (argb >> 16 & 0xFF) - (argb >> 8 & 0xFF);
            }
        }
        return sum / ((x1 - x0) * (y1 - y0));
    }
}
