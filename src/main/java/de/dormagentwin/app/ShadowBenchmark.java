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
