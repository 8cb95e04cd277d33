package de.dormagentwin.model.sun;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Hours of direct sun on the ground over one day: a grid of square cells over an area, each cell's centre on the
 * ground (the terrain, else the flat ground) and {@value #ABOVE_GROUND_METRES} m above it, lit or not at the middle of
 * each step from sunrise to sunset. The day is cut into equal steps of at most {@value #MAX_STEP_MINUTES} minutes
 * that begin at sunrise and end at sunset, so a cell that nothing shades gets the day length exactly, and a step
 * counts in full when its middle is lit.
 *
 * <p>Sunrise and sunset are NOAA's: the sun's upper limb on the horizon, a true elevation of -0.833 degrees, at the
 * place the occluders name ({@link Occluders#latitudeLongitude}), on the date in Europe/Berlin (so a day in March
 * runs from midnight CET, and one in summer from midnight CEST).
 *
 * <p>The shadow maps have texels of half a cell: a shadow's edge then falls within a quarter of a cell of where
 * it is, and a cell beside a wall is not shaded by the wall's rounding into its texel. Against a ray per cell and
 * step tested with every triangle, on the sample at 2 m cells, that halves the mean difference (0.16 to 0.09 h) for
 * four times the texels (see BENCHMARKS.md, "Shadow study").
 *
 * <p>A cell under a roof gets 0 hours: it is in the building's shadow, and a planner sees the building in it.
 *
 * @param originEast       the grid's south-west corner (not a cell centre), in the occluders' CRS
 * @param cellSize         metres
 * @param hours            per cell, row by row from the south, west to east: hours of sun without the variant
 * @param hoursWithVariant the same with the variant's buildings; null without a variant
 * @param difference       {@code hoursWithVariant - hours}, negative where the variant takes sun; null without one
 * @param sunrise          null where the sun does not rise (then {@code sunset} is null too)
 * @param steps            how many sun positions were looked at
 */
public record SunHours(double originEast, double originNorth, double cellSize, int columns, int rows,
                       float[] hours, float[] hoursWithVariant, float[] difference,
                       Instant sunrise, Instant sunset, int steps) {
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    public static final int MAX_STEP_MINUTES = 15;
    /** A grid beyond this many cells is refused before anything is allocated. */
    public static final long MAX_CELLS = 25_000_000;
    static final double ABOVE_GROUND_METRES = 0.05;
    /** NOAA's sunrise: refraction at the horizon (34') and the sun's radius (16') below the true horizon. */
    static final double SUNRISE_ELEVATION_DEGREES = -0.833;
    private static final Duration SCAN = Duration.ofMinutes(10);

    /** The number of cells a grid over an area would have, for checking before asking for it. */
    public static long cellCount(double[] area, double cellSize) {
        return (long) Math.ceil((area[2] - area[0]) / cellSize) * (long) Math.ceil((area[3] - area[1]) / cellSize);
    }

    /**
     * @param area {minEast, minNorth, maxEast, maxNorth}: the grid starts at its south-west corner and covers it,
     *             the last column and row reaching past its edge where the cell does not divide it
     * @throws IllegalArgumentException for an empty or non-finite area, a cell that is not positive, a grid of more
     *                                  than {@link #MAX_CELLS} cells
     */
    public static SunHours of(Occluders occluders, LocalDate date, double[] area, double cellSize) {
        return of(occluders, date, area, cellSize, cellSize / 2);
    }

    /** As {@link #of(Occluders, LocalDate, double[], double)}, with shadow maps of texels of {@code texel} metres. */
    public static SunHours of(Occluders occluders, LocalDate date, double[] area, double cellSize, double texel) {
        if (!(texel > 0) || !Double.isFinite(texel)) {
            throw new IllegalArgumentException("the texel size must be a positive number of metres, not " + texel);
        }
        if (area.length != 4 || !Arrays.stream(area).allMatch(Double::isFinite) || !(area[0] < area[2]) || !(area[1] < area[3])) {
            throw new IllegalArgumentException("the area must be minEast, minNorth, maxEast, maxNorth, finite and not empty, not "
                    + Arrays.toString(area));
        }
        if (!(cellSize > 0) || !Double.isFinite(cellSize)) {
            throw new IllegalArgumentException("the cell size must be a positive number of metres, not " + cellSize);
        }
        long cells = cellCount(area, cellSize);
        if (cells > MAX_CELLS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d cells are too many (at most %,d): a smaller area or a larger cell",
                    cells, MAX_CELLS));
        }
        int columns = (int) Math.ceil((area[2] - area[0]) / cellSize);
        int rows = (int) Math.ceil((area[3] - area[1]) / cellSize);
        double[] place = occluders.latitudeLongitude((area[0] + area[2]) / 2, (area[1] + area[3]) / 2);
        Instant[] day = daylight(date, place[0], place[1]);
        float[] hours = new float[(int) cells];
        boolean variant = occluders.hasVariant();
        float[] withVariant = variant ? new float[(int) cells] : null;
        if (day == null) {
            return new SunHours(area[0], area[1], cellSize, columns, rows, hours, withVariant, variant ? new float[(int) cells] : null,
                    null, null, 0);
        }
        float[] ground = receivers(occluders, area[0], area[1], cellSize, columns, rows);
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (float z : ground) {
            lowest = Math.min(lowest, z);
            highest = Math.max(highest, z);
        }
        double[] grid = {area[0], area[1], area[0] + columns * cellSize, area[1] + rows * cellSize};
        int steps = accumulate(occluders, day, place, grid, texel, lowest, highest, hours, withVariant, (map, lit, litWith) -> {
            for (int row = 0; row < rows; row++) {
                double north = area[1] + (row + 0.5) * cellSize;
                for (int column = 0; column < columns; column++) {
                    int cell = row * columns + column;
                    double east = area[0] + (column + 0.5) * cellSize;
                    if (map.litWithoutVariant(east, north, ground[cell])) {
                        lit.set(cell);
                        if (litWith != null && map.lit(east, north, ground[cell])) {
                            litWith.set(cell);
                        }
                    }
                }
            }
        });
        float[] difference = null;
        if (variant) {
            difference = new float[hours.length];
            for (int cell = 0; cell < hours.length; cell++) {
                difference[cell] = withVariant[cell] - hours[cell];
            }
        }
        return new SunHours(area[0], area[1], cellSize, columns, rows, hours, withVariant, difference, day[0], day[1], steps);
    }

    /** Which receivers one step's map finds lit, without the variant and (where asked for) with it. */
    private interface Step {
        void test(ShadowMap map, BitSet lit, BitSet litWithVariant);
    }

    /**
     * Adds each step's length to the receivers that step finds lit: the day cut into equal steps of at most
     * {@value #MAX_STEP_MINUTES} minutes from sunrise to sunset, a map per step at its middle, the steps in parallel
     * (each map filled by one thread, the hours added under a lock). Returns the number of steps.
     */
    private static int accumulate(Occluders occluders, Instant[] day, double[] place, double[] grid, double texel, double low, double high,
                                  float[] hours, float[] withVariant, Step step) {
        long dayMillis = Duration.between(day[0], day[1]).toMillis();
        int steps = (int) Math.max(1, Math.ceil(dayMillis / (double) Duration.ofMinutes(MAX_STEP_MINUTES).toMillis()));
        double stepHours = dayMillis / 3_600_000.0 / steps;
        IntStream.range(0, steps).parallel().forEach(index -> {
            Instant middle = day[0].plusMillis(Math.round(dayMillis * (index + 0.5) / steps));
            SunPosition sun = SunPosition.at(middle, place[0], place[1]);
            if (!sun.isAboveHorizon()) {
                return;
            }
            ShadowMap map = ShadowMap.of(occluders, sun, grid, texel, low, high);
            BitSet lit = new BitSet(hours.length);
            BitSet litWith = withVariant != null ? new BitSet(hours.length) : null;
            step.test(map, lit, litWith);
            synchronized (hours) {
                add(hours, lit, stepHours);
                if (withVariant != null) {
                    add(withVariant, litWith, stepHours);
                }
            }
        });
        return steps;
    }

    /**
     * Hours of direct sun over a day at points on surfaces, such as façades, each facing its outward normal: a
     * point counts as lit where the sun stands in front of its surface and nothing is in between.
     *
     * @param points  east, north, up per point, in the occluders' CRS
     * @param normals east, north, up per point: the surface's outward normal, any length
     * @param texel   the shadow maps' texel in metres
     * @return per point the hours without the variant and (with one) with it, and the day's length
     */
    public static OnSurfaces onSurfaces(Occluders occluders, LocalDate date, double[] points, double[] normals, double texel) {
        if (points.length != normals.length || points.length % 3 != 0) {
            throw new IllegalArgumentException(points.length + " coordinates of points, " + normals.length + " of normals");
        }
        if (!(texel > 0) || !Double.isFinite(texel)) {
            throw new IllegalArgumentException("the texel size must be a positive number of metres, not " + texel);
        }
        int count = points.length / 3;
        float[] hours = new float[count];
        float[] withVariant = occluders.hasVariant() ? new float[count] : null;
        if (count == 0) {
            return new OnSurfaces(hours, withVariant, 0);
        }
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int point = 0; point < count; point++) {
            double east = points[point * 3];
            double north = points[point * 3 + 1];
            double up = points[point * 3 + 2];
            if (!Double.isFinite(east) || !Double.isFinite(north) || !Double.isFinite(up)) {
                throw new IllegalArgumentException("point " + point + " is not finite");
            }
            box[0] = Math.min(box[0], east);
            box[1] = Math.min(box[1], north);
            box[2] = Math.max(box[2], east);
            box[3] = Math.max(box[3], north);
            low = Math.min(low, up);
            high = Math.max(high, up);
        }
        // A lifted point may step a texel out of the box and the heights: widen both, so that it stays on the map.
        double pad = texel * 2 + 1;
        double[] grid = {box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad};
        double[] place = occluders.latitudeLongitude((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
        Instant[] day = daylight(date, place[0], place[1]);
        if (day == null) {
            return new OnSurfaces(hours, withVariant, 0);
        }
        accumulate(occluders, day, place, grid, texel, low - pad, high + pad, hours, withVariant, (map, lit, litWith) -> {
            for (int point = 0; point < count; point++) {
                int at = point * 3;
                if (map.litWithoutVariant(points[at], points[at + 1], points[at + 2], normals[at], normals[at + 1], normals[at + 2])) {
                    lit.set(point);
                    if (litWith != null && map.lit(points[at], points[at + 1], points[at + 2], normals[at], normals[at + 1], normals[at + 2])) {
                        litWith.set(point);
                    }
                }
            }
        });
        return new OnSurfaces(hours, withVariant, Duration.between(day[0], day[1]).toMillis() / 3_600_000.0);
    }

    /** Hours of sun at points on surfaces, as {@link #onSurfaces} counts them. */
    public record OnSurfaces(float[] hours, float[] hoursWithVariant, double dayLengthHours) {
    }

    private static void add(float[] hours, BitSet lit, double stepHours) {
        for (int cell = lit.nextSetBit(0); cell >= 0; cell = lit.nextSetBit(cell + 1)) {
            hours[cell] += (float) stepHours;
        }
    }

    /** Each cell centre's receiver height: on the ground, a little above it. */
    private static float[] receivers(Occluders occluders, double minEast, double minNorth, double cellSize, int columns, int rows) {
        float[] ground = new float[columns * rows];
        IntStream.range(0, rows).parallel().forEach(row -> {
            double north = minNorth + (row + 0.5) * cellSize;
            for (int column = 0; column < columns; column++) {
                ground[row * columns + column] = (float) (occluders.groundAt(minEast + (column + 0.5) * cellSize, north) + ABOVE_GROUND_METRES);
            }
        });
        return ground;
    }

    /**
     * {sunrise, sunset} of a date at a place, NOAA's (see the class comment), by bisection on the sun's true
     * elevation; where the sun is up at midnight the day starts or ends there. Null where it does not rise.
     */
    static Instant[] daylight(LocalDate date, double latitude, double longitude) {
        Instant start = date.atStartOfDay(ZONE).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(ZONE).toInstant();
        Instant rise = null;
        Instant set = null;
        Instant previous = start;
        boolean wasUp = up(start, latitude, longitude);
        if (wasUp) {
            rise = start;
        }
        for (Instant at = start.plus(SCAN); !previous.equals(end); at = at.plus(SCAN)) {
            Instant now = at.isAfter(end) ? end : at;
            boolean isUp = up(now, latitude, longitude);
            if (isUp && !wasUp && rise == null) {
                rise = crossing(previous, now, latitude, longitude);
            } else if (!isUp && wasUp) {
                set = crossing(previous, now, latitude, longitude);
            }
            if (isUp && now.equals(end)) {
                set = end;
            }
            wasUp = isUp;
            previous = now;
        }
        return rise == null || set == null ? null : new Instant[]{rise, set};
    }

    private static boolean up(Instant when, double latitude, double longitude) {
        return SunPosition.geometricElevationDegrees(when, latitude, longitude) > SUNRISE_ELEVATION_DEGREES;
    }

    /** Where between two instants, one up and one not, the sun crosses NOAA's horizon, to the millisecond. */
    private static Instant crossing(Instant from, Instant to, double latitude, double longitude) {
        boolean fromUp = up(from, latitude, longitude);
        long low = from.toEpochMilli();
        long high = to.toEpochMilli();
        while (high - low > 1) {
            long middle = (low + high) >>> 1;
            if (up(Instant.ofEpochMilli(middle), latitude, longitude) == fromUp) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return Instant.ofEpochMilli(high);
    }

    /** From sunrise to sunset, in hours; 0 where the sun does not rise. */
    public double dayLengthHours() {
        return sunrise == null ? 0 : Duration.between(sunrise, sunset).toMillis() / 3_600_000.0;
    }

    public int cells() {
        return hours.length;
    }

    /** The easting of a column's cell centres. */
    public double east(int column) {
        return originEast + (column + 0.5) * cellSize;
    }

    public double north(int row) {
        return originNorth + (row + 0.5) * cellSize;
    }

    /** Hours of sun at the cell holding a point, without the variant; NaN outside the grid. */
    public double hoursAt(double east, double north) {
        return at(hours, east, north);
    }

    /** Hours of sun at the cell holding a point, with the variant; NaN outside the grid or without a variant. */
    public double hoursWithVariantAt(double east, double north) {
        return hoursWithVariant == null ? Double.NaN : at(hoursWithVariant, east, north);
    }

    private double at(float[] values, double east, double north) {
        int column = (int) Math.floor((east - originEast) / cellSize);
        int row = (int) Math.floor((north - originNorth) / cellSize);
        if (column < 0 || row < 0 || column >= columns || row >= rows) {
            return Double.NaN;
        }
        return values[row * columns + column];
    }
}
