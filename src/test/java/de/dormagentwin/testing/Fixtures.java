package de.dormagentwin.testing;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.MeshBuilder;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** The small city models in the test resources, which tests of every layer draw, pick and export. */
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
        return MeshBuilder.build(List.of(CityJsonReader.read(scene(name))), LodChoice.HIGHEST);
    }
}
