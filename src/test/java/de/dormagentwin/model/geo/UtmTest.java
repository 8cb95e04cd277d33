package de.dormagentwin.model.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UtmTest {

    private static final double MILLIMETRE = 0.001;
    private static final double SEMI_MAJOR_AXIS = 6_378_137.0;
    private static final double ECCENTRICITY_SQUARED =
            (1.0 / 298.257_222_101) * (2.0 - 1.0 / 298.257_222_101);

    /**
     * The example PROJ uses for UTM (test/gie/builtins.gie, also quoted by Rust Geodesy):
     * 55 N, 12 E on GRS80 in zone 32 gives 691875.632 E, 6098907.825 N.
     */
    @Test
    void projectsThePublishedProjReferencePointToTheMillimetre() {
        double[] projected = Utm.wgs84ToEtrs89Utm32(55.0, 12.0);

        assertEquals(691_875.632, projected[0], MILLIMETRE);
        assertEquals(6_098_907.825, projected[1], MILLIMETRE);
    }

    /**
     * On the central meridian the northing is the meridian arc times the scale factor, which
     * Simpson's rule can integrate independently of any series. It gives 5649824.888 m at
     * 51 N; the value 5650300.787 that is sometimes quoted for this point is about 476 m off.
     */
    @Test
    void northingOnTheCentralMeridianEqualsTheNumericallyIntegratedMeridianArc() {
        double[] projected = Utm.wgs84ToEtrs89Utm32(51.0, 9.0);

        assertEquals(500_000.000, projected[0], MILLIMETRE);
        assertEquals(0.9996 * meridianArcBySimpsonsRule(51.0), projected[1], MILLIMETRE);
        assertEquals(5_649_824.888, projected[1], MILLIMETRE);
    }

    @Test
    void agreesWithSnydersSeriesWithinTwoMillimetresAcrossDormagen() {
        double[][] places = {
            {51.1219, 6.8428}, {51.1142, 6.7686}, {51.0983, 6.8106}, {51.1408, 6.8156},
            {51.0556, 6.8172}, {51.094, 6.84}, {51.07, 6.83}, {51.16, 6.90}
        };
        for (double[] place : places) {
            double[] krueger = Utm.wgs84ToEtrs89Utm32(place[0], place[1]);
            double[] snyder = snyderTransverseMercator(place[0], place[1]);

            assertEquals(snyder[0], krueger[0], 2 * MILLIMETRE, "easting at " + place[0] + ", " + place[1]);
            assertEquals(snyder[1], krueger[1], 2 * MILLIMETRE, "northing at " + place[0] + ", " + place[1]);
        }
    }

    @Test
    void placesDormagenTownCentreWhereTheOfficialMapsHaveIt() {
        double[] centre = Utm.wgs84ToEtrs89Utm32(51.094, 6.84);

        assertEquals(348_748, centre[0], 1.0);
        assertEquals(5_662_497, centre[1], 1.0);
    }

    @Test
    void inverseOfForwardReturnsTheStartingPointToOneHundredMillionthOfADegree() {
        for (double latitude = 47.0; latitude <= 55.0; latitude += 0.37) {
            for (double longitude = 5.5; longitude <= 15.0; longitude += 0.41) {
                double[] projected = Utm.wgs84ToEtrs89Utm32(latitude, longitude);
                double[] geographic = Utm.etrs89Utm32ToWgs84(projected[0], projected[1]);

                assertEquals(latitude, geographic[0], 1e-8);
                assertEquals(longitude, geographic[1], 1e-8);
            }
        }
    }

    @Test
    void forwardOfInverseReturnsTheStartingGridPointToAMillimetre() {
        double[] geographic = Utm.etrs89Utm32ToWgs84(345_000.0, 5_660_000.0);
        double[] projected = Utm.wgs84ToEtrs89Utm32(geographic[0], geographic[1]);

        assertEquals(345_000.0, projected[0], MILLIMETRE);
        assertEquals(5_660_000.0, projected[1], MILLIMETRE);
    }

    private static double meridianArcBySimpsonsRule(double latitudeDegrees) {
        int intervals = 20_000;
        double step = Math.toRadians(latitudeDegrees) / intervals;
        double sum = 0.0;
        for (int index = 0; index <= intervals; index++) {
            double sinLatitude = Math.sin(index * step);
            double radiusOfCurvature = SEMI_MAJOR_AXIS * (1.0 - ECCENTRICITY_SQUARED)
                    / Math.pow(1.0 - ECCENTRICITY_SQUARED * sinLatitude * sinLatitude, 1.5);
            int weight = index == 0 || index == intervals ? 1 : (index % 2 == 1 ? 4 : 2);
            sum += weight * radiusOfCurvature;
        }
        return sum * step / 3.0;
    }

    /**
     * Snyder, Map Projections: A Working Manual (USGS PP 1395, 1987), equations 8-9 to 8-10.
     * The one-letter names t, c and a are Snyder's T, C and A, kept so the code can be checked
     * against the book line by line.
     */
    private static double[] snyderTransverseMercator(double latitudeDegrees, double longitudeDegrees) {
        double scale = 0.9996;
        double e2 = ECCENTRICITY_SQUARED;
        double secondEccentricitySquared = e2 / (1.0 - e2);
        double latitude = Math.toRadians(latitudeDegrees);
        double longitudeFromCentralMeridian = Math.toRadians(longitudeDegrees - 9.0);
        double sin = Math.sin(latitude);
        double cos = Math.cos(latitude);
        double tan = Math.tan(latitude);

        double primeVerticalRadius = SEMI_MAJOR_AXIS / Math.sqrt(1.0 - e2 * sin * sin);
        double t = tan * tan;
        double c = secondEccentricitySquared * cos * cos;
        double a = longitudeFromCentralMeridian * cos;
        double meridianArc = SEMI_MAJOR_AXIS * (
                (1 - e2 / 4 - 3 * e2 * e2 / 64 - 5 * e2 * e2 * e2 / 256) * latitude
                - (3 * e2 / 8 + 3 * e2 * e2 / 32 + 45 * e2 * e2 * e2 / 1024) * Math.sin(2 * latitude)
                + (15 * e2 * e2 / 256 + 45 * e2 * e2 * e2 / 1024) * Math.sin(4 * latitude)
                - (35 * e2 * e2 * e2 / 3072) * Math.sin(6 * latitude));

        double easting = 500_000.0 + scale * primeVerticalRadius * (a
                + (1 - t + c) * Math.pow(a, 3) / 6
                + (5 - 18 * t + t * t + 72 * c - 58 * secondEccentricitySquared) * Math.pow(a, 5) / 120);
        double northing = scale * (meridianArc + primeVerticalRadius * tan * (a * a / 2
                + (5 - t + 9 * c + 4 * c * c) * Math.pow(a, 4) / 24
                + (61 - 58 * t + t * t + 600 * c - 330 * secondEccentricitySquared) * Math.pow(a, 6) / 720));
        return new double[] {easting, northing};
    }
}
