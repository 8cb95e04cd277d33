package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.testing.Rendering;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders real 3D pixels (Xvfb and Mesa in CI) and checks them coarsely: no golden images. */
@Rendering
class SnapshotTest {

    @BeforeEach
    void needsA3dDisplay() throws InterruptedException {
        Display3D.require();
    }

    static Path fixture(String name) throws Exception {
        return Path.of(SnapshotTest.class.getResource("/de/dormagentwin/scene/" + name).toURI());
    }

    private static SceneFactory.Prepared threeHouses;

    /** The three-houses fixture, loaded and meshed once for all the tests that draw it. */
    static synchronized SceneFactory.Prepared threeHouses() throws Exception {
        if (threeHouses == null) {
            threeHouses = SceneFactory.prepare(List.of(fixture("three-houses.city.json")), LodChoice.HIGHEST);
        }
        return threeHouses;
    }

    /** Pixels that look like the roof style (brick red): red well above green and blue. */
    static double roofShare(Image image) {
        PixelReader reader = image.getPixelReader();
        int roof = 0;
        int total = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int argb = reader.getArgb(x, y);
                int r = argb >> 16 & 0xFF, g = argb >> 8 & 0xFF, b = argb & 0xFF;
                if (r > g + 40 && r > b + 40) {
                    roof++;
                }
                total++;
            }
        }
        return roof / (double) total;
    }

    /**
     * Pixels of buildings rather than ground or sky: green not the strongest channel (ground is green or straw), and
     * not the sky's light blue or haze (blue the strongest and bright).
     */
    static double builtShare(Image image) {
        PixelReader reader = image.getPixelReader();
        int built = 0;
        int total = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int argb = reader.getArgb(x, y);
                int r = argb >> 16 & 0xFF, g = argb >> 8 & 0xFF, b = argb & 0xFF;
                boolean sky = b >= r && b >= g && b > 170;
                if (g < Math.max(r, b) && !sky) {
                    built++;
                }
                total++;
            }
        }
        return built / (double) total;
    }

    @Test
    void snapshotOfTheSampleShowsBuildingsOfTheTownCentre() throws Exception {
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(ModelFiles.sample()), LodChoice.HIGHEST);
        assertTrue(prepared.loaded().failures().isEmpty(), prepared.loaded().failures().toString());
        WritableImage image = SnapshotCommand.render(prepared, 800, 450, "dormagen-mitte");
        assertEquals(800, (int) image.getWidth());
        double roofs = roofShare(image);
        assertTrue(roofs > 0.01, "roof-coloured share of the image: " + roofs);
    }

    @Test
    void panoramaShowsSkyAboveTheGround() throws Exception {
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(fixture("three-houses.city.json")), LodChoice.HIGHEST);
        WritableImage image = SnapshotCommand.render(prepared, 400, 300, "panorama");
        int sky = image.getPixelReader().getArgb(200, 3);
        int ground = image.getPixelReader().getArgb(5, 296);
        assertTrue((sky & 0xFF) > (sky >> 16 & 0xFF) + 30, "the sky at the top is blue: " + Integer.toHexString(sky));
        assertTrue((ground >> 8 & 0xFF) > (ground & 0xFF), "the ground at the bottom is green: " + Integer.toHexString(ground));
    }

    @Test
    void theGroundMeetsTheSkyInTheHazeWithoutAnEdge() throws Exception {
        WritableImage image = SnapshotCommand.render(threeHouses(), 400, 300, "panorama");
        // Down the left edge, clear of the houses: from the sky through the horizon to the ground no step between
        // neighbouring rows like the one a ground that ends shows (84 here with a lit plane under the sky). The haze
        // thickens over a few rows below the horizon, steps of 20 at this size.
        int steepest = 0;
        int steepestRow = 0;
        for (int y = 1; y < 300; y++) {
            int above = image.getPixelReader().getArgb(4, y - 1);
            int here = image.getPixelReader().getArgb(4, y);
            int step = Math.max(Math.abs((above >> 16 & 0xFF) - (here >> 16 & 0xFF)),
                    Math.max(Math.abs((above >> 8 & 0xFF) - (here >> 8 & 0xFF)), Math.abs((above & 0xFF) - (here & 0xFF))));
            if (step > steepest) {
                steepest = step;
                steepestRow = y;
            }
        }
        assertTrue(steepest <= 30, "the steepest step between rows is " + steepest + " at row " + steepestRow);
    }

    @Test
    void closeViewOfAHouseIsMostlyThatHouse() throws Exception {
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(fixture("three-houses.city.json")), LodChoice.HIGHEST);
        WritableImage far = SnapshotCommand.render(prepared, 400, 300, "top");
        WritableImage near = SnapshotCommand.render(prepared, 400, 300, "house-b");
        assertTrue(builtShare(near) > 2 * builtShare(far), "flying to a house makes it bigger on screen");
    }

    @Test
    void aCameraTheModelHasNoViewForIsAUsageError(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        TwinRun run = TwinRun.twin("snapshot", "--out", folder.resolve("x.png").toString(), "--camera", "nowhere", "--no-terrain",
                "--model", fixture("three-houses.city.json").toString());
        org.junit.jupiter.api.Assertions.assertEquals(2, run.exitCode(), run.err());
        org.junit.jupiter.api.Assertions.assertTrue(run.err().contains("unknown camera 'nowhere'"), run.err());
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(folder.resolve("x.png")));
    }
}
