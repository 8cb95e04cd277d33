package de.dormagentwin.model.sun;

import de.dormagentwin.model.TerrainGrid;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static de.dormagentwin.model.sun.Blocks.EAST;
import static de.dormagentwin.model.sun.Blocks.NORTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 30 m cube in Dormagen on the March equinox of 2027, checked against figures worked out here without the engine:
 * the day length from NOAA's sunrise equation with its own short series, and each cell's hours by a ray from the
 * cell to the sun tested against the cube's box, minute by minute.
 */
class SunHoursTest {
    private static final LocalDate EQUINOX = LocalDate.of(2027, 3, 21);
    private static final double GROUND = 40;
    private static final double[] CUBE = {EAST, NORTH, GROUND, 30, 30, 30};
    /** One 15-minute step, and a little: a cell on a shadow's edge may go either way for a step. */
    private static final double STEP_HOURS = 0.26;

    /** The March equinox of 2027 as the US Naval Observatory publishes it. */
    private static final Instant EQUINOX_INSTANT = Instant.parse("2027-03-20T20:25:00Z");

    /**
     * The day length in hours by NOAA's sunrise equation (the hour angle at which the sun's centre stands 0.833
     * degrees below the horizon), with the declination at noon UTC worked out from the published equinox: the sun's
     * longitude grows about 0.99 degrees a day in March, and sin(declination) = sin(obliquity) sin(longitude).
     */
    static double noaaDayLengthHours(Instant noon, double latitudeDegrees) {
        double days = Duration.between(EQUINOX_INSTANT, noon).toMinutes() / 1440.0;
        double declination = Math.asin(Math.sin(Math.toRadians(23.44)) * Math.sin(Math.toRadians(0.99 * days)));
        double latitude = Math.toRadians(latitudeDegrees);
        double hourAngle = Math.acos((Math.sin(Math.toRadians(-0.833)) - Math.sin(latitude) * Math.sin(declination))
                / (Math.cos(latitude) * Math.cos(declination)));
        return 2 * Math.toDegrees(hourAngle) / 15;
    }

    /** Hours in which a ray from the point to the sun misses the box {minE, minN, base, sizeE, sizeN, height}, by minutes. */
    static double hoursPastBox(SunHours hours, double east, double north, double up, double[] box, double[] place) {
        int lit = 0;
        long minutes = Duration.between(hours.sunrise(), hours.sunset()).toMinutes();
        for (long minute = 0; minute < minutes; minute++) {
            SunPosition sun = SunPosition.at(hours.sunrise().plusSeconds(minute * 60 + 30), place[0], place[1]);
            if (sun.isAboveHorizon() && !hits(east, north, up, sun, box)) {
                lit++;
            }
        }
        return lit / 60.0;
    }

    private static boolean hits(double east, double north, double up, SunPosition sun, double[] box) {
        double azimuth = Math.toRadians(sun.azimuthDegrees());
        double elevation = Math.toRadians(sun.elevationDegrees());
        double[] origin = {east, north, up};
        double[] direction = {Math.sin(azimuth) * Math.cos(elevation), Math.cos(azimuth) * Math.cos(elevation), Math.sin(elevation)};
        double[] low = {box[0], box[1], box[2]};
        double[] high = {box[0] + box[3], box[1] + box[4], box[2] + box[5]};
        double near = 0;
        double far = Double.POSITIVE_INFINITY;
        for (int axis = 0; axis < 3; axis++) {
            double a = (low[axis] - origin[axis]) / direction[axis];
            double b = (high[axis] - origin[axis]) / direction[axis];
            near = Math.max(near, Math.min(a, b));
            far = Math.min(far, Math.max(a, b));
        }
        return near <= far;
    }

    private static SunHours cubeHours() {
        double[] area = {EAST - 60, NORTH - 60, EAST + 90, NORTH + 260};
        return SunHours.of(Occluders.of(Blocks.boxes(CUBE), null, null), EQUINOX, area, 2);
    }

    @Test
    void theDayIsAsLongAsNoaaSays() {
        SunHours hours = cubeHours();
        double latitude = Occluders.of(Blocks.boxes(CUBE), null, null).latitudeLongitude(EAST, NORTH)[0];
        assertEquals(51.09, latitude, 0.02);
        assertEquals(noaaDayLengthHours(Instant.parse("2027-03-21T12:00:00Z"), latitude), hours.dayLengthHours(), 1 / 60.0);
        assertTrue(hours.steps() >= hours.dayLengthHours() * 4, hours.steps() + " steps");
    }

    @Test
    void cellsSouthOfTheCubeAndFarFromItKeepTheWholeDay() {
        SunHours hours = cubeHours();
        assertEquals(hours.dayLengthHours(), hours.hoursAt(EAST + 15, NORTH - 20), 1e-3);
        assertEquals(hours.dayLengthHours(), hours.hoursAt(EAST + 15, NORTH + 250), 1e-3);
        assertEquals(hours.dayLengthHours(), hours.hoursAt(EAST - 50, NORTH - 50), 1e-3);
    }

    @Test
    void cellsRightNorthOfTheCubeLoseHours() {
        SunHours hours = cubeHours();
        assertTrue(hours.hoursAt(EAST + 15, NORTH + 33) < hours.dayLengthHours() - 4, "right behind the north wall");
        assertTrue(hours.hoursAt(EAST + 15, NORTH + 45) < hours.hoursAt(EAST + 15, NORTH + 60), "nearer loses more");
        assertTrue(hours.hoursAt(EAST + 15, NORTH + 60) < hours.dayLengthHours() - 1, "within the noon shadow (37 m) of the north wall");
        assertEquals(hours.dayLengthHours(), hours.hoursAt(EAST + 15, NORTH + 75), 1e-3, "beyond it");
    }

    @Test
    void eachCellLosesWhatARayToTheSunSays() {
        // Half-metre cells: a shadow's edge is sharp to half a cell, and an edge 15 m away moves by that in a
        // few minutes of the sun's course; each of a cell's two edges (morning and evening) is also rounded to
        // half a step.
        double[] area = {EAST - 10, NORTH + 20, EAST + 40, NORTH + 80};
        double cell = 0.5;
        Occluders cube = Occluders.of(Blocks.boxes(CUBE), null, null);
        SunHours hours = SunHours.of(cube, EQUINOX, area, cell);
        double[] place = cube.latitudeLongitude(EAST, NORTH);
        double[][] cells = {{EAST + 15, NORTH + 31}, {EAST + 15, NORTH + 45}, {EAST + 15, NORTH + 75}, {EAST + 1, NORTH + 35},
                {EAST + 29, NORTH + 35}, {EAST - 5, NORTH + 40}, {EAST + 35, NORTH + 65}, {EAST + 3, NORTH + 60}};
        for (double[] at : cells) {
            double east = area[0] + (Math.floor((at[0] - area[0]) / cell) + 0.5) * cell;
            double north = area[1] + (Math.floor((at[1] - area[1]) / cell) + 0.5) * cell;
            double expected = hoursPastBox(hours, east, north, GROUND + SunHours.ABOVE_GROUND_METRES, CUBE, place);
            assertEquals(expected, hours.hoursAt(at[0], at[1]), 0.3, "at " + (at[0] - EAST) + ", " + (at[1] - NORTH));
        }
    }

    @Test
    void theGroundUnderTheCubeGetsNoSun() {
        assertEquals(0, cubeHours().hoursAt(EAST + 15, NORTH + 15));
    }

    @Test
    void withoutAVariantThereIsNoVariantColumn() {
        SunHours hours = cubeHours();
        assertNull(hours.hoursWithVariant());
        assertNull(hours.difference());
        assertEquals(hours.columns() * hours.rows(), hours.hours().length);
        assertEquals(75, hours.columns());
        assertEquals(160, hours.rows());
    }

    @Test
    void aVariantTakesSunOnlyWhereItsShadowFalls() {
        // The same cube, but planned: the city is empty, so only the variant's column shows it.
        Occluders planned = Occluders.of(Blocks.boxes(new double[]{EAST + 500, NORTH + 500, GROUND, 5, 5, 5}), null,
                Blocks.tower(EAST, NORTH, 30, 30, 30));
        SunHours hours = SunHours.of(planned, EQUINOX, new double[]{EAST - 60, NORTH - 60, EAST + 90, NORTH + 260}, 2);
        SunHours reference = cubeHours();
        double day = hours.dayLengthHours();
        assertEquals(day, hours.hoursAt(EAST + 15, NORTH + 35), 1e-3, "without the variant nothing shades the cell");
        assertEquals(reference.hoursAt(EAST + 15, NORTH + 35), hours.hoursWithVariantAt(EAST + 15, NORTH + 35), STEP_HOURS);
        int cell = (int) ((NORTH + 35 - hours.originNorth()) / 2) * hours.columns() + (int) ((EAST + 15 - hours.originEast()) / 2);
        assertEquals(hours.hoursWithVariant()[cell] - hours.hours()[cell], hours.difference()[cell], 1e-6);
        assertTrue(hours.difference()[cell] < -4, "the variant takes more than 4 h: " + hours.difference()[cell]);
        int south = (int) ((NORTH - 20 - hours.originNorth()) / 2) * hours.columns() + (int) ((EAST + 15 - hours.originEast()) / 2);
        assertEquals(0, hours.difference()[south], 1e-6);
    }

    @Test
    void aRidgeTakesTheMorningAndEveningFromTheValleyNorthOfIt() {
        // 30 m high, 200 to 180 m south of the cell: the sun, due south at noon at 39 degrees, is over it only at midday.
        TerrainGrid ridge = Blocks.ridge(GROUND, NORTH - 200, NORTH - 180, 30);
        SunHours hours = SunHours.of(Occluders.of(Blocks.boxes(), ridge, null), EQUINOX,
                new double[]{EAST - 20, NORTH - 400, EAST + 20, NORTH + 40}, 4);
        double day = hours.dayLengthHours();
        assertEquals(day, hours.hoursAt(EAST, NORTH - 300), STEP_HOURS, "south of the ridge");
        assertTrue(hours.hoursAt(EAST, NORTH - 150) < day - 2, "north of the ridge: " + hours.hoursAt(EAST, NORTH - 150));
        assertTrue(hours.hoursAt(EAST, NORTH - 150) > 0, "the midday sun clears the ridge");
    }

    @Test
    void aGridBeyondItsBoundIsRefusedBeforeItIsAllocated() {
        Occluders cube = Occluders.of(Blocks.boxes(CUBE), null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SunHours.of(cube, EQUINOX, new double[]{0, 0, 100_000, 100_000}, 1));
        assertTrue(e.getMessage().contains("too many"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SunHours.of(cube, EQUINOX, new double[]{0, 0, Double.NaN, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> SunHours.of(cube, EQUINOX, new double[]{0, 0, 10, 10}, 0));
    }

    @Test
    void theDayIsTheDateInBerlinInSummerToo() {
        Instant[] day = SunHours.daylight(LocalDate.of(2027, 6, 21), 51.095, 6.84);
        // At the solstice the declination is the obliquity; solar noon at 6.84 E is 12:00 UTC less 27.4 minutes of
        // longitude and the equation of time (-1.7 minutes on 21 June): 11:34 UTC, two hours later by CEST.
        double declination = Math.toRadians(23.44);
        double latitude = Math.toRadians(51.095);
        double hourAngle = Math.toDegrees(Math.acos((Math.sin(Math.toRadians(-0.833)) - Math.sin(latitude) * Math.sin(declination))
                / (Math.cos(latitude) * Math.cos(declination))));
        Instant noon = Instant.parse("2027-06-21T12:00:00Z").minusSeconds(Math.round((4 * 6.84 - 1.7) * 60));
        long half = Math.round(hourAngle / 15 * 3600);
        assertEquals(noon.minusSeconds(half).getEpochSecond(), day[0].getEpochSecond(), 90);
        assertEquals(noon.plusSeconds(half).getEpochSecond(), day[1].getEpochSecond(), 90);
    }

    @Test
    void aCubesFacadesGetTheSunOfTheirSideOfTheSkyAndAWallNorthOfItLessThanTheCubesOwnSouthFace() {
        // Points 2 m up: the middle of each face of the cube, and a south-facing wall 10 m north of it.
        double[] points = {
                EAST + 15, NORTH, GROUND + 2,
                EAST + 15, NORTH + 30, GROUND + 2,
                EAST + 30, NORTH + 15, GROUND + 2,
                EAST + 15, NORTH + 40, GROUND + 2};
        double[] normals = {0, -1, 0, 0, 1, 0, 1, 0, 0, 0, -1, 0};
        SunHours.OnSurfaces facades = SunHours.onSurfaces(Occluders.of(Blocks.boxes(CUBE), null, null), EQUINOX, points, normals, 0.5);
        double day = facades.dayLengthHours();
        assertEquals(noaaDayLengthHours(EQUINOX.atTime(12, 0).atZone(SunHours.ZONE).toInstant(), 51.08), day, 0.05, "the day");

        assertEquals(day, facades.hours()[0], STEP_HOURS, "the south face: the sun is south of east and west all day");
        assertEquals(0, facades.hours()[1], STEP_HOURS, "the north face: at most the first and last minutes");
        assertEquals(day / 2, facades.hours()[2], 2 * STEP_HOURS, "the east face: the morning");
        double behind = facades.hours()[3];
        double exact = hoursFacingSouthPastBox(EAST + 15, NORTH + 40, GROUND + 2);
        assertEquals(exact, behind, 2 * STEP_HOURS, "the wall behind the cube, against a ray minute by minute");
        assertTrue(behind < day - 3, "the cube takes hours from the wall behind it: " + behind + " of " + day);
        assertNull(facades.hoursWithVariant(), "no variant, no second column");
    }

    /** Minutes in which the sun stands south of a south-facing point's wall and a ray to it misses the cube, in hours. */
    private static double hoursFacingSouthPastBox(double east, double north, double up) {
        double[] place = Occluders.of(Blocks.boxes(CUBE), null, null).latitudeLongitude(east, north);
        Instant start = EQUINOX.atStartOfDay(SunHours.ZONE).toInstant();
        int lit = 0;
        for (int minute = 0; minute < 24 * 60; minute++) {
            SunPosition sun = SunPosition.at(start.plusSeconds(minute * 60L + 30), place[0], place[1]);
            double azimuth = Math.toRadians(sun.azimuthDegrees());
            if (sun.isAboveHorizon() && Math.cos(azimuth) < 0 && !hits(east, north, up, sun, CUBE)) {
                lit++;
            }
        }
        return lit / 60.0;
    }
}
