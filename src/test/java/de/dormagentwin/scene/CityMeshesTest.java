package de.dormagentwin.scene;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.LodChoice;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A city meshed one chunk at a time on one grid is the city meshed at once. */
class CityMeshesTest {
    private static final LodChoice LOD = LodChoice.HIGHEST;

    /** Each triangle as "object: x y z, x y z, x y z" by (tile, class, detail), sorted: what is drawn, whatever the parts. */
    private static Map<String, List<String>> drawn(CityMeshes meshes) {
        Map<String, List<String>> drawn = new TreeMap<>();
        for (MeshPart part : meshes.parts()) {
            List<String> triangles = drawn.computeIfAbsent(part.tileColumn() + " " + part.tileRow() + " " + part.surfaceClass() + " " + part.detail(),
                    key -> new ArrayList<>());
            for (int face = 0; face < part.triangleCount(); face++) {
                StringBuilder triangle = new StringBuilder(meshes.objects().get(part.faceToObject()[face]).id() + " " + part.faceToObject()[face] + ":");
                for (int corner = 0; corner < 3; corner++) {
                    int point = part.faces()[face * 9 + corner * 3] * 3;
                    triangle.append(' ').append(part.points()[point]).append(' ').append(part.points()[point + 1]).append(' ').append(part.points()[point + 2]);
                }
                triangles.add(triangle.toString());
            }
        }
        drawn.values().forEach(triangles -> triangles.sort(null));
        return drawn;
    }

    @Test
    void chunksMeshedOneByOneOnOneGridAreTheCityMeshedAtOnce() throws IOException {
        CityModel houses = MeshBuilderTest.threeHouses();
        CityModel gable = MeshBuilderTest.gableHouse();
        MeshBuilder.Grid grid = MeshBuilder.grid(List.of(houses, gable), LOD);
        CityMeshes together = MeshBuilder.build(List.of(houses, gable), LOD, grid, 0);
        CityMeshes first = MeshBuilder.build(List.of(houses), LOD, grid, 0);
        CityMeshes joined = first.append(MeshBuilder.build(List.of(gable), LOD, grid, first.objects().size()));

        assertEquals(together.objects().stream().map(CityObject::id).toList(), joined.objects().stream().map(CityObject::id).toList());
        for (String id : List.of("house-a", "house-b", "house-c", "gable-house")) {
            assertEquals(together.objectIndex(id), joined.objectIndex(id), id);
        }
        assertEquals(3, joined.objectIndex("gable-house"));
        assertEquals(together.triangles(), joined.triangles());
        assertEquals(together.surfaceArea(), joined.surfaceArea(), 1e-9);
        assertEquals(drawn(together), drawn(joined));
        assertArrayEquals(grid.origin(), joined.origin(), 0);
        assertEquals(grid.tileSize(), joined.tileSize());
    }

    @Test
    void objectsOfTheSecondChunkAreNumberedFromTheSizeOfTheFirst() throws IOException {
        CityModel houses = MeshBuilderTest.threeHouses();
        CityModel gable = MeshBuilderTest.gableHouse();
        MeshBuilder.Grid grid = MeshBuilder.grid(List.of(houses, gable), LOD);
        CityMeshes first = MeshBuilder.build(List.of(houses), LOD, grid, 0);
        CityMeshes second = MeshBuilder.build(List.of(gable), LOD, grid, first.objects().size());
        assertEquals(3, first.objects().size());
        assertTrue(second.parts().size() >= 4, "near roof and walls, far roof and walls");
        for (MeshPart part : second.parts()) {
            for (int object : part.faceToObject()) {
                assertEquals(3, object, part.detail() + " " + part.surfaceClass());
            }
            for (int object : part.texelObject()) {
                assertEquals(3, object, part.detail() + " " + part.surfaceClass());
            }
        }
        for (MeshPart part : first.parts()) {
            for (int object : part.faceToObject()) {
                assertTrue(object >= 0 && object < 3);
            }
        }
    }

    @Test
    void chunksSplitAnywhereNumberTheirObjectsOnFromTheChunksBefore() throws IOException {
        CityModel houses = MeshBuilderTest.threeHouses();
        CityModel gable = MeshBuilderTest.gableHouse();
        CityModel twoLods = MeshBuilderTest.twoLods();
        MeshBuilder.Grid grid = MeshBuilder.grid(List.of(gable, houses, twoLods), LOD);
        CityMeshes together = MeshBuilder.build(List.of(gable, houses, twoLods), LOD, grid, 0);
        CityMeshes city = MeshBuilder.build(List.of(gable), LOD, grid, 0);
        city = city.append(MeshBuilder.build(List.of(houses, twoLods), LOD, grid, city.objects().size()));
        assertEquals(List.of("gable-house", "house-a", "house-b", "house-c", "two-lods"), city.objects().stream().map(CityObject::id).toList());
        assertEquals(4, city.objectIndex("two-lods"));
        assertEquals(drawn(together), drawn(city));
    }

    @Test
    void aChunkMeshedFromObjectZeroAndNumberedOnIsTheChunkMeshedFromItsFirstObject() throws IOException {
        CityModel houses = MeshBuilderTest.threeHouses();
        CityModel twoLods = MeshBuilderTest.twoLods();
        MeshBuilder.Grid grid = MeshBuilder.grid(List.of(houses, twoLods), LOD);
        CityMeshes meshedInPlace = MeshBuilder.build(List.of(houses, twoLods), LOD, grid, 7);
        CityMeshes numberedOn = MeshBuilder.build(List.of(houses, twoLods), LOD, grid, 0).numberedFrom(7);

        assertEquals(meshedInPlace.objects(), numberedOn.objects());
        assertEquals(meshedInPlace.indexById(), numberedOn.indexById());
        assertEquals(meshedInPlace.triangles(), numberedOn.triangles());
        assertEquals(meshedInPlace.parts().size(), numberedOn.parts().size());
        for (int i = 0; i < meshedInPlace.parts().size(); i++) {
            MeshPart expected = meshedInPlace.parts().get(i);
            MeshPart actual = numberedOn.parts().get(i);
            assertEquals(expected.tileColumn() + " " + expected.tileRow() + " " + expected.surfaceClass() + " " + expected.detail() + " " + expected.lowWalls(),
                    actual.tileColumn() + " " + actual.tileRow() + " " + actual.surfaceClass() + " " + actual.detail() + " " + actual.lowWalls());
            assertArrayEquals(expected.points(), actual.points());
            assertArrayEquals(expected.faces(), actual.faces());
            assertArrayEquals(expected.faceToObject(), actual.faceToObject(), "faces name their objects city-wide");
            assertArrayEquals(expected.texelObject(), actual.texelObject(), "texels name their objects city-wide");
            assertArrayEquals(expected.texelArgb(), actual.texelArgb());
            assertTrue(Arrays.stream(actual.faceToObject()).allMatch(object -> object >= 7 && object < 7 + numberedOn.objects().size()));
        }
    }

    @Test
    void ofTwoObjectsWithOneIdTheFirstChunksKeepsTheId() throws IOException {
        CityModel houses = MeshBuilderTest.threeHouses();
        MeshBuilder.Grid grid = MeshBuilder.grid(List.of(houses), LOD);
        CityMeshes together = MeshBuilder.build(List.of(houses, houses), LOD, grid, 0);
        CityMeshes first = MeshBuilder.build(List.of(houses), LOD, grid, 0);
        CityMeshes joined = first.append(MeshBuilder.build(List.of(houses), LOD, grid, 3));
        assertEquals(6, joined.objects().size());
        assertEquals(0, together.objectIndex("house-a"));
        assertEquals(together.objectIndex("house-a"), joined.objectIndex("house-a"));
        assertEquals(together.objectIndex("house-c"), joined.objectIndex("house-c"));
    }

    @Test
    void appendRefusesAChunkMeshedOnAnotherGrid() throws IOException {
        CityModel houses = MeshBuilderTest.threeHouses();
        CityModel gable = MeshBuilderTest.gableHouse();
        MeshBuilder.Grid grid = MeshBuilder.grid(List.of(houses, gable), LOD);
        CityMeshes first = MeshBuilder.build(List.of(houses), LOD, grid, 0);
        CityMeshes ownGrid = MeshBuilder.build(List.of(gable), LOD, MeshBuilder.grid(List.of(gable), LOD), 3);
        assertThrows(IllegalArgumentException.class, () -> first.append(ownGrid), "another origin");
        MeshBuilder.Grid finer = new MeshBuilder.Grid(grid.origin().clone(), grid.tileSize() / 2);
        CityMeshes finerTiles = MeshBuilder.build(List.of(gable), LOD, finer, 3);
        assertThrows(IllegalArgumentException.class, () -> first.append(finerTiles), "the same origin, another tile size");
        double[] higher = grid.origin().clone();
        higher[2] += 1;
        CityMeshes raised = MeshBuilder.build(List.of(gable), LOD, new MeshBuilder.Grid(higher, grid.tileSize()), 3);
        assertThrows(IllegalArgumentException.class, () -> first.append(raised), "another ground height");
    }

    @Test
    void modelsFallIntoTheGridsTilesCountedFromItsOrigin() throws IOException {
        // The houses stand 350000 to 350092 m east, 5660000 to 5660010 m north; the gable house 5 km east of them.
        MeshBuilder.Grid grid = new MeshBuilder.Grid(new double[]{350000, 5660000, 40}, 1000);
        CityMeshes houses = MeshBuilder.build(List.of(MeshBuilderTest.threeHouses()), LOD, grid, 0);
        CityMeshes gable = MeshBuilder.build(List.of(MeshBuilderTest.gableHouse()), LOD, grid, 3);
        assertTrue(houses.parts().stream().allMatch(part -> part.tileColumn() == 0 && part.tileRow() == 0));
        assertTrue(gable.parts().stream().allMatch(part -> part.tileColumn() == 5 && part.tileRow() == 0));
        MeshBuilder.Grid west = new MeshBuilder.Grid(new double[]{352500, 5660500, 40}, 1000);
        CityMeshes westOfOrigin = MeshBuilder.build(List.of(MeshBuilderTest.threeHouses()), LOD, west, 0);
        assertTrue(westOfOrigin.parts().stream().allMatch(part -> part.tileColumn() == -3 && part.tileRow() == -1),
                "tiles west and south of the origin count negative: floor, not truncation");
    }
}
