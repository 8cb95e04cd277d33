package de.dormagentwin.scene;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.geometry.Triangulator;
import de.dormagentwin.model.primitive.FloatList;
import de.dormagentwin.model.primitive.IntList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Triangulates the chosen level of detail of every object and merges the triangles into one mesh part per
 * (tile, surface class). Plain arrays only, no JavaFX: it runs on a worker thread and in benchmarks.
 *
 * <p>Axes are converted here and only here: the model's x east, y north, z up becomes the scene's x right, y down,
 * z north (a rotation, so windings and normals keep their sense).
 */
public final class MeshBuilder {
    /** At most this many tiles along each axis: 4 x 4 tiles x 9 classes stays under 200 scene nodes. */
    static final int TILES_PER_AXIS = 4;
    static final int PALETTE_WIDTH = 256;
    private static final double MINIMUM_TILE_SIZE = 250;

    private MeshBuilder() {
    }

    public static CityMeshes build(List<CityModel> models, LodChoice lod) {
        return build(models, lod, false);
    }

    /**
     * With {@code partPerObject} every object gets parts of its own: the naive layout that the load benchmark
     * compares against, never what the viewer uses.
     */
    public static CityMeshes build(List<CityModel> models, LodChoice lod, boolean partPerObject) {
        double[] extent = combinedExtent(models);
        double[] origin = {(extent[0] + extent[3]) / 2, (extent[1] + extent[4]) / 2, groundHeight(models, lod)};
        if (!Double.isFinite(origin[0])) {
            origin = new double[3];
        }
        double tileSize = Math.max(MINIMUM_TILE_SIZE, Math.max(extent[3] - extent[0], extent[4] - extent[1]) / TILES_PER_AXIS);
        Run run = new Run(origin, extent, tileSize, lod, partPerObject);
        for (CityModel model : models) {
            run.add(model);
        }
        return run.finish();
    }

    /**
     * The height the scene's ground plane stands at: the lower quartile of the objects' lowest points, so that
     * a few deep objects (a quay wall, a basement) do not sink the ground under every building.
     */
    static double groundHeight(List<CityModel> models, LodChoice lod) {
        double[] lowest = new double[models.stream().mapToInt(model -> model.objects().size()).sum()];
        int count = 0;
        for (CityModel model : models) {
            for (CityObject object : model.objects()) {
                Geometry geometry = object.geometryFor(lod);
                if (geometry == null || geometry.vertexIndexCount() == 0) {
                    continue;
                }
                double low = Double.POSITIVE_INFINITY;
                for (int i = 0; i < geometry.vertexIndexCount(); i++) {
                    low = Math.min(low, model.z(geometry.vertexIndex(i)));
                }
                lowest[count++] = low;
            }
        }
        if (count == 0) {
            return 0;
        }
        Arrays.sort(lowest, 0, count);
        return lowest[count / 4];
    }

    private static double[] combinedExtent(List<CityModel> models) {
        double[] extent = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (CityModel model : models) {
            double[] own = model.extent();
            if (Double.isNaN(own[0])) {
                continue;
            }
            for (int axis = 0; axis < 3; axis++) {
                extent[axis] = Math.min(extent[axis], own[axis]);
                extent[axis + 3] = Math.max(extent[axis + 3], own[axis + 3]);
            }
        }
        return extent;
    }

    /** One build: the buckets being filled and the scratch arrays reused for every polygon. */
    private static final class Run {
        private final double[] origin;
        private final double[] extent;
        private final double tileSize;
        private final LodChoice lod;
        private final boolean partPerObject;
        private final Map<Integer, PartBuilder> parts = new LinkedHashMap<>();
        private final List<CityObject> objects = new ArrayList<>();
        private final double[] normal = new double[3];
        private double[] polygon = new double[3 * 64];
        private int[] ringStarts = new int[8];
        private long triangles;
        private double area;

        Run(double[] origin, double[] extent, double tileSize, LodChoice lod, boolean partPerObject) {
            this.origin = origin;
            this.extent = extent;
            this.tileSize = tileSize;
            this.lod = lod;
            this.partPerObject = partPerObject;
        }

        void add(CityModel model) {
            double[] vertices = model.vertexArray();
            // Per model vertex: which (object, class) last copied it into a part, and at which point index, so an
            // object's surfaces share points instead of repeating them.
            int[] stamp = new int[model.vertexCount()];
            int[] pointIndex = new int[model.vertexCount()];
            for (CityObject object : model.objects()) {
                Geometry geometry = object.geometryFor(lod);
                if (geometry == null) {
                    continue;
                }
                int objectIndex = objects.size();
                objects.add(object);
                int tileKey = partPerObject ? objectIndex * TILES_PER_AXIS : tileKey(vertices, geometry);
                for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
                    addSurface(object, objectIndex, geometry, surface, vertices, tileKey, stamp, pointIndex);
                }
            }
        }

        private int tileKey(double[] vertices, Geometry geometry) {
            if (geometry.vertexIndexCount() == 0) {
                return 0;
            }
            int vertex = geometry.vertexIndex(0);
            int column = tile(vertices[vertex * 3] - extent[0]);
            int row = tile(vertices[vertex * 3 + 1] - extent[1]);
            return column * TILES_PER_AXIS + row;
        }

        private int tile(double offset) {
            return Math.max(0, Math.min(TILES_PER_AXIS - 1, (int) (offset / tileSize)));
        }

        private void addSurface(CityObject object, int objectIndex, Geometry geometry, int surface, double[] vertices,
                                int tileKey, int[] stamp, int[] pointIndex) {
            int firstRing = geometry.firstRing(surface);
            int endRing = geometry.endRing(surface);
            int first = geometry.firstVertex(firstRing);
            int count = geometry.endVertex(endRing - 1) - first;
            if (count < 3) {
                return;
            }
            if (polygon.length < count * 3) {
                polygon = new double[count * 6];
            }
            if (ringStarts.length < endRing - firstRing + 1) {
                ringStarts = new int[(endRing - firstRing) * 2 + 1];
            }
            for (int i = 0; i < count; i++) {
                int vertex = geometry.vertexIndex(first + i) * 3;
                // Relative to the origin before triangulating: UTM coordinates would cost float-like precision in
                // the cross products.
                polygon[i * 3] = vertices[vertex] - origin[0];
                polygon[i * 3 + 1] = vertices[vertex + 1] - origin[1];
                polygon[i * 3 + 2] = vertices[vertex + 2] - origin[2];
            }
            for (int ring = firstRing; ring < endRing; ring++) {
                ringStarts[ring - firstRing] = geometry.firstVertex(ring) - first;
            }
            int[] corners = Triangulator.triangulate(polygon, Arrays.copyOf(ringStarts, endRing - firstRing), count);
            if (corners.length == 0) {
                return;
            }
            int outerEnd = geometry.endVertex(firstRing) - first;
            double length = Triangulator.newellNormal(polygon, 0, outerEnd, normal);
            if (length == 0) {
                return;
            }
            double nx = normal[0] / length;
            double ny = normal[1] / length;
            double nz = normal[2] / length;
            SurfaceClass surfaceClass = SurfaceClass.of(object, geometry.semanticType(surface), nz);
            int key = tileKey * SurfaceClass.values().length + surfaceClass.ordinal();
            // Boxed keys are fine: the lookup is per surface, dwarfed by its triangulation.
            PartBuilder part = parts.computeIfAbsent(key, k -> new PartBuilder(tileKey / TILES_PER_AXIS, tileKey % TILES_PER_AXIS, surfaceClass));
            int argb = geometry.surfaceColor(surface);
            if (argb == Geometry.NO_COLOR) {
                argb = surfaceClass == SurfaceClass.FACILITY ? SurfaceClass.facilityArgb(object) : surfaceClass.defaultArgb();
            }
            int texel = part.texel(objectIndex, argb);
            int normalIndex = part.normal(nx, ny, nz);
            int objectStamp = objectIndex * 16 + surfaceClass.ordinal() + 1;
            for (int c = 0; c < corners.length; c += 3) {
                area += triangleArea(corners[c], corners[c + 1], corners[c + 2]);
                for (int k = 0; k < 3; k++) {
                    int local = corners[c + k];
                    int modelVertex = geometry.vertexIndex(first + local);
                    if (stamp[modelVertex] != objectStamp) {
                        stamp[modelVertex] = objectStamp;
                        pointIndex[modelVertex] = part.point(polygon[local * 3], polygon[local * 3 + 1], polygon[local * 3 + 2]);
                    }
                    part.corner(pointIndex[modelVertex], normalIndex, texel);
                }
                part.face(objectIndex);
            }
            triangles += corners.length / 3;
        }

        private double triangleArea(int a, int b, int c) {
            double ux = polygon[b * 3] - polygon[a * 3];
            double uy = polygon[b * 3 + 1] - polygon[a * 3 + 1];
            double uz = polygon[b * 3 + 2] - polygon[a * 3 + 2];
            double vx = polygon[c * 3] - polygon[a * 3];
            double vy = polygon[c * 3 + 1] - polygon[a * 3 + 1];
            double vz = polygon[c * 3 + 2] - polygon[a * 3 + 2];
            double cx = uy * vz - uz * vy;
            double cy = uz * vx - ux * vz;
            double cz = ux * vy - uy * vx;
            return 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
        }

        CityMeshes finish() {
            List<MeshPart> built = new ArrayList<>(parts.size());
            for (PartBuilder part : parts.values()) {
                built.add(part.finish());
            }
            built.sort(Comparator.comparingInt((MeshPart part) -> part.surfaceClass().ordinal())
                    .thenComparingInt(MeshPart::tileColumn).thenComparingInt(MeshPart::tileRow));
            return new CityMeshes(origin, tileSize, built, List.copyOf(objects), triangles, area);
        }
    }

    /** Fills one part. Model coordinates (x east, y north, z up) go in; scene coordinates come out. */
    private static final class PartBuilder {
        private final int column;
        private final int row;
        private final SurfaceClass surfaceClass;
        // Small starting sizes, grown by doubling: a tile's part grows to millions of entries, but the benchmark's
        // part-per-object baseline holds hundreds of thousands of parts with a few dozen each.
        private final FloatList points = new FloatList(48);
        private final FloatList normals = new FloatList(24);
        private final IntList faces = new IntList(144);
        private final IntList faceToObject = new IntList(16);
        private final IntList texelObject = new IntList(4);
        private final IntList texelArgb = new IntList(4);
        private int lastObject = -1;
        private int firstTexelOfLastObject;

        PartBuilder(int column, int row, SurfaceClass surfaceClass) {
            this.column = column;
            this.row = row;
            this.surfaceClass = surfaceClass;
        }

        int point(double east, double north, double up) {
            points.add((float) east, (float) -up, (float) north);
            return points.size() / 3 - 1;
        }

        int normal(double east, double north, double up) {
            normals.add((float) east, (float) -up, (float) north);
            return normals.size() / 3 - 1;
        }

        /** One texel per (object, colour); an object's texels are contiguous because objects arrive one by one. */
        int texel(int objectIndex, int argb) {
            if (objectIndex != lastObject) {
                lastObject = objectIndex;
                firstTexelOfLastObject = texelObject.size();
            }
            for (int texel = firstTexelOfLastObject; texel < texelObject.size(); texel++) {
                if (texelArgb.get(texel) == argb) {
                    return texel;
                }
            }
            texelObject.add(objectIndex);
            texelArgb.add(argb);
            return texelObject.size() - 1;
        }

        void corner(int point, int normal, int texel) {
            faces.add(point);
            faces.add(normal);
            faces.add(texel);
        }

        void face(int objectIndex) {
            faceToObject.add(objectIndex);
        }

        MeshPart finish() {
            int texels = texelObject.size();
            int height = Math.max(1, (texels + PALETTE_WIDTH - 1) / PALETTE_WIDTH);
            FloatList texCoords = new FloatList(texels * 2);
            for (int texel = 0; texel < texels; texel++) {
                texCoords.add((texel % PALETTE_WIDTH + 0.5f) / PALETTE_WIDTH, (texel / PALETTE_WIDTH + 0.5f) / height);
            }
            return new MeshPart(column, row, surfaceClass, points.toArray(), normals.toArray(), texCoords.toArray(),
                    faces.toArray(), faceToObject.toArray(), texelObject.toArray(), texelArgb.toArray(), PALETTE_WIDTH, height);
        }
    }
}
