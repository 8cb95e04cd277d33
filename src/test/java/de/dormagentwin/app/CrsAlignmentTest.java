package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.geo.Crs;
import de.dormagentwin.model.geo.CrsFixtures.Place;
import de.dormagentwin.model.geo.CrsFixtures;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.model.io.CityModelReader;
import de.dormagentwin.scene.MeshPart;
import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files of different CRSs opened together land where they belong: each is transformed into the first file's CRS, x
 * and y only, and one whose CRS cannot be placed is refused instead of overlaid.
 */
@Slow
class CrsAlignmentTest {
    private static final int BUILDINGS = 3;

    @TempDir
    Path folder;

    /** Each CRS at a town where it is in use, spelled as files there spell it. */
    static Stream<Place> places() {
        return Stream.of(
                new Place(25833, "urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH", 13.40, 52.52),
                new Place(31466, "urn:adv:crs:DE_DHDN_3GK2*DE_DHHN92_NH", 6.84, 51.09),
                new Place(31467, "EPSG:31467", 9.48, 51.31),
                new Place(31468, "urn:ogc:def:crs,crs:EPSG::31468,crs:EPSG::5783", 11.58, 48.14),
                new Place(31469, "http://www.opengis.net/def/crs/EPSG/0/31469", 13.74, 51.05),
                new Place(3068, "urn:ogc:def:crs:EPSG::3068", 13.40, 52.52),
                new Place(2056, "http://www.opengis.net/gml/srs/epsg.xml#2056", 8.54, 47.37));
    }

    private Path write(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /** The same boxes in EPSG:25832, as NRW's tiles name it. */
    private Path utm32Twin(Place place) throws Exception {
        Place utm32 = new Place(25832, "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH", place.longitude(), place.latitude());
        return write("utm32.gml", CrsFixtures.cityGml(utm32, "UTM32", BUILDINGS, false));
    }

    private static SceneFactory.Prepared load(Path... files) {
        return TileLoader.load(List.of(files), TerrainFiles.NONE, LodChoice.HIGHEST, chunk -> { });
    }

    private static long buildings(CityModel model) {
        return model.objects().stream().map(CityObject::type).filter("Building"::equals).count();
    }

    @ParameterizedTest
    @MethodSource("places")
    void aBuildingInAnotherCrsLandsOnItsTwinInTheFirstFilesCrs(Place place) throws Exception {
        Path first = utm32Twin(place);
        Path other = write("other.gml", CrsFixtures.cityGml(place, "OTHER", BUILDINGS, false));
        double[] corner = CrsFixtures.corners25832(place, 1)[0];
        double[] written = CrsFixtures.fromUtm32(place.epsg(), corner[0], corner[1]);
        assertTrue(Math.hypot(written[0] - corner[0], written[1] - corner[1]) > 1000, "the file's coordinates are not those of EPSG:25832");

        SceneFactory.Prepared prepared = load(first, other);

        assertEquals(List.of(), prepared.loaded().failures());
        List<CityModel> models = prepared.loaded().models();
        assertEquals(2, models.size());
        CityModel utm32 = models.get(0);
        CityModel moved = models.get(1);
        assertEquals(BUILDINGS, buildings(moved), moved.problems().toString());
        assertEquals(utm32.vertexCount(), moved.vertexCount());
        for (int v = 0; v < utm32.vertexCount(); v++) {
            double distance = Math.hypot(moved.x(v) - utm32.x(v), moved.y(v) - utm32.y(v));
            assertTrue(distance < 1, "vertex " + v + " lands " + distance + " m from its twin");
            assertEquals(utm32.z(v), moved.z(v), 0, "heights stay as they are");
        }
        assertEquals(Crs.EPSG_25832.url(), moved.referenceSystem());
        assertTrue(SceneFactory.statusText(prepared).endsWith("1 file transformed from EPSG:" + place.epsg() + " to EPSG:25832"),
                SceneFactory.statusText(prepared));
    }

    @Test
    void theFirstFilesCrsIsTheOneDrawnIn() throws Exception {
        Place berlin = places().findFirst().orElseThrow();
        Path utm33 = write("utm33.gml", CrsFixtures.cityGml(berlin, "UTM33", BUILDINGS, false));
        Path gaussKrueger = write("gk4.gml", CrsFixtures.cityGml(new Place(31468, "EPSG:31468", 13.40, 52.52), "GK4", BUILDINGS, false));
        Path utm32 = utm32Twin(berlin);

        SceneFactory.Prepared prepared = load(utm33, gaussKrueger, utm32);

        List<CityModel> models = prepared.loaded().models();
        assertEquals(3, models.size(), prepared.loaded().failures().toString());
        for (CityModel model : models) {
            assertEquals(new Crs(25833).url(), model.referenceSystem(), model.name());
            for (int v = 0; v < model.vertexCount(); v++) {
                assertTrue(Math.hypot(model.x(v) - models.get(0).x(v), model.y(v) - models.get(0).y(v)) < 1, model.name() + " vertex " + v);
            }
        }
        assertTrue(SceneFactory.statusText(prepared).endsWith("2 files transformed to EPSG:25833 (1 from EPSG:25832, 1 from EPSG:31468)"),
                SceneFactory.statusText(prepared));
    }

    @Test
    void tilesInAnotherCrsAreTransformedBeforeTheyAreMeshedOnThePool() throws Exception {
        Place berlin = places().findFirst().orElseThrow();
        List<Path> files = new ArrayList<>();
        files.add(utm32Twin(berlin));
        for (int i = 0; i < 5; i++) {
            files.add(write("utm33-" + i + ".gml", CrsFixtures.cityGml(berlin, "UTM33-" + i, BUILDINGS, false)));
        }
        List<TileLoader.Chunk> chunks = new ArrayList<>();
        SceneFactory.Prepared prepared = TileLoader.load(files, TerrainFiles.NONE, LodChoice.HIGHEST, chunks::add, CityModelReader::read,
                OrderedReads.Limits.threads(3));

        assertEquals(List.of(), prepared.loaded().failures());
        assertEquals(files, chunks.stream().map(TileLoader.Chunk::file).toList());
        List<MeshPart> twins = chunks.get(0).meshes().parts();
        for (TileLoader.Chunk chunk : chunks) {
            List<MeshPart> parts = chunk.meshes().parts();
            assertEquals(twins.size(), parts.size(), chunk.file().toString());
            for (int p = 0; p < parts.size(); p++) {
                float[] points = parts.get(p).points();
                float[] twin = twins.get(p).points();
                assertEquals(twin.length, points.length, chunk.file().toString());
                for (int i = 0; i < points.length; i++) {
                    assertEquals(twin[i], points[i], 1, chunk.file() + " part " + p + ": lands on its twin in EPSG:25832, in the scene");
                }
            }
        }
        assertTrue(SceneFactory.statusText(prepared).endsWith("5 files transformed from EPSG:25833 to EPSG:25832"),
                SceneFactory.statusText(prepared));
    }

    @Test
    void aFileAloneKeepsItsOwnCoordinates() throws Exception {
        Place munich = places().filter(place -> place.epsg() == 31468).findFirst().orElseThrow();
        Path file = write("munich.gml", CrsFixtures.cityGml(munich, "GK4", BUILDINGS, false));
        double[] corner = CrsFixtures.corners25832(munich, 1)[0];
        double[] written = CrsFixtures.fromUtm32(31468, corner[0], corner[1]);

        SceneFactory.Prepared prepared = load(file);

        CityModel model = prepared.loaded().models().get(0);
        assertEquals(BUILDINGS, buildings(model), model.problems().toString());
        assertEquals(written[0], model.extent()[0], 0.01);
        assertEquals(new Crs(31468).url(), model.referenceSystem());
        assertFalse(SceneFactory.statusText(prepared).contains("transformed"), SceneFactory.statusText(prepared));
    }

    private static String cityJson(String referenceSystem) {
        String metadata = referenceSystem == null ? "" : "\"metadata\": {\"referenceSystem\": \"" + referenceSystem + "\"},";
        return """
                {"type": "CityJSON", "version": "2.0", %s "transform": {"scale": [0.001, 0.001, 0.001], "translate": [0, 0, 0]},
                 "CityObjects": {"b1": {"type": "Building", "geometry": [{"type": "MultiSurface", "lod": "1",
                   "boundaries": [[[0, 1, 2, 3]]]}]}},
                 "vertices": [[6840000, 51090000, 40000], [6840100, 51090000, 40000], [6840100, 51090100, 40000], [6840000, 51090100, 40000]]}
                """.formatted(metadata);
    }

    @Test
    void aFileInDegreesOpenedWithOthersIsRefusedNotOverlaid() throws Exception {
        Path first = utm32Twin(places().findFirst().orElseThrow());
        Path degrees = write("degrees.city.json", cityJson("https://www.opengis.net/def/crs/EPSG/0/4326"));

        SceneFactory.Prepared prepared = load(first, degrees);

        assertEquals(1, prepared.loaded().models().size());
        assertEquals(1, prepared.loaded().failures().size());
        String failure = prepared.loaded().failures().get(0);
        assertTrue(failure.startsWith("degrees.city.json: its CRS (https://www.opengis.net/def/crs/EPSG/0/4326) is not a projected CRS"), failure);
        assertTrue(failure.contains("into EPSG:25832 to be drawn beside utm32.gml"), failure);
    }

    @Test
    void aFileNamingNoCrsOpenedWithOthersIsRefusedNotOverlaid() throws Exception {
        Path first = utm32Twin(places().findFirst().orElseThrow());
        Path unnamed = write("unnamed.city.json", cityJson(null));

        SceneFactory.Prepared prepared = load(first, unnamed);

        assertEquals(List.of("unnamed.city.json: its CRS (none named) is not a projected CRS that EPSG defines: it cannot be transformed "
                + "into EPSG:25832 to be drawn beside utm32.gml"), prepared.loaded().failures());
    }

    @Test
    void theRealNrwTilesLoadUntouchedBesideABerlinTile() throws Exception {
        Path real = Path.of(System.getProperty("twin.corpus", "../shared/corpus")).resolve("real");
        Assumptions.assumeTrue(Files.isDirectory(real), "the real NRW tiles are not at " + real.toAbsolutePath() + "; skipped");
        Path tile = real.resolve("LoD2_32_326_5727_1_NW.gml");
        Path small = real.resolve("LoD2_32_330_5730_1_NW.gml");
        Path berlin = write("berlin.gml", CrsFixtures.cityGml(places().findFirst().orElseThrow(), "BE", BUILDINGS, false));
        CityModel alone = load(tile).loaded().models().get(0);

        SceneFactory.Prepared prepared = load(tile, small, berlin);

        List<CityModel> models = prepared.loaded().models();
        assertEquals(List.of(), prepared.loaded().failures());
        // The corpus's counts: buildings with their building parts, 194 + 70 and 4 + 2.
        assertEquals(List.of(264, 6, BUILDINGS), models.stream().map(model -> model.objects().size()).toList());
        CityModel together = models.stream().filter(model -> model.name().equals(tile.getFileName().toString())).findFirst().orElseThrow();
        assertEquals(alone.vertexCount(), together.vertexCount());
        for (int v = 0; v < alone.vertexCount(); v += 97) {
            assertEquals(alone.x(v), together.x(v), 0, "the first file's CRS is the one drawn in: its tiles are not moved");
        }
        assertTrue(SceneFactory.statusText(prepared).endsWith("1 file transformed from EPSG:25833 to EPSG:25832"), SceneFactory.statusText(prepared));
    }

    @Test
    void importWritesATileInAnotherCrsInTheFirstFilesCrs() throws Exception {
        Place potsdam = new Place(25833, "urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH", 13.06, 52.40);
        Path utm32 = utm32Twin(potsdam);
        Path utm33 = write("potsdam.gml", CrsFixtures.cityGml(potsdam, "BB", BUILDINGS, false));
        ImportCommand command = new ImportCommand();
        command.out = folder.resolve("both.city.jsonl");
        command.inputs = List.of(utm32, utm33);

        assertEquals(0, command.call());

        CityModel model = CityJsonReader.read(command.out);
        assertEquals(Crs.EPSG_25832.url(), model.referenceSystem());
        for (int i = 0; i < BUILDINGS; i++) {
            double[] twin = extent(model, model.object("UTM32-" + i));
            double[] moved = extent(model, model.object("BB-" + i));
            for (int axis = 0; axis < 6; axis++) {
                assertEquals(twin[axis], moved[axis], 1, "BB-" + i + " axis " + axis);
            }
        }
    }

    /** [minx, miny, minz, maxx, maxy, maxz] of the vertices an object's geometries use. */
    private static double[] extent(CityModel model, CityObject object) {
        double[] extent = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Geometry geometry : object.geometries()) {
            for (int position = 0; position < geometry.vertexIndexCount(); position++) {
                int v = geometry.vertexIndex(position);
                double[] point = {model.x(v), model.y(v), model.z(v)};
                for (int axis = 0; axis < 3; axis++) {
                    extent[axis] = Math.min(extent[axis], point[axis]);
                    extent[axis + 3] = Math.max(extent[axis + 3], point[axis]);
                }
            }
        }
        return extent;
    }
}
