package de.dormagentwin.scene;

import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;

import java.util.ArrayList;
import java.util.List;

/**
 * The sky behind the 3D view: haze at the horizon that brightens to blue overhead, placed where the camera's
 * horizon really is on screen, and the same haze below the horizon, into which the ground fades at its edges
 * ({@link GroundImage}). Drawn as the background of the transparent SubScene, since JavaFX does not draw a
 * gradient fill of a 3D SubScene.
 */
public final class Sky {
    /** The colour of the air at the horizon: the far ground and the sky meet in it, so neither shows an edge. */
    public static final int HAZE_ARGB = 0xFFDCE5EA;
    private static final Color HAZE = Color.rgb(0xDC, 0xE5, 0xEA);
    private static final Color LOW_SKY = Color.web("#a7c6e3");
    private static final Color HIGH_SKY = Color.web("#4d83bf");
    /** The same at night: a town's glow on the haze, the sky dark blue above it. */
    private static final Color NIGHT_HAZE = Color.web("#3a4558");
    private static final Color NIGHT_LOW_SKY = Color.web("#1f2c44");
    private static final Color NIGHT_HIGH_SKY = Color.web("#0a1222");
    /** Degrees above the horizon at which the haze has turned to the low sky's pale blue, and to the deep blue. */
    private static final double LOW_SKY_ELEVATION = 9;
    private static final double HIGH_SKY_ELEVATION = 50;
    /**
     * Prism draws a gradient of up to 12 stops in its shader; one of more it fills on the CPU, texel by texel, at
     * every frame (measured: half the render thread's time over a city of 50,000 buildings). Twelve follow the
     * angular ramp closely enough.
     */
    static final int STOPS = 12;

    private Sky() {
    }

    /**
     * The sky as seen by a camera that looks {@code pitchDegrees} below the horizontal with a vertical field of view
     * of {@code fieldOfViewDegrees}, on a view {@code heightPixels} high: top to bottom of the view.
     */
    public static LinearGradient gradient(double pitchDegrees, double fieldOfViewDegrees, double heightPixels,
                                          double daylight) {
        double height = Math.max(1, heightPixels);
        double focal = height / 2 / Math.tan(Math.toRadians(fieldOfViewDegrees / 2));
        List<Stop> stops = new ArrayList<>(STOPS);
        for (int stop = 0; stop < STOPS; stop++) {
            double share = stop / (double) (STOPS - 1);
            stops.add(new Stop(share, colorAt(elevationAt(share * height, height, focal, pitchDegrees), daylight)));
        }
        return new LinearGradient(0, 0, 0, 1, true, CycleMethod.NO_CYCLE, stops);
    }

    /** Degrees above the horizon of the ray through a screen row, {@code y} pixels from the view's top. */
    static double elevationAt(double y, double height, double focal, double pitchDegrees) {
        return Math.toDegrees(Math.atan2(height / 2 - y, focal)) - pitchDegrees;
    }

    /** The sky's colour at an elevation in degrees: haze at and below the horizon, blue above; darker at night. */
    static Color colorAt(double elevationDegrees, double daylight) {
        double day = Math.max(0, Math.min(1, daylight));
        Color haze = NIGHT_HAZE.interpolate(HAZE, day);
        if (elevationDegrees <= 0) {
            return haze;
        }
        Color low = NIGHT_LOW_SKY.interpolate(LOW_SKY, day);
        if (elevationDegrees <= LOW_SKY_ELEVATION) {
            return haze.interpolate(low, smooth(elevationDegrees / LOW_SKY_ELEVATION));
        }
        double t = (elevationDegrees - LOW_SKY_ELEVATION) / (HIGH_SKY_ELEVATION - LOW_SKY_ELEVATION);
        return low.interpolate(NIGHT_HIGH_SKY.interpolate(HIGH_SKY, day), smooth(Math.min(1, t)));
    }

    /** The haze at the horizon by day (1), at night (0) or between, as opaque ARGB: what the far ground fades into. */
    public static int hazeArgb(double daylight) {
        Color haze = colorAt(0, daylight);
        return 0xFF000000 | (int) Math.round(haze.getRed() * 255) << 16 | (int) Math.round(haze.getGreen() * 255) << 8
                | (int) Math.round(haze.getBlue() * 255);
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
