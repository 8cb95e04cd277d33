package de.dormagentwin.scene;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.PickResult;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.List;

/**
 * The city's merged meshes in the scene graph. Each part samples its colours from a small palette image, one
 * texel per object (and material colour), so recolouring an object writes a few pixels and leaves the faces
 * arrays, which Prism would re-upload whole, untouched. Must be used on the FX thread.
 */
public final class CityLayer {
    /** The highlight of whatever is selected: an object here, a marker in the sensor layer. */
    public static final int SELECTION_ARGB = 0xFFFFC400;

    private final CityMeshes meshes;
    private final Group root = new Group();
    private final List<Part> parts = new ArrayList<>();
    /** For object o, its texels are texelPart/texelIndex[objectTexelStart[o] .. objectTexelStart[o+1]). */
    private final int[] objectTexelStart;
    private final int[] texelPart;
    private final int[] texelIndex;
    /** Per object, the overlay's colour, 0 for none. */
    private final int[] overlayArgb;
    private int selected = -1;
    private boolean contextMuted;
    /** Per object, its bounding box in scene coordinates: computed on first use, in one pass. */
    private double[][] bounds;

    private record Part(MeshPart data, MeshView view, WritableImage palette, int[] currentArgb, boolean[] anyHidden) {
    }

    public CityLayer(CityMeshes meshes) {
        this.meshes = meshes;
        int objectCount = meshes.objects().size();
        overlayArgb = new int[objectCount];
        objectTexelStart = new int[objectCount + 1];
        for (MeshPart data : meshes.parts()) {
            for (int object : data.texelObject()) {
                objectTexelStart[object + 1]++;
            }
        }
        for (int o = 0; o < objectCount; o++) {
            objectTexelStart[o + 1] += objectTexelStart[o];
        }
        texelPart = new int[objectTexelStart[objectCount]];
        texelIndex = new int[texelPart.length];
        int[] fill = objectTexelStart.clone();
        for (MeshPart data : meshes.parts()) {
            int partNumber = parts.size();
            parts.add(createPart(data));
            int[] texelObject = data.texelObject();
            for (int texel = 0; texel < texelObject.length; texel++) {
                int slot = fill[texelObject[texel]]++;
                texelPart[slot] = partNumber;
                texelIndex[slot] = texel;
            }
        }
    }

    private Part createPart(MeshPart data) {
        TriangleMesh mesh = new TriangleMesh(VertexFormat.POINT_NORMAL_TEXCOORD);
        mesh.getPoints().setAll(data.points());
        mesh.getNormals().setAll(data.normals());
        mesh.getTexCoords().setAll(data.texCoords());
        mesh.getFaces().setAll(data.faces());
        WritableImage palette = new WritableImage(data.paletteWidth(), data.paletteHeight());
        int[] argb = Arrays.copyOf(data.texelArgb(), data.paletteWidth() * data.paletteHeight());
        palette.getPixelWriter().setPixels(0, 0, data.paletteWidth(), data.paletteHeight(),
                PixelFormat.getIntArgbInstance(), argb, 0, data.paletteWidth());
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(palette);
        if (data.surfaceClass() == SurfaceClass.WATER) {
            material.setSpecularColor(Color.gray(0.6));
            material.setSpecularPower(40);
        }
        MeshView view = new MeshView(mesh);
        view.setMaterial(material);
        view.setCullFace(CullFace.BACK);
        view.setId(data.surfaceClass().name().toLowerCase() + "-" + data.tileColumn() + "-" + data.tileRow());
        Part part = new Part(data, view, palette, argb, new boolean[1]);
        view.setUserData(part);
        root.getChildren().add(view);
        return part;
    }

    /**
     * Hides the objects the predicate names and shows the rest (layers switched off in the planner). A hidden
     * object's points collapse onto one point, so its triangles have no area: not drawn and not picked. Points are never
     * shared between objects, so nothing else moves; the faces stay as they are, and a part without hidden objects
     * before or after is not touched.
     */
    public void setHidden(IntPredicate hidden) {
        for (Part part : parts) {
            MeshPart data = part.data();
            int[] faceToObject = data.faceToObject();
            float[] points = null;
            for (int face = 0; face < faceToObject.length; face++) {
                if (!hidden.test(faceToObject[face])) {
                    continue;
                }
                if (points == null) {
                    points = data.points().clone();
                }
                // Every hidden point goes to the part's first point: one place keeps each hidden triangle flat
                // and the mesh's bounds as they were. POINT_NORMAL_TEXCOORD: each corner is point, normal, texcoord.
                for (int corner = 0; corner < 3; corner++) {
                    System.arraycopy(data.points(), 0, points, data.faces()[face * 9 + corner * 3] * 3, 3);
                }
            }
            if (points != null || part.anyHidden()[0]) {
                ((TriangleMesh) part.view().getMesh()).getPoints().setAll(points != null ? points : data.points());
            }
            part.anyHidden()[0] = points != null;
        }
    }

    public Node node() {
        return root;
    }

    public CityMeshes meshes() {
        return meshes;
    }

    /** The scene-wide index of the object under a pick, or -1. */
    public int objectAt(PickResult pick) {
        Node node = pick == null ? null : pick.getIntersectedNode();
        if (node instanceof MeshView view && view.getUserData() instanceof Part part) {
            int face = pick.getIntersectedFace();
            if (face >= 0 && face < part.data().faceToObject().length) {
                return part.data().faceToObject()[face];
            }
        }
        return -1;
    }

    /**
     * Colours an object for an overlay (a value's colour), or gives it back its own colours with 0. The selection
     * highlight stays on top: a selected object shows its overlay colour again once it is deselected.
     */
    public void setOverlayColor(int objectIndex, int argb) {
        if (overlayArgb[objectIndex] == argb) {
            return;
        }
        overlayArgb[objectIndex] = argb;
        if (objectIndex != selected) {
            paint(objectIndex);
        }
    }

    public int overlayColor(int objectIndex) {
        return overlayArgb[objectIndex];
    }

    /**
     * With {@code muted}, objects without an overlay colour are drawn pale, so that the few an overlay colours
     * stand out from a city of red roofs.
     */
    public void setContextMuted(boolean muted) {
        if (contextMuted == muted) {
            return;
        }
        contextMuted = muted;
        for (int object = 0; object < overlayArgb.length; object++) {
            paint(object);
        }
    }

    /** Writes what an object shows: the highlight when selected, else its overlay colour, else its own colours. */
    private void paint(int objectIndex) {
        int argb = objectIndex == selected ? SELECTION_ARGB : overlayArgb[objectIndex];
        for (int slot = objectTexelStart[objectIndex]; slot < objectTexelStart[objectIndex + 1]; slot++) {
            Part part = parts.get(texelPart[slot]);
            int own = part.data().texelArgb()[texelIndex[slot]];
            writeTexel(part, texelIndex[slot], argb != 0 ? argb : contextMuted ? pale(own) : own);
        }
    }

    /** Two thirds of the way to white. */
    private static int pale(int argb) {
        int red = (argb >> 16) & 0xFF;
        int green = (argb >> 8) & 0xFF;
        int blue = argb & 0xFF;
        return 0xFF000000 | (red + 2 * 255) / 3 << 16 | (green + 2 * 255) / 3 << 8 | (blue + 2 * 255) / 3;
    }

    private static void writeTexel(Part part, int texel, int argb) {
        if (part.currentArgb()[texel] == argb) {
            return;
        }
        part.currentArgb()[texel] = argb;
        PixelWriter writer = part.palette().getPixelWriter();
        writer.setArgb(texel % part.data().paletteWidth(), texel / part.data().paletteWidth(), argb);
    }

    /** The colour an object's first texel shows now, for tests and the info panel. */
    public int objectColor(int objectIndex) {
        int slot = objectTexelStart[objectIndex];
        if (slot == objectTexelStart[objectIndex + 1]) {
            return 0;
        }
        return parts.get(texelPart[slot]).currentArgb()[texelIndex[slot]];
    }

    /** Highlights one object (or none, with -1), restoring the one highlighted before. */
    public void select(int objectIndex) {
        int previous = selected;
        selected = objectIndex;
        if (previous >= 0) {
            paint(previous);
        }
        if (objectIndex >= 0) {
            paint(objectIndex);
        }
    }

    public int selected() {
        return selected;
    }

    /** The centre of an object's drawn points in scene coordinates, for flying to it; null if it draws nothing. */
    public double[] objectCentre(int objectIndex) {
        if (bounds == null) {
            bounds = objectBounds();
        }
        double[] box = bounds[objectIndex];
        if (box == null) {
            return null;
        }
        return new double[]{(box[0] + box[3]) / 2, (box[1] + box[4]) / 2, (box[2] + box[5]) / 2, box[3] - box[0], box[4] - box[1], box[5] - box[2]};
    }

    /** Every object's bounding box (min x, y, z, max x, y, z) in one pass over the faces; null where it draws nothing. */
    private double[][] objectBounds() {
        double[][] boxes = new double[meshes.objects().size()][];
        for (Part part : parts) {
            int[] faces = part.data().faces();
            int[] faceToObject = part.data().faceToObject();
            float[] points = part.data().points();
            for (int face = 0; face < faceToObject.length; face++) {
                double[] box = boxes[faceToObject[face]];
                if (box == null) {
                    box = new double[]{Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
                    boxes[faceToObject[face]] = box;
                }
                for (int corner = 0; corner < 3; corner++) {
                    int point = faces[face * 9 + corner * 3] * 3;
                    for (int axis = 0; axis < 3; axis++) {
                        box[axis] = Math.min(box[axis], points[point + axis]);
                        box[axis + 3] = Math.max(box[axis + 3], points[point + axis]);
                    }
                }
            }
        }
        return boxes;
    }

    public int nodeCount() {
        return parts.size();
    }
}
