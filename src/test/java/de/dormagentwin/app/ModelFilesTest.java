package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.overlay.Bindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFilesTest {
    @TempDir
    Path folder;

    private static ModelFiles.Loaded load(List<Path> paths) {
        return TileLoader.load(paths, TerrainFiles.NONE, LodChoice.HIGHEST, chunk -> { }).loaded();
    }

    private static Path resource(String path) throws Exception {
        return Path.of(ModelFilesTest.class.getResource(path).toURI());
    }

    @Test
    void cityGmlLoadsWhereverCityJsonDoesChosenByContentNotName() throws Exception {
        Path gmlNamedXml = Files.copy(resource("/de/dormagentwin/model/io/nrw-tile.gml"), folder.resolve("tile.xml"));
        ModelFiles.Loaded loaded = load(List.of(gmlNamedXml, resource("/de/dormagentwin/scene/three-houses.city.json")));
        assertEquals(List.of(), loaded.failures());
        assertEquals(List.of(7, 3), loaded.models().stream().map(model -> model.objects().size()).toList());
    }

    @Test
    void folderLoadsItsTilesAndCityJsonAndLeavesOtherFilesOut() throws Exception {
        Files.copy(resource("/de/dormagentwin/model/io/nrw-tile.gml"), folder.resolve("LoD2_32_345_5663_1_NW.gml"));
        Files.copy(resource("/de/dormagentwin/model/io/citygml1-house.gml"), folder.resolve("house.xml"));
        Files.copy(resource("/de/dormagentwin/scene/three-houses.city.json"), folder.resolve("three-houses.city.json"));
        Files.writeString(folder.resolve("index.json"), "{\"datasets\": []}");
        Files.writeString(folder.resolve("variant.json"), "{\"type\": \"FeatureCollection\", \"features\": []}");
        Files.writeString(folder.resolve("metadata.xml"), "<?xml version=\"1.0\"?><MD_Metadata/>");
        Files.writeString(folder.resolve("readme.txt"), "tiles");
        ModelFiles.Loaded loaded = load(List.of(folder));
        assertEquals(List.of(), loaded.failures());
        assertEquals(List.of("LoD2_32_345_5663_1_NW.gml", "house.xml", "three-houses.city.json"),
                loaded.models().stream().map(CityModel::name).toList());
    }

    @Test
    void emptyFolderSaysWhatItLookedFor() throws Exception {
        ModelFiles.Loaded loaded = load(List.of(folder));
        assertEquals(List.of(folder + ": no CityGML (.gml, .xml) or CityJSON (.json, .jsonl) files in this folder"), loaded.failures());
        assertEquals(1, loaded.skippedObjects());
    }

    @Test
    void brokenTileInAFolderIsAFailureAndTheOtherTilesLoad() throws Exception {
        Files.copy(resource("/de/dormagentwin/model/io/nrw-tile.gml"), folder.resolve("a.gml"));
        Files.writeString(folder.resolve("b.gml"), "<core:CityModel");
        ModelFiles.Loaded loaded = load(List.of(folder));
        assertEquals(1, loaded.models().size());
        assertEquals(1, loaded.failures().size());
        assertTrue(loaded.failures().get(0).startsWith("b.gml: malformed XML at line 1"), loaded.failures().get(0));
    }

    @Test
    void theSampleShipsABindingForEveryDatastreamOfItsSimulatedNetwork() throws Exception {
        Bindings sample = Bindings.load(ModelFiles.sampleBindings());
        assertEquals(726, sample.bindings().size());
        assertTrue(sample.bindings().stream().allMatch(binding -> "simulator".equals(binding.source())));
        // The river gauge is a point in the Rhine; everything else belongs to a building, mast or stack.
        assertEquals(List.of("rhine-gauge/level"), sample.bindings().stream().filter(binding -> binding.position() != null)
                .map(Bindings.Binding::datastream).toList());
    }
}
