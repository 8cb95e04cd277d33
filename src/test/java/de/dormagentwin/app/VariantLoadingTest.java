package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.scene.PlanningLayer;
import de.dormagentwin.scene.VariantMesh;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A planning variant is read and its roofs ear-clipped off the FX thread; the FX thread only attaches the mesh made,
 * so a large variant cannot freeze the window.
 */
@Rendering
class VariantLoadingTest {

    @Test
    void theVariantsMeshIsMadeOnTheLoadingThreadAndTheLayerOnlyAttachesIt() throws Exception {
        String display = System.getenv("DISPLAY");
        Assumptions.assumeTrue(display != null && !display.isBlank(), "no DISPLAY: run under Xvfb for the FX toolkit");
        FxToolkit.start();
        SceneFactory.Prepared threeHouses = SceneFactory.prepare(List.of(Fixtures.scene("three-houses.city.json")), LodChoice.HIGHEST);
        PlanningLayer layer = FxThread.call(() -> new PlanningLayer(threeHouses.meshes()));

        ViewerApp.LoadedVariant loaded = ViewerApp.loadVariant(Path.of("assets/variants/chempunkt-tower.geojson"), layer);
        assertFalse(Platform.isFxApplicationThread());
        assertTrue(loaded.mesh().triangleCount() > 0, "the roofs and walls are made with the variant");

        // A mesh unlike what the layer would make from the variant: what is shown must be this one, not made anew.
        VariantMesh elsewhere = VariantMesh.extrude(loaded.variant(), new double[]{0, 0, 0});
        float[] shown = FxThread.call(() -> {
            layer.add(loaded.variant(), elsewhere);
            MeshView view = (MeshView) ((Group) layer.node()).getChildren().get(0);
            return ((TriangleMesh) view.getMesh()).getPoints().toArray(null);
        });
        assertArrayEquals(elsewhere.points(), shown);
    }
}
