package de.dormagentwin.scene;

import de.dormagentwin.model.TerrainGrid;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.robot.Robot;
import javafx.scene.shape.Box;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.Sphere;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real clicks, through the X server, measure on the three-houses fixture. House B stands in the scene's middle on
 * x −6..6, z −5..5 with its flat roof 14 m up (y = −14); the camera looks straight down on it from 60 m above the
 * roof, where a pixel spans about 7 cm.
 */
@Rendering
class MeasurementPickingTest {
    private static final OrbitCamera.View ABOVE_HOUSE_B = new OrbitCamera.View(0, -14, 0, 0, 89.9, 60);
    /** Two pixels at the roof's distance: where a click lands is rounded to whole pixels. */
    private static final double PICK_TOLERANCE_METRES = 0.15;
    private static CityMeshes threeHouses;
    private Stage stage;
    private CityScene scene;
    private MeasurementLayer layer;

    @BeforeEach
    void threeHousesInAWindowThatMeasuresOnEveryClick() throws Exception {
        Display3D.require();
        if (threeHouses == null) {
            threeHouses = Fixtures.meshes("three-houses.city.json");
        }
        FxThread.call(() -> {
            scene = new CityScene(threeHouses);
            layer = new MeasurementLayer();
            scene.addLayer(layer.node());
            scene.camera().set(ABOVE_HOUSE_B);
            stage = new Stage();
            stage.setScene(new Scene(new Group(scene.subScene()), 800, 600));
            stage.setX(0);
            stage.setY(0);
            // On the window's scene: a click on open ground hits no node in the 3D view, yet still reaches it.
            stage.getScene().addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
                Point3D point = ScenePoints.under(scene, event);
                if (point != null) {
                    layer.add(point);
                }
            });
            stage.show();
            return null;
        });
        FxThread.settle();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxThread.call(() -> {
            stage.close();
            return null;
        });
    }

    /** Clicks where a point of the city shows on the screen. */
    private void click(Point3D cityPoint) throws Exception {
        FxThread.call(() -> {
            Point2D screen = scene.city().node().localToScreen(cityPoint);
            Robot robot = new Robot();
            robot.mouseMove(screen);
            robot.mouseClick(MouseButton.PRIMARY);
            return null;
        });
        FxThread.settle();
    }

    private Measurement measured() throws Exception {
        return FxThread.call(layer::measurement);
    }

    private static void assertNear(Point3D expected, Point3D actual, double tolerance) {
        assertTrue(expected.distance(actual) < tolerance, "expected about " + expected + ", picked " + actual);
    }

    @Test
    void twoClicksOnTheRoofAreAsFarApartAsThePointsClicked() throws Exception {
        click(new Point3D(-4, -14, -3));
        click(new Point3D(4, -14, 3));
        Measurement measurement = measured();
        assertEquals(2, measurement.points().size(), measurement.toString());
        assertEquals(10, measurement.distanceMetres(), 2 * PICK_TOLERANCE_METRES);
        assertEquals(0, measurement.heightMetres(), 0.01, "both points lie on the flat roof");
        assertEquals(-14, measurement.points().get(0).getY(), 0.01);
    }

    @Test
    void fromOpenGroundToTheFlatRoofIsTheBuildingsHeight() throws Exception {
        click(new Point3D(12, 0, 8));
        click(new Point3D(1, -14, 1));
        Measurement measurement = measured();
        assertEquals(2, measurement.points().size(), measurement.toString());
        assertNear(new Point3D(12, 0, 8), measurement.points().get(0), PICK_TOLERANCE_METRES);
        assertEquals(14, measurement.heightMetres(), 0.5);
    }

    @Test
    void aClickOnADrawnBallPicksTheRoofUnderIt() throws Exception {
        Point3D onRoof = new Point3D(2, -14, -2);
        click(onRoof);
        click(onRoof);
        Measurement measurement = measured();
        assertEquals(2, measurement.points().size(), measurement.toString());
        // A pickable ball would have been hit on its top, half a metre above the roof.
        assertEquals(-14, measurement.points().get(1).getY(), 0.01);
    }

    @Test
    void aPickOnAMovedLayerNodeIsTakenToTheCitysCoordinates() throws Exception {
        FxThread.call(() -> {
            // A 4 m cube standing on the ground east of house B: its pick comes in the cube's own coordinates.
            Box cube = new Box(4, 4, 4);
            cube.setTranslateX(15);
            cube.setTranslateY(-2);
            cube.setTranslateZ(-8);
            scene.addLayer(cube);
            return null;
        });
        FxThread.settle();
        click(new Point3D(15, -4, -8));
        Measurement measurement = measured();
        assertEquals(1, measurement.points().size(), measurement.toString());
        assertNear(new Point3D(15, -4, -8), measurement.points().get(0), PICK_TOLERANCE_METRES);
    }

    @Test
    void aClickOnTheTerrainMeasuresOnItsSlopeNotOnTheFlatGround() throws Exception {
        double[] origin = threeHouses.origin();
        // 200 m square around the houses, rising 10 % to the east: 2 m above the flat ground 20 m east of the middle.
        float[] heights = new float[21 * 21];
        for (int point = 0; point < heights.length; point++) {
            heights[point] = (float) (origin[2] + 0.1 * ((point % 21) * 10 - 100));
        }
        TerrainGrid slope = new TerrainGrid(origin[0] - 100, origin[1] - 100, 10, 21, 21, heights);
        double groundY = FxThread.call(() -> {
            scene.setTerrain(new TerrainLayer(threeHouses, List.of(slope)));
            return scene.terrain().sceneYAt(20, -9);
        });
        assertEquals(-2, groundY, 1e-3);
        assertEquals(origin[2] + 2, scene.terrain().heightAt(20, -9), 1e-3, "in metres above sea level");
        FxThread.settle();
        click(new Point3D(20, groundY, -9));
        Measurement measurement = measured();
        assertEquals(1, measurement.points().size(), measurement.toString());
        assertNear(new Point3D(20, groundY, -9), measurement.points().get(0), PICK_TOLERANCE_METRES);
    }

    @Test
    void theGroundUnderAScreenPointIsWhereThatPointOfTheGroundShows() throws Exception {
        for (Point3D ground : List.of(new Point3D(0, 0, 0), new Point3D(-15, 0, 12), new Point3D(20, 0, -9))) {
            Point3D found = FxThread.call(() -> {
                Point2D screen = scene.city().node().localToScreen(ground);
                return ScenePoints.onGround(scene, screen.getX(), screen.getY());
            });
            assertNotNull(found);
            assertNear(ground, found, 0.01);
        }
    }

    @Test
    void aScreenPointAboveTheHorizonHasNoGround() throws Exception {
        Point3D sky = FxThread.call(() -> {
            scene.camera().set(new OrbitCamera.View(0, 0, 0, 0, 5, 200));
            Point2D topMiddle = scene.subScene().localToScreen(scene.subScene().getWidth() / 2, 2);
            return ScenePoints.onGround(scene, topMiddle.getX(), topMiddle.getY());
        });
        assertNull(sky);
    }

    @Test
    void theLayerDrawsABallAtEachPointAndARodBetweenNeighbours() throws Exception {
        Point3D a = new Point3D(0, -14, 0);
        Point3D b = new Point3D(6, -14, 0);
        Point3D c = new Point3D(6, 0, 5);
        List<Node> drawn = FxThread.call(() -> {
            layer.add(a);
            layer.add(b);
            layer.add(c);
            layer.setClosed(true);
            return List.copyOf(((Group) layer.node()).getChildren());
        });
        assertTrue(FxThread.call(() -> layer.node().isMouseTransparent()));
        List<Sphere> balls = drawn.stream().filter(Sphere.class::isInstance).map(Sphere.class::cast).toList();
        List<Cylinder> rods = drawn.stream().filter(Cylinder.class::isInstance).map(Cylinder.class::cast).toList();
        assertEquals(3, balls.size());
        assertEquals(3, rods.size(), "two between neighbours and one closing the outline");
        // Transforms are read on the FX thread: a node caches them lazily, and a pulse may be computing them too.
        assertNear(b, FxThread.call(() -> balls.get(1).localToParent(Point3D.ZERO)), 1e-9);
        List<Point3D[]> ends = FxThread.call(() -> rods.stream().map(rod -> new Point3D[]{
                rod.localToParent(0, rod.getHeight() / 2, 0), rod.localToParent(0, -rod.getHeight() / 2, 0)}).toList());
        List<Point3D[]> segments = List.of(new Point3D[]{a, b}, new Point3D[]{b, c}, new Point3D[]{c, a});
        for (int i = 0; i < rods.size(); i++) {
            Point3D bottom = ends.get(i)[0];
            Point3D top = ends.get(i)[1];
            Point3D[] segment = segments.get(i);
            boolean joins = bottom.distance(segment[0]) + top.distance(segment[1]) < 1e-6
                    || bottom.distance(segment[1]) + top.distance(segment[0]) < 1e-6;
            assertTrue(joins, "rod " + i + " runs from " + bottom + " to " + top);
        }
        assertTrue(FxThread.call(() -> {
            layer.clear();
            return ((Group) layer.node()).getChildren().isEmpty();
        }));
        assertTrue(measured().isEmpty());
    }
}
