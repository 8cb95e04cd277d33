package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.MeshBuilder;
import de.dormagentwin.scene.MeshPart;
import de.dormagentwin.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench load's naive layout: the viewer's own triangles, a part per object and surface class, no far blocks. */
class PerObjectMeshesTest {
    /** Per object, its triangles' corners as sorted "x y z" lines: the same triangles, wherever they are kept. */
    private static Map<Integer, List<String>> cornersByObject(CityMeshes meshes) {
        Map<Integer, List<String>> corners = new HashMap<>();
        for (MeshPart part : meshes.parts()) {
            if (part.detail() == MeshPart.Detail.FAR) {
                continue;
            }
            for (int face = 0; face < part.triangleCount(); face++) {
                StringBuilder triangle = new StringBuilder();
                for (int corner = 0; corner < 3; corner++) {
                    int point = part.faces()[face * 9 + corner * 3] * 3;
                    triangle.append(part.points()[point]).append(' ').append(part.points()[point + 1]).append(' ').append(part.points()[point + 2]).append(';');
                }
                corners.computeIfAbsent(part.faceToObject()[face], object -> new ArrayList<>()).add(triangle.toString());
            }
        }
        corners.values().forEach(list -> list.sort(null));
        return corners;
    }

    @Test
    void everyObjectHasPartsOfItsOwnWithTheViewersTrianglesAndNoBlocks() throws Exception {
        List<CityModel> models = List.of(CityJsonReader.read(Fixtures.scene("three-houses.city.json")),
                CityJsonReader.read(Fixtures.scene("gable-house.city.json")));
        CityMeshes merged = MeshBuilder.build(models, LodChoice.HIGHEST);
        assertTrue(merged.parts().stream().anyMatch(part -> part.detail() == MeshPart.Detail.FAR), "the gable house has a far block");

        CityMeshes perObject = PerObjectMeshes.of(merged);

        assertEquals(cornersByObject(merged), cornersByObject(perObject));
        assertEquals(merged.objects(), perObject.objects());
        for (MeshPart part : perObject.parts()) {
            int object = part.faceToObject()[0];
            assertTrue(Arrays.stream(part.faceToObject()).allMatch(each -> each == object), "one object a part");
            assertTrue(Arrays.stream(part.texelObject()).allMatch(each -> each == object), "its texels its own");
            assertEquals(MeshPart.Detail.ALWAYS, part.detail());
            for (int face = 0; face < part.triangleCount(); face++) {
                int texel = part.faces()[face * 9 + 2];
                assertTrue(texel < part.texelArgb().length && part.texelArgb()[texel] != 0, "each face samples a texel with a colour");
            }
        }
        long objectsWithParts = perObject.parts().stream().mapToInt(part -> part.faceToObject()[0]).distinct().count();
        assertEquals(merged.objects().size(), objectsWithParts);
    }
}
