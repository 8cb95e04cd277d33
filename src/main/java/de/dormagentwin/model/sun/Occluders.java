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
import java.util.Set;
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
 * area. What lies on the ground is left out: it shades nothing, but would shade a receiver a few centimetres below
 * it. That is land use, relief, water, roads, squares and railways by their type (draped over the terrain, a road
 * rises and falls by metres along its length), and any other object that rises less than {@value #FLAT_METRES} m.
 */
public final class Occluders {
    static final double TILE_METRES = 100;
    static final double FLAT_METRES = 0.5;
    /** The types of what lies on the ground (CityJSON's and CityGML's names alike). */
    private static final Set<String> GROUND_TYPES = Set.of("LandUse", "TINRelief", "ReliefFeature", "WaterBody", "Waterway",
            "Road", "Railway", "Track", "Square", "TransportSquare", "TransportationComplex");
    /** Objects are triangulated in chunks of this many, in parallel. */
    private static final int CHUNK = 512;

    private final double originEast;
    private final double originNorth;
    private final Layer city;
    private final Layer variant;
    private final PlanningVariant plan;
    private final TerrainGrid terrain;
    private final double groundHeight;
    private final boolean utm32;

    private Occluders(double originEast, double originNorth, Layer city, PlanningVariant plan, TerrainGrid terrain,
                      double groundHeight, boolean utm32) {
        this.originEast = originEast;
        this.originNorth = originNorth;
        this.city = city;
        this.plan = plan;
        this.terrain = terrain;
        this.groundHeight = groundHeight;
        this.utm32 = utm32;
        this.variant = plan == null ? null : variantLayer(plan);
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
        return new Occluders(centre[0], centre[1], city, variant, terrain, ground, utm32);
    }

    /** The same city and terrain with another variant's buildings (null for none): the city is not triangulated again. */
    public Occluders with(PlanningVariant other) {
        return new Occluders(originEast, originNorth, city, other, terrain, groundHeight, utm32);
    }

    /**
     * Whether a point lies on the footprint of one of the variant's buildings: there the variant puts a building
     * rather than a shadow, which a summary of what it takes from its neighbours leaves out.
     */
    public boolean onVariantFootprint(double east, double north) {
        if (plan == null) {
            return false;
        }
        for (PlannedBuilding building : plan.buildings()) {
            for (PlannedBuilding.Polygon polygon : building.polygons()) {
                boolean inside = false;
                for (double[] ring : polygon.rings()) {
                    for (int i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
                        if ((ring[i + 1] > north) != (ring[j + 1] > north)
                                && east < (ring[j] - ring[i]) * (north - ring[i + 1]) / (ring[j + 1] - ring[i + 1]) + ring[i]) {
                            inside = !inside;
                        }
                    }
                }
                if (inside) {
                    return true;
                }
            }
        }
        return false;
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

    /** The point the triangles are kept relative to, east; see {@link #cityTriangles}. */
    public double originEast() {
        return originEast;
    }

    public double originNorth() {
        return originNorth;
    }

    /**
     * The city's triangles whose tiles meet a box {minEast, minNorth, maxEast, maxNorth}: x y z of three corners per
     * triangle, x and y relative to {@link #originEast()} and {@link #originNorth()}, z as in the models. A copy, for
     * whoever tests rays against them one by one (the benchmark's baseline does).
     */
    public float[] cityTriangles(double[] box) {
        List<float[]> tiles = city.tilesIn(box[0] - originEast, box[1] - originNorth, box[2] - originEast, box[3] - originNorth);
        float[] all = new float[tiles.stream().mapToInt(tile -> tile.length).sum()];
        int at = 0;
        for (float[] tile : tiles) {
            System.arraycopy(tile, 0, all, at, tile.length);
            at += tile.length;
        }
        return all;
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
            if (GROUND_TYPES.contains(object.type())) {
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
