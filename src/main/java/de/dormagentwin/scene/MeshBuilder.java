package de.dormagentwin.scene;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.GroundHeight;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.geometry.ConvexHull;
import de.dormagentwin.model.geometry.PlanRings;
import de.dormagentwin.model.geometry.Triangulator;
import de.dormagentwin.model.primitive.FloatList;
import de.dormagentwin.model.primitive.IntList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Triangulates the chosen level of detail of every object and merges the triangles into one mesh part per
 * (tile, surface class, detail). Plain arrays only, no JavaFX: it runs on a worker thread and in benchmarks.
 *
 * <p>Tiles are squares of a {@link Grid} around the scene's origin, so that models meshed one file at a time (a folder
 * of tiles loading in the background) fall into the same tiles as if meshed together. A tile is what the scene culls
 * and switches in level of detail as a whole.
 *
 * <p>A building whose own geometry is much richer than a block gets a second, far representation: its LoD1 geometry
 * where the file has one, else a block derived from it (its ground plan, or the convex hull of its points where it
 * has no single ground surface, from its lowest point up to the mean height of its roof). The scene draws the block
 * from afar and the building's own geometry near the camera.
 *
 * <p>Textured surfaces go into a part of their own per (tile, detail), whose diffuse map is the tile's
 * {@link TextureAtlas}: the images are decoded here, off the FX thread, within the city's {@link TextureBudget}.
 * An atlas cannot repeat an image, so a surface's texture coordinates may span one image at most (shifted by whole
 * images where they lie beyond 0..1); a surface whose coordinates span more is drawn in its colour, and a note says so.
 *
 * <p>Axes are converted here and only here: the model's x east, y north, z up becomes the scene's x right, y down,
 * z north (a rotation, so windings and normals keep their sense).
 */
public final class MeshBuilder {
    /** A model meshed on its own is cut into at most this many tiles along each axis (plus one at an edge). */
    static final int TILES_PER_AXIS = 6;
    static final int PALETTE_WIDTH = 256;
    private static final double MINIMUM_TILE_SIZE = 250;
    /**
     * A building gets a block for the far view only when its own geometry has at least this many times the block's
     * triangles: a box would gain nothing from a block of the same box.
     */
    private static final double BLOCK_GAIN = 1.5;
    private static final LodChoice LOD1 = LodChoice.parse("1");
    /**
     * Buildings up to this height (about five storeys: the houses of a town) have their walls in parts of their own,
     * which the scene leaves out where such a wall would cover less than a pixel: seen from afar a town is its roofs.
     * Taller buildings (towers, the CHEMPARK's plants) keep their walls at any distance.
     */
    static final double LOW_WALL_METRES = 15;

    private MeshBuilder() {
    }

    /**
     * The tiles that meshes share: their common origin (the real-world point, x east, y north, z up, that is the
     * scene's zero, in double precision) and the edge length of a tile in metres. Tile (0, 0) starts at the origin.
     */
    public record Grid(double[] origin, double tileSize) {
    }

    public static CityMeshes build(List<CityModel> models, LodChoice lod) {
        return build(models, lod, grid(models, lod), 0);
    }

    /**
     * Meshes models on a given grid, numbering their objects from {@code firstObject} on: one chunk of a city that
     * loads piece by piece, to be appended to the chunks before it ({@link CityMeshes#append(CityMeshes)}). Until
     * then the chunk is not whole on its own: its parts name objects by their city-wide index, while its
     * {@code objects()} count from 0.
     */
    public static CityMeshes build(List<CityModel> models, LodChoice lod, Grid grid, int firstObject) {
        return build(models, lod, grid, firstObject, TextureBudget.standard());
    }

    /** As {@link #build(List, LodChoice, Grid, int)}, the textures taking from {@code budget}, which a city's chunks share. */
    public static CityMeshes build(List<CityModel> models, LodChoice lod, Grid grid, int firstObject, TextureBudget budget) {
        Run run = new Run(grid, lod, firstObject, budget);
        models.forEach(run::add);
        return run.finish();
    }

    /** The grid for models meshed together: around the middle of their extent, at most about 6 x 6 tiles. */
    public static Grid grid(List<CityModel> models, LodChoice lod) {
        double[] extent = combinedExtent(models);
        double[] origin = {(extent[0] + extent[3]) / 2, (extent[1] + extent[4]) / 2, groundHeight(models, lod)};
        if (!Double.isFinite(origin[0])) {
            origin = new double[3];
        }
        double tileSize = Math.max(MINIMUM_TILE_SIZE, Math.max(extent[3] - extent[0], extent[4] - extent[1]) / TILES_PER_AXIS);
        if (!Double.isFinite(tileSize)) {
            tileSize = MINIMUM_TILE_SIZE;
        }
        return new Grid(origin, tileSize);
    }
    /** The height the scene's ground plane stands at: see {@link GroundHeight}, which the shadow study shares. */
    public static double groundHeight(List<CityModel> models, LodChoice lod) {
        return GroundHeight.of(models, lod);
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
        private final double tileSize;
        private final LodChoice lod;
        private final int firstObject;
        private final TextureBudget budget;
        private final Map<PartKey, PartBuilder> parts = new LinkedHashMap<>();
        /** The texture images of the model being added, by the index its geometries give. */
        private List<Path> textures = List.of();
        private String modelName = "";
        /** Textured surfaces drawn in their colour because their coordinates span more than one image. */
        private int repeating;
        private final List<CityObject> objects = new ArrayList<>();
        private final List<GroundArea> groundAreas = new ArrayList<>();
        private final double[] normal = new double[3];
        private double[] polygon = new double[3 * 64];
        private int[] ringStarts = new int[8];
        private long triangles;
        private double area;

        /** A textured part has no surface class in its key: one atlas per tile and detail serves them all. */
        private record PartKey(int column, int row, SurfaceClass surfaceClass, MeshPart.Detail detail, boolean textured, boolean lowWalls) {
        }

        Run(Grid grid, LodChoice lod, int firstObject, TextureBudget budget) {
            this.origin = grid.origin();
            this.tileSize = grid.tileSize();
            this.lod = lod;
            this.firstObject = firstObject;
            this.budget = budget;
        }

        void add(CityModel model) {
            double[] vertices = model.vertexArray();
            textures = model.textures();
            modelName = model.name();
            // Per model vertex: which (object, class, detail) last copied it into a part, and at which point index, so
            // an object's surfaces share points instead of repeating them.
            int[] stamp = new int[model.vertexCount()];
            int[] pointIndex = new int[model.vertexCount()];
            for (CityObject object : model.objects()) {
                Geometry geometry = object.geometryFor(lod);
                if (geometry == null) {
                    continue;
                }
                if (GroundArea.isGroundArea(object)) {
                    addGroundAreas(object, geometry, vertices);
                    continue;
                }
                int objectIndex = firstObject + objects.size();
                objects.add(object);
                int column = tile(vertices, geometry, 0);
                int row = tile(vertices, geometry, 1);
                MeshPart.Detail detail = MeshPart.Detail.ALWAYS;
                boolean low = isBuilding(object) && height(geometry, vertices) <= LOW_WALL_METRES;
                if (isBuilding(object)) {
                    Geometry lod1 = object.geometryFor(LOD1);
                    if (lod1 != null && lod1 != geometry) {
                        for (int surface = 0; surface < lod1.surfaceCount(); surface++) {
                            addSurface(object, objectIndex, lod1, surface, vertices, column, row, MeshPart.Detail.FAR, low, stamp, pointIndex);
                        }
                        detail = MeshPart.Detail.NEAR;
                    } else if (addBlock(object, objectIndex, geometry, vertices, column, row, low)) {
                        detail = MeshPart.Detail.NEAR;
                    }
                }
                for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
                    addSurface(object, objectIndex, geometry, surface, vertices, column, row, detail, low, stamp, pointIndex);
                }
            }
        }

        /** From the lowest to the highest point of a geometry, in metres. */
        private static double height(Geometry geometry, double[] vertices) {
            double bottom = Double.POSITIVE_INFINITY;
            double top = Double.NEGATIVE_INFINITY;
            for (int position = 0; position < geometry.vertexIndexCount(); position++) {
                double z = vertices[geometry.vertexIndex(position) * 3 + 2];
                bottom = Math.min(bottom, z);
                top = Math.max(top, z);
            }
            return top - bottom;
        }

        /** One area per surface of a land-use object, for the ground's image; the object itself draws nothing. */
        private void addGroundAreas(CityObject object, Geometry geometry, double[] vertices) {
            for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
                List<float[]> rings = new ArrayList<>();
                for (int ring = geometry.firstRing(surface); ring < geometry.endRing(surface); ring++) {
                    int first = geometry.firstVertex(ring);
                    int end = geometry.endVertex(ring);
                    float[] plan = new float[(end - first) * 2];
                    for (int position = first; position < end; position++) {
                        int vertex = geometry.vertexIndex(position) * 3;
                        plan[(position - first) * 2] = (float) (vertices[vertex] - origin[0]);
                        plan[(position - first) * 2 + 1] = (float) (vertices[vertex + 1] - origin[1]);
                    }
                    rings.add(plan);
                }
                groundAreas.add(GroundArea.of(object, rings));
            }
        }

        private static boolean isBuilding(CityObject object) {
            return object.type().equals("Building") || object.type().equals("BuildingPart");
        }

        /** The tile column (axis 0) or row (axis 1) of a geometry's first point. */
        private int tile(double[] vertices, Geometry geometry, int axis) {
            if (geometry.vertexIndexCount() == 0) {
                return 0;
            }
            return (int) Math.floor((vertices[geometry.vertexIndex(0) * 3 + axis] - origin[axis]) / tileSize);
        }

        private PartBuilder part(int column, int row, SurfaceClass surfaceClass, MeshPart.Detail detail) {
            return part(column, row, surfaceClass, detail, false);
        }

        /**
         * {@code lowWalls} counts only for walls, and not near: a low building's roof is drawn at any distance, and a
         * near part is never drawn so far away that its walls would be left out.
         */
        private PartBuilder part(int column, int row, SurfaceClass surfaceClass, MeshPart.Detail detail, boolean lowWalls) {
            boolean low = lowWalls && surfaceClass == SurfaceClass.WALL && detail != MeshPart.Detail.NEAR;
            // Boxed keys are fine: the lookup is per surface, dwarfed by its triangulation.
            return parts.computeIfAbsent(new PartKey(column, row, surfaceClass, detail, false, low),
                    key -> new PartBuilder(column, row, surfaceClass, detail, low, null));
        }

        /** The tile's textured part; the class of its first surface names it. */
        private PartBuilder texturedPart(int column, int row, SurfaceClass surfaceClass, MeshPart.Detail detail) {
            return parts.computeIfAbsent(new PartKey(column, row, null, detail, true, false),
                    key -> new PartBuilder(column, row, surfaceClass, detail, false, modelName + ", tile " + column + "," + row));
        }

        /**
         * Adds the far block of a building: walls around its ground surface's plan (the convex hull of its points
         * where it has no single ground surface) and a flat roof at the mean height of its roof points (its highest
         * point where it has no roof surfaces). An L-shaped house stays L-shaped from afar. False where the block
         * would save too little to be worth a second representation, or the building has no area to stand on.
         */
        private boolean addBlock(CityObject object, int objectIndex, Geometry geometry, double[] vertices, int column, int row, boolean low) {
            int count = geometry.vertexIndexCount();
            double bottom = Double.POSITIVE_INFINITY;
            double top = Double.NEGATIVE_INFINITY;
            double roofSum = 0;
            int roofPoints = 0;
            int roofArgb = SurfaceClass.styleArgb(object, SurfaceClass.ROOF);
            int wallArgb = SurfaceClass.styleArgb(object, SurfaceClass.WALL);
            boolean roofColour = false;
            boolean wallColour = false;
            long ownTriangles = 0;
            for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
                boolean roof = "RoofSurface".equals(geometry.semanticType(surface));
                int argb = geometry.surfaceColor(surface);
                if (argb != Geometry.NO_COLOR && roof && !roofColour) {
                    roofArgb = argb;
                    roofColour = true;
                } else if (argb != Geometry.NO_COLOR && !roof && !wallColour) {
                    wallArgb = argb;
                    wallColour = true;
                }
                int firstRing = geometry.firstRing(surface);
                int endRing = geometry.endRing(surface);
                int first = geometry.firstVertex(firstRing);
                int end = geometry.endVertex(endRing - 1);
                ownTriangles += end - first - 2 + 2L * (endRing - firstRing - 1);
                for (int position = first; position < end; position++) {
                    int vertex = geometry.vertexIndex(position) * 3;
                    double z = vertices[vertex + 2] - origin[2];
                    bottom = Math.min(bottom, z);
                    top = Math.max(top, z);
                    if (roof) {
                        roofSum += z;
                        roofPoints++;
                    }
                }
            }
            double[][] rings = footprint(geometry, vertices);
            if (rings == null) {
                double[] plan = new double[count * 2];
                for (int position = 0; position < count; position++) {
                    int vertex = geometry.vertexIndex(position) * 3;
                    plan[position * 2] = vertices[vertex] - origin[0];
                    plan[position * 2 + 1] = vertices[vertex + 1] - origin[1];
                }
                rings = new double[][]{ConvexHull.of(plan, count)};
            }
            int corners = 0;
            for (double[] ring : rings) {
                corners += ring.length / 2;
            }
            double roofHeight = roofPoints > 0 ? roofSum / roofPoints : top;
            if (rings[0].length < 6 || roofHeight - bottom < 0.1) {
                return false;
            }
            double[] roofPolygon = new double[corners * 3];
            int[] roofRings = new int[rings.length];
            int at = 0;
            for (int ring = 0; ring < rings.length; ring++) {
                roofRings[ring] = at;
                for (int corner = 0; corner < rings[ring].length / 2; corner++, at++) {
                    roofPolygon[at * 3] = rings[ring][corner * 2];
                    roofPolygon[at * 3 + 1] = rings[ring][corner * 2 + 1];
                    roofPolygon[at * 3 + 2] = roofHeight;
                }
            }
            int[] roofCorners = Triangulator.triangulate(roofPolygon, roofRings, corners);
            if (roofCorners.length == 0 || ownTriangles < BLOCK_GAIN * (2L * corners + roofCorners.length / 3)) {
                return false;
            }
            PartBuilder walls = part(column, row, SurfaceClass.WALL, MeshPart.Detail.FAR, low);
            int wallTexel = walls.texel(objectIndex, wallArgb);
            for (double[] ring : rings) {
                addBlockWalls(walls, objectIndex, wallTexel, ring, bottom, roofHeight);
            }
            PartBuilder roofs = part(column, row, SurfaceClass.ROOF, MeshPart.Detail.FAR);
            int roofTexel = roofs.texel(objectIndex, roofArgb);
            int up = roofs.normal(0, 0, 1);
            int roofBase = roofs.pointCount();
            for (int corner = 0; corner < corners; corner++) {
                roofs.point(roofPolygon[corner * 3], roofPolygon[corner * 3 + 1], roofHeight);
            }
            for (int c = 0; c < roofCorners.length; c += 3) {
                roofs.corner(roofBase + roofCorners[c], up, roofTexel);
                roofs.corner(roofBase + roofCorners[c + 1], up, roofTexel);
                roofs.corner(roofBase + roofCorners[c + 2], up, roofTexel);
                roofs.face(objectIndex);
            }
            return true;
        }

        /**
         * A ring of block walls from {@code bottom} to {@code top}. The outer ring runs anticlockwise seen from
         * above and holes clockwise, so the block's outside lies to the right of every edge.
         */
        private static void addBlockWalls(PartBuilder walls, int objectIndex, int texel, double[] ring, double bottom, double top) {
            int corners = ring.length / 2;
            int base = walls.pointCount();
            for (int corner = 0; corner < corners; corner++) {
                walls.point(ring[corner * 2], ring[corner * 2 + 1], bottom);
                walls.point(ring[corner * 2], ring[corner * 2 + 1], top);
            }
            for (int corner = 0; corner < corners; corner++) {
                int next = (corner + 1) % corners;
                double dx = ring[next * 2] - ring[corner * 2];
                double dy = ring[next * 2 + 1] - ring[corner * 2 + 1];
                double length = Math.hypot(dx, dy);
                if (length < 1e-6) {
                    continue;
                }
                int normalIndex = walls.normal(dy / length, -dx / length, 0);
                int lowHere = base + corner * 2;
                int lowNext = base + next * 2;
                walls.corner(lowHere, normalIndex, texel);
                walls.corner(lowNext, normalIndex, texel);
                walls.corner(lowNext + 1, normalIndex, texel);
                walls.face(objectIndex);
                walls.corner(lowHere, normalIndex, texel);
                walls.corner(lowNext + 1, normalIndex, texel);
                walls.corner(lowHere + 1, normalIndex, texel);
                walls.face(objectIndex);
            }
        }

        /**
         * The plan of a building's one ground surface, relative to the origin: its outer ring anticlockwise seen
         * from above, then its holes (courtyards) clockwise, each without a repeated closing point. Null where the
         * geometry has no ground surface or several (then the block stands on the convex hull of its points), or
         * where the outer ring has no area.
         */
        private double[][] footprint(Geometry geometry, double[] vertices) {
            int ground = -1;
            for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
                if ("GroundSurface".equals(geometry.semanticType(surface))) {
                    if (ground >= 0) {
                        return null;
                    }
                    ground = surface;
                }
            }
            if (ground < 0) {
                return null;
            }
            List<double[]> rings = new ArrayList<>();
            for (int ring = geometry.firstRing(ground); ring < geometry.endRing(ground); ring++) {
                int first = geometry.firstVertex(ring);
                int end = geometry.endVertex(ring);
                double[] xy = new double[(end - first) * 2];
                int corners = 0;
                for (int position = first; position < end; position++) {
                    int vertex = geometry.vertexIndex(position) * 3;
                    double x = vertices[vertex] - origin[0];
                    double y = vertices[vertex + 1] - origin[1];
                    boolean repeated = corners > 0 && Math.abs(x - xy[corners * 2 - 2]) < 1e-6 && Math.abs(y - xy[corners * 2 - 1]) < 1e-6;
                    if (!repeated) {
                        xy[corners * 2] = x;
                        xy[corners * 2 + 1] = y;
                        corners++;
                    }
                }
                if (corners > 1 && Math.abs(xy[0] - xy[corners * 2 - 2]) < 1e-6 && Math.abs(xy[1] - xy[corners * 2 - 1]) < 1e-6) {
                    corners--;
                }
                xy = Arrays.copyOf(xy, corners * 2);
                double area = corners < 3 ? 0 : PlanRings.signedArea(xy);
                boolean outer = rings.isEmpty();
                if (outer && Math.abs(area) < 1e-6) {
                    return null;
                }
                if (Math.abs(area) >= 1e-6) {
                    rings.add(outer == area > 0 ? xy : PlanRings.reversed(xy));
                }
            }
            return rings.toArray(double[][]::new);
        }

        private void addSurface(CityObject object, int objectIndex, Geometry geometry, int surface, double[] vertices,
                                int column, int row, MeshPart.Detail detail, boolean low, int[] stamp, int[] pointIndex) {
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
            int argb = geometry.surfaceColor(surface);
            if (argb == Geometry.NO_COLOR) {
                argb = SurfaceClass.styleArgb(object, surfaceClass, geometry.semanticType(surface));
            }
            int image = geometry.surfaceTexture(surface);
            if (image != Geometry.NO_TEXTURE && image < textures.size()) {
                if (addTextured(objectIndex, geometry, first, count, corners, nx, ny, nz, textures.get(image), argb,
                        new PartKey(column, row, surfaceClass, detail, true, false))) {
                    return;
                }
                repeating++;
            }
            PartBuilder part = part(column, row, surfaceClass, detail, low);
            int texel = part.texel(objectIndex, argb);
            int normalIndex = part.normal(nx, ny, nz);
            // Stamps tell apart the (object, class, detail) combinations, each of which has points of its own.
            int objectStamp = ((objectIndex - firstObject) * 16 + surfaceClass.ordinal()) * 3 + detail.ordinal() + 1;
            boolean counted = detail != MeshPart.Detail.FAR;
            for (int c = 0; c < corners.length; c += 3) {
                if (counted) {
                    area += triangleArea(corners[c], corners[c + 1], corners[c + 2]);
                }
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
            if (counted) {
                triangles += corners.length / 3;
            }
        }

        /**
         * Adds a triangulated surface (its points in {@link #polygon}) to the tile's textured part, one texture
         * coordinate per position; false where its coordinates span more than one image, which an atlas cannot repeat.
         */
        private boolean addTextured(int objectIndex, Geometry geometry, int first, int count, int[] corners, double nx, double ny,
                                    double nz, Path image, int argb, PartKey where) {
            float shiftU = wholeImages(geometry, first, count, true);
            float shiftV = wholeImages(geometry, first, count, false);
            if (Float.isNaN(shiftU) || Float.isNaN(shiftV)) {
                return false;
            }
            PartBuilder part = texturedPart(where.column(), where.row(), where.surfaceClass(), where.detail());
            part.objectTexel(objectIndex);
            boolean counted = where.detail() != MeshPart.Detail.FAR;
            int slot = part.image(image, argb);
            int normalIndex = part.normal(nx, ny, nz);
            int pointBase = part.pointCount();
            int texBase = part.textureCoordinateCount();
            for (int local = 0; local < count; local++) {
                part.point(polygon[local * 3], polygon[local * 3 + 1], polygon[local * 3 + 2]);
                part.textureCoordinate(slot, geometry.textureU(first + local) - shiftU, geometry.textureV(first + local) - shiftV);
            }
            for (int c = 0; c < corners.length; c += 3) {
                if (counted) {
                    area += triangleArea(corners[c], corners[c + 1], corners[c + 2]);
                }
                for (int k = 0; k < 3; k++) {
                    part.corner(pointBase + corners[c + k], normalIndex, texBase + corners[c + k]);
                }
                part.face(objectIndex);
            }
            if (counted) {
                triangles += corners.length / 3;
            }
            return true;
        }

        /**
         * The whole number of images to shift a surface's u (or v) by so that it lies in 0..1; NaN where it spans more
         * than one image. Coordinates a hair below a whole number count as on it: 0.9999999 is 1, not a repeat.
         */
        private static float wholeImages(Geometry geometry, int first, int count, boolean u) {
            float low = Float.POSITIVE_INFINITY;
            float high = Float.NEGATIVE_INFINITY;
            for (int position = first; position < first + count; position++) {
                float value = u ? geometry.textureU(position) : geometry.textureV(position);
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
            float shift = (float) Math.floor(low + 1e-3);
            return high - shift <= 1 + 1e-3 && Float.isFinite(shift) ? shift : Float.NaN;
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
            List<String> notes = new ArrayList<>();
            for (PartBuilder part : parts.values()) {
                MeshPart finished = part.finish(budget);
                built.add(finished);
                if (finished.atlas() != null) {
                    notes.addAll(finished.atlas().notes());
                }
            }
            if (repeating > 0) {
                notes.add(repeating == 1 ? "1 textured surface is drawn in its colour: its texture repeats across it, which a tile's"
                        + " texture atlas cannot draw" : repeating + " textured surfaces are drawn in their colour: their textures repeat"
                        + " across them, which a tile's texture atlas cannot draw");
            }
            built.sort(Comparator.comparingInt((MeshPart part) -> part.detail().ordinal()).thenComparingInt(part -> part.surfaceClass().ordinal())
                    .thenComparing(MeshPart::lowWalls).thenComparingInt(MeshPart::tileColumn).thenComparingInt(MeshPart::tileRow));
            return new CityMeshes(origin, tileSize, built, List.copyOf(objects), triangles, area, List.copyOf(groundAreas), List.copyOf(notes));
        }
    }

    /** Fills one part. Model coordinates (x east, y north, z up) go in; scene coordinates come out. */
    private static final class PartBuilder {
        private final int column;
        private final int row;
        private final SurfaceClass surfaceClass;
        private final MeshPart.Detail detail;
        private final boolean lowWalls;
        // Small starting sizes, grown by doubling: a tile's part grows to millions of entries, a small model's to dozens.
        private final FloatList points = new FloatList(48);
        private final FloatList normals = new FloatList(24);
        private final IntList faces = new IntList(144);
        private final IntList faceToObject = new IntList(16);
        private final IntList texelObject = new IntList(4);
        private final IntList texelArgb = new IntList(4);
        private int lastObject = -1;
        private int firstTexelOfLastObject;
        /** For a textured part, where its notes say it is; null for a palette part. */
        private final String place;
        // Textured parts only: the benchmark's hundreds of thousands of palette parts do not pay for them.
        private final List<Path> images;
        private final Map<Path, Integer> imageSlots;
        private final IntList imageArgb;
        /** Per texture coordinate, its image's slot and u, v within the image. */
        private final IntList coordinateImage;
        private final FloatList coordinates;

        PartBuilder(int column, int row, SurfaceClass surfaceClass, MeshPart.Detail detail, boolean lowWalls, String place) {
            this.column = column;
            this.row = row;
            this.surfaceClass = surfaceClass;
            this.detail = detail;
            this.lowWalls = lowWalls;
            this.place = place;
            boolean textured = place != null;
            images = textured ? new ArrayList<>() : null;
            imageSlots = textured ? new HashMap<>() : null;
            imageArgb = textured ? new IntList(4) : null;
            coordinateImage = textured ? new IntList(64) : null;
            coordinates = textured ? new FloatList(128) : null;
        }

        /** The slot of an image in this part's atlas; {@code argb} is what its cell shows where it cannot be decoded. */
        int image(Path image, int argb) {
            Integer slot = imageSlots.get(image);
            if (slot == null) {
                slot = images.size();
                images.add(image);
                imageSlots.put(image, slot);
                imageArgb.add(argb);
            }
            return slot;
        }

        /**
         * A textured part's one texel per object, in its atlas: where the object's overlay or selection colour goes.
         * Its base colour is 0: the object shows its textures.
         */
        void objectTexel(int objectIndex) {
            if (objectIndex != lastObject) {
                lastObject = objectIndex;
                texelObject.add(objectIndex);
                texelArgb.add(0);
            }
        }

        int textureCoordinateCount() {
            return coordinateImage.size();
        }

        void textureCoordinate(int slot, float u, float v) {
            coordinateImage.add(slot);
            coordinates.add(Math.max(0, Math.min(1, u)), Math.max(0, Math.min(1, v)));
        }

        int pointCount() {
            return points.size() / 3;
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

        MeshPart finish(TextureBudget budget) {
            if (place != null) {
                TextureAtlas atlas = TextureAtlas.build(images, imageArgb.toArray(), budget, place, texelObject.size());
                float[] uv = coordinates.toArray();
                float[] texCoords = new float[uv.length];
                for (int c = 0; c < coordinateImage.size(); c++) {
                    texCoords[c * 2] = atlas.u(coordinateImage.get(c), uv[c * 2]);
                    texCoords[c * 2 + 1] = atlas.v(coordinateImage.get(c), uv[c * 2 + 1]);
                }
                return new MeshPart(column, row, surfaceClass, detail, false, points.toArray(), normals.toArray(), texCoords, faces.toArray(),
                        faceToObject.toArray(), texelObject.toArray(), texelArgb.toArray(), atlas.width(), atlas.height(), atlas);
            }
            int texels = texelObject.size();
            int height = Math.max(1, (texels + PALETTE_WIDTH - 1) / PALETTE_WIDTH);
            FloatList texCoords = new FloatList(texels * 2);
            for (int texel = 0; texel < texels; texel++) {
                texCoords.add((texel % PALETTE_WIDTH + 0.5f) / PALETTE_WIDTH, (texel / PALETTE_WIDTH + 0.5f) / height);
            }
            return new MeshPart(column, row, surfaceClass, detail, lowWalls, points.toArray(), normals.toArray(), texCoords.toArray(),
                    faces.toArray(), faceToObject.toArray(), texelObject.toArray(), texelArgb.toArray(), PALETTE_WIDTH, height, null);
        }
    }
}
