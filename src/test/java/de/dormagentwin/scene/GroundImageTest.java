package de.dormagentwin.scene;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundImageTest {
    private static final int BASE = 0xFF8FAE72;
    private static final int FOREST = 0xFF557F43;
    private static final int PARK = 0xFF86B860;

    /** The texel under a scene point. */
    private static int at(GroundImage image, double x, double z) {
        int column = (int) ((x - image.west()) / (image.east() - image.west()) * image.width());
        int row = (int) ((image.north() - z) / (image.north() - image.south()) * image.height());
        return image.diffuse()[row * image.width() + column];
    }

    private static int channelDistance(int a, int b) {
        return Math.max(Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)),
                Math.max(Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)), Math.abs((a & 0xFF) - (b & 0xFF))));
    }

    /** A square of 1 km around the origin, no fade, texels of 1 m. */
    private static GroundImage painted(List<GroundArea> areas) {
        return GroundImage.paint(-500, -500, 500, 500, 0, 1000, (x, z) -> BASE, areas);
    }

    private static float[] square(float west, float south, float east, float north) {
        return new float[]{west, south, east, south, east, north, west, north};
    }

    @Test
    void anAreaIsPaintedInsideItsOuterRingAndNotInItsHole() {
        GroundImage image = painted(List.of(new GroundArea(FOREST, 0,
                List.of(square(-200, -200, 200, 200), square(-50, -50, 50, 50)))));
        assertEquals(FOREST, at(image, -150, 0));
        assertEquals(FOREST, at(image, 0, 150));
        assertEquals(BASE, at(image, 0, 0), "the hole keeps the ground under it");
        assertEquals(BASE, at(image, 300, 0), "outside the area is ground");
        assertEquals(BASE, at(image, 0, -300));
    }

    @Test
    void northIsTheImagesTopRow() {
        GroundImage image = painted(List.of(new GroundArea(FOREST, 0, List.of(square(-500, 400, 500, 500)))));
        assertEquals(FOREST, image.diffuse()[image.width() / 2]);
        assertEquals(BASE, image.diffuse()[(image.height() - 1) * image.width() + image.width() / 2]);
    }

    @Test
    void aLaterAreaCoversAnEarlierOne() {
        GroundImage image = painted(List.of(new GroundArea(FOREST, 0, List.of(square(-300, -300, 300, 300))),
                new GroundArea(PARK, 0, List.of(square(0, 0, 100, 100)))));
        assertEquals(PARK, at(image, 50, 50));
        assertEquals(FOREST, at(image, -50, -50));
    }

    @Test
    void aTriangleIsPaintedAlongItsSlantedSide() {
        GroundImage image = painted(List.of(new GroundArea(PARK, 0, List.of(new float[]{-400, -400, 400, -400, -400, 400}))));
        assertEquals(PARK, at(image, -10, -20), "below the diagonal");
        assertEquals(BASE, at(image, 20, 10), "above it");
    }

    @Test
    void aWoodsGrainVariesItsColourAroundItsOwn() {
        GroundImage image = painted(List.of(new GroundArea(FOREST, 0.16, List.of(square(-300, -300, 300, 300)))));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        double greenSum = 0;
        for (int x = -250; x < 250; x += 5) {
            int argb = at(image, x, 17);
            seen.add(argb);
            greenSum += argb >> 8 & 0xFF;
            assertTrue(channelDistance(argb, FOREST) <= 0.16 * 0x7F + 1, Integer.toHexString(argb));
        }
        assertTrue(seen.size() > 20, "a canopy, not one green: " + seen.size() + " colours");
        assertEquals(FOREST >> 8 & 0xFF, greenSum / 100, 4, "around the wood's own colour");
        assertEquals(image.diffuse()[0], painted(List.of(new GroundArea(FOREST, 0.16,
                List.of(square(-300, -300, 300, 300))))).diffuse()[0], "the same on every run");
    }

    @Test
    void theGroundFadesIntoTheFarColourTowardsItsEdges() {
        GroundImage image = GroundImage.paint(-500, -500, 500, 500, 200, 1000, (x, z) -> BASE, List.of());
        assertEquals(BASE, at(image, 0, 0), "the middle is the ground's own colour");
        assertEquals(BASE, at(image, 250, -250));
        assertTrue(channelDistance(at(image, 499.5, 0), GroundImage.FAR_ARGB) <= 1, "the edge is the far colour");
        int halfway = at(image, 400, 0);
        assertTrue(channelDistance(halfway, BASE) > 5 && channelDistance(halfway, GroundImage.FAR_ARGB) > 5,
                "half-way through the fade it is neither: " + Integer.toHexString(halfway));
    }

    @Test
    void whereThereIsNoGroundTheImageShowsTheFarColour() {
        GroundImage image = GroundImage.paint(-500, -500, 500, 500, 0, 100, (x, z) -> x < 0 ? 0 : BASE,
                List.of(new GroundArea(FOREST, 0, List.of(square(-400, -400, 400, 400)))));
        assertEquals(GroundImage.FAR_ARGB, at(image, -200, 0), "no land use is painted where there is no ground");
        assertEquals(FOREST, at(image, 200, 0));
    }

    @Test
    void theFarGroundTurnsIntoHazeTowardsItsEdges() {
        GroundImage far = GroundImage.farGround(10_000, 60_000, Sky.HAZE_ARGB);
        int middle = (far.height() / 2) * far.width() + far.width() / 2;
        assertEquals(GroundImage.FAR_ARGB, far.diffuse()[middle]);
        assertEquals(0xFF000000, far.glow()[middle], "nothing glows near the town");
        int edge = (far.height() / 2) * far.width();
        assertEquals(0xFF000000, far.diffuse()[edge], "at its edge no light shades it");
        assertEquals(Sky.HAZE_ARGB, far.glow()[edge], "it is the haze the sky meets the ground in");
    }

    @Test
    void aLargeAreaGetsAtMostTheMostTexelsAlongItsLongerSide() {
        GroundImage image = GroundImage.paint(-8000, -5000, 8000, 5000, (x, z) -> BASE, List.of());
        assertEquals(GroundImage.MOST_TEXELS, image.width());
        assertEquals(1280, image.height());
    }
}
