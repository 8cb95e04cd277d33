package de.dormagentwin.app;

import de.dormagentwin.sample.NrwTileGenerator;
import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static de.dormagentwin.app.TwinRun.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GML benchmark's harness on tiny tiles: what it measures is the bench's, not asserted here. */
@Slow
class GmlBenchmarkTest {
    @Test
    void theBarePassPullsEveryEventOfTheFile(@TempDir Path folder) throws Exception {
        Path tile = NrwTileGenerator.writeTile(folder, 341, 5658, 3, 0, 7);
        XMLInputFactory stax = XMLInputFactory.newInstance();
        long events = 0;
        XMLStreamReader reader = stax.createXMLStreamReader(new StringReader(Files.readString(tile)));
        while (reader.hasNext()) {
            reader.next();
            events++;
        }
        assertTrue(events > 100, "a tile of three buildings has many elements: " + events);
        assertEquals(events, GmlBenchmark.bareStax(tile, stax));
    }

    @Test
    void benchGmlPrintsTheTileAgainstTheBarePassAndTheFolderOnOneTwoAndAllCores() {
        TwinRun run = twin("bench", "gml", "--tile-buildings", "20", "--tiles", "3", "--per-tile", "10", "--rounds", "1");
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            if (line.startsWith("| ") && Character.isDigit(line.charAt(2)) || line.startsWith("| LoD2_32_")) {
                rows.add(line);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(1 + (cores > 2 ? 3 : 2), rows.size(), run.out());
        assertTrue(rows.get(0).startsWith("| LoD2_32_341_5658_1_NW.gml | 20 | "), rows.get(0));
        List<String> threads = rows.subList(1, rows.size()).stream().map(row -> row.split("\\|")[4].strip()).toList();
        assertEquals(cores > 2 ? List.of("1", "2", Integer.toString(cores)) : List.of("1", "2"), threads);
        assertEquals("1.00", rows.get(1).split("\\|")[7].strip(), "one thread is the speed-up's base: " + rows.get(1));
    }

    @Test
    void benchGmlRefusesSizesBelowOne() {
        TwinRun run = twin("bench", "gml", "--tiles", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("must be at least 1"), run.err());
    }
}
