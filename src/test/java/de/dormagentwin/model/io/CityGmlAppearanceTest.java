package de.dormagentwin.model.io;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CityGML appearances: X3DMaterial colours the surfaces it targets; textures whose images are not there are named as not drawn, not refused. */
class CityGmlAppearanceTest {

    private static Path real(String name) {
        Path file = Path.of(System.getProperty("twin.corpus", "../shared/corpus"), "real", name);
        Assumptions.assumeTrue(Files.isRegularFile(file), file.toAbsolutePath() + " is not there; real CityGML tests skipped");
        return file;
    }

    /** Every surface colour of every geometry of the model's objects, NO_COLOR included. */
    private static List<Integer> colours(CityModel model) {
        List<Integer> colours = new ArrayList<>();
        for (CityObject object : model.objects()) {
            for (Geometry geometry : object.geometries()) {
                for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
                    colours.add(geometry.surfaceColor(surface));
                }
            }
        }
        return colours;
    }

    @Test
    void theFzkHousesFileLevelMaterialColoursItsSurfaceAndIsNoProblem() throws IOException {
        CityModel house = CityGmlReader.read(real("FZK-House-LoD2-KIT-IAI-KHH-V2.gml"));
        assertEquals(List.of(), house.problems());
        List<Integer> colours = colours(house);
        // diffuseColor 0.99609375 0 0 on one polygon of the house's 7 surfaces.
        assertEquals(1, colours.stream().filter(argb -> argb == 0xFFFE0000).count(), colours.toString());
        assertEquals(colours.size() - 1, colours.stream().filter(argb -> argb == Geometry.NO_COLOR).count());
    }

    @Test
    void theLod3HousesTwoMaterialsColourTheirTargets() throws IOException {
        CityModel house = CityGmlReader.read(real("FZK-House-LoD3-KIT-IAI-KHH-V2.gml"));
        assertEquals(List.of(), house.problems());
        List<Integer> colours = colours(house);
        assertTrue(colours.contains(0xFFFE0000), "the roof's red");
        assertTrue(colours.contains(0xFFF4BF73), "the round windows' 0.957 0.75 0.449");
    }

    @Test
    void aCityJsonFilesTexturesWithoutTheirImagesAreNamedAsNotDrawnAndAreNoProblem() throws IOException {
        Path file = Path.of(System.getProperty("twin.corpus", "../shared/corpus"), "3dbag", "1b_w_texture.city.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), file.toAbsolutePath() + " is not there; test skipped");
        CityModel model = CityJsonReader.read(file);
        assertEquals(List.of(), model.problems());
        // The corpus has the file without its images.
        assertFalse(model.notes().isEmpty());
        for (String note : model.notes()) {
            assertTrue(note.matches("1b_w_texture\\.city\\.json: texture image `appearance/tex_\\d+\\.jpg` not drawn: the file is missing; its .*"), note);
        }
        assertEquals(List.of(), model.textures());
    }

    @Test
    void anObjectsOwnMaterialColoursItsWallAndATextureReadFromAStreamIsNamedAsNotDrawn() throws IOException {
        String xml;
        try (InputStream in = CityGmlAppearanceTest.class.getResourceAsStream("citygml1-house.gml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String appearance = """
                <bldg:Building gml:id="DEBY_LOD2_1">
                  <app:appearance xmlns:app="http://www.opengis.net/citygml/appearance/1.0">
                    <app:Appearance>
                      <app:theme>photo</app:theme>
                      <app:surfaceDataMember>
                        <app:X3DMaterial>
                          <app:diffuseColor>0 0.5 1</app:diffuseColor>
                          <app:target>#DEBY_LOD2_1_WS1_P</app:target>
                        </app:X3DMaterial>
                      </app:surfaceDataMember>
                      <app:surfaceDataMember>
                        <app:ParameterizedTexture>
                          <app:imageURI>wall.jpg</app:imageURI>
                          <app:target uri="#DEBY_LOD2_1_WS2_P">
                            <app:TexCoordList>
                              <app:textureCoordinates ring="#DEBY_LOD2_1_WS2_R">0 0 1 0 1 1 0 1 0 0</app:textureCoordinates>
                            </app:TexCoordList>
                          </app:target>
                        </app:ParameterizedTexture>
                      </app:surfaceDataMember>
                    </app:Appearance>
                  </app:appearance>
                """;
        assertTrue(xml.contains("<bldg:Building gml:id=\"DEBY_LOD2_1\">"));
        xml = xml.replace("<bldg:Building gml:id=\"DEBY_LOD2_1\">", appearance);
        CityModel model = CityGmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "textured.gml");
        assertTrue(colours(model).contains(0xFF0080FF), "the wall's own material: " + colours(model));
        assertEquals(List.of(), model.problems(), "a texture is no problem");
        assertEquals(1, model.notes().size(), model.notes().toString());
        assertTrue(model.notes().get(0).contains("texture image `wall.jpg` not drawn: the model was not read from a file"), model.notes().get(0));
        assertTrue(model.objects().size() >= 1, "the house loads");
    }
}
