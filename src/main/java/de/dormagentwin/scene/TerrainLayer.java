package de.dormagentwin.scene;

import de.dormagentwin.model.TerrainGrid;
import javafx.scene.Group;
import javafx.scene.Node;
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
 * The terrain in the 3D view: one mesh per tile of a {@link TerrainMesh}, tinted by height from meadow green in
 * the lowlands to light loam on the highest ground, matte. The meshes take picks, so that measuring on open ground
 * lands on the terrain's surface, not on a flat plane under or over it. A {@link CityScene} shows the terrain of its
 * {@link CityMeshes} by itself; {@link CityScene#setTerrain} lays another. Use on the FX thread; build the
 * {@link TerrainMesh} on a worker.
 */
public final class TerrainLayer {
    /** The tint from the lowest ground to {@link TerrainMesh#LEAST_TINT_SPAN} metres (or the whole range) above it. */
    private static final List<Color> TINT = List.of(Color.web("#8fae72"), Color.web("#a3b578"), Color.web("#bdb98a"),
            Color.web("#cbb894"));
    private static final int TINT_TEXELS = 64;

    private final TerrainMesh mesh;
    private final Group root = new Group();
    /** Per tile's mesh view, the box around its points: tiles out of view are not drawn. */
    private final List<double[]> boxes = new ArrayList<>();

    public TerrainLayer(TerrainMesh mesh) {
        this.mesh = mesh;
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(tint());
        // Bare ground does not shine; a highlight would move over the fields as the camera turns.
        material.setSpecularColor(Color.BLACK);
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
        this(TerrainMesh.build(grids, meshes.origin()));
    }

    /** A ramp of {@link #TINT} as a texture: texture coordinate u is the height's share of the tint span. */
    private static WritableImage tint() {
        WritableImage image = new WritableImage(TINT_TEXELS, 1);
        for (int texel = 0; texel < TINT_TEXELS; texel++) {
            double along = texel / (double) (TINT_TEXELS - 1) * (TINT.size() - 1);
            int stop = Math.min(TINT.size() - 2, (int) along);
            image.getPixelWriter().setColor(texel, 0, TINT.get(stop).interpolate(TINT.get(stop + 1), along - stop));
        }
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
