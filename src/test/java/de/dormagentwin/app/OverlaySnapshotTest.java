package de.dormagentwin.app;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.Rendering;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** twin snapshot --cache --at: a bound building's pixels follow its value across a threshold, and fade when stale. */
@Rendering
class OverlaySnapshotTest {
    private static final Instant MORNING = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path folder;

    @BeforeEach
    void aCacheWithPm10AtHouseB() throws Exception {
        Display3D.require();
        try (LiveStore store = LiveStore.open(folder.resolve("cache"), null)) {
            store.putThing(new Thing("test", "box-b", "Box B", "", Map.of(), "house-b", Double.NaN, Double.NaN));
            store.putDatastream(new Datastream("test", "box-b/pm10", "box-b", "PM10 at house B", "PM10 concentration", "SDS011",
                    "microgram per cubic metre", "µg/m³", Classification.PUBLIC));
            // Every 15 minutes from 8:00 to 11:00: clean air until 9:30, then well above the EU limit of 50.
            List<Observation> values = new ArrayList<>();
            for (int step = 0; step <= 12; step++) {
                values.add(Observation.number("test", "box-b/pm10", MORNING.plus(Duration.ofMinutes(15L * step)), step < 6 ? 12 : 70));
            }
            store.write(values);
        }
    }

    private int[] houseColour(Instant at) throws Exception {
        Path png = folder.resolve("at-" + at.getEpochSecond() + ".png");
        TwinRun run = twin("snapshot", "--model", Fixtures.scene("three-houses.city.json").toString(), "--cache",
                folder.resolve("cache").toString(), "--at", at.toString(), "--camera", "house-b", "--size", "800x500", "--out", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        BufferedImage image = ImageIO.read(png.toFile());
        // The named view frames house B in the middle of the picture.
        long red = 0;
        long green = 0;
        long blue = 0;
        int count = 0;
        for (int y = image.getHeight() / 2 - 10; y < image.getHeight() / 2 + 10; y++) {
            for (int x = image.getWidth() / 2 - 10; x < image.getWidth() / 2 + 10; x++) {
                int rgb = image.getRGB(x, y);
                red += (rgb >> 16) & 0xFF;
                green += (rgb >> 8) & 0xFF;
                blue += rgb & 0xFF;
                count++;
            }
        }
        return new int[]{(int) (red / count), (int) (green / count), (int) (blue / count)};
    }

    @Test
    void theBuildingTurnsFromGreenToRedWhenItsValueCrossesTheLimit() throws Exception {
        int[] clean = houseColour(MORNING.plus(Duration.ofMinutes(70)));
        int[] polluted = houseColour(MORNING.plus(Duration.ofMinutes(160)));
        assertTrue(clean[1] > clean[0] + 40 && clean[1] > clean[2] + 40, "green at 9:10: " + List.of(clean[0], clean[1], clean[2]));
        assertTrue(polluted[0] > polluted[1] + 80 && polluted[0] > polluted[2] + 80, "red at 10:40: " + List.of(polluted[0], polluted[1], polluted[2]));
    }

    @Test
    void aValueFarOlderThanItsIntervalIsDrawnFaded() throws Exception {
        int[] fresh = houseColour(MORNING.plus(Duration.ofMinutes(185)));
        int[] stale = houseColour(MORNING.plus(Duration.ofHours(6)));
        int freshSaturation = Math.max(fresh[0], Math.max(fresh[1], fresh[2])) - Math.min(fresh[0], Math.min(fresh[1], fresh[2]));
        int staleSaturation = Math.max(stale[0], Math.max(stale[1], stale[2])) - Math.min(stale[0], Math.min(stale[1], stale[2]));
        assertTrue(stale[0] >= stale[1] && stale[0] >= stale[2], "still reddish: " + List.of(stale[0], stale[1], stale[2]));
        assertTrue(staleSaturation * 2 < freshSaturation, "fresh " + freshSaturation + ", stale " + staleSaturation);
    }
}
