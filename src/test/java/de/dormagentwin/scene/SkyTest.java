package de.dormagentwin.scene;

import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SkyTest {
    private static final Color HAZE = Color.rgb(Sky.HAZE_ARGB >> 16 & 0xFF, Sky.HAZE_ARGB >> 8 & 0xFF, Sky.HAZE_ARGB & 0xFF);

    @Test
    void theHorizonLiesAboveTheMiddleOfTheViewByTheCamerasPitch() {
        double height = 900;
        double focal = height / 2 / Math.tan(Math.toRadians(20));
        assertEquals(0, Sky.elevationAt(height / 2, height, focal, 0), 1e-9, "a level camera sees the horizon mid-view");
        double horizonRow = height / 2 - focal * Math.tan(Math.toRadians(10));
        assertEquals(0, Sky.elevationAt(horizonRow, height, focal, 10), 1e-9);
        assertTrue(Sky.elevationAt(horizonRow - 50, height, focal, 10) > 0, "above the horizon is sky");
        assertTrue(Sky.elevationAt(horizonRow + 50, height, focal, 10) < 0, "below it the ground");
    }

    @Test
    void theSkyIsHazeAtAndBelowTheHorizonAndBlueHighUp() {
        assertEquals(HAZE, Sky.colorAt(0, 1));
        assertEquals(HAZE, Sky.colorAt(-30, 1));
        Color high = Sky.colorAt(60, 1);
        assertTrue(high.getBlue() - high.getRed() > 0.25, "high up the sky is blue: " + high);
        Color low = Sky.colorAt(5, 1);
        assertTrue(low.getBlue() - low.getRed() < high.getBlue() - high.getRed(), "it pales towards the horizon");
    }

    @Test
    void aCameraLookingAcrossTheTownSeesBlueAtTheTopAndHazeAtTheBottom() {
        LinearGradient sky = Sky.gradient(14, 40, 900, 1);
        Color top = sky.getStops().get(0).getColor();
        Color bottom = sky.getStops().get(sky.getStops().size() - 1).getColor();
        assertTrue(top.getBlue() - top.getRed() > 0.15, "the top of the view is sky: " + top);
        assertEquals(HAZE, bottom);
    }

    @Test
    void atNightTheSkyAndItsHazeAreDark() {
        assertTrue(Sky.colorAt(40, 0).getBrightness() < 0.2, "night sky " + Sky.colorAt(40, 0));
        assertTrue(Sky.colorAt(0, 0).getBrightness() < 0.4, "night haze " + Sky.colorAt(0, 0));
        assertEquals(Sky.HAZE_ARGB, Sky.hazeArgb(1));
        assertTrue((Sky.hazeArgb(0) & 0xFF) < 0x60, "the far ground's night haze is dark too");
    }

    @Test
    void theSkyHasNoMoreStopsThanPrismDrawsInItsShader() {
        // Prism fills a gradient of more than 12 stops on the CPU at every frame (BaseShaderGraphics.setPaint).
        assertTrue(Sky.gradient(14, 40, 2160, 1).getStops().size() <= 12);
    }

    @Test
    void aCameraLookingSteeplyDownSeesNoSky() {
        for (Stop stop : Sky.gradient(60, 40, 900, 1).getStops()) {
            assertEquals(HAZE, stop.getColor(), "the whole view is below the horizon");
        }
    }
}
