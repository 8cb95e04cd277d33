package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.TerrainGrid;
import de.dormagentwin.model.geo.Utm;
import de.dormagentwin.model.io.CityModelReader;
import de.dormagentwin.model.io.TerrainReader;
import de.dormagentwin.model.sun.Occluders;
import de.dormagentwin.model.sun.ShadowMap;
import de.dormagentwin.model.sun.SunHours;
import de.dormagentwin.model.sun.SunPosition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The shadow study on the bundled sample: one square kilometre of Dormagen-Mitte at 2 m cells over 21 March, by the
 * engine ({@link SunHours}: a shadow map per step) beside a naive baseline that tests, for each cell and step, the
 * ray to the sun against every triangle of the buildings and the terrain within the 1 km margin, one by one. The
 * baseline runs on a sample of cells and is extrapolated to the square; on those cells the two are compared. Then
 * single shadow maps over 2 km x 2 km, as the 3D view's cast shadows would make them.
 */
final class ShadowBenchmark {
    static final LocalDate DAY = LocalDate.of(2027, 3, 21);
    private static final double SQUARE = 1000;
    private static final double CELL = 2;

    private ShadowBenchmark() {
    }

    static int run(int rounds, int baselineCells, long seed) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Shadow benchmark: %d cores, max heap %d MB, %s %s; best of %d rounds after one warm-up%n", cores,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"), rounds);
        Path sample = ModelFiles.sample();
        long start = System.nanoTime();
        CityModel model = CityModelReader.read(sample);
        Path terrainFile = TerrainFiles.besideModel(sample);
        TerrainGrid terrain = Files.isRegularFile(terrainFile) ? TerrainReader.read(terrainFile) : null;
        double read = seconds(System.nanoTime() - start);

        // Dormagen-Mitte: the square around the town centre the viewer's sun stands at, on a 100 m grid.
        double[] centre = Utm.wgs84ToEtrs89Utm32(SunPosition.DORMAGEN_LATITUDE_DEGREES, SunPosition.DORMAGEN_LONGITUDE_DEGREES);
        double minEast = Math.round((centre[0] - SQUARE / 2) / 100) * 100.0;
        double minNorth = Math.round((centre[1] - SQUARE / 2) / 100) * 100.0;
        double[] area = {minEast, minNorth, minEast + SQUARE, minNorth + SQUARE};
        System.out.printf(Locale.ROOT, "Sample %s (read in %.1f s), terrain %s; square: Dormagen-Mitte, E %.0f..%.0f, N %.0f..%.0f (EPSG:25832), "
                        + "%s m cells, %s%n", sample.getFileName(), read, terrain == null ? "none" : terrainFile.getFileName(),
                area[0], area[2], area[1], area[3], (int) CELL, DAY);
        System.out.println();

        start = System.nanoTime();
        Occluders occluders = Occluders.of(model, terrain, null);
        double build = seconds(System.nanoTime() - start);
        double[] margin = {area[0] - ShadowMap.MARGIN_CAP_METRES, area[1] - ShadowMap.MARGIN_CAP_METRES,
                area[2] + ShadowMap.MARGIN_CAP_METRES, area[3] + ShadowMap.MARGIN_CAP_METRES};
        float[] buildings = occluders.cityTriangles(margin);
        float[] ground = terrain == null ? new float[0] : terrainTriangles(terrain, margin, occluders);

        double[] texels = {CELL / 2, CELL};
        SunHours[] studies = new SunHours[texels.length];
        double[] engine = new double[texels.length];
        for (int i = 0; i < texels.length; i++) {
            studies[i] = SunHours.of(occluders, DAY, area, CELL, texels[i]);
            long best = Long.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                BenchCommand.heapAfterGc();
                start = System.nanoTime();
                studies[i] = SunHours.of(occluders, DAY, area, CELL, texels[i]);
                best = Math.min(best, System.nanoTime() - start);
            }
            engine[i] = seconds(best);
        }
        SunHours hours = studies[0];

        int[] cells = new Random(seed).ints(0, hours.cells()).distinct().limit(baselineCells).toArray();
        float[] baseline = new float[cells.length];
        start = System.nanoTime();
        IntStream.range(0, cells.length).parallel().forEach(i -> baseline[i] = naiveHours(hours, occluders, cells[i], buildings, ground));
        double naive = seconds(System.nanoTime() - start);
        double naiveSquare = naive / cells.length * hours.cells();
        long triangles = (buildings.length + ground.length) / 9;
        double step = hours.dayLengthHours() / hours.steps();

        System.out.printf(Locale.ROOT, "| method | cells | steps | triangles within 1 km | occluders built s | study s | per cell and step µs "
                + "| mean h of sun | against the baseline's %,d cells: mean / largest difference h | within one step (%.2f h) |%n", cells.length, step);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < texels.length; i++) {
            double mean = 0;
            for (float value : studies[i].hours()) {
                mean += value;
            }
            mean /= hours.cells();
            double differenceSum = 0;
            double differenceMax = 0;
            int agree = 0;
            for (int c = 0; c < cells.length; c++) {
                double difference = Math.abs(studies[i].hours()[cells[c]] - baseline[c]);
                differenceSum += difference;
                differenceMax = Math.max(differenceMax, difference);
                if (difference <= step + 1e-3) {
                    agree++;
                }
            }
            System.out.printf(Locale.ROOT, "| engine: a shadow map per step, texels of %s m | %,d | %d | %,d | %.2f | %.2f | %.3f | %.2f | %.3f / %.2f | %.1f%% |%n",
                    texels[i], hours.cells(), hours.steps(), triangles, build, engine[i], engine[i] * 1e6 / hours.cells() / hours.steps(), mean,
                    differenceSum / cells.length, differenceMax, 100.0 * agree / cells.length);
        }
        double baselineMean = 0;
        for (float value : baseline) {
            baselineMean += value;
        }
        System.out.printf(Locale.ROOT, "| naive: a ray per cell and step against every triangle; %,d cells, extrapolated | %,d | %d | %,d | - "
                        + "| %.0f (%.1f for %,d cells) | %.0f | %.2f (its cells) | - | - |%n",
                cells.length, hours.cells(), hours.steps(), triangles, naiveSquare, naive, cells.length,
                naive * 1e6 / cells.length / hours.steps(), baselineMean / cells.length);
        System.out.println();
        System.out.printf(Locale.ROOT, "The engine (texels of %s m) is %.0fx faster than the naive baseline.%n", texels[0], naiveSquare / engine[0]);
        System.out.println();
        heightField(hours, occluders, buildings, ground, cells, baseline, step);

        System.out.println("| one shadow map over 2 km x 2 km | sun | cell m | texels | s |");
        System.out.println("|---|---|---:|---:|---:|");
        double[] view = {area[0] - 500, area[1] - 500, area[2] + 500, area[3] + 500};
        double[] place = occluders.latitudeLongitude(centre[0], centre[1]);
        for (LocalTime time : new LocalTime[]{LocalTime.of(12, 30), LocalTime.of(8, 0)}) {
            Instant when = DAY.atTime(time).atZone(SunHours.ZONE).toInstant();
            SunPosition sun = SunPosition.at(when, place[0], place[1]);
            for (double cell : new double[]{2, 1}) {
                ShadowMap map = ShadowMap.of(occluders, sun, view, cell);
                long fastest = Long.MAX_VALUE;
                for (int round = 0; round < rounds; round++) {
                    start = System.nanoTime();
                    map = ShadowMap.of(occluders, sun, view, cell);
                    fastest = Math.min(fastest, System.nanoTime() - start);
                }
                System.out.printf(Locale.ROOT, "| all receivers, roofs included | %s CET, %s | %s | %,d x %,d | %.2f |%n", time, sun.describe(),
                        (int) cell, map.width(), map.height(), seconds(fastest));
            }
        }
        return 0;
    }

    /**
     * The option not taken, measured: a height field (the highest point of buildings and terrain per texel of half a
     * cell, over the square and its 1 km margin) and, per cell and step, a march toward the sun a texel at a time
     * until the ray is higher than anything or leaves the margin. Every tenth row of the square, extrapolated.
     */
    private static void heightField(SunHours hours, Occluders occluders, float[] buildings, float[] ground, int[] cells, float[] baseline,
                                    double step) {
        double texel = CELL / 2;
        double minX = hours.originEast() - occluders.originEast() - ShadowMap.MARGIN_CAP_METRES;
        double minY = hours.originNorth() - occluders.originNorth() - ShadowMap.MARGIN_CAP_METRES;
        int size = (int) Math.ceil((SQUARE + 2 * ShadowMap.MARGIN_CAP_METRES) / texel);
        long start = System.nanoTime();
        float[] top = new float[size * size];
        Arrays.fill(top, Float.NEGATIVE_INFINITY);
        float highest = Float.NEGATIVE_INFINITY;
        for (float[] triangles : new float[][]{buildings, ground}) {
            for (int t = 0; t < triangles.length; t += 9) {
                highest = Math.max(highest, Math.max(triangles[t + 2], Math.max(triangles[t + 5], triangles[t + 8])));
                rasterizeTop(triangles, t, minX, minY, texel, size, top);
            }
        }
        double build = seconds(System.nanoTime() - start);
        long dayMillis = hours.sunset().toEpochMilli() - hours.sunrise().toEpochMilli();
        double[] place = occluders.latitudeLongitude(hours.east(hours.columns() / 2), hours.north(hours.rows() / 2));
        double[][] suns = new double[hours.steps()][];
        for (int s = 0; s < hours.steps(); s++) {
            SunPosition sun = SunPosition.at(hours.sunrise().plusMillis(Math.round(dayMillis * (s + 0.5) / hours.steps())), place[0], place[1]);
            double azimuth = Math.toRadians(sun.azimuthDegrees());
            double elevation = Math.toRadians(Math.max(0.5, sun.elevationDegrees()));
            suns[s] = new double[]{Math.sin(azimuth), Math.cos(azimuth), Math.tan(elevation), sun.isAboveHorizon() ? 1 : 0};
        }
        float ceiling = highest;
        start = System.nanoTime();
        int[] rows = IntStream.range(0, hours.rows()).filter(row -> row % 10 == 0).toArray();
        IntStream.of(rows).parallel().forEach(row -> {
            for (int column = 0; column < hours.columns(); column++) {
                march(hours, occluders, column, row, suns, top, minX, minY, texel, size, ceiling, dayMillis);
            }
        });
        double marched = seconds(System.nanoTime() - start);
        double whole = marched / rows.length * hours.rows();
        double differenceSum = 0;
        double differenceMax = 0;
        for (int c = 0; c < cells.length; c++) {
            double value = march(hours, occluders, cells[c] % hours.columns(), cells[c] / hours.columns(), suns, top, minX, minY, texel, size,
                    ceiling, dayMillis);
            differenceSum += Math.abs(value - baseline[c]);
            differenceMax = Math.max(differenceMax, Math.abs(value - baseline[c]));
        }
        System.out.printf(Locale.ROOT, "Height field and ray marching (the option not taken): %,d x %,d texels of %s m built in %.2f s; "
                        + "%d rows of %d marched in %.2f s, so %.1f s for the square; against the baseline's cells: mean / largest difference "
                        + "%.3f / %.2f h%n", size, size, texel, build, rows.length, hours.rows(), marched, whole, differenceSum / cells.length,
                differenceMax);
        System.out.println();
    }

    /** Writes the highest z of a triangle into the texels whose centres it covers, seen from above. */
    private static void rasterizeTop(float[] triangles, int t, double minX, double minY, double texel, int size, float[] top) {
        double x0 = (triangles[t] - minX) / texel;
        double y0 = (triangles[t + 1] - minY) / texel;
        double x1 = (triangles[t + 3] - minX) / texel;
        double y1 = (triangles[t + 4] - minY) / texel;
        double x2 = (triangles[t + 6] - minX) / texel;
        double y2 = (triangles[t + 7] - minY) / texel;
        double area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
        int c0 = Math.max(0, (int) Math.ceil(Math.min(x0, Math.min(x1, x2)) - 0.5));
        int c1 = Math.min(size - 1, (int) Math.floor(Math.max(x0, Math.max(x1, x2)) - 0.5));
        int r0 = Math.max(0, (int) Math.ceil(Math.min(y0, Math.min(y1, y2)) - 0.5));
        int r1 = Math.min(size - 1, (int) Math.floor(Math.max(y0, Math.max(y1, y2)) - 0.5));
        if (Math.abs(area) < 1e-9) {
            // A wall seen from above: its top edge still stands, at its highest corner.
            float z = Math.max(triangles[t + 2], Math.max(triangles[t + 5], triangles[t + 8]));
            for (int k = 0; k < 3; k++) {
                int column = (int) Math.floor((triangles[t + k * 3] - minX) / texel);
                int row = (int) Math.floor((triangles[t + k * 3 + 1] - minY) / texel);
                if (column >= 0 && row >= 0 && column < size && row < size) {
                    top[row * size + column] = Math.max(top[row * size + column], z);
                }
            }
            return;
        }
        for (int row = r0; row <= r1; row++) {
            for (int column = c0; column <= c1; column++) {
                double cx = column + 0.5;
                double cy = row + 0.5;
                double w0 = ((x1 - cx) * (y2 - cy) - (x2 - cx) * (y1 - cy)) / area;
                double w1 = ((x2 - cx) * (y0 - cy) - (x0 - cx) * (y2 - cy)) / area;
                double w2 = 1 - w0 - w1;
                if (w0 >= -1e-7 && w1 >= -1e-7 && w2 >= -1e-7) {
                    float z = (float) (w0 * triangles[t + 2] + w1 * triangles[t + 5] + w2 * triangles[t + 8]);
                    top[row * size + column] = Math.max(top[row * size + column], z);
                }
            }
        }
    }

    /** One cell's hours by marching toward the sun over the height field, a texel at a time. */
    private static float march(SunHours hours, Occluders occluders, int column, int row, double[][] suns, float[] top, double minX,
                               double minY, double texel, int size, float ceiling, long dayMillis) {
        double east = hours.east(column);
        double north = hours.north(row);
        double z = occluders.groundAt(east, north) + 0.05;
        double x = east - occluders.originEast();
        double y = north - occluders.originNorth();
        float sum = 0;
        for (double[] sun : suns) {
            if (sun[3] == 0) {
                continue;
            }
            boolean lit = true;
            // Start a little out, past the texel of the cell itself; terrain is allowed the engine's bias.
            for (double distance = texel; distance <= ShadowMap.MARGIN_CAP_METRES; distance += texel) {
                double height = z + distance * sun[2];
                if (height > ceiling) {
                    break;
                }
                int c = (int) Math.floor((x + distance * sun[0] - minX) / texel);
                int r = (int) Math.floor((y + distance * sun[1] - minY) / texel);
                if (c < 0 || r < 0 || c >= size || r >= size) {
                    break;
                }
                if (top[r * size + c] > height + 0.05) {
                    lit = false;
                    break;
                }
            }
            if (lit) {
                sum += (float) (dayMillis / 3_600_000.0 / suns.length);
            }
        }
        return sum;
    }

    /** Two triangles per terrain cell within the box, at the terrain's own resolution, as the engine's triangles are kept. */
    private static float[] terrainTriangles(TerrainGrid grid, double[] box, Occluders occluders) {
        int c0 = Math.max(0, (int) Math.floor((box[0] - grid.originEast()) / grid.cellSize()));
        int c1 = Math.min(grid.columns() - 1, (int) Math.ceil((box[2] - grid.originEast()) / grid.cellSize()));
        int r0 = Math.max(0, (int) Math.floor((box[1] - grid.originNorth()) / grid.cellSize()));
        int r1 = Math.min(grid.rows() - 1, (int) Math.ceil((box[3] - grid.originNorth()) / grid.cellSize()));
        float[] out = new float[Math.max(0, (c1 - c0) * (r1 - r0) * 18)];
        int at = 0;
        for (int row = r0; row < r1; row++) {
            for (int column = c0; column < c1; column++) {
                float a = grid.height(column, row);
                float b = grid.height(column + 1, row);
                float c = grid.height(column + 1, row + 1);
                float d = grid.height(column, row + 1);
                if (Float.isNaN(a) || Float.isNaN(b) || Float.isNaN(c) || Float.isNaN(d)) {
                    continue;
                }
                float x0 = (float) (grid.east(column) - occluders.originEast());
                float x1 = (float) (grid.east(column + 1) - occluders.originEast());
                float y0 = (float) (grid.north(row) - occluders.originNorth());
                float y1 = (float) (grid.north(row + 1) - occluders.originNorth());
                float[] two = {x0, y0, a, x1, y0, b, x1, y1, c, x0, y0, a, x1, y1, c, x0, y1, d};
                System.arraycopy(two, 0, out, at, two.length);
                at += two.length;
            }
        }
        return Arrays.copyOf(out, at);
    }

    /** One cell's hours the slow way: at each of the study's steps, its ray to the sun against every triangle. */
    private static float naiveHours(SunHours hours, Occluders occluders, int cell, float[] buildings, float[] ground) {
        int column = cell % hours.columns();
        int row = cell / hours.columns();
        double east = hours.east(column);
        double north = hours.north(row);
        double x = east - occluders.originEast();
        double y = north - occluders.originNorth();
        double z = occluders.groundAt(east, north) + 0.05;
        double[] place = occluders.latitudeLongitude(east, north);
        long dayMillis = hours.sunset().toEpochMilli() - hours.sunrise().toEpochMilli();
        float sum = 0;
        for (int step = 0; step < hours.steps(); step++) {
            Instant middle = hours.sunrise().plusMillis(Math.round(dayMillis * (step + 0.5) / hours.steps()));
            SunPosition sun = SunPosition.at(middle, place[0], place[1]);
            if (!sun.isAboveHorizon()) {
                continue;
            }
            double azimuth = Math.toRadians(sun.azimuthDegrees());
            double elevation = Math.toRadians(sun.elevationDegrees());
            double dx = Math.sin(azimuth) * Math.cos(elevation);
            double dy = Math.cos(azimuth) * Math.cos(elevation);
            double dz = Math.sin(elevation);
            // Terrain is lifted by the engine's terrain bias: the cell's own slope must not shade it here either.
            if (!hits(buildings, x, y, z, dx, dy, dz, 0.05) && !hits(ground, x, y, z, dx, dy, dz, CELL + 1)) {
                sum += (float) (dayMillis / 3_600_000.0 / hours.steps());
            }
        }
        return sum;
    }

    /** Whether the ray from (x, y, z) along d meets any triangle farther than {@code skip} metres (Möller-Trumbore). */
    private static boolean hits(float[] triangles, double x, double y, double z, double dx, double dy, double dz, double skip) {
        for (int t = 0; t < triangles.length; t += 9) {
            double e1x = triangles[t + 3] - triangles[t];
            double e1y = triangles[t + 4] - triangles[t + 1];
            double e1z = triangles[t + 5] - triangles[t + 2];
            double e2x = triangles[t + 6] - triangles[t];
            double e2y = triangles[t + 7] - triangles[t + 1];
            double e2z = triangles[t + 8] - triangles[t + 2];
            double px = dy * e2z - dz * e2y;
            double py = dz * e2x - dx * e2z;
            double pz = dx * e2y - dy * e2x;
            double determinant = e1x * px + e1y * py + e1z * pz;
            if (Math.abs(determinant) < 1e-12) {
                continue;
            }
            double inverse = 1 / determinant;
            double sx = x - triangles[t];
            double sy = y - triangles[t + 1];
            double sz = z - triangles[t + 2];
            double u = (sx * px + sy * py + sz * pz) * inverse;
            if (u < 0 || u > 1) {
                continue;
            }
            double qx = sy * e1z - sz * e1y;
            double qy = sz * e1x - sx * e1z;
            double qz = sx * e1y - sy * e1x;
            double v = (dx * qx + dy * qy + dz * qz) * inverse;
            if (v < 0 || u + v > 1) {
                continue;
            }
            double distance = (e2x * qx + e2y * qy + e2z * qz) * inverse;
            if (distance > skip) {
                return true;
            }
        }
        return false;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
