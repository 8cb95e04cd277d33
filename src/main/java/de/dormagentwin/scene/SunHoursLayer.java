package de.dormagentwin.scene;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The shadow study's map on the ground: one pixel per cell, coloured by its hours of direct sun or by how many hours a
 * planning variant takes from it. An image rather than a coloured mesh keeps every cell exactly its colour
 * (docs/decisions/0024-no-fxyz3d.md). FX thread.
 */
public final class SunHoursLayer {
    /** Lifted this far off the ground: above the cast shadows' image, so that the map is not darkened by it. */
    private static final double LIFT = 0.8;

    /** What a map's values mean, and so its colours. */
    public enum Scale {
        /** Hours of sun out of the day's length: night blue for none, through teal, to yellow for all of it. */
        HOURS,
        /** Hours lost (positive) or gained (negative): clear for none, red for the most lost, green for gained. */
        LOSS
    }

    /**
     * A map of cells over an area of the scene: {@code values} row by row from the southern row, west to east, NaN for a
     * cell that has no value (inside a building); {@code full} is the value of the scale's strongest colour.
     */
    public record Map(CastShadows.Area area, int columns, int rows, float[] values, Scale scale, double full) {
        public Map {
            if (columns <= 0 || rows <= 0 || values.length != columns * rows) {
                throw new IllegalArgumentException(columns + " x " + rows + " cells, " + values.length + " values");
            }
        }
    }

    private static final Color[] HOURS_RAMP = {Color.web("#1d2b6b"), Color.web("#2a7f9e"), Color.web("#5fbf73"), Color.web("#f4e04d")};
    private static final Color LOST = Color.web("#d7191c");
    private static final Color GAINED = Color.web("#1a9641");

    private final Group node = new Group();

    public SunHoursLayer() {
        node.setId("sun-hours");
        node.setMouseTransparent(true);
    }

    public Node node() {
        return node;
    }

    /** Draws a map over the terrain, or clears it for null. */
    public void show(Map map, TerrainMesh terrain) {
        if (map == null) {
            node.getChildren().clear();
            return;
        }
        WritableImage image = new WritableImage(map.columns(), map.rows());
        image.getPixelWriter().setPixels(0, 0, map.columns(), map.rows(), PixelFormat.getIntArgbInstance(), pixels(map), 0, map.columns());
        node.getChildren().setAll(DrapedSheet.of(map.area(), terrain, LIFT, image, true));
    }

    public boolean isShowing() {
        return !node.getChildren().isEmpty();
    }

    /** The map's pixels, row 0 along the northern edge as images have it. */
    static int[] pixels(Map map) {
        int[] argb = new int[map.values().length];
        for (int row = 0; row < map.rows(); row++) {
            int imageRow = map.rows() - 1 - row;
            for (int column = 0; column < map.columns(); column++) {
                argb[imageRow * map.columns() + column] = argb(map.values()[row * map.columns() + column], map.scale(), map.full());
            }
        }
        return argb;
    }

    /** The colour of one value on a scale whose strongest colour is at {@code full}. */
    public static int argb(double value, Scale scale, double full) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double share = full > 0 ? Math.max(-1, Math.min(1, value / full)) : 0;
        Color colour;
        if (scale == Scale.HOURS) {
            double position = Math.max(0, share) * (HOURS_RAMP.length - 1);
            int step = Math.min(HOURS_RAMP.length - 2, (int) position);
            colour = HOURS_RAMP[step].interpolate(HOURS_RAMP[step + 1], position - step).deriveColor(0, 1, 1, 0.85);
        } else if (Math.abs(value) < 1e-3) {
            return 0;
        } else {
            // Even a few minutes lost show: a quarter of the colour at once, the rest with the loss.
            colour = Color.color((share > 0 ? LOST : GAINED).getRed(), (share > 0 ? LOST : GAINED).getGreen(), (share > 0 ? LOST : GAINED).getBlue(),
                    0.25 + 0.65 * Math.abs(share));
        }
        return (int) Math.round(colour.getOpacity() * 255) << 24 | (int) Math.round(colour.getRed() * 255) << 16
                | (int) Math.round(colour.getGreen() * 255) << 8 | (int) Math.round(colour.getBlue() * 255);
    }
}
