package de.dormagentwin.model.io;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.sample.NrwTileGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static de.dormagentwin.model.io.ModelAssertions.assertSameModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path must give the model citygml4j's path gives, in everything, for every file it takes; every other file
 * must go to citygml4j's path and read exactly as before.
 */
class CityGmlFastReaderTest {
    private static final Path CORPUS = Path.of(System.getProperty("twin.corpus", "../shared/corpus"), "real");

    private static Path real(String name) {
        Path file = CORPUS.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " is not there (the shared corpus); test skipped");
        return file;
    }

    /** The fast path took the file, and its model equals citygml4j's. */
    private static CityModel assertFastAndSame(Path file) throws IOException {
        CityModel fast = CityGmlFastReader.read(file);
        assertNotNull(fast, file.getFileName() + " is read by the fast path");
        assertSameModel(CityGmlReader.readWithCitygml4j(file), fast);
        return fast;
    }

    /** The fast path left the file to citygml4j, and CityGmlReader.read gives citygml4j's model. */
    private static CityModel assertFallsBackAndSame(Path file) throws IOException {
        assertNull(CityGmlFastReader.read(file), file.getFileName() + " is left to citygml4j");
        CityModel model = CityGmlReader.read(file);
        assertSameModel(CityGmlReader.readWithCitygml4j(file), model);
        return model;
    }

    private static Path write(Path folder, String name, String xml) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void realNrwTilesReadByTheFastPathEqualCitygml4jsModel() throws IOException {
        List<Path> tiles;
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), CORPUS + " is not there (the shared corpus); test skipped");
        try (Stream<Path> files = Files.list(CORPUS)) {
            tiles = files.filter(file -> file.getFileName().toString().matches("LoD2_32_.*\\.gml")).sorted().toList();
        }
        Assumptions.assumeFalse(tiles.isEmpty(), "no NRW tile in " + CORPUS);
        for (Path tile : tiles) {
            CityModel model = assertFastAndSame(tile);
            assertTrue(model.objects().size() > 1, tile + " has buildings");
            assertTrue(model.objects().stream().anyMatch(object -> object.type().equals("BuildingPart")), tile + " has building parts");
        }
    }

    @Test
    void generatedNrwTilesReadByTheFastPathEqualCitygml4jsModel(@TempDir Path folder) throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            Path tile = NrwTileGenerator.writeTile(folder, 345, 5663 + (int) seed, 150, (int) seed * 1000, seed);
            CityModel model = assertFastAndSame(tile);
            assertEquals(150 + NrwTileGenerator.partedBuildings(150) * 2, model.objects().size());
        }
    }

    @Test
    void theFzkHouseWithItsMaterialIsLeftToCitygml4jAndWithoutItReadsTheSameOnTheFastPath(@TempDir Path folder) throws IOException {
        Path house = real("FZK-House-LoD2-KIT-IAI-KHH-V2.gml");
        CityModel coloured = assertFallsBackAndSame(house);
        boolean colouredSurface = false;
        for (var geometry : coloured.objects().getFirst().geometries()) {
            for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
                colouredSurface |= geometry.surfaceColor(surface) != 0;
            }
        }
        assertTrue(colouredSurface, "the roof keeps its material colour");
        String xml = Files.readString(house, StandardCharsets.UTF_8);
        int start = xml.indexOf("<app:appearanceMember>");
        int end = xml.indexOf("</app:appearanceMember>") + "</app:appearanceMember>".length();
        assertTrue(start > 0 && end > start, "the house has its appearance where expected");
        CityModel plain = assertFastAndSame(write(folder, "fzk-plain.gml", xml.substring(0, start) + xml.substring(end)));
        assertEquals(2, plain.objects().getFirst().attributes().get("storeysAboveGround"));
    }

    /** Everything the fast path reads, in one file: xlinks, parts without ids, holes, gml:pos, odd numbers, attributes of each kind. */
    static final String EDGES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment before the root -->
            <core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0"
                xmlns:gen="http://www.opengis.net/citygml/generics/2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink">
              <gml:name>Edges &amp; corners</gml:name>
              <gml:name>second name</gml:name>
              <gml:boundedBy><gml:Envelope srsName="EPSG:25832" srsDimension="3">
                <gml:lowerCorner>345000 5663000 30</gml:lowerCorner><gml:upperCorner>345100 5663100 60</gml:upperCorner>
              </gml:Envelope></gml:boundedBy>
              <core:cityObjectMember>
                <bldg:Building gml:id="solid-linked">
                  <gml:name>Linked</gml:name>
                  <core:creationDate>2024-01-02</core:creationDate>
                  <gen:stringAttribute name="text"><gen:value>a b</gen:value></gen:stringAttribute>
                  <gen:intAttribute name="count"><gen:value>-42</gen:value></gen:intAttribute>
                  <gen:doubleAttribute name="ratio"><gen:value>0.125</gen:value></gen:doubleAttribute>
                  <gen:stringAttribute name="text"><gen:value>second wins not</gen:value></gen:stringAttribute>
                  <gen:stringAttribute name="roofType"><gen:value>generic loses to the roof type</gen:value></gen:stringAttribute>
                  <bldg:class codeSpace="x">1000</bldg:class>
                  <bldg:function>31001_1000</bldg:function>
                  <bldg:function>31001_2000</bldg:function>
                  <bldg:usage>1010</bldg:usage>
                  <bldg:yearOfConstruction>1987</bldg:yearOfConstruction>
                  <bldg:roofType>3100</bldg:roofType>
                  <bldg:measuredHeight uom="m">12.5</bldg:measuredHeight>
                  <bldg:storeysAboveGround>3</bldg:storeysAboveGround>
                  <bldg:storeysBelowGround>1</bldg:storeysBelowGround>
                  <bldg:lod2Solid><gml:Solid gml:id="s1"><gml:exterior><gml:CompositeSurface srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH">
                    <gml:surfaceMember xlink:href="#ground"/>
                    <gml:surfaceMember xlink:href="#roof"/>
                    <gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">345000 5663000 30 345000 5663000 40 345000 5663010 40 345000 5663000 30</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
                  </gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod2Solid>
                  <bldg:lod2MultiSurface><gml:MultiSurface>
                    <gml:surfaceMember xlink:href="#roof"/>
                    <gml:surfaceMember><gml:Polygon gml:id="own"><gml:exterior><gml:LinearRing><gml:posList>345020 5663000 30 345030 5663000 30 345030 5663010 30 345020 5663000 30</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
                  </gml:MultiSurface></bldg:lod2MultiSurface>
                  <bldg:lod2TerrainIntersection><gml:MultiCurve><gml:curveMember><gml:LineString><gml:posList srsDimension="3">1 2 3 4 5 6</gml:posList></gml:LineString></gml:curveMember></gml:MultiCurve></bldg:lod2TerrainIntersection>
                  <bldg:boundedBy><bldg:GroundSurface gml:id="g1"><gml:name>ground</gml:name><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>
                    <gml:Polygon gml:id="ground"><gml:exterior><gml:LinearRing>
                      <gml:pos>345000 5663000 30</gml:pos><gml:pos srsDimension="3">345000.0 5663010 3e1</gml:pos><gml:pos>345010 5663010 30.000</gml:pos><gml:pos>345010 5663000 +30</gml:pos><gml:pos>345000 5663000 30</gml:pos>
                    </gml:LinearRing></gml:exterior>
                    <gml:interior><gml:LinearRing><gml:posList srsDimension="3">
                      345002 5663002 30 345004 5663002 30
                      345004 5663004 30 345002 5663002 30</gml:posList></gml:LinearRing></gml:interior>
                    </gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:GroundSurface></bldg:boundedBy>
                  <bldg:boundedBy><bldg:RoofSurface gml:id="r1"><gen:stringAttribute name="slope"><gen:value>30</gen:value></gen:stringAttribute><core:creationDate>2024-01-02</core:creationDate><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>
                    <gml:CompositeSurface><gml:surfaceMember><gml:Polygon gml:id="roof"><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">345000 5663000 40 345010 5663000 40 345010 5663010 40.0000000000000001 345000 5663000 40</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
                    <gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">-0.0 1e-5 123456789012345678 1.5E2 -7 0 9007199254740993 .5 5. -0.0 1e-5 123456789012345678</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:CompositeSurface>
                  </gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
                  <bldg:boundedBy><bldg:WallSurface><bldg:lod3MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>345000 5663000 30 345010 5663000 30 345010 5663000 40 345000 5663000 30</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod3MultiSurface></bldg:WallSurface></bldg:boundedBy>
                  <bldg:address><core:Address><core:xalAddress/></core:Address></bldg:address>
                  <bldg:consistsOfBuildingPart><bldg:BuildingPart>
                    <bldg:roofType>1000</bldg:roofType>
                    <bldg:lod1Solid><gml:Solid><gml:exterior><gml:CompositeSurface>
                      <gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">345000 5663000 30 345010 5663000 30 345010 5663010 30 345000 5663000 30</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
                    </gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod1Solid>
                    <bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="inner"><gml:boundedBy><gml:Envelope srsName="EPSG:25832"/></gml:boundedBy>
                      <bldg:lod1MultiSurface><gml:MultiSurface><gml:surfaceMember xlink:href="#ground"/></gml:MultiSurface></bldg:lod1MultiSurface>
                    </bldg:BuildingPart></bldg:consistsOfBuildingPart>
                  </bldg:BuildingPart></bldg:consistsOfBuildingPart>
                  <bldg:consistsOfBuildingPart><bldg:BuildingPart/></bldg:consistsOfBuildingPart>
                </bldg:Building>
              </core:cityObjectMember>
              <core:cityObjectMember>
                <bldg:Building gml:id="solid-apart">
                  <bldg:lod2Solid><gml:Solid><gml:exterior><gml:CompositeSurface>
                    <gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">345000 5663000 30 345010 5663000 30 345010 5663010 30 345000 5663000 30</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
                  </gml:CompositeSurface></gml:exterior></gml:Solid></bldg:lod2Solid>
                  <bldg:boundedBy><bldg:ClosureSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">345000 5663000 30 345010 5663000 30 345010 5663010 30 345000 5663000 30</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:ClosureSurface></bldg:boundedBy>
                  <bldg:boundedBy><bldg:OuterCeilingSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">345000 5663000 35 345010 5663000 35 345010 5663010 35 345000 5663000 35</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:OuterCeilingSurface></bldg:boundedBy>
                </bldg:Building>
              </core:cityObjectMember>
              <core:cityObjectMember><bldg:Building gml:id="no-geometry"><bldg:function>31001_9998</bldg:function></bldg:Building></core:cityObjectMember>
              <core:cityObjectMember><bldg:Building gml:id="lod4"><bldg:lod4MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">345000 5663000 30 345010 5663000 30 345010 5663010 30 345000 5663000 30</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod4MultiSurface></bldg:Building></core:cityObjectMember>
            </core:CityModel>
            """;

    @Test
    void everyConstructTheFastPathReadsGivesCitygml4jsModel(@TempDir Path folder) throws IOException {
        CityModel model = assertFastAndSame(write(folder, "edges.gml", EDGES));
        assertEquals(List.of("solid-linked", "solid-linked-part-1", "inner", "solid-linked-part-2", "solid-apart", "no-geometry", "lod4"),
                model.objects().stream().map(object -> object.id()).toList());
    }

    private static String cityGml1(String xml) {
        return xml.replace("http://www.opengis.net/citygml/2.0", "http://www.opengis.net/citygml/1.0")
                .replace("citygml/building/2.0", "citygml/building/1.0").replace("citygml/generics/2.0", "citygml/generics/1.0");
    }

    @Test
    void cityGml1ReadsTheSameOnTheFastPath(@TempDir Path folder) throws IOException {
        assertFastAndSame(write(folder, "edges-1.0.gml", cityGml1(EDGES.replace("OuterCeilingSurface", "WallSurface"))));
    }

    @Test
    void anOuterCeilingWhichCityGml1DoesNotHaveIsLeftToCitygml4j(@TempDir Path folder) throws IOException {
        CityModel model = assertFallsBackAndSame(write(folder, "ceiling-1.0.gml", cityGml1(EDGES)));
        assertEquals(1, model.object("solid-apart").geometries().getFirst().surfaceCount(), "citygml4j passes over it, as before");
    }

    @Test
    void theReadersOwnFixturesReadAsBeforeWhicheverPathTakesThem(@TempDir Path folder) throws IOException {
        for (String name : List.of("nrw-tile.gml", "citygml1-house.gml", "no-crs.gml", "nrw-problems.gml")) {
            Path file = folder.resolve(name);
            try (InputStream in = CityGmlFastReaderTest.class.getResourceAsStream(name)) {
                assertNotNull(in, name);
                Files.copy(in, file);
            }
            assertSameModel(CityGmlReader.readWithCitygml4j(file), CityGmlReader.read(file));
        }
        assertNotNull(CityGmlFastReader.read(folder.resolve("nrw-tile.gml")), "a clean tile takes the fast path");
        assertNull(CityGmlFastReader.read(folder.resolve("nrw-problems.gml")), "a tile with problems is left to citygml4j, which names them");
        assertNull(CityGmlFastReader.read(folder.resolve("no-crs.gml")), "a tile without CRS is left to citygml4j, which says so");
    }

    /** A one-building file in which {@code replace} is put in place of {@code find} in {@link #EDGES}. */
    private static Path variant(Path folder, String name, String find, String replace) throws IOException {
        assertTrue(EDGES.contains(find), find);
        return write(folder, name, EDGES.replace(find, replace));
    }

    @Test
    void whatTheFastPathDoesNotReadIsLeftToCitygml4jAndReadsAsBefore(@TempDir Path folder) throws IOException {
        String member = "<core:cityObjectMember><bldg:Building gml:id=\"no-geometry\">";
        CityModel bridge = assertFallsBackAndSame(variant(folder, "bridge.gml", member,
                "<core:cityObjectMember><brid:Bridge xmlns:brid=\"http://www.opengis.net/citygml/bridge/2.0\" gml:id=\"bridge\"/></core:cityObjectMember>"
                        + member));
        assertNotNull(bridge.object("bridge"), "the bridge is read as before");
        assertFallsBackAndSame(variant(folder, "appearance.gml", member,
                "<app:appearanceMember xmlns:app=\"http://www.opengis.net/citygml/appearance/2.0\"><app:Appearance><app:surfaceDataMember>"
                        + "<app:X3DMaterial><app:diffuseColor>1 0 0</app:diffuseColor><app:target>#own</app:target></app:X3DMaterial>"
                        + "</app:surfaceDataMember></app:Appearance></app:appearanceMember>" + member));
        assertFallsBackAndSame(variant(folder, "opening.gml", "<bldg:WallSurface>",
                "<bldg:WallSurface><bldg:opening><bldg:Window><bldg:lod3MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior>"
                        + "<gml:LinearRing><gml:posList>1 1 1 2 1 1 2 2 1 1 1 1</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>"
                        + "</gml:MultiSurface></bldg:lod3MultiSurface></bldg:Window></bldg:opening>"));
        assertFallsBackAndSame(variant(folder, "open-ring.gml", "345000 5663000 35 345010 5663000 35 345010 5663010 35 345000 5663000 35",
                "345000 5663000 35 345010 5663000 35 345010 5663010 35 345000 5663000 36"));
        assertFallsBackAndSame(variant(folder, "not-a-number.gml", "345000 5663000 35 345010", "345000 5663000 3,5 345010"));
        assertFallsBackAndSame(variant(folder, "other-crs.gml", "<gml:CompositeSurface srsName=\"urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH\">",
                "<gml:CompositeSurface srsName=\"EPSG:25833\">"));
        assertFallsBackAndSame(variant(folder, "unknown-link.gml", "xlink:href=\"#roof\"/>\n", "xlink:href=\"#nothing\"/>\n"));
        assertFallsBackAndSame(variant(folder, "twice.gml", "gml:id=\"lod4\"", "gml:id=\"no-geometry\""));
        assertFallsBackAndSame(variant(folder, "polygon-named-as-building.gml", "gml:id=\"own\"", "gml:id=\"solid-linked\""));
        assertFallsBackAndSame(variant(folder, "link-to-a-boundary.gml", "xlink:href=\"#ground\"/>", "xlink:href=\"#r1\"/>"));
        assertFallsBackAndSame(variant(folder, "not-a-date.gml", "<core:creationDate>2024-01-02</core:creationDate>\n",
                "<core:creationDate>2024-13-02</core:creationDate>\n"));
        assertFallsBackAndSame(variant(folder, "spaced-name.gml", "<gml:name>Linked</gml:name>", "<gml:name> Linked\n</gml:name>"));
        assertFallsBackAndSame(variant(folder, "two-dimensions.gml", "<gml:posList>345020", "<gml:posList srsDimension=\"2\">345020"));
    }

    @Test
    void cityGml3IsLeftToCitygml4jAndReadsAsBefore(@TempDir Path folder) throws IOException {
        CityModel model = assertFallsBackAndSame(write(folder, "v3.gml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <core:CityModel xmlns:core="http://www.opengis.net/citygml/3.0" xmlns:bldg="http://www.opengis.net/citygml/building/3.0"
                    xmlns:gml="http://www.opengis.net/gml/3.2">
                  <core:cityObjectMember><bldg:Building gml:id="b3">
                    <core:lod2MultiSurface><gml:MultiSurface srsName="EPSG:25832"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
                      <gml:posList srsDimension="3">345000 5663000 30 345010 5663000 30 345010 5663010 30 345000 5663000 30</gml:posList>
                    </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></core:lod2MultiSurface>
                  </bldg:Building></core:cityObjectMember>
                </core:CityModel>
                """));
        assertEquals(1, model.objects().size(), "the CityGML 3.0 building is read as before");
    }

    @Test
    void aCutOffTileReadsAsBeforeKeepingTheBuildingsBeforeTheCut(@TempDir Path folder) throws IOException {
        Path tile = NrwTileGenerator.writeTile(folder, 345, 5663, 40, 0, 7);
        byte[] bytes = Files.readAllBytes(tile);
        Path cut = folder.resolve("cut.gml");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CityModel model = assertFallsBackAndSame(cut);
        assertTrue(model.problems().stream().anyMatch(problem -> problem.contains("the rest of the file was not read")), model.problems().toString());
        assertTrue(model.objects().size() > 10, "the buildings before the cut are kept");
    }

    @Test
    void aDtdWithEntitiesGetsCitygml4jsMessageAndNoFileIsRead(@TempDir Path folder) throws IOException {
        Path secret = write(folder, "secret.txt", "TOP-SECRET-TEXT");
        Path file = write(folder, "xxe.gml", EDGES.replace("<!-- a comment before the root -->",
                "<!DOCTYPE core:CityModel [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>")
                .replace("<gml:name>Linked</gml:name>", "<gml:name>&secret;</gml:name>"));
        assertNull(CityGmlFastReader.read(file), "a DTD is left to citygml4j's path");
        ModelLoadException before = assertThrows(ModelLoadException.class, () -> CityGmlReader.readWithCitygml4j(file));
        ModelLoadException now = assertThrows(ModelLoadException.class, () -> CityGmlReader.read(file));
        assertEquals(before.getMessage(), now.getMessage());
        assertTrue(!now.getMessage().contains("TOP-SECRET-TEXT"), now.getMessage());
    }

    @Test
    void deepNestingIsLeftToCitygml4jWithoutOverflowingTheStack(@TempDir Path folder) throws IOException {
        int depth = 20;
        String parts = "<bldg:consistsOfBuildingPart><bldg:BuildingPart>".repeat(depth) + "</bldg:BuildingPart></bldg:consistsOfBuildingPart>".repeat(depth);
        CityModel model = assertFallsBackAndSame(variant(folder, "deep-parts.gml",
                "<bldg:Building gml:id=\"no-geometry\">", "<bldg:Building gml:id=\"no-geometry\">" + parts));
        assertTrue(model.objects().size() > depth, "every part is read as before");
        String ring = "<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>1 1 1 2 1 1 2 2 1 1 1 1</gml:posList>"
                + "</gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>";
        String composites = "<gml:surfaceMember><gml:CompositeSurface>".repeat(depth) + ring + "</gml:CompositeSurface></gml:surfaceMember>".repeat(depth);
        assertFallsBackAndSame(variant(folder, "deep-composites.gml", "<gml:MultiSurface>\n", "<gml:MultiSurface>\n" + composites));
        String elements = "<x>".repeat(5_000) + "</x>".repeat(5_000);
        CityModel deep = assertFallsBackAndSame(variant(folder, "deep-elements.gml", "<bldg:Building gml:id=\"no-geometry\">",
                "<bldg:Building gml:id=\"no-geometry\"><gen:stringAttribute name=\"deep\"><gen:value>" + elements + "</gen:value></gen:stringAttribute>"));
        assertNotNull(deep.object("solid-apart"), "the buildings before it are kept");
    }

    @Test
    void aHugeCoordinateListAndAHugeNumberReadAsCitygml4jReadsThem(@TempDir Path folder) throws IOException {
        StringBuilder ring = new StringBuilder();
        int positions = 200_000;
        for (int i = 0; i < positions; i++) {
            double angle = 2 * Math.PI * i / positions;
            ring.append(345050 + 40 * Math.cos(angle)).append(' ').append(5663050 + 40 * Math.sin(angle)).append(" 30 ");
        }
        ring.append("345090.0 5663050.0 30");
        CityModel big = assertFastAndSame(variant(folder, "huge-ring.gml", "345000 5663000 35 345010 5663000 35 345010 5663010 35 345000 5663000 35",
                ring.toString()));
        assertTrue(big.vertexCount() > positions, "every position is read");
        assertFallsBackAndSame(variant(folder, "huge-number.gml", "345000 5663000 35 345010", "345000 5663000 3" + "0".repeat(5000) + "e-4999 345010"));
    }
}
