package de.dormagentwin.app;

import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.MeshPart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The naive layout that {@code bench load} compares the viewer's against: every object's triangles in parts of its
 * own, one per surface class, as a node per building would draw them. Cut from the merged meshes, so the triangles are
 * the viewer's own; the far blocks, which a node per building would not have, are left out. Never used by the viewer.
 */
final class PerObjectMeshes {
    private PerObjectMeshes() {
    }

    static CityMeshes of(CityMeshes merged) {
        // By object, then surface class: the order a loop over the objects would have made them in.
        Map<Long, Piece> pieces = new TreeMap<>();
        for (MeshPart part : merged.parts()) {
            if (part.detail() == MeshPart.Detail.FAR || part.atlas() != null) {
                continue;
            }
            int[] faces = part.faces();
            for (int face = 0; face < part.triangleCount(); face++) {
                int object = part.faceToObject()[face];
                long key = (long) object << 8 | part.surfaceClass().ordinal();
                pieces.computeIfAbsent(key, k -> new Piece(object, part)).add(part, faces, face);
            }
        }
        List<MeshPart> parts = new ArrayList<>(pieces.size());
        pieces.values().forEach(piece -> parts.add(piece.finish()));
        return new CityMeshes(merged.origin(), merged.tileSize(), parts, merged.objects(), merged.triangles(), merged.surfaceArea());
    }

    /** One object's triangles of one surface class, its points, normals and texels copied out of the merged parts. */
    private static final class Piece {
        private final int object;
        private final MeshPart first;
        private final List<Float> points = new ArrayList<>();
        private final List<Float> normals = new ArrayList<>();
        private final List<Integer> faces = new ArrayList<>();
        private final List<Integer> texelArgb = new ArrayList<>();
        /** Per merged part, its point, normal and texel indexes as copied here. */
        private final Map<MeshPart, Copied> copied = new IdentityHashMap<>();

        private record Copied(Map<Integer, Integer> points, Map<Integer, Integer> normals, Map<Integer, Integer> texels) {
        }

        Piece(int object, MeshPart first) {
            this.object = object;
            this.first = first;
        }

        void add(MeshPart part, int[] mergedFaces, int face) {
            Copied indexes = copied.computeIfAbsent(part, p -> new Copied(new HashMap<>(), new HashMap<>(), new HashMap<>()));
            for (int corner = 0; corner < 3; corner++) {
                int at = face * 9 + corner * 3;
                faces.add(indexes.points().computeIfAbsent(mergedFaces[at], point -> copy(part.points(), point, points)));
                faces.add(indexes.normals().computeIfAbsent(mergedFaces[at + 1], normal -> copy(part.normals(), normal, normals)));
                faces.add(indexes.texels().computeIfAbsent(mergedFaces[at + 2], texel -> {
                    texelArgb.add(part.texelArgb()[texel]);
                    return texelArgb.size() - 1;
                }));
            }
        }

        private static int copy(float[] from, int index, List<Float> to) {
            for (int axis = 0; axis < 3; axis++) {
                to.add(from[index * 3 + axis]);
            }
            return to.size() / 3 - 1;
        }

        MeshPart finish() {
            int texels = texelArgb.size();
            float[] texCoords = new float[texels * 2];
            for (int texel = 0; texel < texels; texel++) {
                texCoords[texel * 2] = (texel + 0.5f) / texels;
                texCoords[texel * 2 + 1] = 0.5f;
            }
            int[] faceToObject = new int[faces.size() / 9];
            Arrays.fill(faceToObject, object);
            int[] texelObject = new int[texels];
            Arrays.fill(texelObject, object);
            return new MeshPart(object, 0, first.surfaceClass(), MeshPart.Detail.ALWAYS, false, floats(points), floats(normals), texCoords,
                    faces.stream().mapToInt(Integer::intValue).toArray(), faceToObject, texelObject,
                    texelArgb.stream().mapToInt(Integer::intValue).toArray(), texels, 1, null);
        }

        private static float[] floats(List<Float> values) {
            float[] array = new float[values.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = values.get(i);
            }
            return array;
        }
    }
}
