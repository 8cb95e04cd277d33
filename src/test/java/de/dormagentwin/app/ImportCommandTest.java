package de.dormagentwin.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.io.CityGmlReader;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.sample.NrwTileGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    private static Path resource(String name) throws Exception {
        return Path.of(ImportCommandTest.class.getResource("/de/dormagentwin/model/io/" + name).toURI());
    }

    private static JsonNode info(Path file) throws IOException {
        TwinRun run = twin("info", "--json", file.toString());
        return MAPPER.readTree(run.out());
    }

    @Test
    void tileRoundTripsThroughCityJsonSeqWithTheSameObjectsTrianglesAndArea() throws Exception {
        Path out = folder.resolve("tile.city.jsonl");
        TwinRun run = twin("import", "--out", out.toString(), resource("nrw-tile.gml").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(out + ": 5 features (7 objects) from 1 file; 0 problems", run.out().strip());
        JsonNode gml = info(resource("nrw-tile.gml"));
        JsonNode json = info(out);
        for (String key : List.of("cityObjects", "byType", "vertices", "triangles", "extent", "crs", "problems")) {
            assertEquals(gml.get(key), json.get(key), key);
        }
        assertEquals(gml.get("surfaceArea").asDouble(), json.get("surfaceArea").asDouble(), 1e-6);
        assertEquals(96, json.get("triangles").asInt());
        assertEquals("EPSG:25832", json.get("crs").asText());
    }

    @Test
    void eachBuildingIsOneFeatureWithItsPartsLinksAttributesAndSemantics() throws Exception {
        Path out = folder.resolve("tile.city.jsonl");
        twin("import", "--out", out.toString(), resource("nrw-tile.gml").toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(6, lines.size(), "a header and five buildings");
        JsonNode header = MAPPER.readTree(lines.get(0));
        assertEquals("LoD2_32_345_5663_1_NW", header.get("metadata").get("title").asText());
        JsonNode withParts = MAPPER.readTree(lines.get(2));
        assertEquals("DENW36AL10000002", withParts.get("id").asText());
        assertEquals(3, withParts.get("CityObjects").size());

        CityModel model = CityJsonReader.read(out);
        CityObject part = model.object("DENW36AL10000002_A");
        assertEquals("BuildingPart", part.type());
        assertEquals(List.of("DENW36AL10000002"), part.parents());
        assertEquals(List.of("DENW36AL10000002_A", "DENW36AL10000002_B"), model.object("DENW36AL10000002").children());
        CityObject house = model.object("DENW36AL10000001");
        assertEquals("31001_1000", house.textAttribute("function"));
        assertEquals(2, house.attributes().get("Geschosse"));
        assertEquals("RoofSurface", house.geometries().get(0).semanticType(6));
        assertEquals("Solid", model.object("DENW36AL10000005").geometries().get(0).type().jsonName());
        assertEquals("1", model.object("DENW36AL10000005").geometries().get(0).lod());
        assertTrue(model.problems().isEmpty(), model.problems().toString());
    }

    @Test
    void brokenObjectsAreNamedOnStderrAndLeftOutOfTheOutput() throws Exception {
        Path out = folder.resolve("problems.city.jsonl");
        TwinRun run = twin("import", "--out", out.toString(), resource("nrw-problems.gml").toString());
        assertEquals(1, run.exitCode());
        for (String id : List.of("DENW36AL2000OPEN", "DENW36AL2000LINK", "DENW36AL2000GK3Z", "DENW36AL2000TEXT", "DENW36AL2000PART_B")) {
            assertTrue(run.err().contains("twin: nrw-problems.gml: object `" + id + "`"), run.err());
        }
        assertTrue(run.out().contains("2 features (3 objects) from 1 file; 5 problems"), run.out());
        CityModel model = CityJsonReader.read(out);
        assertEquals(3, model.objects().size());
        assertEquals(List.of("DENW36AL2000PART_A"), model.object("DENW36AL2000PART").children());
    }

    @Test
    void folderOfTilesBecomesOneSequenceAndABuildingInTwoTilesIsWrittenOnce() throws Exception {
        Path tiles = Files.createDirectory(folder.resolve("tiles"));
        Files.copy(resource("nrw-tile.gml"), tiles.resolve("LoD2_32_345_5663_1_NW.gml"));
        Files.copy(resource("citygml1-house.gml"), tiles.resolve("LoD2_32_346_5663_1_NW.gml"));
        Files.copy(resource("nrw-tile.gml"), tiles.resolve("LoD2_32_347_5663_1_NW.gml"));
        Files.writeString(tiles.resolve("index.json"), "{\"datasets\": []}");
        Path out = folder.resolve("all.city.jsonl");
        TwinRun run = twin("import", "--out", out.toString(), tiles.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("6 features (8 objects) from 3 files; 5 problems"), run.out());
        assertTrue(run.err().contains("LoD2_32_347_5663_1_NW.gml: object `DENW36AL10000001` was in an earlier file too; the second was skipped"), run.err());
        CityModel model = CityJsonReader.read(out);
        assertEquals(8, model.objects().size());
        assertEquals("3 CityGML files, LoD2_32_345_5663_1_NW.gml to LoD2_32_347_5663_1_NW.gml", model.metadata().get("title"));
    }

    @Test
    void fileThatIsNotCityGmlFailsWithoutLeavingAHalfWrittenOutput() throws Exception {
        Path notGml = Files.writeString(folder.resolve("page.gml"), "<html><body>not a tile</body></html>");
        Path out = folder.resolve("out.city.jsonl");
        TwinRun run = twin("import", "--out", out.toString(), notGml.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("page.gml: not CityGML"), run.err());
        assertFalse(Files.exists(out), "no empty sequence stands for a conversion that did not happen");
        try (var files = Files.list(folder)) {
            assertEquals(List.of("page.gml"), files.map(path -> path.getFileName().toString()).toList(), "and no partial file");
        }
    }

    @Test
    void importNeedsAnOutputFile() throws Exception {
        assertEquals(2, twin("import", resource("nrw-tile.gml").toString()).exitCode());
    }

    @Test
    void anOutputThatIsOneOfTheInputsIsRefusedHoweverItIsSpelledAndTheInputStaysAsItWas() throws Exception {
        Path tile = folder.resolve("tile.gml");
        Files.copy(resource("nrw-tile.gml"), tile);
        byte[] before = Files.readAllBytes(tile);
        Path link = folder.resolve("link.city.jsonl");
        Files.createSymbolicLink(link, tile);
        for (String[] args : List.of(
                new String[]{"import", "--out", tile.toString(), tile.toString()},
                new String[]{"import", "--out", folder.resolve("sub/../tile.gml").toString(), tile.toString()},
                new String[]{"import", "--out", link.toString(), tile.toString()},
                new String[]{"import", "--out", tile.toString(), folder.toString()})) {
            Files.createDirectories(folder.resolve("sub"));
            TwinRun run = twin(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains("is the input " + tile), run.err());
            assertArrayEquals(before, Files.readAllBytes(tile), String.join(" ", args));
        }
        try (var files = Files.list(folder)) {
            assertEquals(List.of("link.city.jsonl", "sub", "tile.gml"), files.map(path -> path.getFileName().toString()).sorted().toList(),
                    "nothing written beside the tile");
        }
    }

    @Test
    void preStandardCityGmlIsNamedAsSuchAndImportsNoEmptyFile() throws Exception {
        Path out = folder.resolve("old.city.jsonl");
        Path old = folder.resolve("old.gml");
        Files.writeString(old, """
                <?xml version="1.0" encoding="UTF-8"?>
                <CityModel xmlns="http://www.citygml.org/citygml/1/0/0" xmlns:gml="http://www.opengis.net/gml">
                  <cityObjectMember><Building gml:id="b1"/></cityObjectMember>
                </CityModel>
                """);
        TwinRun run = twin("import", "--out", out.toString(), old.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("old.gml: CityGML from before the OGC standard (namespace http://www.citygml.org/citygml/1/0/0)"),
                run.err());
        assertFalse(Files.exists(out), "no empty model stands for a conversion that did not happen");
        TwinRun info = twin("info", old.toString());
        assertEquals(1, info.exitCode());
        assertTrue(info.out().contains("CityGML from before the OGC standard"), info.out());
    }

    @Test
    void anImportWhereEveryTileFailsLeavesTheOutputThatWasThere() throws Exception {
        Path out = folder.resolve("dormagen.city.jsonl");
        Files.writeString(out, "the model imported last week\n");
        Path broken = folder.resolve("broken.gml");
        Files.writeString(broken, "<CityModel><unclosed>");
        TwinRun run = twin("import", "--out", out.toString(), broken.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("twin: nothing imported; " + out + " was left as it was"), run.err());
        assertEquals("the model imported last week\n", Files.readString(out));
        try (var files = Files.list(folder)) {
            assertEquals(List.of("broken.gml", "dormagen.city.jsonl"), files.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFolderReadInParallelIsWrittenInTheTilesOrderAsReadOneByOneWithEachProblemNamedInThatOrder() throws Exception {
        Path tiles = Files.createDirectory(folder.resolve("tiles"));
        for (int tile = 0; tile < 5; tile++) {
            NrwTileGenerator.writeTile(tiles, 341 + tile, 5658, 30, tile * 30, 7 + tile);
        }
        Files.writeString(tiles.resolve("LoD2_32_343_5659_1_NW.gml"), "<core:CityModel");
        Files.copy(tiles.resolve("LoD2_32_342_5658_1_NW.gml"), tiles.resolve("LoD2_32_344_5659_1_NW.gml"));
        List<Path> inOrder = ModelFiles.modelFilesIn(tiles);
        List<String> expectedIds = new ArrayList<>();
        List<String> expectedProblems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path tile : inOrder) {
            try (CityGmlReader reader = CityGmlReader.open(tile)) {
                while (reader.hasNext()) {
                    String id = reader.next().root().id();
                    if (seen.add(id)) {
                        expectedIds.add(id);
                    } else {
                        expectedProblems.add(tile.getFileName() + ": object `" + id + "` was in an earlier file too");
                    }
                }
            } catch (IOException e) {
                expectedProblems.add(e.getMessage());
            }
        }

        Path out = folder.resolve("all.city.jsonl");
        TwinRun run = twin("import", "--out", out.toString(), tiles.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(out + ": 150 features (" + CityJsonReader.read(out).objects().size() + " objects) from 7 files; "
                + expectedProblems.size() + " problems", run.out().strip());
        List<String> lines = Files.readAllLines(out);
        List<String> ids = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            ids.add(MAPPER.readTree(line).get("id").asText());
        }
        assertEquals(expectedIds, ids);
        int from = 0;
        for (String problem : expectedProblems) {
            int at = run.err().indexOf(problem, from);
            assertTrue(at >= from, "in order on stderr: " + problem + "\n" + run.err());
            from = at + problem.length();
        }
    }

    @Test
    void aTileTooLargeToReadAheadStreamsAndWritesWhatReadAheadWrites() throws Exception {
        Path tiles = Files.createDirectory(folder.resolve("tiles"));
        for (int tile = 0; tile < 3; tile++) {
            NrwTileGenerator.writeTile(tiles, 341 + tile, 5658, 20, tile * 20, 7 + tile);
        }
        Files.copy(resource("nrw-tile.gml"), tiles.resolve("LoD2_32_345_5663_1_NW.gml"));
        Files.copy(tiles.resolve("LoD2_32_341_5658_1_NW.gml"), tiles.resolve("LoD2_32_344_5658_1_NW.gml"));
        Path readAhead = folder.resolve("read-ahead.city.jsonl");
        Path streamed = folder.resolve("streamed.city.jsonl");
        assertEquals(1, importWith(new OrderedReads.Limits(2, 2, Long.MAX_VALUE), readAhead, tiles));
        // No byte to spare: every tile is larger than its share, so each streams on the writing thread.
        assertEquals(1, importWith(new OrderedReads.Limits(2, 2, 0), streamed, tiles));
        assertEquals(Files.readAllLines(readAhead), Files.readAllLines(streamed));
        assertEquals(1 + 60 + 5, Files.readAllLines(streamed).size(), "a header, the generated buildings and the fixture's; the copy's left out");
    }

    private static int importWith(OrderedReads.Limits limits, Path out, Path tiles) throws IOException {
        ImportCommand command = new ImportCommand();
        command.out = out;
        command.inputs = List.of(tiles);
        command.limits = limits;
        return command.call();
    }
}
