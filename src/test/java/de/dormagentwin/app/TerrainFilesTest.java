package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerrainFilesTest {
    @TempDir
    Path folder;

    @Test
    void aModelsTerrainIsTheFileBesideItNamedUpToItsFirstDot() {
        assertEquals(Path.of("assets/dormagen.terrain.asc"), TerrainFiles.besideModel(Path.of("assets/dormagen.city.jsonl")));
        assertEquals(Path.of("LoD2_32_354_5663_1_NW.terrain.asc"), TerrainFiles.besideModel(Path.of("LoD2_32_354_5663_1_NW.gml")));
        assertEquals(Path.of(".hidden.terrain.asc"), TerrainFiles.besideModel(Path.of(".hidden")));
    }

    @Test
    void namedFilesTakeThePlaceOfThoseBesideTheModelsAndNoneMeansNone() throws Exception {
        Path model = Files.writeString(folder.resolve("town.city.json"), "{}");
        Path beside = Files.writeString(folder.resolve("town.terrain.asc"), "");
        Path named = folder.resolve("dgm1_32_354_5663_1_nw.xyz");
        assertEquals(List.of(beside), TerrainFiles.of(null, false).resolve(List.of(model)));
        assertEquals(List.of(named), TerrainFiles.of(List.of(named), false).resolve(List.of(model)));
        assertEquals(List.of(), TerrainFiles.of(List.of(named), true).resolve(List.of(model)));
        assertEquals(List.of(), TerrainFiles.BESIDE_MODELS.resolve(List.of(folder.resolve("other.city.json"))), "no file, no terrain");
    }

    @Test
    void aBrokenTerrainFileLeavesTheCityOnTheFlatGroundAndSaysWhy() throws Exception {
        Path model = folder.resolve("three-houses.city.json");
        Files.copy(Fixtures.scene("three-houses.city.json"), model);
        Files.writeString(folder.resolve("three-houses.terrain.asc"), "ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n40\n");
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(model), TerrainFiles.BESIDE_MODELS, LodChoice.HIGHEST);
        assertEquals(3, prepared.meshes().objects().size());
        assertNull(prepared.meshes().terrain());
        assertEquals(1, prepared.terrainFailures().size());
        assertTrue(prepared.terrainFailures().get(0).endsWith("three-houses.terrain.asc: expected 2 heights (ncols 2 x nrows 1), found only 1 before the end"),
                prepared.terrainFailures().get(0));
    }

    @Test
    void aTerrainAroundTheModelIsMeshedAroundTheCitysOrigin() throws Exception {
        Path model = folder.resolve("three-houses.city.json");
        Files.copy(Fixtures.scene("three-houses.city.json"), model);
        // The fixture stands around 350,000 east, 5,660,000 north at 40 m: a flat 41 m square of 200 m around it.
        StringBuilder grid = new StringBuilder("ncols 21\nnrows 21\nxllcenter 349900\nyllcenter 5659900\ncellsize 10\n");
        grid.append("41 ".repeat(21 * 21)).append('\n');
        Files.writeString(folder.resolve("three-houses.terrain.asc"), grid);
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(model), TerrainFiles.BESIDE_MODELS, LodChoice.HIGHEST);
        assertNotNull(prepared.meshes().terrain(), prepared.terrainFailures().toString());
        double[] origin = prepared.meshes().origin();
        assertEquals(-(41 - origin[2]), prepared.meshes().terrain().sceneYAt(0, 0), 1e-6);
    }
}
