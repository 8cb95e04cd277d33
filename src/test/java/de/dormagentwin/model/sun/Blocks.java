package de.dormagentwin.model.sun;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.Geometry;
import de.dormagentwin.model.GeometryType;
import de.dormagentwin.model.PlannedBuilding;
import de.dormagentwin.model.PlanningVariant;
import de.dormagentwin.model.TerrainGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** City models, variants and terrain made of boxes and ridges, whose shadows can be worked out by hand. */
final class Blocks {
    /** A point in Dormagen's town centre, in EPSG:25832. */
    static final double EAST = 345_000;
    static final double NORTH = 5_661_000;
    static final String UTM32 = "https://www.opengis.net/def/crs/EPSG/0/25832";

    private Blocks() {
    }

    /** A box per {minEast, minNorth, base, sizeEast, sizeNorth, height}, as LoD2 solids with semantic surfaces. */
    static CityModel boxes(double[]... boxes) {
        return typed("Building", boxes);
    }

    /** As {@link #boxes}, each object of the given CityJSON type. */
    static CityModel typed(String type, double[]... boxes) {
        double[] vertices = new double[boxes.length * 8 * 3];
        List<CityObject> objects = new ArrayList<>();
        for (int b = 0; b < boxes.length; b++) {
            double[] box = boxes[b];
            double[] xs = {box[0], box[0] + box[3]};
            double[] ys = {box[1], box[1] + box[4]};
            double[] zs = {box[2], box[2] + box[5]};
            // Corners 0-3 at the bottom anticlockwise from the south-west, 4-7 above them.
            for (int level = 0; level < 2; level++) {
                double[][] ring = {{xs[0], ys[0]}, {xs[1], ys[0]}, {xs[1], ys[1]}, {xs[0], ys[1]}};
                for (int corner = 0; corner < 4; corner++) {
                    int at = (b * 8 + level * 4 + corner) * 3;
                    vertices[at] = ring[corner][0];
                    vertices[at + 1] = ring[corner][1];
                    vertices[at + 2] = zs[level];
                }
            }
            int o = b * 8;
            int[][] faces = {{o, o + 3, o + 2, o + 1}, {o + 4, o + 5, o + 6, o + 7},
                    {o, o + 1, o + 5, o + 4}, {o + 1, o + 2, o + 6, o + 5}, {o + 2, o + 3, o + 7, o + 6}, {o + 3, o, o + 4, o + 7}};
            String[] semantics = {"GroundSurface", "RoofSurface", "WallSurface", "WallSurface", "WallSurface", "WallSurface"};
            int[] indices = Arrays.stream(faces).flatMapToInt(Arrays::stream).toArray();
            int[] surfaceRingStart = {0, 1, 2, 3, 4, 5, 6};
            int[] ringVertexStart = {0, 4, 8, 12, 16, 20, 24};
            Geometry geometry = new Geometry(GeometryType.SOLID, "2.2", surfaceRingStart, ringVertexStart, indices, semantics, null);
            objects.add(new CityObject("box-" + b, type, Map.of(), List.of(), List.of(), List.of(geometry)));
        }
        return new CityModel("boxes", UTM32, Map.of(), vertices, boxes.length * 8, objects, List.of(), 0);
    }

    /** A variant of one box-shaped building {minEast, minNorth, sizeEast, sizeNorth, height} on the ground. */
    static PlanningVariant tower(double minEast, double minNorth, double sizeEast, double sizeNorth, double height) {
        double[] ring = {minEast, minNorth, minEast + sizeEast, minNorth, minEast + sizeEast, minNorth + sizeNorth, minEast, minNorth + sizeNorth};
        PlannedBuilding building = new PlannedBuilding("tower", List.of(new PlannedBuilding.Polygon(List.of(ring))), height, Map.of());
        return new PlanningVariant("tower", List.of(building));
    }

    /**
     * Flat terrain at {@code ground} m, 2 km square around (EAST, NORTH) on a 10 m grid, with a ridge running east to
     * west: {@code ridgeHeight} m above the ground between {@code ridgeSouth} and {@code ridgeNorth} (northings),
     * falling to the ground over 10 m on each side.
     */
    static TerrainGrid ridge(double ground, double ridgeSouth, double ridgeNorth, double ridgeHeight) {
        int points = 201;
        double originEast = EAST - 1000;
        double originNorth = NORTH - 1000;
        float[] heights = new float[points * points];
        for (int row = 0; row < points; row++) {
            double north = originNorth + row * 10;
            double rise = north < ridgeSouth ? Math.max(0, 1 - (ridgeSouth - north) / 10)
                    : north > ridgeNorth ? Math.max(0, 1 - (north - ridgeNorth) / 10) : 1;
            for (int column = 0; column < points; column++) {
                heights[row * points + column] = (float) (ground + rise * ridgeHeight);
            }
        }
        return new TerrainGrid(originEast, originNorth, 10, points, points, heights);
    }
}
