package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityModelReader;
import de.dormagentwin.sample.NrwTileGenerator;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.MeshBuilder;
import de.dormagentwin.scene.MeshPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder of NRW tiles loads tile by tile, nearest the middle first, on NRW's kilometre grid. */
class TileLoaderTest {
    /** The fixture's buildings stand in NRW's tile 345 / 5663, from 345000 to 345102 m east. */
    private static final int FIXTURE_EAST_KILOMETRE = 345;

    @TempDir
    Path folder;

    private static List<Path> names(String... names) {
        return Arrays.stream(names).map(Path::of).toList();
    }

    /**
     * The NRW fixture moved by whole kilometres to the east, into the tile a name says: every coordinate that starts
     * with the fixture's kilometre, and only those.
     */
    private Path tile(int eastKilometre) throws Exception {
        String gml = Files.readString(Path.of(TileLoaderTest.class.getResource("/de/dormagentwin/model/io/nrw-tile.gml").toURI()));
        Matcher matcher = Pattern.compile("(?<![\\d_.])" + FIXTURE_EAST_KILOMETRE + "(\\d{3}(?:\\.\\d+)?)(?![\\d_])").matcher(gml);
        String moved = matcher.replaceAll(result -> eastKilometre + result.group(1));
        Path file = folder.resolve("LoD2_32_" + eastKilometre + "_5663_1_NW.gml");
        Files.writeString(file, moved);
        return file;
    }

    @Test
    void nrwCornerIsTheTilesSouthWestCornerInMetres() {
        assertArrayEquals(new double[]{347000, 5663000}, TileLoader.nrwCorner(Path.of("LoD2_32_347_5663_1_NW.gml")), 0);
        assertArrayEquals(new double[]{347000, 5663000}, TileLoader.nrwCorner(Path.of("/data/tiles/LoD1_32_347_5663_1_NW.xml")), 0);
        assertArrayEquals(new double[]{999000, 5000000}, TileLoader.nrwCorner(Path.of("lod2_32_999_5000_1_nw.GML")), 0);
    }

    @Test
    void nrwCornerRejectsOtherNames() {
        for (String name : List.of("three-houses.city.json", "LoD2_32_347_5663_1_NW.json", "LoD2_33_347_5663_1_NW.gml",
                "LoD3_32_347_5663_1_NW.gml", "LoD2_32_3470_5663_1_NW.gml", "LoD2_32_347_566_1_NW.gml", "LoD2_32_347_5663_2_NW.gml",
                "LoD2_32_347_5663_1_N.gml", "x_LoD2_32_347_5663_1_NW.gml", "LoD2_32_347_5663_1_NW.gml.bak")) {
            assertNull(TileLoader.nrwCorner(Path.of(name)), name);
        }
    }

    @Test
    void nrwOriginIsTheKilometreLineNearestTheMiddleOfTheTiles() {
        assertArrayEquals(new double[]{348000, 5664000}, TileLoader.nrwOrigin(names("LoD2_32_347_5663_1_NW.gml", "LoD2_32_348_5663_1_NW.gml",
                "LoD2_32_347_5664_1_NW.gml", "LoD2_32_348_5664_1_NW.gml")), 0);
        // 343 to 348 km east: the middle at 345.5 km, a kilometre line on either side; 5663 to 5664 km north.
        double[] origin = TileLoader.nrwOrigin(names("LoD2_32_343_5663_1_NW.gml", "LoD2_32_347_5663_1_NW.gml"));
        assertEquals(0, origin[0] % 1000, 0);
        assertEquals(345500, origin[0], 500);
        assertEquals(5663000 + 500, origin[1], 500);
        assertArrayEquals(new double[]{341000, 5671000}, TileLoader.nrwOrigin(names("LoD2_32_340_5670_1_NW.gml", "LoD2_32_341_5671_1_NW.gml",
                "LoD2_32_340_5671_1_NW.gml", "LoD2_32_341_5670_1_NW.gml")), 0);
    }

    @Test
    void nrwOriginIsNullUnlessEveryFileIsAnNrwTile() {
        assertNull(TileLoader.nrwOrigin(names("LoD2_32_347_5663_1_NW.gml", "three-houses.city.json")));
        assertNull(TileLoader.nrwOrigin(names("three-houses.city.json")));
        assertNull(TileLoader.nrwOrigin(List.of()));
    }

    @Test
    void orderPutsTheTileNearestTheMiddleFirst() {
        // 344 to 348 km: the middle at 346.5 km, its nearest kilometre line at 347 km, at the west edge of tile 347.
        List<Path> ordered = TileLoader.order(names("LoD2_32_344_5663_1_NW.gml", "LoD2_32_348_5663_1_NW.gml", "LoD2_32_347_5663_1_NW.gml"));
        assertEquals(names("LoD2_32_347_5663_1_NW.gml", "LoD2_32_348_5663_1_NW.gml", "LoD2_32_344_5663_1_NW.gml"), ordered);
    }

    @Test
    void orderLeavesFilesThatAreNotAllNrwTilesAsTheyAre() {
        List<Path> given = names("LoD2_32_344_5663_1_NW.gml", "b.city.json", "LoD2_32_347_5663_1_NW.gml");
        assertEquals(given, TileLoader.order(given));
    }

    @Test
    void folderOfTilesLoadsOneChunkPerFileNearestTheMiddleFirstAndABrokenOneIsNamed() throws Exception {
        Path west = tile(343);
        Path middle = tile(346);
        Path broken = folder.resolve("LoD2_32_347_5663_1_NW.gml");
        Files.writeString(broken, "<core:CityModel");
        List<TileLoader.Chunk> chunks = new ArrayList<>();
        SceneFactory.Prepared prepared = TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunks::add);

        // 343 to 348 km: the middle at 345.5 km, the kilometre line at 346 km; tile 346 lies next to it, 347 one further, 343 furthest.
        assertEquals(List.of(middle, broken, west), chunks.stream().map(TileLoader.Chunk::file).toList());
        assertEquals(List.of(1, 2, 3), chunks.stream().map(TileLoader.Chunk::done).toList());
        assertEquals(List.of(3, 3, 3), chunks.stream().map(TileLoader.Chunk::total).toList());

        TileLoader.Chunk failed = chunks.get(1);
        assertNull(failed.meshes());
        assertNotNull(failed.failure());
        assertTrue(failed.failure().contains("LoD2_32_347_5663_1_NW.gml"), failed.failure());
        assertEquals(List.of(failed.failure()), prepared.loaded().failures());
        assertEquals(2, prepared.loaded().models().size());

        // The fixture meshes six objects: its seven less the building whose geometry is its parts'.
        TileLoader.Chunk first = chunks.get(0);
        TileLoader.Chunk last = chunks.get(2);
        assertNull(first.failure());
        assertNull(last.failure());
        assertEquals(6, first.meshes().objects().size());
        assertEquals(6, last.meshes().objects().size());
        assertEquals(12, prepared.meshes().objects().size());
        for (MeshPart part : first.meshes().parts()) {
            assertTrue(Arrays.stream(part.faceToObject()).allMatch(object -> object >= 0 && object < 6), "first chunk: objects 0 to 5");
        }
        for (MeshPart part : last.meshes().parts()) {
            assertTrue(Arrays.stream(part.faceToObject()).allMatch(object -> object >= 6 && object < 12), "last chunk: objects 6 to 11");
            assertTrue(Arrays.stream(part.texelObject()).allMatch(object -> object >= 6 && object < 12));
        }
        assertEquals(0, prepared.meshes().objectIndex("DENW36AL10000001"), "of the two copies of a building, the first loaded keeps its id");
        assertEquals(prepared.meshes().triangles(), first.meshes().triangles() + last.meshes().triangles());
    }

    @Test
    void eachTileMeshesIntoItsOwnKilometreTileOnNrwsGrid() throws Exception {
        tile(343);
        tile(346);
        Files.writeString(folder.resolve("LoD2_32_347_5663_1_NW.gml"), "<core:CityModel");
        List<TileLoader.Chunk> chunks = new ArrayList<>();
        TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunks::add);
        for (TileLoader.Chunk chunk : chunks) {
            if (chunk.meshes() == null) {
                continue;
            }
            assertArrayEquals(new double[]{346000, 5664000, 40}, chunk.meshes().origin(), 1e-9, "the kilometre line, at the ground");
            assertEquals(1000, chunk.meshes().tileSize());
            double[] corner = TileLoader.nrwCorner(chunk.file());
            int column = (int) ((corner[0] - 346000) / 1000);
            int row = (int) ((corner[1] - 5664000) / 1000);
            for (MeshPart part : chunk.meshes().parts()) {
                assertEquals(column + " " + row, part.tileColumn() + " " + part.tileRow(), chunk.file().getFileName().toString());
            }
        }
    }

    @Test
    void chunksAppendToTheCityTheLoaderHandsBack() throws Exception {
        tile(346);
        tile(347);
        List<TileLoader.Chunk> chunks = new ArrayList<>();
        SceneFactory.Prepared prepared = TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunks::add);
        assertEquals(2, chunks.size());
        var joined = chunks.get(0).meshes().append(chunks.get(1).meshes());
        assertEquals(prepared.meshes().objects(), joined.objects());
        assertEquals(prepared.meshes().parts(), joined.parts());
    }

    /** A block of generated NRW tiles, 3 by 2 kilometres, 40 buildings each with ids of their own. */
    private void generatedTiles() throws Exception {
        for (int tile = 0; tile < 6; tile++) {
            NrwTileGenerator.writeTile(folder, 341 + tile % 3, 5658 + tile / 3, 40, tile * 40, 7 + tile);
        }
    }

    private static List<String> ids(List<CityObject> objects) {
        return objects.stream().map(CityObject::id).toList();
    }

    @Test
    void tilesReadInParallelGiveTheSameChunksInTheSameOrderAsReadOneByOne() throws Exception {
        generatedTiles();
        Files.writeString(folder.resolve("LoD2_32_344_5659_1_NW.gml"), "<core:CityModel");
        List<TileLoader.Chunk> oneByOne = new ArrayList<>();
        SceneFactory.Prepared single = TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, oneByOne::add,
                CityModelReader::read, new OrderedReads.Limits(1, 1, Long.MAX_VALUE));
        List<TileLoader.Chunk> parallel = new ArrayList<>();
        SceneFactory.Prepared four = TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, parallel::add,
                CityModelReader::read, OrderedReads.Limits.threads(4));

        assertEquals(7, parallel.size());
        assertEquals(oneByOne.stream().map(TileLoader.Chunk::file).toList(), parallel.stream().map(TileLoader.Chunk::file).toList());
        assertEquals(oneByOne.stream().map(TileLoader.Chunk::failure).toList(), parallel.stream().map(TileLoader.Chunk::failure).toList());
        assertEquals(1, parallel.stream().filter(chunk -> chunk.failure() != null).count(), "the broken tile is named, the others load");
        assertEquals(single.loaded().failures(), four.loaded().failures());
        assertEquals(ids(single.meshes().objects()), ids(four.meshes().objects()));
        assertEquals(single.meshes().triangles(), four.meshes().triangles());
        assertEquals(single.meshes().parts().size(), four.meshes().parts().size());
        for (int i = 0; i < four.meshes().parts().size(); i++) {
            MeshPart one = single.meshes().parts().get(i);
            MeshPart other = four.meshes().parts().get(i);
            assertEquals(one.tileColumn() + " " + one.tileRow(), other.tileColumn() + " " + other.tileRow());
            assertArrayEquals(one.points(), other.points());
            assertArrayEquals(one.faceToObject(), other.faceToObject());
        }
        assertEquals(240, four.loaded().models().stream().flatMap(model -> model.objects().stream())
                .filter(object -> object.parents().isEmpty()).count(), "every building of the six good tiles");
    }

    /** Generated NRW tiles of different sizes (so that each tile's objects start at a count no other tile gives), and a broken one. */
    private void tilesOfDifferentSizes() throws Exception {
        int first = 0;
        for (int tile = 0; tile < 7; tile++) {
            int buildings = 5 + 9 * tile;
            NrwTileGenerator.writeTile(folder, 341 + tile % 3, 5658 + tile / 3, buildings, first, 11 + tile);
            first += buildings;
        }
        Files.writeString(folder.resolve("LoD2_32_344_5659_1_NW.gml"), "<core:CityModel");
    }

    private static void assertSameMeshes(CityMeshes expected, CityMeshes actual, String where) {
        assertArrayEquals(expected.origin(), actual.origin(), where);
        assertEquals(expected.tileSize(), actual.tileSize(), where);
        assertEquals(ids(expected.objects()), ids(actual.objects()), where);
        assertEquals(expected.indexById(), actual.indexById(), where);
        assertEquals(expected.triangles(), actual.triangles(), where);
        assertEquals(expected.surfaceArea(), actual.surfaceArea(), where);
        assertEquals(expected.groundAreas().size(), actual.groundAreas().size(), where);
        assertEquals(expected.parts().size(), actual.parts().size(), where);
        for (int i = 0; i < expected.parts().size(); i++) {
            MeshPart one = expected.parts().get(i);
            MeshPart other = actual.parts().get(i);
            String part = where + ", part " + i;
            assertEquals(List.of(one.tileColumn(), one.tileRow(), one.surfaceClass(), one.detail(), one.lowWalls(), one.paletteWidth(),
                            one.paletteHeight()),
                    List.of(other.tileColumn(), other.tileRow(), other.surfaceClass(), other.detail(), other.lowWalls(), other.paletteWidth(),
                            other.paletteHeight()), part);
            assertArrayEquals(one.points(), other.points(), part);
            assertArrayEquals(one.normals(), other.normals(), part);
            assertArrayEquals(one.texCoords(), other.texCoords(), part);
            assertArrayEquals(one.faces(), other.faces(), part);
            assertArrayEquals(one.faceToObject(), other.faceToObject(), part);
            assertArrayEquals(one.texelObject(), other.texelObject(), part);
            assertArrayEquals(one.texelArgb(), other.texelArgb(), part);
        }
    }

    @Test
    void tilesMeshedSideBySideGiveTheChunksOfTilesMeshedOneAfterAnotherInOrder() throws Exception {
        tilesOfDifferentSizes();
        List<TileLoader.Chunk> oneThread = new ArrayList<>();
        SceneFactory.Prepared single = TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, oneThread::add,
                CityModelReader::read, new OrderedReads.Limits(1, 1, Long.MAX_VALUE));
        List<TileLoader.Chunk> threeThreads = new ArrayList<>();
        SceneFactory.Prepared three = TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, threeThreads::add,
                CityModelReader::read, OrderedReads.Limits.threads(3));

        assertEquals(8, threeThreads.size());
        assertEquals(oneThread.stream().map(TileLoader.Chunk::file).toList(), threeThreads.stream().map(TileLoader.Chunk::file).toList());
        assertEquals(oneThread.stream().map(TileLoader.Chunk::failure).toList(), threeThreads.stream().map(TileLoader.Chunk::failure).toList());
        assertEquals(List.of(folder.resolve("LoD2_32_344_5659_1_NW.gml")),
                threeThreads.stream().filter(chunk -> chunk.failure() != null).map(TileLoader.Chunk::file).toList(), "the broken tile is named");
        assertEquals(single.loaded().failures(), three.loaded().failures());

        // The reference: each tile meshed here in the files' order, its objects numbered on from the tiles before it.
        List<CityModel> models = three.loaded().models();
        assertEquals(7, models.size());
        MeshBuilder.Grid grid = three.meshes().grid();
        int objects = 0;
        int model = 0;
        for (int i = 0; i < threeThreads.size(); i++) {
            TileLoader.Chunk chunk = threeThreads.get(i);
            if (chunk.failure() != null) {
                continue;
            }
            CityMeshes expected = MeshBuilder.build(List.of(models.get(model++)), LodChoice.HIGHEST, grid, objects);
            String where = chunk.file().getFileName().toString();
            assertSameMeshes(expected, chunk.meshes(), where);
            assertSameMeshes(expected, oneThread.get(i).meshes(), where + " on one thread");
            objects += expected.objects().size();
        }
        assertEquals(objects, three.meshes().objects().size());
        assertSameMeshes(single.meshes(), three.meshes(), "the city");
    }

    @Test
    void theTilesOfAFolderAreMeshedOnSeveralThreadsAtOnce() throws Exception {
        generatedTiles();
        CountDownLatch twoMeshing = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<TileLoader.Chunk> chunks = new ArrayList<>();
        TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunks::add, CityModelReader::read, OrderedReads.Limits.threads(2),
                (model, grid) -> {
                    threads.add(Thread.currentThread().getName());
                    twoMeshing.countDown();
                    try {
                        // A guard against a hang only: meshed one by one, the first tile would wait here for a second that never starts.
                        if (!twoMeshing.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("no second tile was meshed beside " + model.name());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return MeshBuilder.build(List.of(model), LodChoice.HIGHEST, grid, 0);
                });
        assertEquals(List.of(), chunks.stream().map(TileLoader.Chunk::failure).filter(failure -> failure != null).toList());
        assertEquals(6, chunks.size());
        assertTrue(threads.size() >= 2, threads.toString());
    }

    @Test
    void onlyTheFirstTileIsMeshedOnTheLoadingThreadEvenWhenTheOthersAreReadBeforeIt() throws Exception {
        generatedTiles();
        Path first = TileLoader.order(TileLoader.expand(List.of(folder), new ArrayList<>())).get(0);
        Thread loading = Thread.currentThread();
        List<Path> meshedHere = new ArrayList<>();
        Set<Path> meshedOnThePool = ConcurrentHashMap.newKeySet();
        List<TileLoader.Chunk> chunks = new ArrayList<>();
        TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunks::add, file -> {
            if (file.equals(first)) {
                try {
                    // The tiles read beside the first are read before it, while the grid is not known yet.
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return CityModelReader.read(file);
        }, OrderedReads.Limits.threads(3), (model, grid) -> {
            Path file = folder.resolve(model.name());
            if (Thread.currentThread() == loading) {
                meshedHere.add(file);
            } else {
                meshedOnThePool.add(file);
            }
            return MeshBuilder.build(List.of(model), LodChoice.HIGHEST, grid, 0);
        });
        assertEquals(List.of(), chunks.stream().map(TileLoader.Chunk::failure).filter(failure -> failure != null).toList());
        assertEquals(List.of(first), meshedHere);
        assertEquals(5, meshedOnThePool.size(), meshedOnThePool.toString());
    }

    @Test
    void theTilesOfAFolderAreReadOnSeveralThreadsAtOnce() throws Exception {
        generatedTiles();
        CountDownLatch twoReading = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<TileLoader.Chunk> chunks = new ArrayList<>();
        TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, chunks::add, file -> {
            threads.add(Thread.currentThread().getName());
            twoReading.countDown();
            try {
                // A guard against a hang only: read one by one, the first tile would wait here for a second that never starts.
                if (!twoReading.await(60, TimeUnit.SECONDS)) {
                    throw new IOException(file.getFileName() + ": no second tile was read beside it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return CityModelReader.read(file);
        }, OrderedReads.Limits.threads(2));
        assertEquals(List.of(), chunks.stream().map(TileLoader.Chunk::failure).filter(failure -> failure != null).toList());
        assertEquals(2, threads.size(), threads.toString());
    }

    /**
     * A viewer busy 50 ms with each tile, noting how far {@code counted} (tiles read, or meshed) had got beyond it:
     * without a bound the pool would meanwhile go through every other tile.
     */
    private static Consumer<TileLoader.Chunk> slowViewer(AtomicInteger counted, List<Integer> ahead) {
        return chunk -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ahead.add(counted.get() - chunk.done());
        };
    }

    @Test
    void aSlowViewerHasAtMostTheWindowOfTilesReadAheadOfIt() throws Exception {
        generatedTiles();
        int window = 2;
        AtomicInteger readsStarted = new AtomicInteger();
        List<Integer> aheadOfTheViewer = new ArrayList<>();
        TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, slowViewer(readsStarted, aheadOfTheViewer), file -> {
            readsStarted.incrementAndGet();
            return CityModelReader.read(file);
        }, new OrderedReads.Limits(window, window, Long.MAX_VALUE));
        assertEquals(6, aheadOfTheViewer.size());
        assertTrue(aheadOfTheViewer.stream().allMatch(ahead -> ahead <= window), "tiles read beyond the one on screen: " + aheadOfTheViewer);
        assertTrue(aheadOfTheViewer.get(0) > 0, "the next tiles are read while the first is shown: " + aheadOfTheViewer);
    }

    @Test
    void aSlowViewerHasAtMostTheWindowOfTilesMeshedAheadOfIt() throws Exception {
        generatedTiles();
        int window = 2;
        AtomicInteger meshed = new AtomicInteger();
        List<Integer> aheadOfTheViewer = new ArrayList<>();
        TileLoader.load(List.of(folder), TerrainFiles.NONE, LodChoice.HIGHEST, slowViewer(meshed, aheadOfTheViewer), CityModelReader::read, new OrderedReads.Limits(window, window, Long.MAX_VALUE), (model, grid) -> {
            CityMeshes meshes = MeshBuilder.build(List.of(model), LodChoice.HIGHEST, grid, 0);
            meshed.incrementAndGet();
            return meshes;
        });
        assertEquals(6, aheadOfTheViewer.size());
        assertTrue(aheadOfTheViewer.stream().allMatch(ahead -> ahead <= window), "tiles meshed beyond the one on screen: " + aheadOfTheViewer);
        assertTrue(aheadOfTheViewer.get(0) > 0, "the next tiles are meshed while the first is shown: " + aheadOfTheViewer);
    }
}
