package de.dormagentwin.overlay;

/** Arithmetic on opaque ARGB colours, as the palette texture stores them. */
public final class Colors {
    /** What an object with a bound datastream but no value at all shows: a neutral grey, never a made-up colour. */
    public static final int NO_DATA = 0xFFB4B4B4;

    private Colors() {
    }

    /** {@code a} blended towards {@code b} by {@code t} (0 gives a, 1 gives b). */
    public static int mix(int a, int b, double t) {
        double k = Math.max(0, Math.min(1, t));
        int red = (int) Math.round(((a >> 16) & 0xFF) * (1 - k) + ((b >> 16) & 0xFF) * k);
        int green = (int) Math.round(((a >> 8) & 0xFF) * (1 - k) + ((b >> 8) & 0xFF) * k);
        int blue = (int) Math.round((a & 0xFF) * (1 - k) + (b & 0xFF) * k);
        return 0xFF000000 | red << 16 | green << 8 | blue;
    }

    /** A stale value's colour: mostly grey, so it reads as "was this" rather than "is this". */
    public static int stale(int argb) {
        int red = (argb >> 16) & 0xFF;
        int green = (argb >> 8) & 0xFF;
        int blue = argb & 0xFF;
        int grey = (int) Math.round(0.299 * red + 0.587 * green + 0.114 * blue);
        return mix(argb, 0xFF000000 | grey << 16 | grey << 8 | grey, 0.75);
    }

    /** CSS for a colour, for legends. */
    public static String css(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }
}
