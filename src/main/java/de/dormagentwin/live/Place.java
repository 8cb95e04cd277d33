package de.dormagentwin.live;

import java.util.Locale;

/**
 * Where a datastream's values are shown: a city object, named by its id, or a point of its own, named
 * {@code point:<longitude>,<latitude>} in WGS84 degrees, for a sensor that stands where the model has no object
 * (a gauge in the river, a mast in a field). One string keys both, so values group by place the same way.
 */
public final class Place {
    private static final String POINT = "point:";

    private Place() {
    }

    /** The place of a point; a micro-degree (about 0.1 m) apart counts as the same point. */
    public static String point(double longitude, double latitude) {
        return String.format(Locale.ROOT, POINT + "%.6f,%.6f", longitude, latitude);
    }

    /** Longitude and latitude of a point's place; null for an object's id. */
    public static double[] lonLat(String place) {
        if (place == null || !place.startsWith(POINT)) {
            return null;
        }
        int comma = place.indexOf(',', POINT.length());
        try {
            return new double[]{Double.parseDouble(place.substring(POINT.length(), comma)), Double.parseDouble(place.substring(comma + 1))};
        } catch (RuntimeException e) {
            return null;
        }
    }
}
