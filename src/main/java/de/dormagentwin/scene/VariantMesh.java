package de.dormagentwin.scene;

import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.model.geometry.Triangulator;
import de.dormagentwin.model.primitive.FloatList;
import de.dormagentwin.model.primitive.IntList;

import java.util.List;

/**
 * The planned buildings of one variant extruded into one merged mesh: walls and a flat roof each, standing on the
 * scene's ground plane (y = 0, the origin's height). No floor: the camera never goes below the ground. Plain arrays
 * for a {@code TriangleMesh} with {@code POINT_NORMAL_TEXCOORD}, no JavaFX, so it can be built and checked anywhere.
 *
 * <p>Axes as in {@link MeshBuilder}: scene x is east, y is down (minus up), z is north. Walls sample texel
 * {@link #WALL_TEXEL} of a three-texel palette and roofs {@link #ROOF_TEXEL}, so the style stays in the layer; the
 * layer points a selected building's triangles at {@link #SELECTED_TEXEL}.
 *
 * @param points         x, y, z per point in scene coordinates (y down)
 * @param normals        one per wall, and one for all roofs
 * @param texCoords      u, v of the three texel centres
 * @param faces          point, normal, texcoord index per corner, three corners per triangle
 * @param faceToBuilding per triangle, the index of its building in the variant (for picking)
 */
public record VariantMesh(float[] points, float[] normals, float[] texCoords, int[] faces, int[] faceToBuilding) {
    static final int WALL_TEXEL = 0;
    static final int ROOF_TEXEL = 1;
    static final int SELECTED_TEXEL = 2;
    static final int TEXELS = 3;
    private static final int ROOF_NORMAL = 0;

    public int triangleCount() {
        return faceToBuilding.length;
    }

    /** Extrudes every building of the variant around the scene's origin (x east, y north, z up, as in CityMeshes). */
    public static VariantMesh extrude(PlanningVariant variant, double[] origin) {
        return extrude(variant, origin, null);
    }

    /**
     * As {@link #extrude(PlanningVariant, double[])}, each building standing on the terrain where there is one: at
     * the lowest ground under its corners, as the sample's buildings do, so that none floats over a slope.
     */
    public static VariantMesh extrude(PlanningVariant variant, double[] origin, TerrainMesh terrain) {
        Extrusion extrusion = new Extrusion(origin);
        List<PlannedBuilding> buildings = variant.buildings();
        for (int building = 0; building < buildings.size(); building++) {
            double base = terrain == null ? 0 : base(buildings.get(building), terrain, origin);
            for (PlannedBuilding.Polygon polygon : buildings.get(building).polygons()) {
                extrusion.add(polygon, base, buildings.get(building).height(), building);
            }
        }
        return extrusion.finish();
    }

    /** The lowest terrain height under a building's corners, above the origin; 0 where the terrain does not reach. */
    private static double base(PlannedBuilding building, TerrainMesh terrain, double[] origin) {
        double lowest = Double.POSITIVE_INFINITY;
        for (PlannedBuilding.Polygon polygon : building.polygons()) {
            double[] outer = polygon.rings().get(0);
            for (int i = 0; i < outer.length; i += 2) {
                double height = terrain.heightAt(outer[i], outer[i + 1]);
                if (!Double.isNaN(height)) {
                    lowest = Math.min(lowest, height);
                }
            }
        }
        return Double.isInfinite(lowest) ? 0 : lowest - origin[2];
    }

    /** The arrays being filled. */
    private static final class Extrusion {
        private final double[] origin;
        private final FloatList points = new FloatList(256);
        private final FloatList normals = new FloatList(64);
        private final IntList faces = new IntList(1024);
        private final IntList faceToBuilding = new IntList(128);

        Extrusion(double[] origin) {
            this.origin = origin;
            normals.add(0, -1, 0);
        }

        /** Vertex v of the polygon becomes point first + 2v on the ground and first + 2v + 1 under the roof. */
        void add(PlannedBuilding.Polygon polygon, double base, double height, int building) {
            int first = points.size() / 3;
            int[] ringStarts = new int[polygon.rings().size()];
            int vertexCount = 0;
            for (int ring = 0; ring < ringStarts.length; ring++) {
                ringStarts[ring] = vertexCount;
                vertexCount += polygon.rings().get(ring).length / 2;
            }
            // The roof in model axes (east, north, up), relative to the origin in double before going to float
            // (see DESIGN.md); the Triangulator winds its triangles like the outer ring, which faces up.
            double[] roof = new double[vertexCount * 3];
            int vertex = 0;
            for (double[] ring : polygon.rings()) {
                for (int i = 0; i < ring.length; i += 2, vertex++) {
                    roof[vertex * 3] = ring[i] - origin[0];
                    roof[vertex * 3 + 1] = ring[i + 1] - origin[1];
                    roof[vertex * 3 + 2] = height;
                    points.add((float) roof[vertex * 3], (float) -base, (float) roof[vertex * 3 + 1]);
                    points.add((float) roof[vertex * 3], (float) -(base + height), (float) roof[vertex * 3 + 1]);
                }
            }
            for (int ring = 0; ring < ringStarts.length; ring++) {
                int end = ring + 1 < ringStarts.length ? ringStarts[ring + 1] : vertexCount;
                addWalls(roof, first, ringStarts[ring], end, building);
            }
            int[] corners = Triangulator.triangulate(roof, ringStarts, vertexCount);
            for (int corner = 0; corner < corners.length; corner += 3) {
                triangle(first + corners[corner] * 2 + 1, first + corners[corner + 1] * 2 + 1, first + corners[corner + 2] * 2 + 1,
                        ROOF_NORMAL, ROOF_TEXEL, building);
            }
        }

        /**
         * Two triangles per edge, wound counter-clockwise seen from outside: outer rings run counter-clockwise and
         * holes clockwise (PlannedBuilding.Polygon sees to that), so outside is always to the right of an edge, and
         * back-face culling works as for the city.
         */
        private void addWalls(double[] roof, int first, int start, int end, int building) {
            for (int vertex = start; vertex < end; vertex++) {
                int next = vertex + 1 < end ? vertex + 1 : start;
                double east = roof[next * 3] - roof[vertex * 3];
                double north = roof[next * 3 + 1] - roof[vertex * 3 + 1];
                double length = Math.hypot(east, north);
                // Outward is (north, -east) in model axes; scene z is north.
                normals.add((float) (north / length), 0, (float) (-east / length));
                int normal = normals.size() / 3 - 1;
                int a = first + vertex * 2;
                int b = first + next * 2;
                triangle(a, b, b + 1, normal, WALL_TEXEL, building);
                triangle(a, b + 1, a + 1, normal, WALL_TEXEL, building);
            }
        }

        private void triangle(int a, int b, int c, int normal, int texel, int building) {
            for (int point : new int[]{a, b, c}) {
                faces.add(point);
                faces.add(normal);
                faces.add(texel);
            }
            faceToBuilding.add(building);
        }

        VariantMesh finish() {
            return new VariantMesh(points.toArray(), normals.toArray(), new float[]{0.5f / TEXELS, 0.5f, 1.5f / TEXELS, 0.5f, 2.5f / TEXELS, 0.5f},
                    faces.toArray(), faceToBuilding.toArray());
        }
    }
}
