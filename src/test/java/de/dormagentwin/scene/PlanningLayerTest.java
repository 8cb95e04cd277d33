package de.dormagentwin.scene;

import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import de.dormagentwin.ui.CityViewport;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A planning variant on free ground beside the three houses: drawn in its own colour, switched off, picked. */
@Rendering
class PlanningLayerTest {
    private static final int WIDTH = 600;
    private static final int HEIGHT = 400;
    private static CityMeshes threeHouses;

    @BeforeAll
    static void threeHouses() throws Exception {
        threeHouses = Fixtures.meshes("three-houses.city.json");
    }

    @BeforeEach
    void needsA3dDisplay() throws Exception {
        Display3D.require();
    }

    /** A 20 m square, 12 m high, 20 to 40 m south of the houses, which stand in a row along scene z = 0. */
    private static PlanningVariant forum() {
        double[] origin = threeHouses.origin();
        double west = origin[0] - 10;
        double south = origin[1] - 40;
        double[] square = {west, south, west + 20, south, west + 20, south + 20, west, south + 20};
        PlannedBuilding building = new PlannedBuilding("Forum", List.of(new PlannedBuilding.Polygon(List.of(square))), 12, Map.of());
        return new PlanningVariant("forum", List.of(building));
    }

    /** Looking straight down at the point 15 m south of the origin: the houses at the top, the site below them. */
    private static final OrbitCamera.View FROM_ABOVE = new OrbitCamera.View(0, 0, -15, 0, 89.9, 150);

    /** The planned style: violet, blue well above green and red above green. Sky, grass and houses are none of these. */
    private static boolean planned(int argb) {
        int red = argb >> 16 & 0xFF;
        int green = argb >> 8 & 0xFF;
        int blue = argb & 0xFF;
        return blue > green + 60 && red > green + 20;
    }

    private static boolean grass(int argb) {
        int green = argb >> 8 & 0xFF;
        return green > (argb & 0xFF) && green > (argb >> 16 & 0xFF);
    }

    @Test
    void aVariantOnFreeGroundShowsInItsColourAndDisappearsWhenSwitchedOff() throws Exception {
        WritableImage[] images = FxThread.call(() -> {
            CityViewport viewport = new CityViewport(new CityScene(threeHouses));
            PlanningLayer layer = new PlanningLayer(threeHouses);
            viewport.cityScene().addLayer(layer.node());
            viewport.cityScene().camera().set(FROM_ABOVE);
            Scene scene = new Scene(viewport, WIDTH, HEIGHT);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            WritableImage before = scene.snapshot(null);
            layer.add(forum());
            WritableImage on = scene.snapshot(null);
            layer.setVisible("forum", false);
            WritableImage off = scene.snapshot(null);
            return new WritableImage[]{before, on, off};
        });
        PixelReader before = images[0].getPixelReader();
        PixelReader on = images[1].getPixelReader();
        PixelReader off = images[2].getPixelReader();
        int plannedOn = 0;
        int plannedOnGrass = 0;
        int plannedBefore = 0;
        int plannedOff = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (planned(on.getArgb(x, y))) {
                    plannedOn++;
                    if (grass(before.getArgb(x, y))) {
                        plannedOnGrass++;
                    }
                }
                plannedBefore += planned(before.getArgb(x, y)) ? 1 : 0;
                plannedOff += planned(off.getArgb(x, y)) ? 1 : 0;
            }
        }
        // 20 m of 110 m in view across 400 pixels: some 70 x 70 pixels of roof.
        assertTrue(plannedOn > 3000, "planned-coloured pixels with the variant on: " + plannedOn);
        assertEquals(0, plannedBefore, "nothing is planned-coloured before");
        assertTrue(plannedOnGrass > plannedOn * 0.95, "the variant stands where there was grass: " + plannedOnGrass + " of " + plannedOn);
        assertEquals(0, plannedOff, "switched off, the variant is gone");
    }

    @Test
    void aClickOnAPlannedBuildingNamesItAndAClickOnAHouseDoesNot() throws Exception {
        List<PlanningLayer.Hit> hits = new ArrayList<>();
        List<Integer> houses = new ArrayList<>();
        Stage stage = FxThread.call(() -> {
            CityViewport viewport = new CityViewport(new CityScene(threeHouses));
            PlanningLayer planning = new PlanningLayer(threeHouses);
            planning.add(forum());
            viewport.cityScene().addLayer(planning.node());
            viewport.setOnPick(click -> {
                hits.add(planning.buildingAt(click.getPickResult()));
                houses.add(viewport.cityScene().city().objectAt(click.getPickResult()));
            });
            // The site's centre, 30 m south of the origin, in the middle of the view.
            viewport.cityScene().camera().set(new OrbitCamera.View(0, -6, -30, 0, 60, 120));
            return FxThread.show(viewport, WIDTH, HEIGHT);
        });
        CityViewport viewport = (CityViewport) stage.getScene().getRoot();
        try {
            FxThread.settle();
            FxThread.clickTheCentreOf(viewport);
            FxThread.call(() -> {
                viewport.cityScene().camera().set(viewport.cityScene().namedView("house-b"));
                return null;
            });
            FxThread.settle();
            FxThread.clickTheCentreOf(viewport);
        } finally {
            FxThread.call(() -> {
                stage.close();
                return null;
            });
        }

        assertEquals(2, hits.size(), "two clicks heard");
        PlanningLayer.Hit hit = hits.get(0);
        assertNotNull(hit, "the first click hits the planned building");
        assertEquals("forum", hit.variant());
        assertEquals("Forum", hit.building().name());
        assertEquals(12, hit.building().height());
        assertEquals(400, hit.building().footprintArea(), 1e-6);
        assertEquals(-1, (int) houses.get(0), "a planned building is no city object");
        assertNull(hits.get(1), "a house is no planned building");
        assertEquals(threeHouses.objectIndex("house-b"), (int) houses.get(1));
    }

    @Test
    void aVariantOfTheSameNameReplacesItsPredecessorAndRemovingOneLeavesTheOthers() throws Exception {
        List<Object> seen = FxThread.call(() -> {
            PlanningLayer layer = new PlanningLayer(threeHouses);
            PlanningVariant forum = forum();
            layer.add(forum);
            layer.add(new PlanningVariant("tower", forum.buildings()));
            layer.setVisible("forum", false);
            layer.add(new PlanningVariant("forum", forum.buildings()));
            List<Object> result = new ArrayList<>();
            result.add(layer.variants());
            result.add(layer.isVisible("forum"));
            result.add(layer.remove("forum"));
            result.add(layer.remove("forum"));
            result.add(layer.variants());
            return result;
        });
        assertEquals(List.of(List.of("forum", "tower"), true, true, false, List.of("tower")), seen);
    }
}
