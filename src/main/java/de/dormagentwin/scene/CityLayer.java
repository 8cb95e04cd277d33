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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The city's merged meshes in the scene graph. Each part samples its colours from a small palette image, one
 * texel per object (and material colour), so recolouring an object writes a few pixels and leaves the faces
 * arrays, which Prism would re-upload whole, untouched. Must be used on the FX thread.
 *
 * <p>Parts are grouped by tile. Given the camera's view, a tile outside it is neither drawn nor picked, and a tile far
 * from the camera shows its buildings as blocks. What that saves is measured by {@code twin bench scale}.
 */
public final class CityLayer {
    /**
     * The highlight of whatever is selected: an object here, a marker in the sensor layer, a planned building. Cyan,
     * because no legend uses it: the amber it replaces read as the yellow band of PM10's legend.
     */
    public static final int SELECTION_ARGB = 0xFF00E5FF;

    /**
     * A tile shows its buildings' own geometry (LoD2) while a roof of {@value #ROOF_METRES} m at its nearest point
     * covers at least {@value #ROOF_PIXELS} pixels, and their blocks (LoD1) beyond: a gable is then too small to
     * tell from a flat roof. In an 800-pixel-high view with the camera's 40 degrees that is 2.7 km.
     */
    static final double ROOF_METRES = 10;
    static final double ROOF_PIXELS = 4;
    /**
     * A tile leaves out the walls of its low buildings where a wall of {@link MeshBuilder#LOW_WALL_METRES} at its
     * nearest point covers less than this many pixels: a town seen from that far is its roofs, and its walls would
     * only cost the GPU triangles that cover no pixel. In an 800-pixel-high view that is beyond 16 km.
     */
    static final double WALL_PIXELS = 1;

    private CityMeshes meshes;
    private final Group root = new Group();
    private final List<Part> parts = new ArrayList<>();
    /** The tiles by (column, row): what culling and the level of detail switch, each as a whole. */
    private final Map<Long, Tile> tiles = new HashMap<>();
    /** For object o, its texels are texelPart/texelIndex[objectTexelStart[o] .. objectTexelStart[o+1]). */
    private int[] objectTexelStart;
    private int[] texelPart;
    private int[] texelIndex;
    /** Per object, the overlay's colour, 0 for none. */
    private int[] overlayArgb;
    private int selected = -1;
    private boolean contextMuted;
    /** Per object, its bounding box in scene coordinates: computed on first use, then for each appended tile alone. */
    private double[][] bounds = new double[0][];
    /** How many of {@link #parts} {@link #bounds} covers: a tile appended later adds its own, not all again. */
    private int boundedParts;
    private ViewFrustum view;
    private boolean culling = true;
    private boolean levelOfDetail = true;

    /**
     * @param palette            the palette, or for a textured part its atlas
     * @param texelCoordinates   for a textured part, per texel (object) the first and end index of its texture
     *                           coordinates; null for a palette part
     */
    private record Part(MeshPart data, MeshView view, WritableImage palette, int[] currentArgb, boolean[] anyHidden, int[] texelCoordinates) {
    }

    /** One tile's parts and the box around their points. */
    private record Tile(List<Part> parts, double[] box) {
    }

    public CityLayer(CityMeshes meshes) {
        this.meshes = meshes;
        overlayArgb = new int[0];
        objectTexelStart = new int[1];
        texelPart = new int[0];
        texelIndex = new int[0];
        addParts(meshes.parts(), 0);
    }

    /**
     * Adds a chunk of the city meshed on the same grid after what is here (a tile of a folder that loads in the
     * background): its objects take the next indexes, and it is drawn, culled and picked like the rest.
     */
    public void append(CityMeshes chunk) {
        int first = meshes.objects().size();
        meshes = meshes.append(chunk);
        addParts(chunk.parts(), first);
        if (contextMuted) {
            for (int object = first; object < overlayArgb.length; object++) {
                paint(object);
            }
        }
    }

    /** The terrain under the city, meshed around its origin: for a city whose terrain loads after its tiles. */
    void setTerrainMesh(TerrainMesh terrain) {
        meshes = meshes.withTerrain(terrain);
    }

    /** Adds parts whose faces and texels name only objects from {@code firstObject} on, all of them new. */
    private void addParts(List<MeshPart> added, int firstObject) {
        int firstPart = parts.size();
        for (MeshPart data : added) {
            Part part = createPart(data);
            parts.add(part);
            Tile tile = tiles.computeIfAbsent(((long) data.tileColumn() << 32) | (data.tileRow() & 0xFFFFFFFFL),
                    key -> new Tile(new ArrayList<>(), Boxes.empty()));
            tile.parts().add(part);
            Boxes.include(tile.box(), data.points());
        }
        indexTexels(firstPart, firstObject);
        updateVisibility();
    }

    /**
     * Extends the map from objects to their texels by the new objects' texels, which lie in the new parts only: the
     * objects before keep their slots, so loading a folder does not redo the whole map for every tile.
     */
    private void indexTexels(int firstPart, int firstObject) {
        int objectCount = meshes.objects().size();
        overlayArgb = Arrays.copyOf(overlayArgb, objectCount);
        objectTexelStart = Arrays.copyOf(objectTexelStart, objectCount + 1);
        for (int partNumber = firstPart; partNumber < parts.size(); partNumber++) {
            for (int object : parts.get(partNumber).data().texelObject()) {
                objectTexelStart[object + 1]++;
            }
        }
        for (int o = firstObject; o < objectCount; o++) {
            objectTexelStart[o + 1] += objectTexelStart[o];
        }
        texelPart = Arrays.copyOf(texelPart, objectTexelStart[objectCount]);
        texelIndex = Arrays.copyOf(texelIndex, texelPart.length);
        int[] fill = Arrays.copyOf(objectTexelStart, objectCount);
        for (int partNumber = firstPart; partNumber < parts.size(); partNumber++) {
            int[] texelObject = parts.get(partNumber).data().texelObject();
            for (int texel = 0; texel < texelObject.length; texel++) {
                int slot = fill[texelObject[texel]]++;
                texelPart[slot] = partNumber;
                texelIndex[slot] = texel;
            }
        }
    }

    /**
     * Draws only what the camera can see: tiles outside the view are left out of the frame (and out of picking),
     * and each tile shows its buildings near or far, by its distance from the camera. Null shows every tile, near.
     */
    public void setView(ViewFrustum frustum) {
        view = frustum;
        updateVisibility();
    }

    /** With culling off, tiles outside the view are drawn too (for comparison in the benchmark). */
    public void setCulling(boolean on) {
        culling = on;
        updateVisibility();
    }

    /** With the level of detail off, every tile shows its buildings' own geometry, however far. */
    public void setLevelOfDetail(boolean on) {
        levelOfDetail = on;
        updateVisibility();
    }

    private void updateVisibility() {
        for (Tile tile : tiles.values()) {
            boolean inView = view == null || !culling || view.intersects(tile.box());
            double distance = view == null ? 0 : view.distanceTo(tile.box());
            boolean near = view == null || !levelOfDetail || view.pixels(ROOF_METRES, distance) >= ROOF_PIXELS;
            boolean distant = view != null && levelOfDetail && view.pixels(MeshBuilder.LOW_WALL_METRES, distance) < WALL_PIXELS;
            for (Part part : tile.parts()) {
                boolean shown = inView && !(distant && part.data().lowWalls()) && switch (part.data().detail()) {
                    case ALWAYS -> true;
                    case NEAR -> near;
                    case FAR -> !near;
                };
                if (part.view().isVisible() != shown) {
                    part.view().setVisible(shown);
                }
            }
        }
    }

    /** How many mesh parts are drawn now: after culling and the choice of detail. */
    public int visibleNodeCount() {
        return (int) parts.stream().filter(part -> part.view().isVisible()).count();
    }

    /** How many triangles are drawn now. */
    public long visibleTriangles() {
        return parts.stream().filter(part -> part.view().isVisible()).mapToLong(part -> part.data().triangleCount()).sum();
    }

    private Part createPart(MeshPart data) {
        // Without normals, in one smoothing group of none: JavaFX derives flat normals from the faces and keeps
        // nothing but the arrays. Given normals, it would keep a vertex buffer, normals, tangents and bitangents per
        // corner and three hash maps over them for the mesh's life: half the heap of a city of tiles.
        TriangleMesh mesh = new TriangleMesh(VertexFormat.POINT_TEXCOORD);
        mesh.getPoints().setAll(data.points());
        mesh.getTexCoords().setAll(data.texCoords());
        int[] faces = data.faces();
        int[] pointTexCoord = new int[faces.length / 9 * 6];
        for (int corner = 0, to = 0; corner < faces.length; corner += 3) {
            pointTexCoord[to++] = faces[corner];
            pointTexCoord[to++] = faces[corner + 2];
        }
        mesh.getFaces().setAll(pointTexCoord);
        mesh.getFaceSmoothingGroups().setAll(new int[data.triangleCount()]);
        WritableImage palette = new WritableImage(data.paletteWidth(), data.paletteHeight());
        // A textured part's diffuse map is its tile's atlas; its objects show their textures (0) until recoloured.
        int[] argb = data.atlas() != null ? new int[data.texelObject().length] : Arrays.copyOf(data.texelArgb(), data.paletteWidth() * data.paletteHeight());
        palette.getPixelWriter().setPixels(0, 0, data.paletteWidth(), data.paletteHeight(),
                PixelFormat.getIntArgbInstance(), data.atlas() != null ? data.atlas().argb() : argb, 0, data.paletteWidth());
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(palette);
        if (data.surfaceClass() == SurfaceClass.WATER) {
            material.setSpecularColor(Color.gray(0.6));
            material.setSpecularPower(40);
        }
        MeshView view = new MeshView(mesh);
        view.setMaterial(material);
        view.setCullFace(CullFace.BACK);
        String far = data.detail() == MeshPart.Detail.FAR ? "far-" : "";
        String low = data.lowWalls() ? "low-" : "";
        String kind = data.atlas() != null ? "textured" : data.surfaceClass().name().toLowerCase();
        view.setId(far + low + kind + "-" + data.tileColumn() + "-" + data.tileRow());
        Part part = new Part(data, view, palette, argb, new boolean[1], data.atlas() != null ? texelCoordinates(data) : null);
        view.setUserData(part);
        root.getChildren().add(view);
        return part;
    }

    /** Per texel of a textured part, the range of its object's texture coordinates: objects' corners come one object after another. */
    private static int[] texelCoordinates(MeshPart data) {
        int[] texelObject = data.texelObject();
        int[] ranges = new int[texelObject.length * 2];
        Arrays.fill(ranges, -1);
        int texel = 0;
        for (int face = 0; face < data.faceToObject().length; face++) {
            while (texelObject[texel] != data.faceToObject()[face]) {
                texel++;
            }
            for (int corner = 0; corner < 3; corner++) {
                int coordinate = data.faces()[face * 9 + corner * 3 + 2];
                ranges[texel * 2] = ranges[texel * 2] < 0 ? coordinate : Math.min(ranges[texel * 2], coordinate);
                ranges[texel * 2 + 1] = Math.max(ranges[texel * 2 + 1], coordinate + 1);
            }
        }
        return ranges;
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
     * With {@code muted}, objects without an overlay colour are drawn in muted colours (see {@link #muted}), so
     * that the few an overlay colours stand out from a city of red roofs.
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
            if (part.texelCoordinates() != null) {
                // Textures stay in a muted context: they are what the object looks like, not a colour to grey.
                writeTexturedTexel(part, texelIndex[slot], argb);
                continue;
            }
            int own = part.data().texelArgb()[texelIndex[slot]];
            writeTexel(part, texelIndex[slot], argb != 0 ? argb : contextMuted ? muted(own, part.data().surfaceClass()) : own);
        }
    }

    /**
     * The context's colour while an overlay colours some objects: mostly grey, as a white architectural model is,
     * but keeping its lightness, so roofs stay darker than walls and the town remains a place; a little lighter, so
     * that it recedes behind the overlay's saturated colours. Water keeps more of its blue: the Rhine stays a river.
     */
    public static int muted(int argb, SurfaceClass surfaceClass) {
        int red = (argb >> 16) & 0xFF;
        int green = (argb >> 8) & 0xFF;
        int blue = argb & 0xFF;
        int grey = (int) Math.round(0.299 * red + 0.587 * green + 0.114 * blue);
        double toGrey = surfaceClass == SurfaceClass.WATER ? 0.45 : 0.8;
        double toWhite = 0.2;
        red = (int) Math.round((red + (grey - red) * toGrey) * (1 - toWhite) + 255 * toWhite);
        green = (int) Math.round((green + (grey - green) * toGrey) * (1 - toWhite) + 255 * toWhite);
        blue = (int) Math.round((blue + (grey - blue) * toGrey) * (1 - toWhite) + 255 * toWhite);
        return 0xFF000000 | red << 16 | green << 8 | blue;
    }

    private static void writeTexel(Part part, int texel, int argb) {
        if (part.currentArgb()[texel] == argb) {
            return;
        }
        part.currentArgb()[texel] = argb;
        PixelWriter writer = part.palette().getPixelWriter();
        writer.setArgb(texel % part.data().paletteWidth(), texel / part.data().paletteWidth(), argb);
    }

    /**
     * Shows a textured part's object in one colour, its texel's, by pointing its texture coordinates at the texel; or
     * its textures again with 0. Only that object's coordinates are written.
     */
    private static void writeTexturedTexel(Part part, int texel, int argb) {
        if (part.currentArgb()[texel] == argb) {
            return;
        }
        part.currentArgb()[texel] = argb;
        int start = part.texelCoordinates()[texel * 2];
        int end = part.texelCoordinates()[texel * 2 + 1];
        if (start < 0) {
            return;
        }
        TriangleMesh mesh = (TriangleMesh) part.view().getMesh();
        if (argb == 0) {
            mesh.getTexCoords().set(start * 2, part.data().texCoords(), start * 2, (end - start) * 2);
            return;
        }
        TextureAtlas atlas = part.data().atlas();
        int x = atlas.texelX(texel);
        int y = atlas.texelY(texel);
        part.palette().getPixelWriter().setArgb(x, y, argb);
        float[] uv = new float[(end - start) * 2];
        for (int i = 0; i < uv.length; i += 2) {
            uv[i] = (x + 0.5f) / atlas.width();
            uv[i + 1] = (y + 0.5f) / atlas.height();
        }
        mesh.getTexCoords().set(start * 2, uv, 0, uv.length);
    }

    /**
     * The colour an object's first palette texel shows now, for tests and the info panel; for an object with textured
     * surfaces only, its overlay or selection colour, or 0 while it shows its textures.
     */
    public int objectColor(int objectIndex) {
        int first = objectTexelStart[objectIndex];
        int end = objectTexelStart[objectIndex + 1];
        for (int slot = first; slot < end; slot++) {
            // A colour rather than "its textures" (0) where the object has one.
            Part part = parts.get(texelPart[slot]);
            if (part.texelCoordinates() == null || slot == end - 1) {
                return part.currentArgb()[texelIndex[slot]];
            }
        }
        return 0;
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
        double[] box = objectBounds()[objectIndex];
        if (box == null) {
            return null;
        }
        return new double[]{(box[0] + box[3]) / 2, (box[1] + box[4]) / 2, (box[2] + box[5]) / 2, box[3] - box[0], box[4] - box[1], box[5] - box[2]};
    }

    /** Every object's bounding box (min x, y, z, max x, y, z) from the faces of the parts not yet read; null where it draws nothing. */
    private double[][] objectBounds() {
        if (bounds.length < meshes.objects().size()) {
            bounds = Arrays.copyOf(bounds, meshes.objects().size());
        }
        for (; boundedParts < parts.size(); boundedParts++) {
            MeshPart part = parts.get(boundedParts).data();
            int[] faces = part.faces();
            int[] faceToObject = part.faceToObject();
            float[] points = part.points();
            for (int face = 0; face < faceToObject.length; face++) {
                double[] box = bounds[faceToObject[face]];
                if (box == null) {
                    box = new double[]{Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
                    bounds[faceToObject[face]] = box;
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
        return bounds;
    }

    public int nodeCount() {
        return parts.size();
    }
}
