package de.dormagentwin.testing;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

/** Coarse reads of a rendered image: shares of pixels by colour, so that tests need no golden images. */
public final class Pixels {
    private Pixels() {
    }

    /** Pixels that look like the roof style (brick red): red well above green and blue. */
    public static double roofShare(Image image) {
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
    public static double builtShare(Image image) {
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
}
