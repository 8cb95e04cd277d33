package de.dormagentwin.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.model.io.TexturedCube;
import de.dormagentwin.sample.NrwTileGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfoCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String resource(String path) throws Exception {
        return Path.of(InfoCommandTest.class.getResource(path).toURI()).toString();
    }

    /** The JSON report of a file that loads without problems, having checked it has exactly the documented keys. */
    private static JsonNode cleanReport(String file) throws Exception {
        TwinRun run = twin("info", "--json", file);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = MAPPER.readTree(run.out());
        List<String> keys = new ArrayList<>();
        report.fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(Set.of("cityObjects", "byType", "vertices", "triangles", "surfaceArea", "extent", "crs", "problems", "notes")),
                new TreeSet<>(keys));
        return report;
    }

    /** The JSON report of a file that has problems, having checked that info exits 1 for it. */
    private static JsonNode reportWithProblems(String file) throws Exception {
        TwinRun run = twin("info", "--json", file);
        assertEquals(1, run.exitCode());
        return MAPPER.readTree(run.out());
    }

    @Test
    void jsonReportHasExactlyTheDocumentedKeysAndCountsWhatIsDrawn() throws Exception {
        JsonNode report = cleanReport(resource("/de/dormagentwin/scene/three-houses.city.json"));
        assertEquals(3, report.get("cityObjects").asInt());
        assertEquals(3, report.get("byType").get("Building").asInt());
        assertEquals(24, report.get("vertices").asInt());
        assertEquals(36, report.get("triangles").asInt());
        assertEquals(2040.0, report.get("surfaceArea").asDouble(), 1e-6);
        assertEquals(350000.0, report.get("extent").get(0).asDouble(), 1e-9);
        assertEquals(54.0, report.get("extent").get(5).asDouble(), 1e-9);
        assertEquals("EPSG:25832", report.get("crs").asText());
        assertEquals(0, report.get("problems").size());
    }

    @Test
    void notesSayWhichTexturesAreNotDrawnWhetherTheReaderOrTheMeshingFoundIt(@TempDir Path folder) throws Exception {
        TexturedCube.halves(folder.resolve("cube.png"), 8, 8, 0xFF00FF, 0xFFFF00);
        String repeating = TexturedCube.write(folder, "repeating.city.json", TexturedCube.cityJson("cube.png", "[[0,0],[3,0],[3,3],[0,3]]")).toString();
        JsonNode report = cleanReport(repeating);
        assertEquals(12, report.get("triangles").asInt(), "drawn, in their colour");
        assertEquals(List.of("5 textured surfaces are drawn in their colour: their textures repeat across them, which a tile's texture atlas"
                + " cannot draw"), MAPPER.convertValue(report.get("notes"), List.class));
        JsonNode missing = cleanReport(TexturedCube.write(folder, "missing.city.json", TexturedCube.cityJson("gone.png")).toString());
        assertEquals(1, missing.get("notes").size());
        assertTrue(missing.get("notes").get(0).asText().contains("texture image `gone.png` not drawn: the file is missing"), missing.toString());
    }

    @Test
    void chosenLodChangesWhatIsCounted() throws Exception {
        TwinRun run = twin("info", "--json", "--lod", "1", resource("/de/dormagentwin/scene/three-houses.city.json"));
        JsonNode report = MAPPER.readTree(run.out());
        assertEquals(0, report.get("triangles").asInt());
        assertEquals(3, report.get("cityObjects").asInt());
    }

    @Test
    void fileWithABrokenObjectExitsOneAndNamesTheProblem() throws Exception {
        JsonNode report = reportWithProblems(resource("/de/dormagentwin/model/io/broken-house.city.json"));
        assertEquals(1, report.get("cityObjects").asInt());
        String problem = report.get("problems").get(0).asText();
        assertTrue(problem.contains("`broken-house`") && problem.contains("vertex index 999999 is out of range"), problem);
    }

    @Test
    void malformedFileExitsOneWithLineAndColumn() throws Exception {
        TwinRun run = twin("info", "--json", resource("/de/dormagentwin/model/io/malformed.city.json"));
        assertEquals(1, run.exitCode());
        String problem = MAPPER.readTree(run.out()).get("problems").get(0).asText();
        assertTrue(problem.contains("line 4, column"), problem);
    }

    @Test
    void missingFileIsAProblemNotACrash() {
        TwinRun run = twin("info", "--json", "/nonexistent/nowhere.city.json");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("nowhere.city.json"), run.out());
    }

    @Test
    void wrongUsageExitsTwo() {
        assertEquals(2, twin("info").exitCode());
        assertEquals(2, twin("info", "--lod", "roof", "x.city.json").exitCode());
        assertEquals(2, twin("no-such-command").exitCode());
    }

    @Test
    void cityGmlTileGivesTheSameReportAsCityJson() throws Exception {
        JsonNode report = cleanReport(resource("/de/dormagentwin/model/io/nrw-tile.gml"));
        assertEquals(7, report.get("cityObjects").asInt());
        assertEquals(5, report.get("byType").get("Building").asInt());
        assertEquals(2, report.get("byType").get("BuildingPart").asInt());
        assertEquals(96, report.get("triangles").asInt());
        assertEquals(3306.0, report.get("surfaceArea").asDouble(), 1e-6);
        assertEquals(345102.0, report.get("extent").get(3).asDouble(), 1e-9);
        assertEquals("EPSG:25832", report.get("crs").asText());
    }

    @Test
    void cityGmlLodOneCountsOnlyTheBlockModel() throws Exception {
        JsonNode report = MAPPER.readTree(twin("info", "--json", "--lod", "1", resource("/de/dormagentwin/model/io/nrw-tile.gml")).out());
        assertEquals(12, report.get("triangles").asInt());
        assertEquals(288.0, report.get("surfaceArea").asDouble(), 1e-6);
    }

    @Test
    void cityGmlWithBrokenObjectsExitsOneAndNamesEachGmlId() throws Exception {
        JsonNode report = reportWithProblems(resource("/de/dormagentwin/model/io/nrw-problems.gml"));
        assertEquals(3, report.get("cityObjects").asInt());
        assertEquals(5, report.get("problems").size());
        assertTrue(report.get("problems").get(2).asText().contains("`DENW36AL2000GK3Z`: srsName 'EPSG:31466' is EPSG:31466, not EPSG:25832"),
                report.get("problems").get(2).asText());
    }

    @Test
    void aFileWithItsVerticesGivenTwiceExitsOneNamingTheMemberInsteadOfCountingTheWrongArea(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("twice.city.json");
        String square = "[[0,0,0],[10,0,0],[10,10,0],[0,10,0]]";
        Files.writeString(file, """
                {"type": "CityJSON", "version": "2.0",
                 "CityObjects": {"roof": {"type": "Building", "geometry": [{"type": "MultiSurface", "lod": "1", "boundaries": [[[0, 1, 2, 3]]]}]}},
                 "vertices": %s,
                 "vertices": [[0,0,0],[3,0,0],[3,3,0],[0,3,0]]}
                """.formatted(square));
        JsonNode report = reportWithProblems(file.toString());
        assertEquals(0, report.get("cityObjects").asInt());
        assertTrue(report.get("problems").get(0).asText().contains("Duplicate field 'vertices'"), report.toString());
    }

    @Test
    void severalFilesReadInParallelAreReportedInTheOrderNamedEachAsWhenNamedAlone(@TempDir Path folder) throws Exception {
        List<String> files = new ArrayList<>();
        for (int tile = 0; tile < 4; tile++) {
            files.add(NrwTileGenerator.writeTile(folder, 341 + tile, 5658, 10 + 10 * tile, tile * 100, 7 + tile).toString());
        }
        Path broken = folder.resolve("broken.gml");
        Files.writeString(broken, "<core:CityModel");
        files.add(1, broken.toString());
        files.add(resource("/de/dormagentwin/model/io/nrw-tile.gml"));

        List<String> args = new ArrayList<>(List.of("info", "--json"));
        args.addAll(files);
        TwinRun run = twin(args.toArray(String[]::new));
        assertEquals(1, run.exitCode(), "the broken file has a problem");
        JsonNode reports = MAPPER.readTree(run.out());
        assertEquals(files.size(), reports.size());
        for (int i = 0; i < files.size(); i++) {
            assertEquals(MAPPER.readTree(twin("info", "--json", files.get(i)).out()), reports.get(i), files.get(i));
        }

        StringBuilder alone = new StringBuilder();
        for (String file : files) {
            alone.append(twin("info", file).out());
        }
        args.remove("--json");
        assertEquals(alone.toString(), twin(args.toArray(String[]::new)).out());
    }
}
