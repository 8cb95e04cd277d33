package de.dormagentwin.scene;

import de.dormagentwin.model.TerrainGrid;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * The terrain in the 3D view: one mesh per tile of a {@link TerrainMesh}, matte, under one image of the ground
 * ({@link GroundImage}): tinted by height from meadow green in the lowlands to light loam on the highest ground,
 * the land use painted over that, and fading into the sky's haze at its edges. The meshes take picks, so that
 * measuring on open ground lands on the terrain's surface, not on a flat plane under or over it. A
 * {@link CityScene} shows the terrain of its {@link CityMeshes} by itself; {@link CityScene#setTerrain} lays
 * another. Use on the FX thread; build the {@link TerrainMesh} on a worker.
 */
public final class TerrainLayer {
    private final TerrainMesh mesh;
    private final Group root = new Group();
    /** Per tile's mesh view, the box around its points: tiles out of view are not drawn. */
    private final List<double[]> boxes = new ArrayList<>();

    /** Terrain with land use painted on it, in order. */
    public TerrainLayer(TerrainMesh mesh, List<GroundArea> areas) {
        this.mesh = mesh;
        PhongMaterial material = material(mesh.groundImage(areas));
        for (TerrainMesh.Tile tile : mesh.tiles()) {
            TriangleMesh triangles = new TriangleMesh(VertexFormat.POINT_NORMAL_TEXCOORD);
            triangles.getPoints().setAll(tile.points());
            triangles.getNormals().setAll(tile.normals());
            triangles.getTexCoords().setAll(tile.texCoords());
            triangles.getFaces().setAll(tile.faces());
            MeshView view = new MeshView(triangles);
            view.setMaterial(material);
            view.setCullFace(CullFace.BACK);
            view.setId("terrain-" + tile.column() + "-" + tile.row());
            root.getChildren().add(view);
            double[] box = Boxes.empty();
            Boxes.include(box, tile.points());
            boxes.add(box);
        }
        root.setId("terrain");
    }

    /** Draws only the tiles that the camera's view reaches; null draws them all. */
    public void setView(ViewFrustum view) {
        for (int tile = 0; tile < boxes.size(); tile++) {
            boolean shown = view == null || view.intersects(boxes.get(tile));
            Node node = root.getChildren().get(tile);
            if (node.isVisible() != shown) {
                node.setVisible(shown);
            }
        }
    }

    /** Meshes grids around the city's origin here on the calling thread: for tests and small grids. */
    public TerrainLayer(CityMeshes meshes, List<TerrainGrid> grids) {
        this(TerrainMesh.build(grids, meshes.origin()), meshes.groundAreas());
    }

    /**
     * A matte material of the ground's image and its glow. Bare ground does not shine: a highlight would move over
     * the fields as the camera turns.
     */
    static PhongMaterial material(GroundImage ground) {
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(image(ground.diffuse(), ground.width(), ground.height()));
        material.setSelfIlluminationMap(image(ground.glow(), ground.glowWidth(), ground.glowHeight()));
        material.setSpecularColor(Color.BLACK);
        return material;
    }

    private static WritableImage image(int[] argb, int width, int height) {
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }

    public Node node() {
        return root;
    }

    public TerrainMesh mesh() {
        return mesh;
    }

    /** The ground's height in metres above sea level under a scene point, NaN where there is no terrain. */
    public double heightAt(double sceneX, double sceneZ) {
        double[] origin = mesh.origin();
        return mesh.heightAt(origin[0] + sceneX, origin[1] + sceneZ);
    }

    /** The scene y (down) of the ground under a scene point, NaN where there is no terrain: to stand things on it. */
    public double sceneYAt(double sceneX, double sceneZ) {
        return mesh.sceneYAt(sceneX, sceneZ);
    }

}
