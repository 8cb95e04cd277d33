package de.dormagentwin.model.sun;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sun's place against values found without this code. Sources:
 * <ul>
 *   <li>Noon elevation at a solstice is 90° − latitude ± 23.44° (the obliquity of the ecliptic): at Dormagen,
 *       51.095° N, 62.35° in June and 15.47° in December (+0.06° refraction, low in the sky).</li>
 *   <li>PyEphem 4.1.4 (XEphem's libastro, an independent implementation; Debian's python3-ephem), for Dormagen at
 *       51.095° N, 6.84° E, 1010 hPa, 10 °C: transit 2024-06-21 11:34:33 UTC at 62.349°; transit 2024-12-21
 *       11:30:55 UTC at 15.522°; sunrise (centre at the apparent horizon) 2024-03-20 05:36:13 UTC at azimuth
 *       89.232°; 2025-08-14 15:20 UTC azimuth 251.247°, elevation 32.265°; 2024-12-21 17:00 UTC elevation −13.40°;
 *       Sydney (33.87° S, 151.21° E) transit 2024-06-21 01:56:59 UTC at 32.715°, azimuth 0°.</li>
 * </ul>
 */
class SunPositionTest {
    private static final double TOLERANCE_DEGREES = 0.5;

    @Test
    void juneSolsticeNoonStandsNinetyMinusLatitudePlusObliquityHighInTheSouth() {
        SunPosition sun = SunPosition.atDormagen(Instant.parse("2024-06-21T11:34:33Z"));
        assertEquals(90 - 51.095 + 23.44, sun.elevationDegrees(), TOLERANCE_DEGREES);
        assertEquals(180, sun.azimuthDegrees(), TOLERANCE_DEGREES);
    }

    @Test
    void decemberSolsticeNoonStandsNinetyMinusLatitudeMinusObliquityHighInTheSouth() {
        SunPosition sun = SunPosition.atDormagen(Instant.parse("2024-12-21T11:30:55Z"));
        assertEquals(90 - 51.095 - 23.44, sun.elevationDegrees(), TOLERANCE_DEGREES);
        assertEquals(180, sun.azimuthDegrees(), TOLERANCE_DEGREES);
    }

    @Test
    void equinoxSunriseIsNearlyDueEast() {
        SunPosition before = SunPosition.atDormagen(Instant.parse("2024-03-20T05:30:00Z"));
        SunPosition atRise = SunPosition.atDormagen(Instant.parse("2024-03-20T05:36:13Z"));
        SunPosition after = SunPosition.atDormagen(Instant.parse("2024-03-20T05:42:00Z"));
        assertFalse(before.isAboveHorizon(), "before sunrise: " + before);
        assertTrue(after.isAboveHorizon(), "after sunrise: " + after);
        // Refraction lifts the sun's image by about 0.57° at the horizon, so it is seen at 0° while it stands at −0.57°.
        assertEquals(0, atRise.elevationDegrees(), 0.1);
        assertEquals(89.23, atRise.azimuthDegrees(), TOLERANCE_DEGREES);
    }

    /**
     * 2025-08-14 15:20 UTC at Dormagen, worked through NOAA's spreadsheet formulas one cell at a time (by hand,
     * outside this code): Julian day 2460901.5 + 920/1440 = 2460902.13889; Julian century 0.25618450; mean longitude
     * 143.3057°; mean anomaly 9579.9278°; eccentricity 0.016697856; equation of centre −1.2086°; apparent longitude
     * 142.0923°; corrected obliquity 23.43848°; declination 14.1454°; var y 0.043031; equation of time −4.621 min;
     * true solar time 920 − 4.621 + 4 × 6.84 = 942.739 min; hour angle 942.739 / 4 − 180 = 55.685°; zenith 57.7583°;
     * elevation 32.2417° + refraction 0.0255° = 32.267°; azimuth (arccos form, afternoon case) 251.247°.
     * PyEphem says 251.247° and 32.265°.
     */
    @Test
    void summerAfternoonMatchesTheNoaaSpreadsheetWorkedByHand() {
        SunPosition sun = SunPosition.atDormagen(Instant.parse("2025-08-14T15:20:00Z"));
        assertEquals(251.247, sun.azimuthDegrees(), 0.05);
        assertEquals(32.267, sun.elevationDegrees(), 0.05);
    }

    @Test
    void winterEveningIsBelowTheHorizon() {
        SunPosition sun = SunPosition.atDormagen(Instant.parse("2024-12-21T17:00:00Z"));
        assertEquals(-13.40, sun.elevationDegrees(), TOLERANCE_DEGREES);
        assertFalse(sun.isAboveHorizon());
        assertEquals("sun 249°, 13° below the horizon", sun.describe());
    }

    @Test
    void southernWinterNoonStandsInTheNorth() {
        SunPosition sun = SunPosition.at(Instant.parse("2024-06-21T01:56:59Z"), -33.87, 151.21);
        assertEquals(32.715, sun.elevationDegrees(), TOLERANCE_DEGREES);
        double fromNorth = Math.min(sun.azimuthDegrees(), 360 - sun.azimuthDegrees());
        assertEquals(0, fromNorth, TOLERANCE_DEGREES);
    }

    @Test
    void describeRoundsToWholeDegrees() {
        assertEquals("sun 152°, 34° high", SunPosition.fromDegrees(152.3, 33.6).describe());
        assertEquals("sun 0°, 0° high", SunPosition.fromDegrees(359.7, 0.2).describe());
    }
}
