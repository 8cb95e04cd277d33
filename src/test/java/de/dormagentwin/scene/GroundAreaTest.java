package de.dormagentwin.scene;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityJsonReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Land use is painted on the ground, not drawn as objects. */
class GroundAreaTest {

    /**
     * A wood of 200 x 100 m with a clearing, a field beside it, and a 10 m cube of a house in the wood, in metres
     * from (355000, 5660000, 40).
     */
    private static CityModel woodAndHouse() throws IOException {
        String json = """
                {"type": "CityJSON", "version": "2.0", "transform": {"scale": [1, 1, 1], "translate": [355000, 5660000, 40]},
                 "CityObjects": {
                  "wood": {"type": "LandUse", "attributes": {"function": "forest"},
                   "geometry": [{"type": "MultiSurface", "lod": "1", "boundaries": [[[0, 1, 2, 3], [4, 5, 6, 7]]]}]},
                  "field-1": {"type": "LandUse", "attributes": {"function": "farmland"},
                   "geometry": [{"type": "MultiSurface", "lod": "1", "boundaries": [[[1, 8, 9, 2]]]}]},
                  "house": {"type": "Building",
                   "geometry": [{"type": "MultiSurface", "lod": "1",
                    "boundaries": [[[10, 11, 12, 13]], [[14, 15, 16, 17]]]}]}},
                 "vertices": [[0, 0, 0], [200, 0, 0], [200, 100, 0], [0, 100, 0],
                              [20, 20, 0], [20, 40, 0], [40, 40, 0], [40, 20, 0],
                              [300, 0, 0], [300, 100, 0],
                              [100, 50, 0], [100, 60, 0], [110, 60, 0], [110, 50, 0],
                              [100, 50, 10], [110, 50, 10], [110, 60, 10], [100, 60, 10]]}
                """;
        return CityJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "wood.city.json");
    }

    @Test
    void landUseBecomesGroundAreasAndNotObjects() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(woodAndHouse()), LodChoice.HIGHEST);
        assertEquals(List.of("house"), meshes.objects().stream().map(object -> object.id()).toList());
        assertEquals(2, meshes.groundAreas().size());
        GroundArea wood = meshes.groundAreas().get(0);
        assertEquals(0xFF4F7A3F, wood.argb());
        assertTrue(wood.grain() > 0, "a wood has a canopy's grain");
        assertEquals(2, wood.rings().size(), "the clearing stays a hole");
        double[] origin = meshes.origin();
        float[] outer = wood.rings().get(0);
        // Scene x east and z north of the wood's south-west corner, from the scene's origin.
        assertArrayEquals(new float[]{(float) (355000 - origin[0]), (float) (5660000 - origin[1])},
                new float[]{outer[0], outer[1]}, 1e-3f);
        assertNotEquals(0, meshes.groundAreas().get(1).argb());
    }

    @Test
    void fieldsAreAPatchworkAndTheSameFieldAlwaysTheSameColour() throws IOException {
        CityModel model = woodAndHouse();
        var field = model.objects().stream().filter(object -> object.id().equals("field-1")).findFirst().orElseThrow();
        assertEquals(GroundArea.argbOf(field), GroundArea.argbOf(field));
        var wood = model.objects().stream().filter(object -> object.id().equals("wood")).findFirst().orElseThrow();
        assertNotEquals(GroundArea.argbOf(wood), GroundArea.argbOf(field));
    }
}
