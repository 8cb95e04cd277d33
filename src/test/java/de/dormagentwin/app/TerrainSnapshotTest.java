package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.TerrainGrid;
import de.dormagentwin.model.io.TerrainReader;
import de.dormagentwin.scene.GroundImage;
import de.dormagentwin.scene.TerrainMesh;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Rendering;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's ground: tinted by height where nothing is painted on it, and seen from above (Xvfb and Mesa in CI)
 * with its land use, woods and fields, with and without its terrain.
 */
@Rendering
class TerrainSnapshotTest {

    /** The share of pixels over a part of the image (from, to: 0 to 1 of its width and height) that pass a test. */
    private interface ArgbTest {
        boolean test(int red, int green, int blue);
    }

    private static double share(Image image, ArgbTest test) {
        PixelReader reader = image.getPixelReader();
        int hits = 0;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int argb = reader.getArgb(x, y);
                if (test.test(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF)) {
                    hits++;
                }
                count++;
            }
        }
        return hits / (double) count;
    }

    /** The mean of red minus green over a share of an image's texels (from, to: 0 to 1 of its width and height). */
    private static double redOverGreen(GroundImage image, double left, double top, double right, double bottom) {
        double sum = 0;
        int count = 0;
        for (int y = (int) (top * image.height()); y < bottom * image.height(); y += 2) {
            for (int x = (int) (left * image.width()); x < right * image.width(); x += 2) {
                int argb = image.diffuse()[y * image.width() + x];
                sum += (argb >> 16 & 0xFF) - (argb >> 8 & 0xFF);
                count++;
            }
        }
        return sum / count;
    }

    @Test
    void withoutLandUseTheTerracesInTheSouthWestAreLightLoamAndTheFloodplainGreen() throws Exception {
        TerrainGrid grid = TerrainReader.read(Path.of("assets/dormagen.terrain.asc"));
        TerrainMesh mesh = TerrainMesh.build(List.of(grid), new double[]{grid.originEast(), grid.originNorth(), 0});
        GroundImage ground = mesh.groundImage(List.of());
        // North is the image's top: the rise towards the Ville at the bottom left, the Rhine's floodplain top right.
        double southWest = redOverGreen(ground, 0.15, 0.75, 0.35, 0.85);
        double northEast = redOverGreen(ground, 0.7, 0.2, 0.8, 0.3);
        assertTrue(southWest > northEast + 10, "the terraces are lighter loam than the floodplain: red-green "
                + southWest + " against " + northEast);
    }

    @Test
    void fromAboveTheSampleShowsItsWoodsAndTheRhineWithAndWithoutItsTerrain() throws Exception {
        Display3D.require();
        List<Path> sample = List.of(ModelFiles.sample());
        ArgbTest wood = (red, green, blue) -> green > red + 20 && green > blue + 25 && green < 150;
        ArgbTest water = (red, green, blue) -> blue > red + 50 && blue > green + 15;
        for (TerrainFiles terrain : List.of(TerrainFiles.BESIDE_MODELS, TerrainFiles.NONE)) {
            Image image = SnapshotCommand.render(SceneFactory.prepare(sample, terrain, LodChoice.HIGHEST), 480, 320, "top");
            double woods = share(image, wood);
            double river = share(image, water);
            assertTrue(woods > 0.01, terrain + ": the woods' share of the view " + woods);
            assertTrue(river > 0.01, terrain + ": the Rhine's share of the view " + river);
        }
    }
}
