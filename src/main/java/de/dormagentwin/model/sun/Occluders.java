package de.dormagentwin.model.sun;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.GroundHeight;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.model.TerrainGrid;
import de.dormagentwin.model.geo.Crs;
import de.dormagentwin.model.geo.Utm;
import de.dormagentwin.model.geometry.Triangulator;
import de.dormagentwin.model.primitive.FloatList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What can stand between the ground and the sun: the triangles of the city's objects as the 3D view draws them (each
 * object's highest level of detail, triangulated by {@link Triangulator}), the terrain where there is one, and the
 * extruded buildings of one planning variant, kept apart so that a {@link ShadowMap} can tell the city's shadow from
 * the variant's. Built once and read by any number of shadow maps, for any sun, from any thread: nothing changes
 * after construction.
 *
 * <p>Triangles are kept in tiles of {@value #TILE_METRES} m by their centroid, in floats relative to the models'
 * centre (a float at a UTM northing would have a step of half a metre), so that a map gathers only those near its
 * area. Land use and objects that rise less than {@value #FLAT_METRES} m (roads, squares, the river's surface) are
 * left out: they lie on the ground and shade nothing, but would shade a receiver a few centimetres below them.
 */
public final class Occluders {
    static final double TILE_METRES = 100;
    static final double FLAT_METRES = 0.5;
    /** Objects are triangulated in chunks of this many, in parallel. */
    private static final int CHUNK = 512;

    private final double originEast;
    private final double originNorth;
    private final Layer city;
    private final Layer variant;
    private final TerrainGrid terrain;
    private final double groundHeight;
    private final boolean utm32;

    private Occluders(double originEast, double originNorth, Layer city, Layer variant, TerrainGrid terrain,
                      double groundHeight, boolean utm32) {
        this.originEast = originEast;
        this.originNorth = originNorth;
        this.city = city;
        this.variant = variant;
        this.terrain = terrain;
        this.groundHeight = groundHeight;
        this.utm32 = utm32;
    }

    public static Occluders of(CityModel model, TerrainGrid terrain, PlanningVariant variant) {
        return of(List.of(model), terrain, variant);
    }

    /**
     * @param models  the city, in one CRS (metres, z up)
     * @param terrain the ground under it, or null for a flat ground at {@link #groundHeight()}
     * @param variant a planning variant's buildings, standing on the terrain (the lowest ground under their corners,
     *                as the 3D view stands them) or on the flat ground; null for none
     */
    public static Occluders of(List<CityModel> models, TerrainGrid terrain, PlanningVariant variant) {
        double[] centre = centre(models, terrain);
        double ground = GroundHeight.of(models, LodChoice.HIGHEST);
        Layer city = cityLayer(models, centre);
        boolean utm32 = !models.isEmpty() && models.stream().allMatch(model -> Crs.EPSG_25832.equals(Crs.parse(model.referenceSystem())));
        Occluders without = new Occluders(centre[0], centre[1], city, null, terrain, ground, utm32);
        return variant == null ? without : without.with(variant);
    }

    /** The same city and terrain with another variant's buildings (null for none): the city is not triangulated again. */
    public Occluders with(PlanningVariant other) {
        return new Occluders(originEast, originNorth, city, other == null ? null : variantLayer(other), terrain, groundHeight, utm32);
    }

    public boolean hasVariant() {
        return variant != null;
    }

    public TerrainGrid terrain() {
        return terrain;
    }

    /** The flat ground's height, where there is no terrain: see {@link GroundHeight}. */
    public double groundHeight() {
        return groundHeight;
    }

    /** The ground's height at a point: the terrain's where it has one, else {@link #groundHeight()}. */
    public double groundAt(double east, double north) {
        if (terrain != null) {
            double height = terrain.heightAt(east, north);
            if (!Double.isNaN(height)) {
                return height;
            }
        }
        return groundHeight;
    }

    /** How many triangles the city's objects and the variant's buildings have (the terrain's are made per map). */
    public long triangleCount() {
        return city.triangles() + (variant == null ? 0 : variant.triangles());
    }

    /**
     * Where the sun is seen from at a point of the models' CRS: {latitude, longitude} in degrees, transformed from
     * EPSG:25832 (NRW's CRS, the sample's); for any other CRS, Dormagen's centre, which is off by far less than a
     * minute of sunrise anywhere in the town.
     */
    public double[] latitudeLongitude(double east, double north) {
        if (utm32) {
            return Utm.etrs89Utm32ToWgs84(east, north);
        }
        return new double[]{SunPosition.DORMAGEN_LATITUDE_DEGREES, SunPosition.DORMAGEN_LONGITUDE_DEGREES};
    }

    double originEast() {
        return originEast;
    }

    double originNorth() {
        return originNorth;
    }

    Layer city() {
        return city;
    }

    Layer variant() {
        return variant;
    }

    /** The highest point of anything that casts a shadow: city, variant and terrain. */
    double highest() {
        double highest = Math.max(city.highest(), variant == null ? Double.NEGATIVE_INFINITY : variant.highest());
        if (terrain != null) {
            highest = Math.max(highest, terrain.heightRange()[1]);
        }
        return Double.isFinite(highest) ? highest : groundHeight;
    }

    private static double[] centre(List<CityModel> models, TerrainGrid terrain) {
        double minEast = Double.POSITIVE_INFINITY;
        double maxEast = Double.NEGATIVE_INFINITY;
        double minNorth = Double.POSITIVE_INFINITY;
        double maxNorth = Double.NEGATIVE_INFINITY;
        for (CityModel model : models) {
            double[] extent = model.extent();
            if (!Double.isNaN(extent[0])) {
                minEast = Math.min(minEast, extent[0]);
                maxEast = Math.max(maxEast, extent[3]);
                minNorth = Math.min(minNorth, extent[1]);
                maxNorth = Math.max(maxNorth, extent[4]);
            }
        }
        if (minEast > maxEast && terrain != null) {
            return new double[]{(terrain.originEast() + terrain.lastEast()) / 2, (terrain.originNorth() + terrain.lastNorth()) / 2};
        }
        return minEast > maxEast ? new double[2] : new double[]{(minEast + maxEast) / 2, (minNorth + maxNorth) / 2};
    }

    private static Layer cityLayer(List<CityModel> models, double[] origin) {
        List<Layer.Builder> parts = new ArrayList<>();
        for (CityModel model : models) {
            int objects = model.objects().size();
            parts.addAll(IntStream.range(0, (objects + CHUNK - 1) / CHUNK).parallel().mapToObj(chunk -> {
                Layer.Builder builder = new Layer.Builder();
                SurfaceTriangles surfaces = new SurfaceTriangles(model.vertexArray(), origin);
                for (int index = chunk * CHUNK; index < Math.min(objects, (chunk + 1) * CHUNK); index++) {
                    surfaces.add(model.objects().get(index), builder);
                }
                return builder;
            }).toList());
        }
        return Layer.Builder.merge(parts);
    }

    /** Triangulates the surfaces of one model's objects, reusing its scratch arrays. */
    private static final class SurfaceTriangles {
        private final double[] vertices;
        private final double[] origin;
        private double[] polygon = new double[3 * 64];

        SurfaceTriangles(double[] vertices, double[] origin) {
            this.vertices = vertices;
            this.origin = origin;
        }

        void add(CityObject object, Layer.Builder builder) {
            if (object.type().equals("LandUse")) {
                return;
            }
            Geometry geometry = object.geometryFor(LodChoice.HIGHEST);
            if (geometry == null || geometry.vertexIndexCount() == 0) {
                return;
            }
            double bottom = Double.POSITIVE_INFINITY;
            double top = Double.NEGATIVE_INFINITY;
            for (int position = 0; position < geometry.vertexIndexCount(); position++) {
                double z = vertices[geometry.vertexIndex(position) * 3 + 2];
                bottom = Math.min(bottom, z);
                top = Math.max(top, z);
            }
            if (!(top - bottom >= FLAT_METRES)) {
                return;
            }
            for (int surface = 0; surface < geometry.surfaceCount(); surface++) {
                addSurface(geometry, surface, builder);
            }
        }

        private void addSurface(Geometry geometry, int surface, Layer.Builder builder) {
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
            for (int i = 0; i < count; i++) {
                int vertex = geometry.vertexIndex(first + i) * 3;
                polygon[i * 3] = vertices[vertex] - origin[0];
                polygon[i * 3 + 1] = vertices[vertex + 1] - origin[1];
                polygon[i * 3 + 2] = vertices[vertex + 2];
            }
            int[] ringStarts = new int[endRing - firstRing];
            for (int ring = firstRing; ring < endRing; ring++) {
                ringStarts[ring - firstRing] = geometry.firstVertex(ring) - first;
            }
            int[] corners = Triangulator.triangulate(polygon, ringStarts, count);
            for (int c = 0; c < corners.length; c += 3) {
                builder.triangle(polygon, corners[c], corners[c + 1], corners[c + 2]);
            }
        }
    }

    /** Walls and a flat roof per polygon of each planned building, as the 3D view extrudes them (no floor). */
    private Layer variantLayer(PlanningVariant plan) {
        Layer.Builder builder = new Layer.Builder();
        for (PlannedBuilding building : plan.buildings()) {
            double base = base(building);
            double top = base + building.height();
            for (PlannedBuilding.Polygon polygon : building.polygons()) {
                int count = polygon.rings().stream().mapToInt(ring -> ring.length / 2).sum();
                double[] roof = new double[count * 3];
                int[] ringStarts = new int[polygon.rings().size()];
                int at = 0;
                for (int ring = 0; ring < ringStarts.length; ring++) {
                    ringStarts[ring] = at;
                    double[] points = polygon.rings().get(ring);
                    for (int i = 0; i < points.length; i += 2, at++) {
                        roof[at * 3] = points[i] - originEast;
                        roof[at * 3 + 1] = points[i + 1] - originNorth;
                        roof[at * 3 + 2] = top;
                    }
                }
                int[] corners = Triangulator.triangulate(roof, ringStarts, count);
                for (int c = 0; c < corners.length; c += 3) {
                    builder.triangle(roof, corners[c], corners[c + 1], corners[c + 2]);
                }
                for (int ring = 0; ring < ringStarts.length; ring++) {
                    int end = ring + 1 < ringStarts.length ? ringStarts[ring + 1] : count;
                    for (int vertex = ringStarts[ring]; vertex < end; vertex++) {
                        int next = vertex + 1 < end ? vertex + 1 : ringStarts[ring];
                        double[] wall = {
                                roof[vertex * 3], roof[vertex * 3 + 1], base,
                                roof[next * 3], roof[next * 3 + 1], base,
                                roof[next * 3], roof[next * 3 + 1], top,
                                roof[vertex * 3], roof[vertex * 3 + 1], top};
                        builder.triangle(wall, 0, 1, 2);
                        builder.triangle(wall, 0, 2, 3);
                    }
                }
            }
        }
        return builder.build();
    }

    /** The lowest terrain under a building's corners; the flat ground where the terrain does not reach. */
    private double base(PlannedBuilding building) {
        double lowest = Double.POSITIVE_INFINITY;
        if (terrain != null) {
            for (PlannedBuilding.Polygon polygon : building.polygons()) {
                double[] outer = polygon.rings().get(0);
                for (int i = 0; i < outer.length; i += 2) {
                    double height = terrain.heightAt(outer[i], outer[i + 1]);
                    if (!Double.isNaN(height)) {
                        lowest = Math.min(lowest, height);
                    }
                }
            }
        }
        return Double.isInfinite(lowest) ? groundHeight : lowest;
    }

    /**
     * Triangles in tiles: per tile, x y z of three corners per triangle (x, y relative to the origin, z as is), and
     * the tile's bounds {minX, minY, minZ, maxX, maxY, maxZ} over its triangles' corners.
     */
    record Layer(float[][] tiles, float[][] bounds) {
        long triangles() {
            long count = 0;
            for (float[] tile : tiles) {
                count += tile.length / 9;
            }
            return count;
        }

        double highest() {
            double highest = Double.NEGATIVE_INFINITY;
            for (float[] bound : bounds) {
                highest = Math.max(highest, bound[5]);
            }
            return highest;
        }

        /** The tiles whose bounds meet a box {minX, minY, maxX, maxY} relative to the origin. */
        List<float[]> tilesIn(double minX, double minY, double maxX, double maxY) {
            List<float[]> found = new ArrayList<>();
            for (int tile = 0; tile < tiles.length; tile++) {
                float[] bound = bounds[tile];
                if (bound[0] <= maxX && bound[3] >= minX && bound[1] <= maxY && bound[4] >= minY) {
                    found.add(tiles[tile]);
                }
            }
            return found;
        }

        /** {lowest, highest} z of the tiles that meet a box, {+inf, -inf} where none does. */
        double[] heightsIn(double minX, double minY, double maxX, double maxY) {
            double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (float[] bound : bounds) {
                if (bound[0] <= maxX && bound[3] >= minX && bound[1] <= maxY && bound[4] >= minY) {
                    range[0] = Math.min(range[0], bound[2]);
                    range[1] = Math.max(range[1], bound[5]);
                }
            }
            return range;
        }

        /** Collects triangles into tiles; one per thread, merged at the end. */
        static final class Builder {
            private final Map<Long, FloatList> tiles = new HashMap<>();

            /** Adds the triangle of corners a, b, c of an x y z array (relative to the origin but for z). */
            void triangle(double[] xyz, int a, int b, int c) {
                double x = (xyz[a * 3] + xyz[b * 3] + xyz[c * 3]) / 3;
                double y = (xyz[a * 3 + 1] + xyz[b * 3 + 1] + xyz[c * 3 + 1]) / 3;
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    return;
                }
                long key = ((long) Math.floor(x / TILE_METRES) << 32) ^ ((long) Math.floor(y / TILE_METRES) & 0xFFFFFFFFL);
                FloatList list = tiles.computeIfAbsent(key, k -> new FloatList(9 * 64));
                for (int corner : new int[]{a, b, c}) {
                    list.add((float) xyz[corner * 3], (float) xyz[corner * 3 + 1], (float) xyz[corner * 3 + 2]);
                }
            }

            Layer build() {
                return merge(List.of(this));
            }

            static Layer merge(List<Builder> builders) {
                Map<Long, List<float[]>> byTile = new HashMap<>();
                for (Builder builder : builders) {
                    builder.tiles.forEach((key, list) -> byTile.computeIfAbsent(key, k -> new ArrayList<>()).add(list.toArray()));
                }
                float[][] tiles = new float[byTile.size()][];
                float[][] bounds = new float[byTile.size()][];
                int index = 0;
                for (List<float[]> pieces : byTile.values()) {
                    float[] tile = pieces.size() == 1 ? pieces.get(0) : concat(pieces);
                    float[] bound = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY,
                            Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
                    for (int i = 0; i < tile.length; i += 3) {
                        for (int axis = 0; axis < 3; axis++) {
                            bound[axis] = Math.min(bound[axis], tile[i + axis]);
                            bound[axis + 3] = Math.max(bound[axis + 3], tile[i + axis]);
                        }
                    }
                    tiles[index] = tile;
                    bounds[index++] = bound;
                }
                return new Layer(tiles, bounds);
            }

            private static float[] concat(List<float[]> pieces) {
                float[] all = Arrays.copyOf(pieces.get(0), pieces.stream().mapToInt(piece -> piece.length).sum());
                int at = pieces.get(0).length;
                for (int i = 1; i < pieces.size(); i++) {
                    System.arraycopy(pieces.get(i), 0, all, at, pieces.get(i).length);
                    at += pieces.get(i).length;
                }
                return all;
            }
        }
    }
}
