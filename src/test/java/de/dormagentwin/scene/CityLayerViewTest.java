package de.dormagentwin.scene;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Fixtures;
import de.dormagentwin.testing.FxThread;
import de.dormagentwin.testing.Rendering;
import javafx.geometry.Point3D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the city draws for a camera's view: tiles out of view are left out, far tiles show their buildings as blocks,
 * and chunks appended while loading take part like the rest. Scene-graph state only, no pixels; the toolkit runs as
 * for the other scene tests.
 */
@Rendering
class CityLayerViewTest {
    /**
     * One grid for both chunks: the three houses (350000 to 350092 m east) in tile 0 / 0, the gable house 5 km east
     * of them in tile 5 / 0.
     */
    private static final MeshBuilder.Grid GRID = new MeshBuilder.Grid(new double[]{350000, 5660000, 40}, 1000);
    private static final int OVERLAY = 0xFF00A0FF;

    private static final OrbitCamera.View AT_THE_HOUSES = new OrbitCamera.View(46, -5, 5, 0, 45, 200);
    private static final OrbitCamera.View NEAR_THE_GABLE_HOUSE = new OrbitCamera.View(5005, -4, 4, 0, 45, 100);
    private static final OrbitCamera.View FAR_FROM_THE_GABLE_HOUSE = new OrbitCamera.View(5005, -4, 4, 0, 45, 10_000);

    @BeforeEach
    void toolkit() throws Exception {
        Display3D.require();
    }

    private static CityMeshes houses() throws Exception {
        return MeshBuilder.build(List.of(CityJsonReader.read(Fixtures.scene("three-houses.city.json"))), LodChoice.HIGHEST, GRID, 0);
    }

    private static CityMeshes gableHouse(int firstObject) throws Exception {
        return MeshBuilder.build(List.of(CityJsonReader.read(Fixtures.scene("gable-house.city.json"))), LodChoice.HIGHEST, GRID, firstObject);
    }

    /** An 800 x 600 view with the orbit camera's 40 degrees: a 10 m roof covers 4 pixels at 2060 m. */
    private static ViewFrustum frustum(OrbitCamera.View view) {
        return new ViewFrustum(view, 40, 800, 600, 1, 100_000);
    }

    /** The ids of the parts drawn now, sorted: class and tile, "far-" for blocks. */
    private static List<String> drawn(CityLayer layer) {
        return ((Parent) layer.node()).getChildrenUnmodifiable().stream().filter(Node::isVisible).map(Node::getId).sorted().toList();
    }

    /** The three houses, with the gable house appended as a second chunk. */
    private static CityLayer city() throws Exception {
        CityMeshes houses = houses();
        CityMeshes gable = gableHouse(houses.objects().size());
        return FxThread.call(() -> {
            CityLayer layer = new CityLayer(houses);
            layer.append(gable);
            return layer;
        });
    }

    /** What every texel of an object shows in its parts' palettes, near and far: the parts lie in the order of the meshes'. */
    private static List<Integer> palette(CityLayer layer, int object) {
        List<Integer> colours = new ArrayList<>();
        List<Node> views = ((Parent) layer.node()).getChildrenUnmodifiable();
        List<MeshPart> parts = layer.meshes().parts();
        assertEquals(parts.size(), views.size());
        for (int i = 0; i < parts.size(); i++) {
            MeshPart part = parts.get(i);
            MeshView view = (MeshView) views.get(i);
            assertTrue(view.getId().endsWith(part.surfaceClass().name().toLowerCase() + "-" + part.tileColumn() + "-" + part.tileRow()), view.getId());
            for (int texel = 0; texel < part.texelObject().length; texel++) {
                if (part.texelObject()[texel] == object) {
                    colours.add(((PhongMaterial) view.getMaterial()).getDiffuseMap().getPixelReader()
                            .getArgb(texel % part.paletteWidth(), texel / part.paletteWidth()));
                }
            }
        }
        return colours;
    }

    /** The object's own colours, texel by texel in the order {@link #palette} reads them. */
    private static List<Integer> ownColours(CityLayer layer, int object) {
        List<Integer> colours = new ArrayList<>();
        for (MeshPart part : layer.meshes().parts()) {
            for (int texel = 0; texel < part.texelObject().length; texel++) {
                if (part.texelObject()[texel] == object) {
                    colours.add(part.texelArgb()[texel]);
                }
            }
        }
        return colours;
    }

    @Test
    void appendedObjectsAreFoundAndRecolouredNearAndFar() throws Exception {
        CityLayer layer = city();
        FxThread.call(() -> {
            assertEquals(4, layer.meshes().objects().size());
            assertEquals(3, layer.meshes().objectIndex("gable-house"));
            assertEquals(0, layer.meshes().objectIndex("house-a"));
            assertEquals(6, layer.nodeCount(), "two parts of the houses, near and far roofs and walls of the gable house");

            List<Integer> own = ownColours(layer, 3);
            assertEquals(4, own.size(), "a roof and a wall texel near and far");
            layer.setOverlayColor(3, OVERLAY);
            assertEquals(OVERLAY, layer.objectColor(3));
            assertEquals(OVERLAY, layer.overlayColor(3));
            assertEquals(List.of(OVERLAY, OVERLAY, OVERLAY, OVERLAY), palette(layer, 3), "the block far away shows the overlay too");
            assertEquals(SurfaceClass.styleArgb(layer.meshes().objects().get(0), SurfaceClass.ROOF), layer.objectColor(0),
                    "the first chunk's objects keep their colours");

            layer.select(3);
            assertEquals(CityLayer.SELECTION_ARGB, layer.objectColor(3));
            layer.select(-1);
            assertEquals(OVERLAY, layer.objectColor(3));
            layer.setOverlayColor(3, 0);
            assertEquals(own, palette(layer, 3));
            return null;
        });
    }

    @Test
    void objectsAppendedWhileTheContextIsMutedAreMuted() throws Exception {
        CityMeshes houses = houses();
        CityMeshes gable = gableHouse(3);
        FxThread.call(() -> {
            CityLayer layer = new CityLayer(houses);
            layer.setContextMuted(true);
            layer.append(gable);
            // The house has roofs and walls only, which are muted alike.
            List<Integer> muted = ownColours(layer, 3).stream().map(argb -> CityLayer.muted(argb, SurfaceClass.ROOF)).toList();
            assertEquals(muted, palette(layer, 3));
            layer.setContextMuted(false);
            assertEquals(ownColours(layer, 3), palette(layer, 3));
            return null;
        });
    }

    @Test
    void withoutAViewEveryTileIsDrawnNear() throws Exception {
        CityLayer layer = city();
        assertEquals(List.of("low-wall-0-0", "roof-0-0", "roof-5-0", "wall-5-0"), FxThread.call(() -> drawn(layer)));
        assertEquals(4, (int) FxThread.call(layer::visibleNodeCount));
        assertEquals(36 + 16, (long) FxThread.call(layer::visibleTriangles));
    }

    @Test
    void tileTheCameraLooksAwayFromIsNotDrawnUntilCullingIsOff() throws Exception {
        CityLayer layer = city();
        FxThread.call(() -> {
            layer.setView(frustum(AT_THE_HOUSES));
            assertEquals(List.of("low-wall-0-0", "roof-0-0"), drawn(layer), "the gable house lies 5 km to the side");
            assertEquals(2, layer.visibleNodeCount());
            assertEquals(36, layer.visibleTriangles());

            layer.setCulling(false);
            // Nearly 5 km away, a 10 m roof covers under 2 pixels: the gable house shows as its block.
            assertEquals(List.of("far-low-wall-5-0", "far-roof-5-0", "low-wall-0-0", "roof-0-0"), drawn(layer));
            layer.setCulling(true);
            assertEquals(List.of("low-wall-0-0", "roof-0-0"), drawn(layer));

            layer.setView(frustum(NEAR_THE_GABLE_HOUSE));
            assertEquals(List.of("roof-5-0", "wall-5-0"), drawn(layer), "the houses lie 5 km behind and to the side");

            layer.setView(null);
            assertEquals(List.of("low-wall-0-0", "roof-0-0", "roof-5-0", "wall-5-0"), drawn(layer));
            return null;
        });
    }

    @Test
    void chunkAppendedAfterTheViewIsSetIsCulledAtOnce() throws Exception {
        CityMeshes houses = houses();
        CityMeshes gable = gableHouse(3);
        FxThread.call(() -> {
            CityLayer layer = new CityLayer(houses);
            layer.setView(frustum(AT_THE_HOUSES));
            layer.append(gable);
            assertEquals(List.of("low-wall-0-0", "roof-0-0"), drawn(layer));
            layer.setView(frustum(FAR_FROM_THE_GABLE_HOUSE));
            assertTrue(drawn(layer).containsAll(List.of("far-roof-5-0", "far-low-wall-5-0")), drawn(layer).toString());
            return null;
        });
    }

    @Test
    void farViewShowsTheBlocksAndHidesTheBuildingsOwnGeometryUnlessTheLevelOfDetailIsOff() throws Exception {
        CityLayer layer = city();
        FxThread.call(() -> {
            layer.setView(frustum(FAR_FROM_THE_GABLE_HOUSE));
            List<String> far = drawn(layer);
            assertTrue(far.containsAll(List.of("far-roof-5-0", "far-low-wall-5-0")), far.toString());
            assertFalse(far.contains("roof-5-0") || far.contains("wall-5-0"), far.toString());

            layer.setLevelOfDetail(false);
            List<String> own = drawn(layer);
            assertTrue(own.containsAll(List.of("roof-5-0", "wall-5-0")), own.toString());
            assertFalse(own.contains("far-roof-5-0") || own.contains("far-low-wall-5-0"), own.toString());

            layer.setLevelOfDetail(true);
            assertEquals(far, drawn(layer));

            layer.setView(frustum(NEAR_THE_GABLE_HOUSE));
            assertEquals(List.of("roof-5-0", "wall-5-0"), drawn(layer), "near, the house's own geometry again");
            return null;
        });
    }

    @Test
    void tileTurnsToBlocksWhereATenMetreRoofCoversFewerThanFourPixels() throws Exception {
        CityLayer layer = city();
        // Straight down onto the ridge (9 m up): the tile's nearest point is the ridge, `distance` below the eye.
        // In 600 pixels with 40 degrees, 10 m cover 4 pixels at 300 / tan(20 degrees) * 10 / 4 = 2060 m.
        FxThread.call(() -> {
            layer.setView(frustum(new OrbitCamera.View(5005, -9, 4, 0, 90, 2000)));
            assertEquals(List.of("roof-5-0", "wall-5-0"), drawn(layer), "2000 m: 4.1 pixels");
            layer.setView(frustum(new OrbitCamera.View(5005, -9, 4, 0, 90, 2120)));
            assertEquals(List.of("far-low-wall-5-0", "far-roof-5-0"), drawn(layer), "2120 m: 3.9 pixels");
            return null;
        });
    }

    @Test
    void tileLeavesOutItsLowWallsWhereFifteenMetresCoverLessThanAPixel() throws Exception {
        CityLayer layer = city();
        // In 600 pixels with 40 degrees, 15 m cover 1 pixel at 300 / tan(20 degrees) * 15 = 12,364 m. The three box
        // houses, 5 km to the side, are farther still: their roofs are drawn (a box has no block), their walls not.
        FxThread.call(() -> {
            layer.setView(frustum(new OrbitCamera.View(5005, -9, 4, 0, 90, 12_000)));
            assertEquals(List.of("far-low-wall-5-0", "far-roof-5-0", "roof-0-0"), drawn(layer), "12,000 m: 1.03 pixels");
            layer.setView(frustum(new OrbitCamera.View(5005, -9, 4, 0, 90, 12_700)));
            assertEquals(List.of("far-roof-5-0", "roof-0-0"), drawn(layer), "12,700 m: 0.97 pixels, the roofs alone");
            layer.setLevelOfDetail(false);
            assertEquals(List.of("low-wall-0-0", "roof-0-0", "roof-5-0", "wall-5-0"), drawn(layer), "without the level of detail, everything");
            return null;
        });
    }

    /**
     * With normals of its own a mesh makes JavaFX keep a vertex buffer, normals, tangents and bitangents per corner
     * and three hash maps over them, for as long as the mesh lives: about half the heap of a city (bench scale). Without,
     * JavaFX derives flat normals from the faces and keeps nothing beyond the mesh's arrays.
     */
    @Test
    void cityPartsAreFlatShadedMeshesWithoutNormalsOfTheirOwn() throws Exception {
        CityLayer layer = city();
        FxThread.call(() -> {
            for (Node node : ((Parent) layer.node()).getChildrenUnmodifiable()) {
                TriangleMesh mesh = (TriangleMesh) ((MeshView) node).getMesh();
                assertEquals(VertexFormat.POINT_TEXCOORD, mesh.getVertexFormat(), node.getId());
                assertEquals(mesh.getFaces().size() / 6, mesh.getFaceSmoothingGroups().size(), node.getId());
                for (int face = 0; face < mesh.getFaceSmoothingGroups().size(); face++) {
                    assertEquals(0, mesh.getFaceSmoothingGroups().get(face), "no smoothing: every face is flat");
                }
            }
            return null;
        });
    }

    @Test
    void frustumAgreesWithTheJavaFxCameraItDescribes() throws Exception {
        FxThread.call(() -> {
            OrbitCamera camera = new OrbitCamera();
            for (OrbitCamera.View pose : List.of(new OrbitCamera.View(0, 0, 0, 0, 45, 100), new OrbitCamera.View(30, -5, -20, 90, 30, 250),
                    new OrbitCamera.View(-400, 0, 700, -135, 80, 1500), new OrbitCamera.View(10, 0, 10, 200, 10, 60))) {
                camera.set(pose);
                ViewFrustum frustum = new ViewFrustum(camera.view(), camera.camera().getFieldOfView(), 800, 800, 1, 100_000);
                Point3D eye = camera.camera().localToScene(0, 0, 0);
                assertArrayEquals(new double[]{eye.getX(), eye.getY(), eye.getZ()}, frustum.eye(), 1e-6, pose.toString());
                // The camera looks along its own +z with y down; at 50 m ahead its 40 degrees reach 18 m each way.
                assertTrue(frustum.intersects(around(camera.camera().localToScene(0, 0, 50))), "ahead, " + pose);
                assertTrue(frustum.intersects(around(camera.camera().localToScene(12, 12, 50))), "ahead, right and down, " + pose);
                assertFalse(frustum.intersects(around(camera.camera().localToScene(0, 0, -50))), "behind, " + pose);
                assertFalse(frustum.intersects(around(camera.camera().localToScene(30, 0, 50))), "right, " + pose);
                assertFalse(frustum.intersects(around(camera.camera().localToScene(-30, 0, 50))), "left, " + pose);
                assertFalse(frustum.intersects(around(camera.camera().localToScene(0, 30, 50))), "below, " + pose);
                assertFalse(frustum.intersects(around(camera.camera().localToScene(0, -30, 50))), "above, " + pose);
            }
            return null;
        });
    }

    private static double[] around(Point3D point) {
        return new double[]{point.getX() - 1, point.getY() - 1, point.getZ() - 1, point.getX() + 1, point.getY() + 1, point.getZ() + 1};
    }
}
