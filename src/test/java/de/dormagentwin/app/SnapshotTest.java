package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.Pixels;
import de.dormagentwin.testing.Rendering;
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

    private static SceneFactory.Prepared threeHouses;

    /** The three-houses fixture, loaded and meshed once for all the tests that draw it. */
    static synchronized SceneFactory.Prepared threeHouses() throws Exception {
        if (threeHouses == null) {
            threeHouses = SceneFactory.prepare(List.of(Fixtures.scene("three-houses.city.json")), LodChoice.HIGHEST);
        }
        return threeHouses;
    }

    @Test
    void snapshotOfTheSampleShowsBuildingsOfTheTownCentre() throws Exception {
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(ModelFiles.sample()), LodChoice.HIGHEST);
        assertTrue(prepared.loaded().failures().isEmpty(), prepared.loaded().failures().toString());
        WritableImage image = SnapshotCommand.render(prepared, 800, 450, "dormagen-mitte");
        assertEquals(800, (int) image.getWidth());
        double roofs = Pixels.roofShare(image);
        assertTrue(roofs > 0.01, "roof-coloured share of the image: " + roofs);
    }

    @Test
    void panoramaShowsSkyAboveTheGround() throws Exception {
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(Fixtures.scene("three-houses.city.json")), LodChoice.HIGHEST);
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
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(Fixtures.scene("three-houses.city.json")), LodChoice.HIGHEST);
        WritableImage far = SnapshotCommand.render(prepared, 400, 300, "top");
        WritableImage near = SnapshotCommand.render(prepared, 400, 300, "house-b");
        assertTrue(Pixels.builtShare(near) > 2 * Pixels.builtShare(far), "flying to a house makes it bigger on screen");
    }

    @Test
    void aCameraTheModelHasNoViewForIsAUsageError(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        TwinRun run = TwinRun.twin("snapshot", "--out", folder.resolve("x.png").toString(), "--camera", "nowhere", "--no-terrain",
                "--model", Fixtures.scene("three-houses.city.json").toString());
        org.junit.jupiter.api.Assertions.assertEquals(2, run.exitCode(), run.err());
        org.junit.jupiter.api.Assertions.assertTrue(run.err().contains("unknown camera 'nowhere'"), run.err());
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(folder.resolve("x.png")));
    }
}
