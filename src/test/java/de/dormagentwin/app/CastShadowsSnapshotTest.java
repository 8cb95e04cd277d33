package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.Rendering;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shadows of {@code twin snapshot --sun --shadows} on screen: a 10 x 10 x 40 m tower with a house north of it at
 * noon on the equinox, drawn from straight above, once with the sun alone and once with its shadows.
 */
@Rendering
class CastShadowsSnapshotTest {
    private static final LocalDateTime NOON = LocalDateTime.of(2027, 3, 21, 13, 0);

    @TempDir
    Path folder;

    @BeforeEach
    void needsA3dDisplay() throws InterruptedException {
        Display3D.require();
    }

    @Test
    void theTowersShadowDarkensTheGroundAndTheHouseNorthOfIt() throws Exception {
        Path file = Fixtures.writeBoxes(folder.resolve("town.city.json"), new double[] {0, 0, 10, 10, 40}, new double[] {-5, 20, 20, 10, 6});
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(file), LodChoice.HIGHEST);
        WritableImage lit = SnapshotCommand.render(prepared, 400, 400, "top", SnapshotCommand.sunlight(prepared, NOON, false));
        WritableImage shaded = SnapshotCommand.render(prepared, 400, 400, "top", SnapshotCommand.sunlight(prepared, NOON, true));

        // Seen from above with north up, the shadow runs up from the tower over the house and beyond: the top quarter
        // darkens; the bottom quarter, the tower's roof and the ground south of it, keeps its light.
        double northLit = brightness(lit, 0, 100);
        double northShaded = brightness(shaded, 0, 100);
        double southLit = brightness(lit, 300, 400);
        double southShaded = brightness(shaded, 300, 400);
        assertTrue(northShaded < northLit * 0.97, "north of the tower: " + northShaded + " with shadows, " + northLit + " without");
        assertTrue(Math.abs(southShaded - southLit) < southLit * 0.01, "south of the tower: " + southShaded + " with shadows, " + southLit + " without");
    }

    private static double brightness(WritableImage image, int fromRow, int toRow) {
        PixelReader pixels = image.getPixelReader();
        double sum = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                int argb = pixels.getArgb(x, y);
                sum += (argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF);
            }
        }
        return sum / ((toRow - fromRow) * image.getWidth());
    }
}
