package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample seen from above with and without its terrain (Xvfb and Mesa in CI), checked coarsely: the terraces in
 * the south-west rise to 72 m and are tinted light loam, the floodplain by the Rhine in the north-east stays green.
 */
class TerrainSnapshotTest {

    @BeforeEach
    void needsA3dDisplay() throws InterruptedException {
        Display3D.require();
    }

    /** The mean of red minus green over a share of the image (from, to: 0 to 1 of its width and height). */
    private static double redOverGreen(Image image, double left, double top, double right, double bottom) {
        PixelReader reader = image.getPixelReader();
        double sum = 0;
        int count = 0;
        for (int y = (int) (top * image.getHeight()); y < bottom * image.getHeight(); y += 2) {
            for (int x = (int) (left * image.getWidth()); x < right * image.getWidth(); x += 2) {
                int argb = reader.getArgb(x, y);
                sum += (argb >> 16 & 0xFF) - (argb >> 8 & 0xFF);
                count++;
            }
        }
        return sum / count;
    }

    @Test
    void theTerrainRisesToLightGroundInTheSouthWestWhereTheFlatGroundStaysOneGreen() throws Exception {
        List<Path> sample = List.of(ModelFiles.sample());
        Image flat = SnapshotCommand.render(SceneFactory.prepare(sample, TerrainFiles.NONE, LodChoice.HIGHEST), 480, 320, "top");
        Image terrain = SnapshotCommand.render(SceneFactory.prepare(sample, TerrainFiles.BESIDE_MODELS, LodChoice.HIGHEST), 480, 320, "top");
        // From above, north is up: the south-west corner is at the bottom left, the floodplain east of the Rhine at the top right.
        double flatSouthWest = redOverGreen(flat, 0.23, 0.75, 0.4, 0.95);
        double terrainSouthWest = redOverGreen(terrain, 0.23, 0.75, 0.4, 0.95);
        double terrainNorthEast = redOverGreen(terrain, 0.69, 0.2, 0.77, 0.35);
        assertTrue(terrainSouthWest > flatSouthWest + 10, "the terraces are lighter loam than the flat ground: red-green "
                + terrainSouthWest + " against " + flatSouthWest);
        assertTrue(terrainSouthWest > terrainNorthEast + 10, "the terraces are lighter loam than the floodplain: red-green "
                + terrainSouthWest + " against " + terrainNorthEast);
    }
}
