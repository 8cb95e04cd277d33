package de.dormagentwin.scene;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.geo.Crs;
import de.dormagentwin.model.primitive.FloatList;
import de.dormagentwin.model.primitive.IntList;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * City models as glTF 2.0 binary (.glb), drawn as the viewer draws them: {@link MeshBuilder}'s triangles of each
 * object's chosen level of detail (not the far blocks), in the colours it gives them (docs/decisions/0021-model-exports.md).
 *
 * <p>One node per object that has triangles, named by its id, its type and id in the node's extras, with one mesh of
 * one primitive: positions, flat normals and the viewer's colour per vertex (COLOR_0, linear as glTF wants it), under
 * one white material. Textures are not exported: textured surfaces take the colour the viewer falls back on.
 *
 * <p>The frame is local and metric: the origin (east and north of the middle of the objects, the height of their
 * lowest point, each rounded to whole metres) is subtracted and written in the asset's extras with the CRS, and
 * the model's east, north, up become glTF's x, -z and y (right-handed, y up), a rotation, so windings keep their sense.
 */
public final class GlbExport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int GLB_MAGIC = 0x46546C67;
    private static final int CHUNK_JSON = 0x4E4F534A;
    private static final int CHUNK_BIN = 0x004E4942;
    private static final int FLOAT = 5126;
    private static final int UNSIGNED_INT = 5125;
    private static final int ARRAY_BUFFER = 34962;
    private static final int ELEMENT_ARRAY_BUFFER = 34963;
    /** Three floats: a position, a normal or a colour. */
    private static final int VEC3_BYTES = 12;
    /** Larger than any city: every object falls into tile (0, 0) of one part per class, which is all this needs. */
    private static final double ONE_TILE = 1e7;

    private GlbExport() {
    }

    /**
     * What was written.
     *
     * @param origin    the real-world point (east, north, height) at glTF's zero
     * @param nodes     nodes written, one per object with triangles
     * @param triangles triangles written
     */
    public record Written(double[] origin, int nodes, long triangles) {
    }

    /** One object's triangles, its vertices shared where point, normal and colour are the same. */
    private static final class ObjectMesh {
        final CityObject object;
        final FloatList positions = new FloatList(48);
        final FloatList normals = new FloatList(48);
        final FloatList colours = new FloatList(48);
        final IntList indices = new IntList(48);

        ObjectMesh(CityObject object) {
            this.object = object;
        }
    }

    /** Writes {@code models} (in one CRS, the first one's written) to {@code out}, which stays open. */
    public static Written write(List<CityModel> models, LodChoice lod, OutputStream out) throws IOException {
        return write(models, lod, null, out);
    }

    /**
     * As {@link #write(List, LodChoice, OutputStream)}, the origin's east and north at {@code centre} (rounded to whole
     * metres) where it is not null: an area's middle, where the objects that meet the area (a road, the Rhine) reach
     * kilometres beyond it and the middle of their extent would lie far from what the user chose.
     */
    public static Written write(List<CityModel> models, LodChoice lod, double[] centre, OutputStream out) throws IOException {
        double[] origin = origin(models, lod);
        if (centre != null) {
            origin[0] = Math.rint(centre[0]);
            origin[1] = Math.rint(centre[1]);
        }
        List<CityModel> untextured = new ArrayList<>(models.size());
        for (CityModel model : models) {
            untextured.add(new CityModel(model.name(), model.referenceSystem(), model.metadata(), model.vertexArray(), model.vertexCount(),
                    model.objects(), model.problems(), model.notes(), model.skippedObjects(), List.of()));
        }
        CityMeshes meshes = MeshBuilder.build(untextured, lod, new MeshBuilder.Grid(origin, ONE_TILE), 0, new TextureBudget(0));
        ObjectMesh[] byObject = new ObjectMesh[meshes.objects().size()];
        for (MeshPart part : meshes.parts()) {
            if (part.detail() != MeshPart.Detail.FAR) {
                addPart(part, meshes.objects(), byObject);
            }
        }
        List<ObjectMesh> objects = new ArrayList<>();
        long triangles = 0;
        for (ObjectMesh mesh : byObject) {
            if (mesh != null) {
                objects.add(mesh);
                triangles += mesh.indices.size() / 3;
            }
        }
        String crs = models.isEmpty() ? null : models.get(0).referenceSystem();
        writeGlb(objects, origin, crs, out);
        return new Written(origin, objects.size(), triangles);
    }

    private static void addPart(MeshPart part, List<CityObject> objects, ObjectMesh[] byObject) {
        float[] points = part.points();
        float[] normals = part.normals();
        int[] faces = part.faces();
        // Per object of this part, its vertex for a point and normal; an object's triangles follow one another in a part.
        Map<Long, Integer> vertexOf = new HashMap<>();
        int lastObject = -1;
        for (int triangle = 0; triangle < part.triangleCount(); triangle++) {
            int objectIndex = part.faceToObject()[triangle];
            if (objectIndex != lastObject) {
                vertexOf.clear();
                lastObject = objectIndex;
            }
            ObjectMesh mesh = byObject[objectIndex];
            if (mesh == null) {
                mesh = new ObjectMesh(objects.get(objectIndex));
                byObject[objectIndex] = mesh;
            }
            for (int corner = 0; corner < 3; corner++) {
                int at = (triangle * 3 + corner) * 3;
                int point = faces[at];
                int normal = faces[at + 1];
                int texel = faces[at + 2];
                // A normal is one surface's, and a surface has one colour: point and normal make the vertex.
                long key = ((long) point << 32) | (normal & 0xFFFFFFFFL);
                Integer vertex = vertexOf.get(key);
                if (vertex == null) {
                    vertex = mesh.positions.size() / 3;
                    // Scene x east, y down, z north to glTF x east, y up, z south.
                    mesh.positions.add(points[point * 3], -points[point * 3 + 1], -points[point * 3 + 2]);
                    mesh.normals.add(normals[normal * 3], -normals[normal * 3 + 1], -normals[normal * 3 + 2]);
                    int argb = part.texelArgb()[texel];
                    mesh.colours.add(linear(argb >> 16), linear(argb >> 8), linear(argb));
                    vertexOf.put(key, vertex);
                }
                mesh.indices.add(vertex);
            }
        }
    }

    /** An sRGB channel (the low byte of {@code channel}) as glTF's linear value. */
    static float linear(int channel) {
        double c = (channel & 0xFF) / 255.0;
        return (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    }

    /** East and north of the middle of what is drawn and the height of its lowest point, in whole metres. */
    static double[] origin(List<CityModel> models, LodChoice lod) {
        double[] low = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] high = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (CityModel model : models) {
            for (CityObject object : model.objects()) {
                Geometry geometry = object.geometryFor(lod);
                if (geometry == null) {
                    continue;
                }
                for (int position = 0; position < geometry.vertexIndexCount(); position++) {
                    int vertex = geometry.vertexIndex(position);
                    double[] xyz = {model.x(vertex), model.y(vertex), model.z(vertex)};
                    for (int axis = 0; axis < 3; axis++) {
                        low[axis] = Math.min(low[axis], xyz[axis]);
                        high[axis] = Math.max(high[axis], xyz[axis]);
                    }
                }
            }
        }
        if (!(low[0] <= high[0])) {
            return new double[3];
        }
        return new double[]{Math.rint((low[0] + high[0]) / 2), Math.rint((low[1] + high[1]) / 2), Math.floor(low[2])};
    }

    private static void writeGlb(List<ObjectMesh> objects, double[] origin, String referenceSystem, OutputStream out) throws IOException {
        long positionBytes = 0;
        long indexBytes = 0;
        for (ObjectMesh mesh : objects) {
            positionBytes += mesh.positions.size() * 4L;
            indexBytes += mesh.indices.size() * 4L;
        }
        long binLength = positionBytes * 3 + indexBytes;
        if (binLength > Integer.MAX_VALUE - 1024) {
            throw new IOException("the selection is too large for one glTF binary (" + binLength + " bytes of geometry); select less");
        }
        ByteBuffer bin = ByteBuffer.allocate((int) binLength).order(ByteOrder.LITTLE_ENDIAN);
        List<Object> accessors = new ArrayList<>();
        List<Object> meshes = new ArrayList<>();
        List<Object> nodes = new ArrayList<>();
        List<Integer> sceneNodes = new ArrayList<>();
        long vertexOffset = 0;
        long indexOffset = 0;
        for (ObjectMesh mesh : objects) {
            int vertices = mesh.positions.size() / 3;
            float[] positions = mesh.positions.toArray();
            int base = accessors.size();
            accessors.add(accessor(0, vertexOffset, vertices, FLOAT, "VEC3", bounds(positions, true), bounds(positions, false)));
            accessors.add(accessor(1, vertexOffset, vertices, FLOAT, "VEC3", null, null));
            accessors.add(accessor(2, vertexOffset, vertices, FLOAT, "VEC3", null, null));
            accessors.add(accessor(3, indexOffset, mesh.indices.size(), UNSIGNED_INT, "SCALAR", null, null));
            putFloats(bin, (int) vertexOffset, positions);
            putFloats(bin, (int) (positionBytes + vertexOffset), mesh.normals.toArray());
            putFloats(bin, (int) (2 * positionBytes + vertexOffset), mesh.colours.toArray());
            int[] indices = mesh.indices.toArray();
            for (int i = 0; i < indices.length; i++) {
                bin.putInt((int) (3 * positionBytes + indexOffset) + i * 4, indices[i]);
            }
            vertexOffset += vertices * 12L;
            indexOffset += indices.length * 4L;
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("POSITION", base);
            attributes.put("NORMAL", base + 1);
            attributes.put("COLOR_0", base + 2);
            Map<String, Object> primitive = new LinkedHashMap<>();
            primitive.put("attributes", attributes);
            primitive.put("indices", base + 3);
            primitive.put("material", 0);
            primitive.put("mode", 4);
            meshes.add(Map.of("name", mesh.object.id(), "primitives", List.of(primitive)));
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", mesh.object.id());
            node.put("mesh", meshes.size() - 1);
            Map<String, Object> extras = new LinkedHashMap<>();
            extras.put("id", mesh.object.id());
            extras.put("type", mesh.object.type());
            if (!mesh.object.parents().isEmpty()) {
                extras.put("parents", mesh.object.parents());
            }
            node.put("extras", extras);
            sceneNodes.add(nodes.size());
            nodes.add(node);
        }
        Map<String, Object> gltf = new LinkedHashMap<>();
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("version", "2.0");
        asset.put("generator", "Dormagen Twin");
        Map<String, Object> assetExtras = new LinkedHashMap<>();
        assetExtras.put("origin", List.of(origin[0], origin[1], origin[2]));
        Crs crs = Crs.parse(referenceSystem);
        assetExtras.put("crs", crs != null ? crs.toString() : referenceSystem);
        assetExtras.put("axes", "x east, y up, z south; metres from origin");
        asset.put("extras", assetExtras);
        gltf.put("asset", asset);
        gltf.put("scene", 0);
        gltf.put("scenes", List.of(Map.of("name", "city", "nodes", sceneNodes)));
        if (!nodes.isEmpty()) {
            gltf.put("nodes", nodes);
            gltf.put("meshes", meshes);
            gltf.put("accessors", accessors);
            gltf.put("bufferViews", List.of(
                    bufferView(0, positionBytes, VEC3_BYTES),
                    bufferView(positionBytes, positionBytes, VEC3_BYTES),
                    bufferView(2 * positionBytes, positionBytes, VEC3_BYTES),
                    bufferView(3 * positionBytes, indexBytes, 0)));
            gltf.put("buffers", List.of(Map.of("byteLength", binLength)));
            Map<String, Object> pbr = new LinkedHashMap<>();
            pbr.put("baseColorFactor", List.of(1.0, 1.0, 1.0, 1.0));
            pbr.put("metallicFactor", 0.0);
            pbr.put("roughnessFactor", 1.0);
            gltf.put("materials", List.of(Map.of("name", "viewer colours", "pbrMetallicRoughness", pbr)));
        }
        byte[] json = MAPPER.writeValueAsBytes(gltf);
        int jsonPadded = (json.length + 3) & ~3;
        int binPadded = (int) ((binLength + 3) & ~3);
        boolean hasBin = !nodes.isEmpty();
        long total = 12 + 8 + jsonPadded + (hasBin ? 8 + binPadded : 0);
        ByteBuffer head = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(GLB_MAGIC).putInt(2).putInt((int) total).putInt(jsonPadded).putInt(CHUNK_JSON);
        out.write(head.array());
        out.write(json);
        for (int i = json.length; i < jsonPadded; i++) {
            out.write(' ');
        }
        if (hasBin) {
            ByteBuffer binHead = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            binHead.putInt(binPadded).putInt(CHUNK_BIN);
            out.write(binHead.array());
            out.write(bin.array());
            for (long i = binLength; i < binPadded; i++) {
                out.write(0);
            }
        }
        out.flush();
    }

    private static Map<String, Object> accessor(int bufferView, long byteOffset, int count, int componentType, String type,
                                                List<Double> min, List<Double> max) {
        Map<String, Object> accessor = new LinkedHashMap<>();
        accessor.put("bufferView", bufferView);
        accessor.put("byteOffset", byteOffset);
        accessor.put("componentType", componentType);
        accessor.put("count", count);
        accessor.put("type", type);
        if (min != null) {
            accessor.put("min", min);
            accessor.put("max", max);
        }
        return accessor;
    }

    /**
     * A view of the buffer: of vertex attributes where {@code stride} is above 0 (every object's accessor reads a
     * stretch of it, and the spec wants the stride of a view that several accessors share), else of indices.
     */
    private static Map<String, Object> bufferView(long byteOffset, long byteLength, int stride) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("buffer", 0);
        view.put("byteOffset", byteOffset);
        view.put("byteLength", byteLength);
        if (stride > 0) {
            view.put("byteStride", stride);
        }
        view.put("target", stride > 0 ? ARRAY_BUFFER : ELEMENT_ARRAY_BUFFER);
        return view;
    }

    /** The least (or greatest) x, y and z of interleaved positions, as the float values the file holds. */
    private static List<Double> bounds(float[] positions, boolean least) {
        float[] bound = {positions[0], positions[1], positions[2]};
        for (int i = 3; i < positions.length; i++) {
            bound[i % 3] = least ? Math.min(bound[i % 3], positions[i]) : Math.max(bound[i % 3], positions[i]);
        }
        return List.of((double) bound[0], (double) bound[1], (double) bound[2]);
    }

    private static void putFloats(ByteBuffer buffer, int at, float[] values) {
        for (int i = 0; i < values.length; i++) {
            buffer.putFloat(at + i * 4, values[i]);
        }
    }
}
