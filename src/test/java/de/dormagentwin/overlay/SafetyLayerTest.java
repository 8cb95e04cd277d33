package de.dormagentwin.overlay;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plume's footprint turns with the wind and lies where the textbook plume puts it. */
class SafetyLayerTest {

    /** The centre of the footprint's inner part (the upper half of the colour scale), east and north of the stack. */
    private static double[] core(SafetyLayer.Footprint footprint) {
        float[] points = footprint.points();
        float[] texCoords = footprint.texCoords();
        double east = 0;
        double north = 0;
        int count = 0;
        for (int i = 0; i < texCoords.length / 2; i++) {
            if (texCoords[i * 2] > 0.5) {
                east += points[i * 3];
                north += points[i * 3 + 2];
                count++;
            }
        }
        return new double[]{east / count, north / count, count};
    }

    @Test
    void aWestWindCarriesThePlumeEastAndANorthWindSouth() {
        GaussianPlume plume = new GaussianPlume(20, 4, 80, GaussianPlume.Stability.D);
        double[] fromWest = core(SafetyLayer.footprint(plume, 1000, 2000, 270));
        assertTrue(fromWest[0] > 1300 && Math.abs(fromWest[1] - 2000) < 50, "from the west: " + fromWest[0] + ", " + fromWest[1]);
        double[] fromNorth = core(SafetyLayer.footprint(plume, 1000, 2000, 0));
        assertTrue(fromNorth[1] < 1700 && Math.abs(fromNorth[0] - 1000) < 50, "from the north: " + fromNorth[0] + ", " + fromNorth[1]);
    }

    @Test
    void aLowerReleaseReachesTheGroundNearerTheStack() {
        double[] high = core(SafetyLayer.footprint(new GaussianPlume(20, 1.5, 80, GaussianPlume.Stability.D), 0, 0, 270));
        double[] low = core(SafetyLayer.footprint(new GaussianPlume(20, 1.5, 30, GaussianPlume.Stability.D), 0, 0, 270));
        assertTrue(low[0] < high[0], "low release " + low[0] + " m, high release " + high[0] + " m");
    }
}
