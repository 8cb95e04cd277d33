package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.TerrainGrid;
import de.dormagentwin.model.io.TerrainReader;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.SurfaceClass;
import de.dormagentwin.scene.TerrainMesh;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.scene.Parent;
import de.dormagentwin.ui.Texts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled sample as the viewer loads it: its terrain comes along, and its buildings stand on the ground drawn. */
@Rendering
class SampleTerrainTest {
    private static SceneFactory.Prepared sample;

    @BeforeAll
    static void loadTheSampleAsTheViewerDoes() {
        sample = SceneFactory.prepare(List.of(ModelFiles.sample()), TerrainFiles.BESIDE_MODELS, LodChoice.HIGHEST);
    }

    @Test
    void theSamplesTerrainIsFoundBesideItAndDrawnWithItsRiverBedAndHighestTerrace() throws IOException {
        assertTrue(sample.terrainFailures().isEmpty(), sample.terrainFailures().toString());
        TerrainMesh terrain = sample.meshes().terrain();
        assertNotNull(terrain, "assets/dormagen.terrain.asc is loaded with assets/dormagen.city.jsonl");
        TerrainGrid grid = TerrainReader.read(TerrainFiles.besideModel(ModelFiles.sample()));
        assertArrayEquals(grid.heightRange(), terrain.heightRange(), "decimation keeps the valley's lowest and highest points");
        assertEquals(31, terrain.heightRange()[0], 0.5);
        assertEquals(72, terrain.heightRange()[1], 1.5);
        assertTrue(terrain.tiles().size() <= TerrainMesh.MOST_TILES, "tiles " + terrain.tiles().size());
        assertTrue(SceneFactory.statusText(sample).endsWith("terrain 20 tiles at 50 m"), SceneFactory.statusText(sample));
        String german = SceneFactory.statusText(sample, new Texts(Texts.GERMAN));
        assertTrue(german.endsWith("Gelände aus 20 Kacheln, Raster 50 m"), german);
        assertTrue(german.matches(".*  ·  \\d{1,3}(\\.\\d{3})+ Dreiecke  ·  .*"), "counted as German writes numbers: " + german);
    }

    /** With --no-terrain the flat ground must not cover the Rhine, whose surface lies metres below the town's ground. */
    @Test
    void withoutTerrainTheRiverStillLiesAboveTheFlatGround() throws Exception {
        Display3D.require();
        SceneFactory.Prepared flat = SceneFactory.prepare(List.of(ModelFiles.sample()), TerrainFiles.NONE, LodChoice.HIGHEST);
        double deepestWater = flat.meshes().parts().stream().filter(part -> part.surfaceClass() == SurfaceClass.WATER)
                .mapToDouble(part -> {
                    double deepest = Double.NEGATIVE_INFINITY;
                    for (int i = 1; i < part.points().length; i += 3) {
                        deepest = Math.max(deepest, part.points()[i]);
                    }
                    return deepest;
                }).max().orElseThrow();
        assertTrue(deepestWater > 1, "the sample's river lies below its ground height (scene y points down): " + deepestWater);
        double[] groundTops = FxThread.call(() -> {
            Parent world = new CityScene(flat.meshes()).subScene().getRoot();
            return new double[]{world.lookup("#ground").getTranslateY(), world.lookup("#far-ground").getTranslateY()};
        });
        assertTrue(groundTops[0] > deepestWater, "the ground at " + groundTops[0] + " under the water at " + deepestWater);
        assertTrue(groundTops[1] > groundTops[0], "and the far ground under the ground at " + groundTops[1]);
    }

    /**
     * The ground drawn is the sample's terrain decimated to a 50 m step, so it differs a little from the grid the
     * buildings were placed on: still, no building hangs in the air at a corner, and each building's lowest point is
     * within half a metre of the ground drawn at its middle.
     */
    @Test
    void everyBuildingStandsOnTheDrawnGround() {
        CityModel model = sample.loaded().models().get(0);
        TerrainMesh terrain = sample.meshes().terrain();
        int buildings = 0;
        double worst = 0;
        for (CityObject object : model.objects()) {
            if (!object.type().equals("Building")) {
                continue;
            }
            Geometry geometry = object.geometryFor(LodChoice.HIGHEST);
            double lowest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < geometry.vertexIndexCount(); i++) {
                lowest = Math.min(lowest, model.z(geometry.vertexIndex(i)));
            }
            double east = 0;
            double north = 0;
            int corners = 0;
            for (int i = 0; i < geometry.vertexIndexCount(); i++) {
                int vertex = geometry.vertexIndex(i);
                if (model.z(vertex) < lowest + 0.01) {
                    double hanging = lowest - terrain.heightAt(model.x(vertex), model.y(vertex));
                    assertTrue(hanging < 0.2, object.id() + " hangs " + hanging + " m over the ground drawn at a corner");
                    east += model.x(vertex);
                    north += model.y(vertex);
                    corners++;
                }
            }
            double fromTheMiddle = lowest - terrain.heightAt(east / corners, north / corners);
            worst = Math.max(worst, Math.abs(fromTheMiddle));
            assertEquals(0, fromTheMiddle, 0.5, object.id() + "'s lowest point against the ground drawn at its middle");
            buildings++;
        }
        assertTrue(buildings > 6_000, "buildings " + buildings);
        assertTrue(worst > 0, "the drawn ground is decimated, so some corners differ a little");
    }
}
