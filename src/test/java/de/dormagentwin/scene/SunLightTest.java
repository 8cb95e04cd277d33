package de.dormagentwin.scene;

import de.dormagentwin.model.sun.SunPosition;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.geometry.Point3D;
import javafx.scene.AmbientLight;
import javafx.scene.DirectionalLight;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scene's light follows the sun over Dormagen: in the scene graph, and in rendered pixels of a roof. */
@Rendering
class SunLightTest {
    /** Local noon at the solstices, and a winter evening an hour and a half after sunset, at Dormagen. */
    private static final Instant SUMMER_NOON = Instant.parse("2024-06-21T11:34:33Z");
    private static final Instant WINTER_NOON = Instant.parse("2024-12-21T11:30:55Z");
    private static final Instant WINTER_EVENING = Instant.parse("2024-12-21T17:00:00Z");
    private static CityMeshes threeHouses;

    @BeforeEach
    void needsA3dDisplay() throws Exception {
        Display3D.require();
        if (threeHouses == null) {
            threeHouses = Fixtures.meshes("three-houses.city.json");
        }
    }

    private static DirectionalLight light(CityScene scene, String id) {
        return (DirectionalLight) scene.subScene().getRoot().lookup("#" + id);
    }

    /** What each light is set to, in one string, to compare a scene's lighting as a whole. */
    private static String lighting(CityScene scene) {
        DirectionalLight sun = light(scene, "sun");
        DirectionalLight fill = light(scene, "fill");
        AmbientLight ambient = (AmbientLight) scene.subScene().getRoot().lookup("#ambient");
        return sun.getColor() + " " + sun.getDirection() + " " + fill.getColor() + " " + fill.getDirection() + " " + ambient.getColor();
    }

    @Test
    void withoutASunTimeTheLightIsTheFixedDefaultAndComesBackAfterOne() throws Exception {
        FxThread.call(() -> {
            CityScene scene = new CityScene(threeHouses);
            String fresh = lighting(scene);
            assertNull(scene.sun());
            assertEquals(new Point3D(0.45, 1, 0.6), light(scene, "sun").getDirection());
            assertEquals(Color.gray(0.42), ((AmbientLight) scene.subScene().getRoot().lookup("#ambient")).getColor());
            scene.setSun(SUMMER_NOON);
            assertNotEquals(fresh, lighting(scene), "a sun time changes the light");
            assertNull(scene.setSun(null));
            assertEquals(fresh, lighting(scene));
            return null;
        });
    }

    @Test
    void theSkyDarkensAfterSunsetAndTellsTheViewBehindIt() throws Exception {
        FxThread.call(() -> {
            CityScene scene = new CityScene(threeHouses);
            scene.camera().set(new OrbitCamera.View(0, 0, 0, 0, 10, 300));
            Color day = scene.sky(600).getStops().get(0).getColor();
            int[] heard = {0};
            scene.addSkyListener(() -> heard[0]++);
            scene.setSun(WINTER_EVENING);
            Color night = scene.sky(600).getStops().get(0).getColor();
            assertTrue(night.getBrightness() < day.getBrightness() / 2, "night " + night + " against day " + day);
            assertEquals(1, heard[0], "the view hears that the sky changed");
            scene.setSun(null);
            assertEquals(day, scene.sky(600).getStops().get(0).getColor());
            return null;
        });
    }

    @Test
    void theSunsLightTravelsAwayFromWhereTheSunStands() throws Exception {
        FxThread.call(() -> {
            CityScene scene = new CityScene(threeHouses);
            SunPosition sun = scene.setSun(Instant.parse("2025-08-14T15:20:00Z"));
            assertEquals(sun, scene.sun());
            // In the south-west-by-west, a third of the way up: the light heads east-north-east and down.
            double azimuth = Math.toRadians(251.247);
            double elevation = Math.toRadians(32.267);
            Point3D towardsTheSun = new Point3D(Math.sin(azimuth) * Math.cos(elevation), -Math.sin(elevation), Math.cos(azimuth) * Math.cos(elevation));
            Point3D direction = light(scene, "sun").getDirection();
            assertTrue(direction.getX() > 0 && direction.getY() > 0 && direction.getZ() > 0, "east, down and north: " + direction);
            assertEquals(180, direction.angle(towardsTheSun), 0.1);
            return null;
        });
    }

    @Test
    void atNoonTheLightComesFromTheSouthAndIsSteeperInSummer() throws Exception {
        FxThread.call(() -> {
            CityScene scene = new CityScene(threeHouses);
            scene.setSun(SUMMER_NOON);
            Point3D summer = light(scene, "sun").getDirection().normalize();
            scene.setSun(WINTER_NOON);
            Point3D winter = light(scene, "sun").getDirection().normalize();
            // Light from the south travels north (+z) and down (+y); it meets the ground at the sun's elevation.
            assertEquals(0, summer.getX(), 0.01);
            assertTrue(summer.getZ() > 0 && winter.getZ() > 0);
            assertEquals(62.35, Math.toDegrees(Math.asin(summer.getY())), 0.5);
            assertEquals(15.52, Math.toDegrees(Math.asin(winter.getY())), 0.5);
            return null;
        });
    }

    @Test
    void atNightTheSunIsOutAndTheAmbientLightRises() throws Exception {
        FxThread.call(() -> {
            CityScene scene = new CityScene(threeHouses);
            double dayAmbient = ((AmbientLight) scene.subScene().getRoot().lookup("#ambient")).getColor().getBrightness();
            SunPosition sun = scene.setSun(WINTER_EVENING);
            assertFalse(sun.isAboveHorizon());
            assertEquals(Color.BLACK, light(scene, "sun").getColor());
            assertTrue(((AmbientLight) scene.subScene().getRoot().lookup("#ambient")).getColor().getBrightness() > dayAmbient);
            return null;
        });
    }

    /** The mean colour (red, green, blue) of the middle of a view straight down on house B's flat roof. */
    private static double[] roofColour(Instant sunTime) throws Exception {
        WritableImage image = FxThread.call(() -> {
            CityScene scene = new CityScene(threeHouses);
            StackPane root = new StackPane(scene.subScene());
            scene.subScene().widthProperty().bind(root.widthProperty());
            scene.subScene().heightProperty().bind(root.heightProperty());
            Scene window = new Scene(root, 400, 300);
            scene.camera().set(new OrbitCamera.View(0, -14, 0, 0, 89.9, 60));
            scene.setSun(sunTime);
            root.applyCss();
            root.layout();
            return window.snapshot(null);
        });
        PixelReader reader = image.getPixelReader();
        double[] sum = new double[3];
        int count = 0;
        for (int y = 140; y < 160; y++) {
            for (int x = 190; x < 210; x++) {
                int argb = reader.getArgb(x, y);
                sum[0] += argb >> 16 & 0xFF;
                sum[1] += argb >> 8 & 0xFF;
                sum[2] += argb & 0xFF;
                count++;
            }
        }
        return new double[]{sum[0] / count, sum[1] / count, sum[2] / count};
    }

    @Test
    void aFlatRoofIsBrightestAtSummerNoonAndDarkAndBluishAtNight() throws Exception {
        double[] summer = roofColour(SUMMER_NOON);
        double[] winter = roofColour(WINTER_NOON);
        double[] night = roofColour(WINTER_EVENING);
        String seen = "summer " + List.of(summer[0], summer[1], summer[2]) + ", winter " + List.of(winter[0], winter[1], winter[2])
                + ", night " + List.of(night[0], night[1], night[2]);
        // A flat roof takes the sun's light in proportion to the sine of its elevation: 0.89 in June, 0.27 in December;
        // the ambient light comes on top. Ratios, since the roof's own colour (by its id) may be light or dark.
        assertTrue(summer[0] > 1.4 * winter[0], seen);
        assertTrue(winter[0] > 1.3 * night[0], seen);
        assertTrue(night[2] / night[0] > winter[2] / winter[0] + 0.05, "the night light is bluer than the day's: " + seen);
    }
}
