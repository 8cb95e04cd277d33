package de.dormagentwin.scene;

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
    private static CityMeshes town;
    private Stage stage;
    private CityScene scene;

    @BeforeEach
    void open() throws Exception {
        Display3D.require();
        if (town == null) {
            town = Fixtures.meshes(Fixtures.writeTown(folder.resolve("town.city.json")));
        }
        FxThread.call(() -> {
            scene = new CityScene(town);
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
        CityMeshes house = Fixtures.meshes("gable-house.city.json");
        FxThread.call(() -> {
            scene = new CityScene(house);
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
