package de.dormagentwin.model.sun;

import java.time.Instant;
import java.util.Locale;

/**
 * Where the sun stands in the sky: azimuth in degrees clockwise from true north, and apparent elevation in degrees
 * above the horizon (negative below it), as the NOAA solar calculator computes them. The algorithm is the one in
 * NOAA's spreadsheet (after Meeus, "Astronomical Algorithms"), short series that agree with a full ephemeris to
 * hundredths of a degree in this century: far finer than lighting or shadows need. No JavaFX: plain numbers, for
 * the 3D view's light as for the shadow study.
 */
public record SunPosition(double azimuthDegrees, double elevationDegrees) {
    /** Dormagen's town centre, where the viewer's sun stands unless told otherwise. */
    public static final double DORMAGEN_LATITUDE_DEGREES = 51.095;
    public static final double DORMAGEN_LONGITUDE_DEGREES = 6.84;

    private static final double JULIAN_DAY_OF_UNIX_EPOCH = 2440587.5;
    private static final double JULIAN_DAY_OF_J2000 = 2451545;
    private static final double DAYS_PER_JULIAN_CENTURY = 36525;

    public static SunPosition fromDegrees(double azimuthDegrees, double elevationDegrees) {
        return new SunPosition(azimuthDegrees, elevationDegrees);
    }

    public static SunPosition atDormagen(Instant when) {
        return at(when, DORMAGEN_LATITUDE_DEGREES, DORMAGEN_LONGITUDE_DEGREES);
    }

    /** The sun seen from a place (latitude north, longitude east, in degrees) at an instant. */
    public static SunPosition at(Instant when, double latitudeDegrees, double longitudeDegrees) {
        double[] sky = geometric(when, latitudeDegrees, longitudeDegrees);
        return new SunPosition(sky[0], sky[1] + refractionDegrees(sky[1]));
    }

    /**
     * The sun's true elevation (no refraction) in degrees: what NOAA's sunrise and sunset are defined on, the upper
     * limb on the horizon being a true elevation of -0.833 degrees (refraction and the sun's radius together).
     */
    static double geometricElevationDegrees(Instant when, double latitudeDegrees, double longitudeDegrees) {
        return geometric(when, latitudeDegrees, longitudeDegrees)[1];
    }

    /** {azimuth, true elevation} in degrees. */
    private static double[] geometric(Instant when, double latitudeDegrees, double longitudeDegrees) {
        double julianDay = when.getEpochSecond() / 86400.0 + when.getNano() / 86400e9 + JULIAN_DAY_OF_UNIX_EPOCH;
        double century = (julianDay - JULIAN_DAY_OF_J2000) / DAYS_PER_JULIAN_CENTURY;

        double meanLongitude = positiveDegrees(280.46646 + century * (36000.76983 + century * 0.0003032));
        double meanAnomaly = Math.toRadians(357.52911 + century * (35999.05029 - 0.0001537 * century));
        double eccentricity = 0.016708634 - century * (0.000042037 + 0.0000001267 * century);
        double equationOfCentre = Math.sin(meanAnomaly) * (1.914602 - century * (0.004817 + 0.000014 * century))
                + Math.sin(2 * meanAnomaly) * (0.019993 - 0.000101 * century)
                + Math.sin(3 * meanAnomaly) * 0.000289;
        // The Moon's node nutates the equinox: it shifts the apparent longitude and the obliquity alike.
        double node = Math.toRadians(125.04 - 1934.136 * century);
        double apparentLongitude = Math.toRadians(meanLongitude + equationOfCentre - 0.00569 - 0.00478 * Math.sin(node));
        double meanObliquity = 23 + (26 + (21.448 - century * (46.815 + century * (0.00059 - century * 0.001813))) / 60) / 60;
        double obliquity = Math.toRadians(meanObliquity + 0.00256 * Math.cos(node));
        double declination = Math.asin(Math.sin(obliquity) * Math.sin(apparentLongitude));

        double y = Math.pow(Math.tan(obliquity / 2), 2);
        double longitude0 = Math.toRadians(meanLongitude);
        double equationOfTimeMinutes = 4 * Math.toDegrees(y * Math.sin(2 * longitude0)
                - 2 * eccentricity * Math.sin(meanAnomaly)
                + 4 * eccentricity * y * Math.sin(meanAnomaly) * Math.cos(2 * longitude0)
                - 0.5 * y * y * Math.sin(4 * longitude0)
                - 1.25 * eccentricity * eccentricity * Math.sin(2 * meanAnomaly));

        double minutesOfDay = Math.floorMod(when.getEpochSecond(), 86400L) / 60.0 + when.getNano() / 60e9;
        double trueSolarMinutes = positive(minutesOfDay + equationOfTimeMinutes + 4 * longitudeDegrees, 1440);
        double hourAngle = Math.toRadians(trueSolarMinutes / 4 - 180);

        double latitude = Math.toRadians(latitudeDegrees);
        double cosZenith = Math.sin(latitude) * Math.sin(declination) + Math.cos(latitude) * Math.cos(declination) * Math.cos(hourAngle);
        double elevation = 90 - Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cosZenith))));
        // NOAA writes the azimuth with an arccosine and a case for each half of the day; atan2 gives the same angle
        // and stays defined with the sun overhead or at a pole.
        double azimuth = Math.toDegrees(Math.atan2(Math.sin(hourAngle),
                Math.cos(hourAngle) * Math.sin(latitude) - Math.tan(declination) * Math.cos(latitude))) + 180;
        return new double[]{positiveDegrees(azimuth), elevation};
    }

    /**
     * How far the atmosphere lifts the sun's image above its true place, NOAA's piecewise fit: about half a degree
     * at the horizon, so that the sun is seen to rise while it still stands below it.
     */
    private static double refractionDegrees(double elevationDegrees) {
        if (elevationDegrees > 85) {
            return 0;
        }
        double tangent = Math.tan(Math.toRadians(elevationDegrees));
        double arcSeconds;
        if (elevationDegrees > 5) {
            arcSeconds = 58.1 / tangent - 0.07 / Math.pow(tangent, 3) + 0.000086 / Math.pow(tangent, 5);
        } else if (elevationDegrees > -0.575) {
            double e = elevationDegrees;
            arcSeconds = 1735 + e * (-518.2 + e * (103.4 + e * (-12.79 + e * 0.711)));
        } else {
            arcSeconds = -20.772 / tangent;
        }
        return arcSeconds / 3600;
    }

    private static double positiveDegrees(double degrees) {
        return positive(degrees, 360);
    }

    private static double positive(double value, double modulus) {
        double rest = value % modulus;
        return rest < 0 ? rest + modulus : rest;
    }

    public boolean isAboveHorizon() {
        return elevationDegrees > 0;
    }

    /** For a status line: "sun 152°, 34° high", or "sun 152°, 12° below the horizon". */
    public String describe() {
        long azimuth = Math.round(azimuthDegrees) % 360;
        long elevation = Math.round(elevationDegrees);
        return elevation >= 0
                ? String.format(Locale.ROOT, "sun %d°, %d° high", azimuth, elevation)
                : String.format(Locale.ROOT, "sun %d°, %d° below the horizon", azimuth, -elevation);
    }
}
