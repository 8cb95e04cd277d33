package de.dormagentwin.model.io;

import com.sun.net.httpserver.HttpServer;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Textures as the readers hand them on: per surface an image of the model's, per position u and v; and image
 * references from the file treated as the hostile text they are.
 */
class TextureReadingTest {
    private static final int RED = 0xE01010;
    private static final int BLUE = 0x1010E0;

    @TempDir
    Path folder;

    private static Geometry cube(CityModel model) {
        return model.object("cube").geometries().get(0);
    }

    /** The u v pairs of a surface's outer ring, in ring order. */
    private static List<Float> uv(Geometry geometry, int surface) {
        List<Float> values = new ArrayList<>();
        int ring = geometry.firstRing(surface);
        for (int position = geometry.firstVertex(ring); position < geometry.endVertex(ring); position++) {
            values.add(geometry.textureU(position));
            values.add(geometry.textureV(position));
        }
        return values;
    }

    @Test
    void aCityJsonSurfaceTakesItsImageAndTheUvOfEachVertex() throws IOException {
        TexturedCube.halves(folder.resolve("images/cube.png"), 8, 8, RED, BLUE);
        Path file = TexturedCube.write(folder, "cube.city.json", TexturedCube.cityJson("images/cube.png", "[[0.1,0.2],[0.9,0.2],[0.9,0.8],[0.1,0.8]]"));
        CityModel model = CityJsonReader.read(file);
        assertEquals(List.of(), model.problems());
        assertEquals(List.of(), model.notes());
        assertEquals(List.of(folder.resolve("images/cube.png").toAbsolutePath().normalize()), model.textures());
        Geometry cube = cube(model);
        assertEquals(Geometry.NO_TEXTURE, cube.surfaceTexture(0), "the bottom's ring is [null]");
        for (int surface = 1; surface < 6; surface++) {
            assertEquals(0, cube.surfaceTexture(surface));
            assertEquals(List.of(0.1f, 0.2f, 0.9f, 0.2f, 0.9f, 0.8f, 0.1f, 0.8f), uv(cube, surface));
        }
    }

    @Test
    void anUntexturedCityJsonGeometryCarriesNoTextureArrays() throws IOException {
        String text = TexturedCube.cityJson("cube.png").replaceAll(",\\s*\"texture\": \\{[^}]*}}", "");
        assertFalse(text.contains("\"texture\""), text);
        CityModel model = CityJsonReader.read(TexturedCube.write(folder, "plain.city.json", text));
        assertFalse(cube(model).hasTextures());
        assertEquals(List.of(), model.notes());
    }

    @Test
    void theConformanceSolidsTexturesLandOnTheSurfacesItsValuesName() throws IOException {
        Path source = Path.of(System.getProperty("twin.corpus", "../shared/corpus"), "cityjson-conformance", "conformance",
                "geometry_texture_solid.city.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(source), source.toAbsolutePath() + " is not there; test skipped");
        Path file = Files.copy(source, folder.resolve(source.getFileName()));
        TexturedCube.halves(folder.resolve("texture-0.png"), 4, 4, RED, BLUE);
        TexturedCube.halves(folder.resolve("texture-1.png"), 4, 4, BLUE, RED);
        CityModel model = CityJsonReader.read(file);
        assertEquals(List.of(), model.problems());
        assertEquals(List.of(), model.notes());
        int textured = 0;
        for (var object : model.objects()) {
            for (Geometry geometry : object.geometries()) {
                for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
                    if (geometry.surfaceTexture(surface) != Geometry.NO_TEXTURE) {
                        textured++;
                        assertTrue(model.textures().get(geometry.surfaceTexture(surface)).getFileName().toString().startsWith("texture-"));
                    }
                }
            }
        }
        assertTrue(textured > 0, "the file's solid has textured faces");
    }

    @Test
    void aMissingImageIsANoteAndTheSurfaceKeepsItsMaterialColour() throws IOException {
        String text = TexturedCube.cityJson("missing.png")
                .replace("\"appearance\": {", "\"appearance\": {\"materials\": [{\"name\": \"m\", \"diffuseColor\": [0, 0.5, 1]}], ")
                .replace("\"texture\":", "\"material\": {\"m\": {\"value\": 0}}, \"texture\":");
        CityModel model = CityJsonReader.read(TexturedCube.write(folder, "cube.city.json", text));
        assertEquals(List.of(), model.problems());
        assertEquals(List.of(), model.textures());
        assertEquals(List.of("cube.city.json: texture image `missing.png` not drawn: the file is missing; its 5 surfaces are"
                + " drawn in their material's colour or the viewer's"), model.notes());
        Geometry cube = cube(model);
        for (int surface = 0; surface < 6; surface++) {
            assertEquals(Geometry.NO_TEXTURE, cube.surfaceTexture(surface));
            assertEquals(0xFF0080FF, cube.surfaceColor(surface));
        }
    }

    @Test
    void hostileImageReferencesAreRefusedWithANoteAndNothingOutsideIsRead() throws IOException {
        Path model = folder.resolve("model");
        // Real images where each reference leads: refused for where they are, not for being absent.
        Path outside = TexturedCube.halves(folder.resolve("outside.png"), 4, 4, RED, BLUE);
        TexturedCube.halves(model.resolve("inside.png"), 4, 4, RED, BLUE);
        TexturedCube.declaredPng(model.resolve("huge.png"), 100_000, 100_000);
        Files.createSymbolicLink(model.resolve("link.png"), outside);
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x.png";
            List<String> references = List.of("../outside.png", outside.toAbsolutePath().toString(), url, "huge.png", "link.png", "inside.png");
            String text = TexturedCube.walls(references);
            CityModel read = CityJsonReader.read(TexturedCube.write(model, "cube.city.json", text));
            assertEquals(List.of(), read.problems());
            assertEquals(List.of(model.resolve("inside.png").toAbsolutePath().normalize()), read.textures());
            List<String> notes = read.notes();
            assertEquals(5, notes.size(), notes.toString());
            assertTrue(notes.get(0).contains("`../outside.png` not drawn: it leads out of the model's folder"), notes.get(0));
            assertTrue(notes.get(1).contains("not drawn: it is an absolute path"), notes.get(1));
            assertTrue(notes.get(2).contains("`" + url + "` not drawn: it is a URL"), notes.get(2));
            assertTrue(notes.get(3).contains("`huge.png` not drawn: it declares 100000 x 100000 pixels"), notes.get(3));
            assertTrue(notes.get(4).contains("`link.png` not drawn: it leads out of the model's folder (through a link)"), notes.get(4));
            assertEquals(0, requests.get(), "nothing is fetched from the network");
            Geometry walls = read.object("walls").geometries().get(0);
            for (int surface = 0; surface < 5; surface++) {
                assertEquals(Geometry.NO_TEXTURE, walls.surfaceTexture(surface));
            }
            assertEquals(0, walls.surfaceTexture(5), "inside.png, the one image in the model's folder");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aControlCharacterInAnImageNameIsEscapedInItsNote() throws IOException {
        CityModel model = CityJsonReader.read(TexturedCube.write(folder, "cube.city.json", TexturedCube.cityJson("a\nforged line.png")));
        assertEquals(1, model.notes().size(), model.notes().toString());
        assertFalse(model.notes().get(0).contains("\n"), model.notes().get(0));
        assertTrue(model.notes().get(0).contains("forged line.png` not drawn: the file is missing"), model.notes().get(0));
    }

    @Test
    void aStreamHasNoFolderSoItsTexturesAreNotDrawnAndANoteSaysWhy() throws IOException {
        TexturedCube.halves(folder.resolve("cube.png"), 4, 4, RED, BLUE);
        byte[] json = TexturedCube.cityJson("cube.png").getBytes(StandardCharsets.UTF_8);
        CityModel model = CityJsonReader.read(new ByteArrayInputStream(json), "piped.city.json");
        assertEquals(List.of(), model.textures());
        assertEquals(1, model.notes().size());
        assertTrue(model.notes().get(0).contains("the model was not read from a file"), model.notes().get(0));
    }

    @Test
    void ofTwoCityJsonThemesTheFirstIsDrawnAndANoteNamesTheOther() throws IOException {
        TexturedCube.halves(folder.resolve("cube.png"), 4, 4, RED, BLUE);
        String text = TexturedCube.cityJson("cube.png");
        int start = text.indexOf("\"photo\": ");
        int end = text.indexOf("]]}", start) + 3;
        String photo = text.substring(start, end);
        text = text.replace(photo, photo + ", " + photo.replace("\"photo\"", "\"winter\"").replace("[[0,0,1,2,3]]", "[[5,0,1,2,3]]"));
        CityModel model = CityJsonReader.read(TexturedCube.write(folder, "cube.city.json", text));
        assertEquals(List.of("cube.city.json: textures of theme `photo` are drawn, the first in the file; those of `winter` are not"
                + " (one appearance is drawn at a time)"), model.notes());
        assertEquals(0, cube(model).surfaceTexture(1));
    }

    @Test
    void textureValuesThatDoNotFitTheRingsAreANoteAndTheObjectStillLoads() throws IOException {
        TexturedCube.halves(folder.resolve("cube.png"), 4, 4, RED, BLUE);
        String text = TexturedCube.cityJson("cube.png").replaceFirst("\\[\\[0,0,1,2,3]]", "[[0,0,1,2]]");
        CityModel model = CityJsonReader.read(TexturedCube.write(folder, "cube.city.json", text));
        assertEquals(List.of(), model.problems());
        assertEquals(List.of("cube.city.json: 1 surface's texture coordinates do not fit their rings; drawn in their material's colour"
                + " or the viewer's"), model.notes());
        assertEquals(Geometry.NO_TEXTURE, cube(model).surfaceTexture(1));
        assertEquals(0, cube(model).surfaceTexture(2));
    }

    private static final String GML_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0"
                xmlns:app="http://www.opengis.net/citygml/appearance/2.0" xmlns:gml="http://www.opengis.net/gml">
              <gml:boundedBy><gml:Envelope srsName="EPSG:25832" srsDimension="3">
                <gml:lowerCorner>350000 5660000 40</gml:lowerCorner><gml:upperCorner>350010 5660010 46</gml:upperCorner>
              </gml:Envelope></gml:boundedBy>
            """;

    private static String appearance(String element, String theme, String image) {
        return """
                <%1$s><app:Appearance>
                  <app:theme>%2$s</app:theme>
                  <app:surfaceDataMember><app:ParameterizedTexture>
                    <app:imageURI>%3$s</app:imageURI>
                    <app:target uri="#wall">
                      <app:TexCoordList>
                        <app:textureCoordinates ring="#wall-outer">0.1 0.2 0.9 0.2 0.9 0.8 0.1 0.8 0.1 0.2</app:textureCoordinates>
                      </app:TexCoordList>
                    </app:target>
                  </app:ParameterizedTexture></app:surfaceDataMember>
                </app:Appearance></%1$s>
                """.formatted(element, theme, image);
    }

    private static String building(String ownAppearance) {
        return """
                <core:cityObjectMember><bldg:Building gml:id="house">
                  %s
                  <bldg:boundedBy><bldg:WallSurface gml:id="ws"><bldg:lod2MultiSurface><gml:MultiSurface>
                    <gml:surfaceMember><gml:Polygon gml:id="wall"><gml:exterior><gml:LinearRing gml:id="wall-outer">
                      <gml:posList srsDimension="3">350000 5660000 40 350010 5660000 40 350010 5660000 46 350000 5660000 46 350000 5660000 40</gml:posList>
                    </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
                  </gml:MultiSurface></bldg:lod2MultiSurface></bldg:WallSurface></bldg:boundedBy>
                  <bldg:boundedBy><bldg:RoofSurface gml:id="rs"><bldg:lod2MultiSurface><gml:MultiSurface>
                    <gml:surfaceMember><gml:Polygon gml:id="roof"><gml:exterior><gml:LinearRing gml:id="roof-outer">
                      <gml:posList srsDimension="3">350000 5660000 46 350010 5660000 46 350010 5660010 46 350000 5660010 46 350000 5660000 46</gml:posList>
                    </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>
                  </gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
                </bldg:Building></core:cityObjectMember>
                """.formatted(ownAppearance);
    }

    /** The wall's texture and the roof's absence of one, with the wall's u v as the TexCoordList gives them. */
    private static void wallIsTextured(CityModel model, Path image) {
        assertEquals(List.of(), model.problems());
        assertEquals(List.of(image.toAbsolutePath().normalize()), model.textures());
        Geometry house = model.object("house").geometries().get(0);
        assertEquals(2, house.surfaceCount());
        int wall = "WallSurface".equals(house.semanticType(0)) ? 0 : 1;
        assertEquals(0, house.surfaceTexture(wall));
        assertEquals(Geometry.NO_TEXTURE, house.surfaceTexture(1 - wall));
        assertEquals(List.of(0.1f, 0.2f, 0.9f, 0.2f, 0.9f, 0.8f, 0.1f, 0.8f), uv(house, wall));
    }

    @Test
    void aCityGmlGlobalParameterizedTextureTexturesTheWallItTargets() throws IOException {
        Path image = TexturedCube.halves(folder.resolve("appearance/wall.png"), 4, 4, RED, BLUE);
        String gml = GML_HEAD + appearance("app:appearanceMember", "rgbTexture", "appearance/wall.png") + building("") + "</core:CityModel>";
        CityModel model = CityGmlReader.read(TexturedCube.write(folder, "house.gml", gml));
        wallIsTextured(model, image);
        assertEquals(List.of(), model.notes());
    }

    @Test
    void aCityGmlObjectsOwnTextureTexturesItsWallAndASecondThemeIsANote() throws IOException {
        Path image = TexturedCube.halves(folder.resolve("wall.png"), 4, 4, RED, BLUE);
        String own = appearance("app:appearance", "rgbTexture", "wall.png") + appearance("app:appearance", "infrared", "wall-ir.png");
        CityModel model = CityGmlReader.read(TexturedCube.write(folder, "house.gml", GML_HEAD + building(own) + "</core:CityModel>"));
        wallIsTextured(model, image);
        assertEquals(List.of("house.gml: textures of theme `rgbTexture` are drawn, the first in the file; those of `infrared` are not"
                + " (one appearance is drawn at a time)"), model.notes());
    }

    @Test
    void aCityGmlTexturesMissingImageIsANoteAndTheWallIsUntextured() throws IOException {
        String gml = GML_HEAD + appearance("app:appearanceMember", "rgbTexture", "../wall.png") + building("") + "</core:CityModel>";
        CityModel model = CityGmlReader.read(TexturedCube.write(folder.resolve("model"), "house.gml", gml));
        assertEquals(List.of(), model.problems());
        assertEquals(List.of("house.gml: texture image `../wall.png` not drawn: it leads out of the model's folder; its surface is"
                + " drawn in its material's colour or the viewer's"), model.notes());
        assertFalse(model.object("house").geometries().get(0).hasTextures());
    }

    @Test
    void cityGmlTextureTargetsBeyondWhatIsHeldAreCountedInANote() {
        Appearances appearances = new Appearances(folder.resolve("house.gml"), "house.gml", 2, 20);
        appearances.target("a", new Appearances.TextureTarget(0, Map.of("ra", new double[8])));
        appearances.target("b", new Appearances.TextureTarget(0, Map.of("rb", new double[8])));
        appearances.target("c", new Appearances.TextureTarget(0, Map.of("rc", new double[8])));
        appearances.target("a", new Appearances.TextureTarget(1, Map.of("ra", new double[2])));
        assertEquals(0, appearances.target("a").image(), "the first texture to name a surface wins");
        assertEquals(null, appearances.target("c"), "beyond 2 surfaces");
        List<String> notes = new ArrayList<>();
        appearances.addNotes(notes);
        assertEquals(List.of("house.gml: textures name more than 2 surfaces or 20 texture coordinates; 1 surface beyond those is drawn"
                + " in its material's colour or the viewer's"), notes);
        Appearances few = new Appearances(folder.resolve("house.gml"), "house.gml", 100, 20);
        few.target("a", new Appearances.TextureTarget(0, Map.of("ra", new double[16])));
        few.target("b", new Appearances.TextureTarget(0, Map.of("rb", new double[16])));
        assertEquals(null, few.target("b"), "beyond 20 coordinates");
    }

    @Test
    void aReversedCityGmlSurfaceKeepsEachPositionsTextureCoordinates() throws IOException {
        Path image = TexturedCube.halves(folder.resolve("wall.png"), 4, 4, RED, BLUE);
        String reversed = building("").replace("<gml:surfaceMember><gml:Polygon gml:id=\"wall\">",
                        "<gml:surfaceMember><gml:OrientableSurface orientation=\"-\"><gml:baseSurface><gml:Polygon gml:id=\"wall\">")
                .replace("</gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember>\n  </gml:MultiSurface></bldg:lod2MultiSurface></bldg:WallSurface>",
                        "</gml:LinearRing></gml:exterior></gml:Polygon></gml:baseSurface></gml:OrientableSurface></gml:surfaceMember>\n  </gml:MultiSurface></bldg:lod2MultiSurface></bldg:WallSurface>");
        assertTrue(reversed.contains("</gml:OrientableSurface>"), reversed);
        String gml = GML_HEAD + appearance("app:appearanceMember", "rgbTexture", "wall.png") + reversed + "</core:CityModel>";
        CityModel model = CityGmlReader.read(TexturedCube.write(folder, "house.gml", gml));
        assertEquals(List.of(), model.problems());
        assertEquals(List.of(image.toAbsolutePath().normalize()), model.textures());
        Geometry house = model.object("house").geometries().get(0);
        int wall = "WallSurface".equals(house.semanticType(0)) ? 0 : 1;
        assertEquals(0, house.surfaceTexture(wall));
        // Whatever the order the positions now run in, each keeps the u v the file gave its corner.
        Map<String, List<Float>> byCorner = Map.of("0 40", List.of(0.1f, 0.2f), "10 40", List.of(0.9f, 0.2f),
                "10 46", List.of(0.9f, 0.8f), "0 46", List.of(0.1f, 0.8f));
        int ring = house.firstRing(wall);
        assertEquals(4, house.endVertex(ring) - house.firstVertex(ring));
        List<String> corners = new ArrayList<>();
        for (int position = house.firstVertex(ring); position < house.endVertex(ring); position++) {
            int vertex = house.vertexIndex(position);
            String corner = Math.round(model.x(vertex) - 350000) + " " + Math.round(model.z(vertex));
            corners.add(corner);
            assertEquals(byCorner.get(corner), List.of(house.textureU(position), house.textureV(position)), corner);
        }
        assertEquals(List.of("0 46", "10 46", "10 40", "0 40"), corners, "reversed: the file's ring runs 0 40, 10 40, 10 46, 0 46");
    }
}
