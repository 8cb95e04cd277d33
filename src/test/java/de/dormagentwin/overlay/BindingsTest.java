package de.dormagentwin.overlay;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Place;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.model.geo.Utm;
import de.dormagentwin.scene.CityLayer;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bindings file ties datastreams to the objects of the model on screen, by id or by position. */
@Rendering
class BindingsTest {
    @TempDir
    Path folder;

    private CityLayer city;

    @BeforeEach
    void threeHouses() throws Exception {
        Display3D.require();
        CityMeshes meshes = Fixtures.meshes("three-houses.city.json");
        city = FxThread.call(() -> new CityScene(meshes).city());
    }

    private Path file(String json) throws IOException {
        Path file = folder.resolve("bindings.json");
        Files.writeString(file, json);
        return file;
    }

    private static Latest value(String source, String datastream) {
        return new Latest(1, new Datastream(source, datastream, null, datastream, "PM10 concentration", "", "", "µg/m³", Classification.PUBLIC),
                null, Instant.EPOCH, 1, null, 1, null);
    }

    /** WGS84 of a point near an object's centre, off by {@code metres} to the east. */
    private double[] nearObject(String id, double metres) {
        double[] centre = city.objectCentre(city.meshes().objectIndex(id));
        double[] origin = city.meshes().origin();
        double[] wgs84 = Utm.etrs89Utm32ToWgs84(origin[0] + centre[0] + metres, origin[1] + centre[2]);
        return new double[]{wgs84[1], wgs84[0]};
    }

    @Test
    void everyBadBindingIsNamedWithItsNumberAndNothingIsLoaded() throws Exception {
        IOException error = assertThrows(IOException.class, () -> Bindings.load(file("""
                {"bindings": [
                  {"datastream": "a", "object": "house-a"},
                  {"object": "house-b"},
                  {"datastream": "c", "object": "house-c", "position": [6.8, 51.1]},
                  {"datastream": "d", "position": [600, 51.1]}
                ]}""")));
        String message = error.getMessage();
        assertTrue(message.contains("bindings.json: binding 2: 'datastream'"), message);
        assertTrue(message.contains("binding 3: give exactly one of 'object'"), message);
        assertTrue(message.contains("binding 4: 'position' must be [longitude, latitude]"), message);
        assertEquals(3, message.lines().count(), message);

        IOException notJson = assertThrows(IOException.class, () -> Bindings.load(file("{\"bindings\": [")));
        assertTrue(notJson.getMessage().contains("bindings.json: not valid JSON"), notJson.getMessage());
    }

    @Test
    void objectsAndPositionsResolveAgainstTheModelAndWhatDoesNotIsReported() throws Exception {
        double[] nearC = nearObject("house-c", 20);
        double[] far = nearObject("house-c", 5000);
        Bindings bindings = Bindings.load(file(String.format(Locale.ROOT, """
                {"bindings": [
                  {"source": "frost", "datastream": "7", "object": "house-a"},
                  {"datastream": "8", "position": [%.7f, %.7f]},
                  {"datastream": "9", "object": "house-z"},
                  {"datastream": "10", "position": [%.7f, %.7f]}
                ]}""", nearC[0], nearC[1], far[0], far[1])));
        List<String> problems = bindings.resolve(city);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("object 'house-z' is not in the model"), problems.get(0));

        List<Latest> bound = bindings.apply(List.of(value("frost", "7"), value("other", "7"), value("any", "8"), value("any", "9"),
                value("any", "10")));
        assertEquals("house-a", bound.get(0).objectId());
        assertNull(bound.get(1).objectId(), "a binding with a source binds that source's datastream only");
        assertEquals("house-c", bound.get(2).objectId());
        assertNull(bound.get(3).objectId());
        assertEquals(Place.point(far[0], far[1]), bound.get(4).objectId(), "a position far from any object stands on its own");
    }
}
