package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.geo.CrsFixtures;
import de.dormagentwin.model.geo.CrsFixtures.Place;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code info} names the CRS the objects carry, in EPSG's words, whatever spelling the file uses. */
class InfoCrsTest {
    private static final Place POTSDAM = new Place(25833, "urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH", 13.06, 52.40);

    @TempDir
    Path folder;

    private Map<String, Object> info(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return InfoCommand.report(file, LodChoice.HIGHEST);
    }

    @Test
    void aTileInEpsg25833IsReportedInEpsg25833WithItsBuildings() throws Exception {
        Map<String, Object> report = info("potsdam.gml", CrsFixtures.cityGml(POTSDAM, "BB", 2, false));
        assertEquals("EPSG:25833", report.get("crs"));
        assertEquals(2, report.get("cityObjects"));
        assertEquals(List.of(), report.get("problems"));
    }

    @Test
    void aFileNamingItsCrsOnlyOnItsGeometriesIsReportedInThatCrs() throws Exception {
        Map<String, Object> report = info("potsdam.gml", CrsFixtures.cityGml(new Place(25833, "EPSG:25833", 13.06, 52.40), "BB", 2, true));
        assertEquals("EPSG:25833", report.get("crs"));
        assertEquals(2, report.get("cityObjects"));
    }

    @Test
    void anEmptyTileIsReportedInTheCrsOfItsEnvelope() throws Exception {
        Map<String, Object> report = info("empty.gml", CrsFixtures.cityGml(POTSDAM, "BB", 0, false));
        assertEquals("EPSG:25833", report.get("crs"));
        assertEquals(0, report.get("cityObjects"));
    }
}
