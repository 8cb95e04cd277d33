package de.dormagentwin.model.geo;

/**
 * Conversion between geographic coordinates and ETRS89 / UTM zone 32N (EPSG:25832).
 *
 * <p>Uses the Krüger series to sixth order in the third flattening, as given by Karney
 * (2011, "Transverse Mercator with an accuracy of a few nanometers"). Within a UTM zone
 * this is accurate far below a millimetre, so the round trip is limited only by the
 * iteration tolerance of the inverse.
 *
 * <p>The input is called WGS84 because that is what maps and GPS receivers give; it is
 * treated as ETRS89 on the GRS80 ellipsoid. In Germany the two frames differ by less than
 * a metre, which does not matter for the places this project converts.
 *
 * <p>{@link StrictMath} keeps results bit-identical on every JVM, so generated models that
 * depend on these numbers stay byte-identical across machines.
 */
public final class Utm {

    private static final double SEMI_MAJOR_AXIS = 6_378_137.0;
    private static final double FLATTENING = 1.0 / 298.257_222_101;
    private static final double SCALE_ON_CENTRAL_MERIDIAN = 0.9996;
    private static final double FALSE_EASTING = 500_000.0;
    private static final double CENTRAL_MERIDIAN_DEGREES = 9.0;

    private static final double ECCENTRICITY =
            StrictMath.sqrt(FLATTENING * (2.0 - FLATTENING));
    private static final double THIRD_FLATTENING = FLATTENING / (2.0 - FLATTENING);

    /** Radius of the rectifying sphere: the meridian arc per radian of rectifying latitude. */
    private static final double RECTIFYING_RADIUS;
    private static final double[] FORWARD_COEFFICIENTS;
    private static final double[] INVERSE_COEFFICIENTS;

    static {
        double n = THIRD_FLATTENING;
        double n2 = n * n;
        double n3 = n2 * n;
        double n4 = n3 * n;
        double n5 = n4 * n;
        double n6 = n5 * n;
        RECTIFYING_RADIUS = SEMI_MAJOR_AXIS / (1.0 + n) * (1.0 + n2 / 4.0 + n4 / 64.0 + n6 / 256.0);
        FORWARD_COEFFICIENTS = new double[] {
            n / 2.0 - 2.0 * n2 / 3.0 + 5.0 * n3 / 16.0 + 41.0 * n4 / 180.0
                    - 127.0 * n5 / 288.0 + 7891.0 * n6 / 37800.0,
            13.0 * n2 / 48.0 - 3.0 * n3 / 5.0 + 557.0 * n4 / 1440.0 + 281.0 * n5 / 630.0
                    - 1983433.0 * n6 / 1935360.0,
            61.0 * n3 / 240.0 - 103.0 * n4 / 140.0 + 15061.0 * n5 / 26880.0
                    + 167603.0 * n6 / 181440.0,
            49561.0 * n4 / 161280.0 - 179.0 * n5 / 168.0 + 6601661.0 * n6 / 7257600.0,
            34729.0 * n5 / 80640.0 - 3418889.0 * n6 / 1995840.0,
            212378941.0 * n6 / 319334400.0
        };
        INVERSE_COEFFICIENTS = new double[] {
            n / 2.0 - 2.0 * n2 / 3.0 + 37.0 * n3 / 96.0 - n4 / 360.0 - 81.0 * n5 / 512.0
                    + 96199.0 * n6 / 604800.0,
            n2 / 48.0 + n3 / 15.0 - 437.0 * n4 / 1440.0 + 46.0 * n5 / 105.0
                    - 1118711.0 * n6 / 3870720.0,
            17.0 * n3 / 480.0 - 37.0 * n4 / 840.0 - 209.0 * n5 / 4480.0 + 5569.0 * n6 / 90720.0,
            4397.0 * n4 / 161280.0 - 11.0 * n5 / 504.0 - 830251.0 * n6 / 7257600.0,
            4583.0 * n5 / 161280.0 - 108847.0 * n6 / 3991680.0,
            20648693.0 * n6 / 638668800.0
        };
    }

    private Utm() {
    }

    /**
     * Projects a geographic position into EPSG:25832.
     *
     * @return {easting, northing} in metres
     */
    public static double[] wgs84ToEtrs89Utm32(double latitudeDegrees, double longitudeDegrees) {
        double latitude = StrictMath.toRadians(latitudeDegrees);
        double longitudeFromCentralMeridian =
                StrictMath.toRadians(longitudeDegrees - CENTRAL_MERIDIAN_DEGREES);

        double sinLatitude = StrictMath.sin(latitude);
        double conformalTangent = StrictMath.sinh(atanh(sinLatitude)
                - ECCENTRICITY * atanh(ECCENTRICITY * sinLatitude));
        double cosLongitude = StrictMath.cos(longitudeFromCentralMeridian);
        // Gauss-Schreiber coordinates on the sphere, before the ellipsoidal correction.
        double xiPrime = StrictMath.atan2(conformalTangent, cosLongitude);
        double etaPrime = atanh(StrictMath.sin(longitudeFromCentralMeridian)
                / StrictMath.sqrt(1.0 + conformalTangent * conformalTangent));

        double xi = xiPrime;
        double eta = etaPrime;
        for (int order = 1; order <= FORWARD_COEFFICIENTS.length; order++) {
            double coefficient = FORWARD_COEFFICIENTS[order - 1];
            xi += coefficient * StrictMath.sin(2 * order * xiPrime) * StrictMath.cosh(2 * order * etaPrime);
            eta += coefficient * StrictMath.cos(2 * order * xiPrime) * StrictMath.sinh(2 * order * etaPrime);
        }
        double scaledRadius = SCALE_ON_CENTRAL_MERIDIAN * RECTIFYING_RADIUS;
        return new double[] {FALSE_EASTING + scaledRadius * eta, scaledRadius * xi};
    }

    /**
     * Converts an EPSG:25832 position back to geographic coordinates.
     *
     * @return {latitude, longitude} in degrees
     */
    public static double[] etrs89Utm32ToWgs84(double easting, double northing) {
        double scaledRadius = SCALE_ON_CENTRAL_MERIDIAN * RECTIFYING_RADIUS;
        double xi = northing / scaledRadius;
        double eta = (easting - FALSE_EASTING) / scaledRadius;

        double xiPrime = xi;
        double etaPrime = eta;
        for (int order = 1; order <= INVERSE_COEFFICIENTS.length; order++) {
            double coefficient = INVERSE_COEFFICIENTS[order - 1];
            xiPrime -= coefficient * StrictMath.sin(2 * order * xi) * StrictMath.cosh(2 * order * eta);
            etaPrime -= coefficient * StrictMath.cos(2 * order * xi) * StrictMath.sinh(2 * order * eta);
        }
        double sinhEtaPrime = StrictMath.sinh(etaPrime);
        double cosXiPrime = StrictMath.cos(xiPrime);
        double conformalTangent = StrictMath.sin(xiPrime)
                / StrictMath.sqrt(sinhEtaPrime * sinhEtaPrime + cosXiPrime * cosXiPrime);
        double longitudeFromCentralMeridian = StrictMath.atan2(sinhEtaPrime, cosXiPrime);

        double latitude = StrictMath.atan(latitudeTangentFromConformal(conformalTangent));
        return new double[] {
            StrictMath.toDegrees(latitude),
            CENTRAL_MERIDIAN_DEGREES + StrictMath.toDegrees(longitudeFromCentralMeridian)
        };
    }

    /**
     * Solves for the tangent of the geodetic latitude whose conformal latitude has the given
     * tangent, by Newton's method (Karney 2011, equations 19-21). Converges to machine
     * precision in two or three steps.
     */
    private static double latitudeTangentFromConformal(double conformalTangent) {
        double eccentricitySquared = ECCENTRICITY * ECCENTRICITY;
        double tangent = conformalTangent;
        for (int iteration = 0; iteration < 10; iteration++) {
            double sigma = StrictMath.sinh(ECCENTRICITY
                    * atanh(ECCENTRICITY * tangent / StrictMath.sqrt(1.0 + tangent * tangent)));
            double conformalOfGuess = tangent * StrictMath.sqrt(1.0 + sigma * sigma)
                    - sigma * StrictMath.sqrt(1.0 + tangent * tangent);
            double correction = (conformalTangent - conformalOfGuess)
                    / StrictMath.sqrt(1.0 + conformalOfGuess * conformalOfGuess)
                    * (1.0 + (1.0 - eccentricitySquared) * tangent * tangent)
                    / ((1.0 - eccentricitySquared) * StrictMath.sqrt(1.0 + tangent * tangent));
            tangent += correction;
            if (StrictMath.abs(correction) <= 1e-15 * StrictMath.max(1.0, StrictMath.abs(tangent))) {
                break;
            }
        }
        return tangent;
    }

    private static double atanh(double value) {
        // log1p keeps full precision for the small arguments near the central meridian.
        return 0.5 * StrictMath.log1p(2.0 * value / (1.0 - value));
    }
}
