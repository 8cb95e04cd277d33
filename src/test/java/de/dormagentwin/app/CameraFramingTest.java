package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The camera frames what is there: a cluster of houses, one large hall, a single shed and a building drawn only by
 * its parts each come out whole and fill at least half the view's width or height, measured by projecting their
 * boxes through the real JavaFX camera in a window.
 */
@Rendering
class CameraFramingTest {
    @TempDir
    static Path folder;
    private static SceneFactory.Prepared town;
    private Stage stage;
    private CityScene scene;

    @BeforeEach
    void open() throws Exception {
        Display3D.require();
        if (town == null) {
            town = SceneFactory.prepare(List.of(writeTown(folder.resolve("town.city.json"))), TerrainFiles.NONE, LodChoice.HIGHEST);
        }
        FxThread.call(() -> {
            scene = new CityScene(town.meshes());
            StackPane root = new StackPane(scene.subScene());
            scene.subScene().widthProperty().bind(root.widthProperty());
            scene.subScene().heightProperty().bind(root.heightProperty());
            stage = new Stage();
            stage.setScene(new Scene(root, 1200, 800));
            stage.show();
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        FxThread.close(stage);
    }

    /**
     * A town of boxes, in metres east, north and up from its origin: twelve houses of 10 x 12 x 8 m in a district
     * 130 m across, a hall of 240 x 120 x 45 m 600 m east, a shed of 6 x 8 x 4 m 1.2 km east, and a building with
     * no geometry of its own whose two parts stand 1.5 km east.
     */
    static Path writeTown(Path file) throws Exception {
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

    /** The share of the view's width and height that the named objects' boxes take on screen, and whether all of them is in it. */
    private record Framed(double width, double height, boolean whole, String detail) {
        boolean fills() {
            return whole && Math.max(width, height) >= 0.5;
        }
    }

    private Framed framed(String camera, List<String> ids) throws Exception {
        return FxThread.call(() -> {
            scene.camera().set(scene.namedView(camera));
            Group probe = new Group();
            scene.addLayer(probe);
            Bounds view = scene.subScene().localToScreen(scene.subScene().getBoundsInLocal());
            double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
            for (String id : ids) {
                double[] c = scene.city().objectCentre(scene.city().meshes().objectIndex(id));
                for (int corner = 0; corner < 8; corner++) {
                    Point2D point = probe.localToScreen(c[0] + ((corner & 1) == 0 ? -1 : 1) * c[3] / 2,
                            c[1] + ((corner & 2) == 0 ? -1 : 1) * c[4] / 2, c[2] + ((corner & 4) == 0 ? -1 : 1) * c[5] / 2);
                    minX = Math.min(minX, point.getX());
                    maxX = Math.max(maxX, point.getX());
                    minY = Math.min(minY, point.getY());
                    maxY = Math.max(maxY, point.getY());
                }
            }
            boolean whole = minX >= view.getMinX() - 1 && maxX <= view.getMaxX() + 1 && minY >= view.getMinY() - 1 && maxY <= view.getMaxY() + 1;
            return new Framed((maxX - minX) / view.getWidth(), (maxY - minY) / view.getHeight(), whole,
                    String.format(Locale.ROOT, "%s: x %.0f..%.0f, y %.0f..%.0f in %s", camera, minX, maxX, minY, maxY, view));
        });
    }

    @Test
    void aClusterOfHousesComesOutWholeAndFillsTheView() throws Exception {
        Framed district = framed("Testdorf", IntStream.range(0, 12).mapToObj(i -> "house-" + (i / 4) + (i % 4)).toList());
        assertTrue(district.fills(), district.toString());
    }

    @Test
    void oneLargeBuildingComesOutWhole() throws Exception {
        Framed hall = framed("hall", List.of("hall"));
        assertTrue(hall.fills(), hall.toString());
    }

    @Test
    void aSingleShedIsNoSpeck() throws Exception {
        Framed shed = framed("shed", List.of("shed"));
        assertTrue(shed.fills(), shed.toString());
    }

    @Test
    void aBuildingDrawnByItsPartsIsFramedByThem() throws Exception {
        Framed pand = framed("pand", List.of("pand-1", "pand-2"));
        assertTrue(pand.fills(), pand.toString());
    }

    @Test
    void aModelOfOneHouseIsFramedWholeFromHomeAndFromAbove() throws Exception {
        SceneFactory.Prepared house = SceneFactory.prepare(List.of(Fixtures.scene("gable-house.city.json")), TerrainFiles.NONE,
                LodChoice.HIGHEST);
        FxThread.call(() -> {
            scene = new CityScene(house.meshes());
            StackPane root = new StackPane(scene.subScene());
            scene.subScene().widthProperty().bind(root.widthProperty());
            scene.subScene().heightProperty().bind(root.heightProperty());
            stage.setScene(new Scene(root, 1200, 800));
            return null;
        });
        // The town's range of positions is one point for one house: it must not cut the house's box down to it.
        for (String camera : List.of("home", "top")) {
            Framed framed = framed(camera, List.of("gable-house"));
            assertTrue(framed.fills(), framed.toString());
        }
    }

    @Test
    void theHomeViewShowsTheWholeTownFillingTheView() throws Exception {
        List<String> all = new ArrayList<>(IntStream.range(0, 12).mapToObj(i -> "house-" + (i / 4) + (i % 4)).toList());
        all.addAll(List.of("hall", "shed", "pand-1", "pand-2"));
        Framed home = framed("home", all);
        assertTrue(home.fills(), home.toString());
    }
}
