package de.dormagentwin.ui;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.model.sun.Occluders;
import de.dormagentwin.model.sun.SunHours;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.ScreenText;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner's Shadows and Sun hours buttons on a 10 x 10 x 40 m tower at (350000, 5660000), 40 m above sea level,
 * with a 20 x 10 x 6 m house 10 m north of it, as a planner clicks them.
 */
@ExtendWith(ApplicationExtension.class)
class ShadowToolsUiTest {
    private static final LocalDate EQUINOX = LocalDate.of(2027, 3, 21);
    private ViewerPane pane;
    private CityModel model;
    private final BackgroundWork background = new BackgroundWork("test-background", 2);

    @Start
    void start(Stage stage) throws Exception {
        PlannerLanguage.texts().setLocale(Texts.ENGLISH);
        Path folder = Files.createTempDirectory("shadow-tools");
        Path file = Fixtures.writeBoxes(folder.resolve("town.city.json"), new double[] {0, 0, 10, 10, 40}, new double[] {-5, 20, 20, 10, 6});
        model = CityJsonReader.read(file);
        CityMeshes meshes = Fixtures.meshes(file);
        pane = new ViewerPane(new CityViewport(new CityScene(meshes)), "test", background);
        pane.setShadowSource(() -> Occluders.of(model, null, null));
        // The view's centre on the tower, close: the shaded square is the smallest, 400 m.
        double[] origin = meshes.origin();
        pane.viewport().cityScene().camera().set(new OrbitCamera.View(350005 - origin[0], 0, 5660005 - origin[1], 0, 45, 150));
        stage.setScene(new Scene(pane, 1600, 900));
        stage.show();
    }

    @AfterEach
    void closeTheBackgroundWork() {
        background.close();
    }

    /** The opacity of the map's pixel over a point (east, north) of the study's grid. */
    private static int mapAlpha(ShadowTools tools, SunHours study, double east, double north) {
        return mapArgb(tools, study, east, north) >>> 24;
    }

    private static int mapArgb(ShadowTools tools, SunHours study, double east, double north) {
        MeshView sheet = (MeshView) ((Group) tools.map().node()).getChildren().get(0);
        Image image = ((PhongMaterial) sheet.getMaterial()).getDiffuseMap();
        int column = (int) ((east - study.originEast()) / study.cellSize());
        int rowFromSouth = (int) ((north - study.originNorth()) / study.cellSize());
        return image.getPixelReader().getArgb(column, study.rows() - 1 - rowFromSouth);
    }

    @Test
    void shadowsComeWithTheSunAndGoWithIt(FxRobot robot) throws Exception {
        ShadowTools tools = pane.shadowTools();
        robot.interact(() -> pane.sunControls().show(EQUINOX, LocalTime.of(13, 0)));
        robot.clickOn("Shadows");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tools.shadows().shownTriangles() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ScreenText.of(pane).contains("Shadows of the sun within a square of 400 m"), ScreenText.of(pane));

        // A 20 m block planned north of the house, in the tower's shadow: the shadows are drawn again, on it too.
        int before = tools.shadows().shownTriangles();
        PlannedBuilding block = new PlannedBuilding("block", List.of(new PlannedBuilding.Polygon(List.of(new double[] {350000, 5660035, 350010,
                5660035, 350010, 5660045, 350000, 5660045}))), 20, Map.of());
        robot.interact(() -> pane.addVariant(new PlanningVariant("north-plan", List.of(block))));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tools.shadows().shownTriangles() > before);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> pane.sunControls().show(EQUINOX, LocalTime.of(23, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, tools.shadows().shownTriangles(), "no shadows at night");
        assertTrue(ScreenText.of(pane).contains("the sun is off or below the horizon"), ScreenText.of(pane));
    }

    @Test
    void sunHoursMapTheGroundAroundTheViewAndSayWhatTheVariantTakes(FxRobot robot) throws Exception {
        ShadowTools tools = pane.shadowTools();
        robot.interact(() -> pane.sunControls().show(EQUINOX, LocalTime.of(12, 0)));
        robot.clickOn("Sun hours");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tools.lastStudy() != null);
        WaitForAsyncUtils.waitForFxEvents();
        SunHours study = tools.lastStudy();
        assertTrue(tools.map().isShowing());
        assertNull(study.difference(), "no variant shown");
        double day = study.dayLengthHours();
        assertEquals(day, study.hoursAt(350005, 5659990), 0.3, "south of the tower: all day");
        assertTrue(study.hoursAt(350005, 5660015) < day - 2, "right north of the tower: hours less, " + study.hoursAt(350005, 5660015));
        assertTrue(ScreenText.of(pane).contains("Sun on 3/21/2027: 90,000 cells of 2 m"), ScreenText.of(pane));
        // Façades too: the tower's south face has the sun all day, the house's south face, behind the tower, hours less.
        double towerSouth = FxThread.call(() -> tools.facadeHoursNear(350005, 5659999.9, 43));
        double houseSouth = FxThread.call(() -> tools.facadeHoursNear(350005, 5660019.9, 43));
        assertEquals(day, towerSouth, 0.3, "the tower's south face");
        assertTrue(houseSouth < day - 3, "the house's south face behind the tower: " + houseSouth + " of " + day);
        assertTrue(ScreenText.of(pane).contains("Façades:"), ScreenText.of(pane));

        // A 30 m block planned 40 m east of the tower: its shadow falls on ground the tower leaves in the sun.
        PlannedBuilding block = new PlannedBuilding("block", List.of(new PlannedBuilding.Polygon(List.of(new double[] {350040, 5660000, 350050,
                5660000, 350050, 5660010, 350040, 5660010}))), 30, Map.of());
        robot.interact(() -> pane.addVariant(new PlanningVariant("tower-plan", List.of(block))));
        robot.clickOn("Sun hours");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tools.lastStudy() != study && tools.lastStudy() != null);
        WaitForAsyncUtils.waitForFxEvents();
        SunHours withVariant = tools.lastStudy();
        assertNotNull(withVariant.difference());
        assertTrue(withVariant.hoursWithVariantAt(350045, 5660020) < withVariant.hoursAt(350045, 5660020) - 1,
                "north of the planned block the variant takes sun");
        assertEquals(withVariant.hoursAt(350045, 5659950), withVariant.hoursWithVariantAt(350045, 5659950), 1e-6,
                "50 m south of the block: the March sun never stands in the north");
        assertTrue(ScreenText.of(pane).contains("The variants take up to"), ScreenText.of(pane));
        // The planned block's own walls count too, with it built: its south face has the sun all day, its north face none.
        double blockSouth = FxThread.call(() -> tools.facadeHoursNear(350045, 5659999.9, 50, true));
        double blockNorth = FxThread.call(() -> tools.facadeHoursNear(350045, 5660010.1, 50, true));
        assertEquals(withVariant.dayLengthHours(), blockSouth, 0.3, "the block's south face");
        assertEquals(0, blockNorth, 0.3, "the block's north face");
        // The map shows what the variants take where it is lost: red north of the block, clear south of it.
        assertFalse(ScreenText.of(pane).contains("NaN"), ScreenText.of(pane));
        int north = mapArgb(tools, withVariant, 350045, 5660020);
        assertTrue(north >>> 24 > 0 && (north >> 16 & 0xFF) > (north >> 8 & 0xFF) + 100, "north of the block the map is red: " + Integer.toHexString(north));
        assertEquals(0, mapAlpha(tools, withVariant, 350045, 5659950), "south of the block on the map");
        assertEquals(0, mapAlpha(tools, withVariant, 350045, 5660005), "where the block stands: its roof, not shaded ground");

        robot.clickOn("Clear map");
        assertFalse(tools.map().isShowing());
    }
}
