package de.dormagentwin.scene;

import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.model.PlanningVariant;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.input.PickResult;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Planning variants in the scene: each variant is one merged mesh of its own, so that switching a variant on or off
 * is one {@code setVisible}. Planned buildings are drawn in a style no existing building has, a saturated violet
 * that partly lights itself, so they read as "not built yet" from any side and in any light; roofs are lighter than
 * walls so the shape still shows. Must be used on the FX thread.
 */
public final class PlanningLayer {
    /** Walls and roofs of planned buildings; no surface class, overlay or highlight uses these colours. */
    public static final int WALL_ARGB = 0xFF5B2EE0;
    public static final int ROOF_ARGB = 0xFF7D5BF0;
    /** How much of its colour a planned building shows on its own: enough to glow, not so much that it looks flat. */
    private static final double GLOW = 0.35;

    /** A planned building under a pick: its variant's name and the building itself (name, height, footprint). */
    public record Hit(String variant, int index, PlannedBuilding building) {
    }

    private final double[] origin;
    private final Group root = new Group();
    private final Map<String, MeshView> views = new LinkedHashMap<>();
    private final WritableImage palette = new WritableImage(VariantMesh.TEXELS, 1);
    private final PhongMaterial material = material(palette);
    /** The selected planned building, or null. */
    private Hit selected;
    /** The ground the planned buildings stand on; null for the flat plane. */
    private final TerrainMesh terrain;

    /** Planned buildings stand on the ground of the scene built from {@code meshes}, around the same origin. */
    public PlanningLayer(CityMeshes meshes) {
        origin = meshes.origin();
        terrain = meshes.terrain();
    }

    public Node node() {
        return root;
    }

    /**
     * Shows a variant, visible. A variant of the same name is replaced in place, keeping its place in the list: a
     * planner who re-imports an edited file wants the new footprint, not two of them.
     */
    public void add(PlanningVariant variant) {
        add(variant, mesh(variant));
    }

    /**
     * The variant's mesh for this layer, standing on its ground. Any thread: the roofs are ear-clipped here, which for
     * a large variant takes long enough to freeze the window, so the viewer calls this off the FX thread.
     */
    public VariantMesh mesh(PlanningVariant variant) {
        return VariantMesh.extrude(variant, origin, terrain);
    }

    /** As {@link #add(PlanningVariant)}, with the mesh {@link #mesh} made: only attached here, nothing is triangulated. */
    public void add(PlanningVariant variant, VariantMesh data) {
        TriangleMesh mesh = new TriangleMesh(VertexFormat.POINT_NORMAL_TEXCOORD);
        mesh.getPoints().setAll(data.points());
        mesh.getNormals().setAll(data.normals());
        mesh.getTexCoords().setAll(data.texCoords());
        mesh.getFaces().setAll(data.faces());
        MeshView view = new MeshView(mesh);
        view.setMaterial(material);
        view.setCullFace(CullFace.BACK);
        view.setId("variant-" + variant.name());
        view.setUserData(new Shown(variant, data.faces(), data.faceToBuilding(), data));
        MeshView previous = views.put(variant.name(), view);
        if (selected != null && selected.variant().equals(variant.name())) {
            selected = null;
        }
        if (previous == null) {
            root.getChildren().add(view);
        } else {
            root.getChildren().set(root.getChildren().indexOf(previous), view);
        }
    }

    /** Takes a variant out of the scene; false if there was none of that name. */
    public boolean remove(String name) {
        MeshView view = views.remove(name);
        if (selected != null && selected.variant().equals(name)) {
            selected = null;
        }
        return view != null && root.getChildren().remove(view);
    }

    /** The names of the variants in the scene, in the order they were added. */
    public List<String> variants() {
        return List.copyOf(views.keySet());
    }

    /** The variants shown now (in the scene and visible), in the order they were added: what casts shadows. */
    public List<PlanningVariant> shownVariants() {
        return views.values().stream().filter(Node::isVisible).map(view -> ((Shown) view.getUserData()).variant()).toList();
    }

    /**
     * The shown variants' walls and roofs as surfaces that receive shadows and count hours of sun, one part each in
     * the city's form (faces of point, normal and texture coordinate); they draw nothing of their own.
     */
    public List<MeshPart> shownSurfaces() {
        return views.values().stream().filter(Node::isVisible).map(view -> {
            VariantMesh mesh = ((Shown) view.getUserData()).mesh();
            return new MeshPart(0, 0, SurfaceClass.WALL, MeshPart.Detail.ALWAYS, false, mesh.points(), mesh.normals(), mesh.texCoords(),
                    mesh.faces(), new int[mesh.triangleCount()], new int[0], new int[0], 0, 0, null);
        }).toList();
    }

    public void setVisible(String name, boolean visible) {
        view(name).setVisible(visible);
    }

    public boolean isVisible(String name) {
        return view(name).isVisible();
    }

    /** The planned building under a pick, or null where the pick hit something else or nothing. */
    public Hit buildingAt(PickResult pick) {
        Node node = pick == null ? null : pick.getIntersectedNode();
        if (node instanceof MeshView view && view.getParent() == root && view.getUserData() instanceof Shown shown) {
            int face = pick.getIntersectedFace();
            if (face >= 0 && face < shown.faceToBuilding().length) {
                return new Hit(shown.variant().name(), shown.faceToBuilding()[face], shown.variant().buildings().get(shown.faceToBuilding()[face]));
            }
        }
        return null;
    }

    /**
     * Highlights a planned building in the selection's colour ({@link CityLayer#SELECTION_ARGB}), as the city and the
     * markers show theirs; null takes the highlight away. Its triangles sample the palette's selection texel, so that
     * the mesh's points and picking stay as they are.
     */
    public void select(Hit hit) {
        if (selected != null && views.get(selected.variant()) != null) {
            MeshView view = views.get(selected.variant());
            ((TriangleMesh) view.getMesh()).getFaces().setAll(((Shown) view.getUserData()).faces());
        }
        selected = hit == null || views.get(hit.variant()) == null ? null : hit;
        if (selected != null) {
            MeshView view = views.get(selected.variant());
            Shown shown = (Shown) view.getUserData();
            int[] faces = shown.faces().clone();
            for (int triangle = 0; triangle < shown.faceToBuilding().length; triangle++) {
                if (shown.faceToBuilding()[triangle] == selected.index()) {
                    for (int corner = 0; corner < 3; corner++) {
                        faces[triangle * 9 + corner * 3 + 2] = VariantMesh.SELECTED_TEXEL;
                    }
                }
            }
            ((TriangleMesh) view.getMesh()).getFaces().setAll(faces);
        }
    }

    /** The selected planned building, or null. */
    public Hit selected() {
        return selected;
    }

    /** The colours a planned building shows now, one per distinct texel its triangles sample (opaque ARGB). */
    public List<Integer> buildingColours(String variant, int index) {
        MeshView view = view(variant);
        Shown shown = (Shown) view.getUserData();
        int[] faces = new int[((TriangleMesh) view.getMesh()).getFaces().size()];
        ((TriangleMesh) view.getMesh()).getFaces().toArray(faces);
        Set<Integer> colours = new LinkedHashSet<>();
        for (int triangle = 0; triangle < shown.faceToBuilding().length; triangle++) {
            if (shown.faceToBuilding()[triangle] == index) {
                colours.add(palette.getPixelReader().getArgb(faces[triangle * 9 + 2], 0));
            }
        }
        return List.copyOf(colours);
    }

    private MeshView view(String name) {
        MeshView view = views.get(name);
        if (view == null) {
            throw new IllegalArgumentException("no planning variant '" + name + "' in the scene; there are " + variants());
        }
        return view;
    }

    /** What a variant's mesh view carries for picking. */
    private record Shown(PlanningVariant variant, int[] faces, int[] faceToBuilding, VariantMesh mesh) {
    }

    /** One material for all variants: the palette's texels give walls, roofs and the selected building their colours. */
    private static PhongMaterial material(WritableImage colours) {
        WritableImage glow = new WritableImage(VariantMesh.TEXELS, 1);
        int[] argb = new int[VariantMesh.TEXELS];
        argb[VariantMesh.WALL_TEXEL] = WALL_ARGB;
        argb[VariantMesh.ROOF_TEXEL] = ROOF_ARGB;
        argb[VariantMesh.SELECTED_TEXEL] = CityLayer.SELECTION_ARGB;
        for (int texel = 0; texel < argb.length; texel++) {
            Color colour = Color.rgb(argb[texel] >> 16 & 0xFF, argb[texel] >> 8 & 0xFF, argb[texel] & 0xFF);
            colours.getPixelWriter().setColor(texel, 0, colour);
            glow.getPixelWriter().setColor(texel, 0, colour.deriveColor(0, 1, GLOW, 1));
        }
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(colours);
        material.setSelfIlluminationMap(glow);
        material.setSpecularColor(Color.gray(0.25));
        return material;
    }
}
