package de.dormagentwin.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code twin shadow} on a 30 m cube in Dormagen (corner at E 345000, N 5661000, standing at 40 m) on the March
 * equinox, whose day is 12 h 13 min long: the CSV's rows, its columns with and without a variant, and one-line
 * answers to what a user might mistype.
 */
class ShadowCommandTest {
    private static final String BBOX = "344990,5660990,345040,5661080";

    /** A CityJSON file of one 30 m cube, an LoD2 solid. */
    static Path cube(Path folder) throws IOException {
        Path file = folder.resolve("cube.city.json");
        Files.writeString(file, """
                {"type": "CityJSON", "version": "2.0",
                 "transform": {"scale": [0.001, 0.001, 0.001], "translate": [345000, 5661000, 40]},
                 "metadata": {"referenceSystem": "https://www.opengis.net/def/crs/EPSG/0/25832"},
                 "CityObjects": {"cube": {"type": "Building", "geometry": [{"type": "Solid", "lod": "2.2",
                   "boundaries": [[[[0, 3, 2, 1]], [[4, 5, 6, 7]], [[0, 1, 5, 4]], [[1, 2, 6, 5]], [[2, 3, 7, 6]], [[3, 0, 4, 7]]]]}]}},
                 "vertices": [[0, 0, 0], [30000, 0, 0], [30000, 30000, 0], [0, 30000, 0],
                              [0, 0, 30000], [30000, 0, 30000], [30000, 30000, 30000], [0, 30000, 30000]]}
                """);
        return file;
    }

    /** A planned tower of 10 x 10 m and 40 m, south of where the cube's shadow falls: its own falls north of it. */
    static Path tower(Path folder) throws IOException {
        Path file = folder.resolve("tower.geojson");
        Files.writeString(file, """
                {"type": "FeatureCollection", "name": "tower",
                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
                 "features": [{"type": "Feature", "properties": {"name": "tower", "height": 40},
                   "geometry": {"type": "Polygon", "coordinates": [[[345000, 5660950], [345010, 5660950], [345010, 5660960],
                     [345000, 5660960], [345000, 5660950]]]}}]}
                """);
        return file;
    }

    private static List<double[]> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1)
                .map(line -> Stream.of(line.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
    }

    private static double[] row(List<double[]> rows, double east, double north) {
        return rows.stream().filter(row -> Math.abs(row[0] - east) < 0.01 && Math.abs(row[1] - north) < 0.01).findFirst().orElseThrow();
    }

    @Test
    void theCsvHasARowPerCellWithTheHoursOfSun(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("out").resolve("hours.csv");

        TwinProcess run = TwinProcess.twin("shadow", "--model", cube(folder).toString(), "--date", "2027-03-21",
                "--bbox", BBOX, "--cell", "2", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.endedWithAMessage(), run.output());
        List<String> lines = Files.readAllLines(out);
        assertEquals("east,north,hours", lines.get(0));
        List<double[]> rows = rows(out);
        assertEquals(25 * 45, rows.size());
        assertEquals(344991, rows.get(0)[0], 1e-9, "the first cell's centre, in the model's CRS");
        assertEquals(5660991, rows.get(0)[1], 1e-9);
        double day = row(rows, 344991, 5660991)[2];
        assertEquals(12 + 13 / 60.0, day, 1.5 / 60, "a cell south-west of the cube keeps the whole day");
        assertEquals(0, row(rows, 345015, 5661015)[2], "under the roof");
        assertTrue(row(rows, 345015, 5661035)[2] < day - 4, "right north of the cube");
        assertTrue(run.output().contains("wrote " + out + ": 1,125 cells of 2 m, day length 12 h 13 min"), run.output());
        assertFalse(run.output().contains("variant"), run.output());
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(out), left.toList(), "no draft left beside it");
        }
    }

    @Test
    void aVariantAddsItsColumnsAndSaysWhatItTakes(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("hours.csv");

        TwinRun run = twin("shadow", "--model", cube(folder).toString(), "--variant", tower(folder).toString(), "--date", "2027-03-21",
                "--bbox", "344990,5660940,345040,5661080", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("east,north,hours,hoursWithVariant,difference", Files.readAllLines(out).get(0));
        List<double[]> rows = rows(out);
        for (double[] row : rows) {
            assertEquals(row[3] - row[2], row[4], 0.0015, "difference = hoursWithVariant - hours at " + row[0] + ", " + row[1]);
        }
        double[] behindTower = row(rows, 345005, 5660965);
        assertTrue(behindTower[4] < -3, "5 m north of the tower: " + behindTower[4]);
        assertEquals(0, row(rows, 345025, 5660945)[4], 1e-9, "east of the tower and south of the cube");
        assertEquals(0, row(rows, 345005, 5660955)[3], 1e-9, "under the tower");
        double largest = rows.stream().filter(row -> !(row[0] > 345000 && row[0] < 345010 && row[1] > 5660950 && row[1] < 5660960))
                .mapToDouble(row -> -row[4]).max().orElseThrow();
        assertTrue(run.out().contains(String.format(Locale.ROOT, "the variant takes up to %.1f h of sun from ", largest)), run.out() + " " + largest);
    }

    @Test
    void mistypedOptionsAreOneLineEachAndWriteNothing(@TempDir Path folder) throws Exception {
        Path model = cube(folder);
        Path out = folder.resolve("hours.csv");
        Path broken = Files.writeString(folder.resolve("broken.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [");
        List<List<String>> cases = List.of(
                List.of("--bbox", "NaN,0,1,1", "--date", "2027-03-21", "NaN is not a coordinate"),
                List.of("--bbox", "345040,5660990,344990,5661080", "--date", "2027-03-21", "with min below max"),
                List.of("--bbox", "1,2,3", "--date", "2027-03-21", "(four numbers)"),
                List.of("--bbox", "0,0,100000,100000", "--date", "2027-03-21", "more than the 25,000,000"),
                List.of("--bbox", BBOX, "--date", "2027-02-30", "a day such as 2027-03-21"),
                List.of("--bbox", BBOX, "--date", "tomorrow", "a day such as 2027-03-21"),
                List.of("--bbox", BBOX, "--date", "2027-03-21", "--cell", "0", "--cell must be between"),
                List.of("--bbox", BBOX, "--date", "2027-03-21", "--cell", "-2", "--cell must be between"),
                List.of("--bbox", BBOX, "--date", "2027-03-21", "--cell", "NaN", "--cell must be between"),
                List.of("--bbox", BBOX, "--date", "2027-03-21", "--cell", "5000", "--cell must be between"));
        assertAll(cases.stream().map(words -> () -> {
            List<String> args = Stream.concat(Stream.of("shadow", "--model", model.toString(), "--out", out.toString()),
                    words.subList(0, words.size() - 1).stream()).toList();
            TwinRun run = twin(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), args + ": " + run.err());
            assertTrue(run.err().contains(words.get(words.size() - 1)), args + ": " + run.err());
            assertFalse(Files.exists(out), args + " wrote nothing");
        }));

        TwinRun run = twin("shadow", "--model", model.toString(), "--variant", broken.toString(), "--date", "2027-03-21",
                "--bbox", BBOX, "--out", out.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("twin: " + broken + ": "), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFailedStudyLeavesTheOldFileAsItWas(@TempDir Path folder) throws Exception {
        Path out = Files.writeString(folder.resolve("hours.csv"), "the last study\n");

        TwinRun run = twin("shadow", "--model", folder.resolve("missing.city.json").toString(), "--date", "2027-03-21",
                "--bbox", BBOX, "--out", out.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("missing.city.json"), run.err());
        assertEquals("the last study\n", Files.readString(out));
    }
}
