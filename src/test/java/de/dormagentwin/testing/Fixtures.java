package de.dormagentwin.testing;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.MeshBuilder;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** The small city models of the tests, from the resources or written on the spot, which tests of every layer draw, pick and export. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A model under {@code src/test/resources/de/dormagentwin/scene}, e.g. {@code "three-houses.city.json"}. */
    public static Path scene(String name) throws URISyntaxException {
        URL resource = Fixtures.class.getResource("/de/dormagentwin/scene/" + name);
        if (resource == null) {
            throw new IllegalArgumentException("no scene fixture " + name);
        }
        return Path.of(resource.toURI());
    }

    /**
     * A fixture read and meshed at its highest LoD on its own grid, as the viewer meshes a single file that has no
     * terrain beside it: for tests of the scene, overlays and panes, which need meshes but not the viewer's loading.
     */
    public static CityMeshes meshes(String name) throws IOException, URISyntaxException {
        return meshes(scene(name));
    }

    /** As {@link #meshes(String)}, for a CityJSON file a test wrote. */
    public static CityMeshes meshes(Path file) throws IOException {
        return MeshBuilder.build(List.of(CityJsonReader.read(file)), LodChoice.HIGHEST);
    }

    /**
     * A town of boxes, written to {@code file} as CityJSON, in metres east, north and up from its origin: twelve houses of 10 x 12 x 8 m in a district
     * 130 m across, a hall of 240 x 120 x 45 m 600 m east, a shed of 6 x 8 x 4 m 1.2 km east, and a building with
     * no geometry of its own whose two parts stand 1.5 km east.
     */
    public static Path writeTown(Path file) throws IOException {
        List<String> objects = new ArrayList<>();
        List<String> vertices = new ArrayList<>();
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 4; column++) {
                objects.add(box("house-" + row + column, "Building", "\"district\": \"Testdorf\"", vertices, column * 40, row * 40, 10, 12, 8));
            }
        }
        objects.add(box("hall", "Building", "\"function\": \"hall\"", vertices, 600, 0, 240, 120, 45));
        objects.add(box("shed", "Building", "\"function\": \"shed\"", vertices, 1200, 0, 6, 8, 4));
        objects.add("\"pand\": {\"type\": \"Building\", \"children\": [\"pand-1\", \"pand-2\"]}");
        objects.add(box("pand-1", "BuildingPart", "\"storeys\": 2", vertices, 1500, 0, 12, 10, 7).replace("\"attributes\"", "\"parents\": [\"pand\"], \"attributes\""));
        objects.add(box("pand-2", "BuildingPart", "\"storeys\": 3", vertices, 1512, 0, 8, 10, 10).replace("\"attributes\"", "\"parents\": [\"pand\"], \"attributes\""));
        Files.writeString(file, "{\"type\": \"CityJSON\", \"version\": \"2.0\", \"transform\": {\"scale\": [0.01, 0.01, 0.01], "
                + "\"translate\": [350000, 5660000, 40]}, \"metadata\": {\"referenceSystem\": \"https://www.opengis.net/def/crs/EPSG/0/25832\"}, "
                + "\"CityObjects\": {" + String.join(", ", objects) + "}, \"vertices\": [" + String.join(", ", vertices) + "]}");
        return file;
    }

    /**
     * Boxes written to {@code file} as CityJSON in EPSG:25832 around (350000, 5660000, 40): each box is {east, north,
     * width, depth, height} in metres from there, its south-west corner first; they are named box-0, box-1 ...
     */
    public static Path writeBoxes(Path file, double[]... boxes) throws IOException {
        List<String> objects = new ArrayList<>();
        List<String> vertices = new ArrayList<>();
        for (int i = 0; i < boxes.length; i++) {
            double[] b = boxes[i];
            objects.add(box("box-" + i, "Building", "\"storeys\": 1", vertices, b[0], b[1], b[2], b[3], b[4]));
        }
        Files.writeString(file, "{\"type\": \"CityJSON\", \"version\": \"2.0\", \"transform\": {\"scale\": [0.01, 0.01, 0.01], "
                + "\"translate\": [350000, 5660000, 40]}, \"metadata\": {\"referenceSystem\": \"https://www.opengis.net/def/crs/EPSG/0/25832\"}, "
                + "\"CityObjects\": {" + String.join(", ", objects) + "}, \"vertices\": [" + String.join(", ", vertices) + "]}");
        return file;
    }

    private static String box(String id, String type, String attributes, List<String> vertices, double east, double north,
                              double width, double depth, double height) {
        int first = vertices.size();
        for (int corner = 0; corner < 8; corner++) {
            vertices.add(String.format(Locale.ROOT, "[%d, %d, %d]", Math.round((east + ((corner & 1) == 0 ? 0 : width)) * 100),
                    Math.round((north + ((corner & 2) == 0 ? 0 : depth)) * 100), Math.round((corner & 4) == 0 ? 0 : height * 100)));
        }
        int[] v = IntStream.range(first, first + 8).toArray();
        String faces = String.format(Locale.ROOT, "[[%d, %d, %d, %d]], [[%d, %d, %d, %d]], [[%d, %d, %d, %d]], [[%d, %d, %d, %d]], [[%d, %d, %d, %d]], [[%d, %d, %d, %d]]",
                v[0], v[2], v[3], v[1], v[4], v[5], v[7], v[6], v[0], v[1], v[5], v[4], v[1], v[3], v[7], v[5], v[3], v[2], v[6], v[7], v[2], v[0], v[4], v[6]);
        return "\"" + id + "\": {\"type\": \"" + type + "\", \"attributes\": {" + attributes + "}, \"geometry\": [{\"type\": \"Solid\", "
                + "\"lod\": \"2\", \"boundaries\": [[" + faces + "]]}]}";
    }
}
