package de.dormagentwin.scene;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityJsonReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeshBuilderTest {

    static CityModel threeHouses() throws IOException {
        return CityJsonReader.read(MeshBuilderTest.class.getResourceAsStream("three-houses.city.json"), "three-houses.city.json");
    }

    @Test
    void boxesBecomeTwelveTrianglesEachWithTheirSurfaceArea() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses()), LodChoice.HIGHEST);
        assertEquals(36, meshes.triangles());
        double expected = 2 * (2 * 12 * 10 + 2 * 12 * 8 + 2 * 10 * 8) + (2 * 12 * 10 + 2 * 12 * 14 + 2 * 10 * 14);
        assertEquals(expected, meshes.surfaceArea(), 1e-6);
    }

    @Test
    void roofsAndWallsGoToSeparateMergedParts() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses()), LodChoice.HIGHEST);
        long roofTriangles = meshes.parts().stream().filter(part -> part.surfaceClass() == SurfaceClass.ROOF).mapToLong(MeshPart::triangleCount).sum();
        assertEquals(6, roofTriangles);
        assertTrue(meshes.parts().size() <= 2 * MeshBuilder.TILES_PER_AXIS * MeshBuilder.TILES_PER_AXIS);
        assertTrue(meshes.parts().stream().allMatch(part -> part.surfaceClass() == SurfaceClass.ROOF || part.surfaceClass() == SurfaceClass.WALL));
    }

    @Test
    void everyFaceMapsToItsObjectAndSamplesThatObjectsTexel() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses()), LodChoice.HIGHEST);
        for (MeshPart part : meshes.parts()) {
            for (int face = 0; face < part.triangleCount(); face++) {
                int texel = part.faces()[face * 9 + 2];
                assertEquals(part.faceToObject()[face], part.texelObject()[texel]);
            }
        }
    }

    @Test
    void sceneAxesPutUpAlongNegativeYAndNorthAlongZ() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses()), LodChoice.HIGHEST);
        MeshPart roofs = meshes.parts().stream().filter(part -> part.surfaceClass() == SurfaceClass.ROOF).findFirst().orElseThrow();
        float[] normal = Arrays.copyOf(roofs.normals(), 3);
        assertEquals(0, normal[0], 1e-6);
        assertEquals(-1, normal[1], 1e-6);
        assertEquals(0, normal[2], 1e-6);
        assertEquals(40.0, meshes.origin()[2], 1e-9, "the ground stands at the houses' base");
    }

    @Test
    void objectsWithoutTheChosenLodAreNotDrawn() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(threeHouses()), LodChoice.parse("1"));
        assertEquals(0, meshes.triangles());
        assertTrue(meshes.parts().isEmpty());
    }
}
