package de.dormagentwin.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.model.io.TexturedCube;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Textured surfaces meshed into their tile's atlas part: arrays only, no pixels drawn. */
class TexturedMeshTest {
    private static final int RED = 0xFFE01010;
    private static final int BLUE = 0xFF1010E0;

    @TempDir
    Path folder;

    /** The textured cube over a 64 x 32 image, red on its left half and blue on its right. */
    private CityModel cube(String textureVertices) throws IOException {
        TexturedCube.halves(folder.resolve("cube.png"), 64, 32, RED, BLUE);
        CityModel model = CityJsonReader.read(TexturedCube.write(folder, "cube.city.json", TexturedCube.cityJson("cube.png", textureVertices)));
        assertEquals(List.of(), model.notes());
        return model;
    }

    private static List<MeshPart> textured(CityMeshes meshes) {
        return meshes.parts().stream().filter(part -> part.atlas() != null).toList();
    }

    /** The atlas colour at each corner's texture coordinate, as a GPU samples it (nearest pixel). */
    private static Set<String> cornerColours(MeshPart part) {
        Set<String> colours = new TreeSet<>();
        TextureAtlas atlas = part.atlas();
        for (int corner = 0; corner < part.faces().length / 3; corner++) {
            int coordinate = part.faces()[corner * 3 + 2];
            float u = part.texCoords()[coordinate * 2];
            float v = part.texCoords()[coordinate * 2 + 1];
            assertTrue(u >= 0 && u <= 1 && v >= 0 && v <= 1, u + ", " + v);
            int x = Math.min(atlas.width() - 1, (int) (u * atlas.width()));
            int y = Math.min(atlas.height() - 1, (int) (v * atlas.height()));
            colours.add(Integer.toHexString(atlas.argb()[y * atlas.width() + x]));
        }
        return colours;
    }

    @Test
    void aTexturedCubesFacesGoIntoOneAtlasPartWhoseCornersSampleBothHalvesOfTheImage() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(cube("[[0,0],[1,0],[1,1],[0,1]]")), LodChoice.HIGHEST);
        List<MeshPart> textured = textured(meshes);
        assertEquals(1, textured.size(), meshes.parts().toString());
        MeshPart part = textured.get(0);
        assertEquals(10, part.triangleCount(), "the roof and four walls; the bottom has no texture");
        assertEquals(1, part.texelObject().length, "one texel for the cube's overlay and selection colour");
        assertEquals(0, part.texelArgb()[0], "the cube shows its textures");
        assertEquals(12, meshes.triangles());
        assertEquals(2, meshes.parts().stream().filter(p -> p.atlas() == null).mapToInt(MeshPart::triangleCount).sum(), "the bottom");
        assertEquals(Set.of(Integer.toHexString(RED), Integer.toHexString(BLUE)), cornerColours(part));
        assertEquals(64, part.atlas().cells()[2], "the image at its own size");
        assertEquals(32, part.atlas().cells()[3]);
        assertEquals(List.of(), meshes.notes());
    }

    @Test
    void textureCoordinatesBeyondOneImageAreShiftedByWholeImages() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(cube("[[2,-1],[3,-1],[3,0],[2,0]]")), LodChoice.HIGHEST);
        List<MeshPart> textured = textured(meshes);
        assertEquals(1, textured.size());
        assertEquals(Set.of(Integer.toHexString(RED), Integer.toHexString(BLUE)), cornerColours(textured.get(0)));
        assertEquals(List.of(), meshes.notes());
    }

    @Test
    void aTextureThatRepeatsAcrossASurfaceIsDrawnInItsColourWithANote() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(cube("[[0,0],[3,0],[3,3],[0,3]]")), LodChoice.HIGHEST);
        assertEquals(List.of(), textured(meshes));
        assertEquals(12, meshes.triangles());
        assertEquals(List.of("5 textured surfaces are drawn in their colour: their textures repeat across them, which a tile's texture"
                + " atlas cannot draw"), meshes.notes());
    }

    /** The viewer's load meshes a folder's tiles on a pool from object 0 and numbers them on in order. */
    @Test
    void aTexturedChunkNumberedOnKeepsItsAtlasAndItsNotes() throws IOException {
        CityModel cube = cube("[[0,0],[1,0],[1,1],[0,1]]");
        MeshBuilder.Grid grid = MeshBuilder.grid(List.of(cube), LodChoice.HIGHEST);
        CityMeshes meshed = MeshBuilder.build(List.of(cube), LodChoice.HIGHEST, grid, 0, new TextureBudget(64 * 4));
        CityMeshes numbered = meshed.numberedFrom(5);
        assertEquals(1, meshed.notes().size(), "the small budget is noted");
        assertEquals(meshed.notes(), numbered.notes());
        MeshPart part = textured(numbered).get(0);
        assertSame(textured(meshed).get(0).atlas(), part.atlas());
        assertTrue(Arrays.stream(part.texelObject()).allMatch(object -> object == 5), Arrays.toString(part.texelObject()));
    }

    @Test
    void aSpentBudgetShrinksTheAtlasAndSaysSo() throws IOException {
        CityModel cube = cube("[[0,0],[1,0],[1,1],[0,1]]");
        TextureBudget budget = new TextureBudget(64 * 4);
        MeshBuilder.Grid grid = MeshBuilder.grid(List.of(cube), LodChoice.HIGHEST);
        CityMeshes first = MeshBuilder.build(List.of(cube), LodChoice.HIGHEST, grid, 0, budget);
        TextureAtlas atlas = textured(first).get(0).atlas();
        assertTrue(atlas.width() * atlas.height() <= 64, atlas.width() + " x " + atlas.height());
        assertEquals(1, first.notes().size(), first.notes().toString());
        assertTrue(first.notes().get(0).matches("cube\\.city\\.json, tile -?\\d+,-?\\d+: the textures of 1 image are drawn at \\d+% of their size,"
                + " to stay within 2048 x 2048 pixels per tile and the 256 bytes of textures a city may take"), first.notes().get(0));
        assertEquals(64 - atlas.width() * atlas.height(), budget.pixelsLeft());
        // Each further chunk gets at most what is left, down to the least an atlas is: a pixel for the image and one
        // for the cube's texel.
        TextureAtlas spent = atlas;
        for (int chunk = 1; chunk < 20 && spent.width() * spent.height() > 2; chunk++) {
            long left = budget.pixelsLeft();
            spent = textured(MeshBuilder.build(List.of(cube), LodChoice.HIGHEST, grid, chunk, budget)).get(0).atlas();
            assertTrue(spent.width() * spent.height() <= Math.max(2, left), spent.width() + " x " + spent.height() + " with " + left + " left");
        }
        assertEquals(0, budget.pixelsLeft());
        assertEquals(2, spent.width() * spent.height(), "nothing left: one pixel for the image, one for the cube's texel");
    }

    @Test
    void anImageThatWillNotDecodeIsDrawnInItsSurfacesColourWithANote() throws IOException {
        TexturedCube.declaredPng(folder.resolve("cube.png"), 16, 16);
        CityModel model = CityJsonReader.read(TexturedCube.write(folder, "cube.city.json", TexturedCube.cityJson("cube.png")));
        assertEquals(List.of(), model.notes(), "its header is sound");
        CityMeshes meshes = MeshBuilder.build(List.of(model), LodChoice.HIGHEST);
        TextureAtlas atlas = textured(meshes).get(0).atlas();
        Set<String> colours = new TreeSet<>();
        int[] cell = atlas.cells();
        for (int y = cell[1]; y < cell[1] + cell[3]; y++) {
            for (int x = cell[0]; x < cell[0] + cell[2]; x++) {
                colours.add(Integer.toHexString(atlas.argb()[y * atlas.width() + x]));
            }
        }
        assertEquals(Set.of(Integer.toHexString(SurfaceClass.styleArgb(model.object("cube"), SurfaceClass.ROOF))), colours,
                "the roof's colour: the first face that uses the image");
        assertEquals(1, meshes.notes().size(), meshes.notes().toString());
        assertTrue(meshes.notes().get(0).contains("texture image cube.png not drawn: it cannot be decoded"), meshes.notes().get(0));
    }

    @Test
    void anUntexturedCityHasNoAtlasPart() throws IOException {
        CityMeshes meshes = MeshBuilder.build(List.of(MeshBuilderTest.threeHouses()), LodChoice.HIGHEST);
        assertEquals(List.of(), textured(meshes));
        assertEquals(List.of(), meshes.notes());
    }

    @Test
    void theConformanceCasesWithTexturesMeshTheSameObjectsAndTrianglesWithTheirImagesThere() throws IOException {
        Path conformance = Path.of(System.getProperty("twin.corpus", "../shared/corpus"), "cityjson-conformance", "conformance");
        Assumptions.assumeTrue(Files.isDirectory(conformance), conformance.toAbsolutePath() + " is not there; test skipped");
        for (String name : List.of("geometry_texture_multisurface", "geometry_texture_solid", "geometry_texture_multisolid", "appearance_complete")) {
            Path source = conformance.resolve(name + ".city.json");
            Path copy = Files.copy(source, folder.resolve(source.getFileName()));
            for (JsonNode texture : new ObjectMapper().readTree(source.toFile()).path("appearance").path("textures")) {
                TexturedCube.halves(folder.resolve(texture.path("image").asText()), 4, 4, RED, BLUE);
            }
            CityModel without = CityJsonReader.read(source);
            CityModel with = CityJsonReader.read(copy);
            assertEquals(List.of(), with.problems(), name);
            // At most which theme is drawn: appearance_complete has a day and a night theme.
            with.notes().forEach(note -> assertTrue(note.contains("are drawn, the first in the file"), note));
            assertEquals(without.objects().size(), with.objects().size(), name);
            CityMeshes plain = MeshBuilder.build(List.of(without), LodChoice.HIGHEST);
            CityMeshes textured = MeshBuilder.build(List.of(with), LodChoice.HIGHEST);
            assertEquals(plain.triangles(), textured.triangles(), name);
            assertEquals(plain.objects().size(), textured.objects().size(), name);
            assertEquals(List.of(), textured(plain), name + " without its images");
            // The multi-surface case's points lie on one line: nothing of it is drawn, textured or not.
            assertEquals(plain.triangles() > 0, !textured(textured).isEmpty(), name + " with its images");
        }
    }

    @Test
    void aReal3dBagBuildingIsDrawnWithItsTexturesWhereItsImagesAreThere() throws IOException {
        Path source = Path.of(System.getProperty("twin.corpus", "../shared/corpus"), "3dbag", "1b_w_texture.city.json");
        Assumptions.assumeTrue(Files.isRegularFile(source), source.toAbsolutePath() + " is not there; test skipped");
        Path copy = Files.copy(source, folder.resolve(source.getFileName()));
        JsonNode textures = new ObjectMapper().readTree(source.toFile()).path("appearance").path("textures");
        for (JsonNode texture : textures) {
            // PNG bytes under the file's .jpg names: readers know an image by its bytes.
            TexturedCube.halves(folder.resolve(texture.path("image").asText()), 8, 8, RED, BLUE);
        }
        CityModel model = CityJsonReader.read(copy);
        assertEquals(List.of(), model.problems());
        assertEquals(List.of(), model.notes());
        assertEquals(textures.size(), model.textures().size());
        CityMeshes meshes = MeshBuilder.build(List.of(model), LodChoice.HIGHEST);
        assertEquals(MeshBuilder.build(List.of(CityJsonReader.read(source)), LodChoice.HIGHEST).triangles(), meshes.triangles());
        List<MeshPart> textured = textured(meshes);
        assertEquals(1, textured.size());
        assertEquals(textures.size(), textured.get(0).atlas().imageCount());
        assertEquals(List.of(), meshes.notes());
    }
}
