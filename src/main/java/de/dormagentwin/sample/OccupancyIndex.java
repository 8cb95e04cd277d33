package de.dormagentwin.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the convex footprints placed so far and answers whether a new one keeps its
 * distance from all of them. A uniform grid of cells keeps each query local.
 */
final class OccupancyIndex {

    private static final double CELL_SIZE_METRES = 50.0;

    private final Map<Long, List<double[][]>> footprintsByCell = new HashMap<>();

    void add(double[][] footprint) {
        double[] bounds = bounds(footprint, 0.0);
        for (long cell : cellsCovering(bounds)) {
            footprintsByCell.computeIfAbsent(cell, key -> new ArrayList<>()).add(footprint);
        }
    }

    /** Whether {@code footprint} stays at least {@code clearance} metres away from every stored footprint. */
    boolean isFree(double[][] footprint, double clearance) {
        double[] bounds = bounds(footprint, clearance);
        for (long cell : cellsCovering(bounds)) {
            List<double[][]> candidates = footprintsByCell.get(cell);
            if (candidates == null) {
                continue;
            }
            for (double[][] candidate : candidates) {
                if (!Planar.convexPolygonsApart(footprint, candidate, clearance)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] bounds(double[][] polygon, double margin) {
        double minimumEasting = Double.POSITIVE_INFINITY;
        double minimumNorthing = Double.POSITIVE_INFINITY;
        double maximumEasting = Double.NEGATIVE_INFINITY;
        double maximumNorthing = Double.NEGATIVE_INFINITY;
        for (double[] point : polygon) {
            minimumEasting = Math.min(minimumEasting, point[0]);
            minimumNorthing = Math.min(minimumNorthing, point[1]);
            maximumEasting = Math.max(maximumEasting, point[0]);
            maximumNorthing = Math.max(maximumNorthing, point[1]);
        }
        return new double[] {minimumEasting - margin, minimumNorthing - margin,
            maximumEasting + margin, maximumNorthing + margin};
    }

    private static long[] cellsCovering(double[] bounds) {
        long firstColumn = (long) Math.floor(bounds[0] / CELL_SIZE_METRES);
        long firstRow = (long) Math.floor(bounds[1] / CELL_SIZE_METRES);
        long lastColumn = (long) Math.floor(bounds[2] / CELL_SIZE_METRES);
        long lastRow = (long) Math.floor(bounds[3] / CELL_SIZE_METRES);
        long[] cells = new long[(int) ((lastColumn - firstColumn + 1) * (lastRow - firstRow + 1))];
        int index = 0;
        for (long column = firstColumn; column <= lastColumn; column++) {
            for (long row = firstRow; row <= lastRow; row++) {
                cells[index++] = (column << 32) ^ (row & 0xFFFF_FFFFL);
            }
        }
        return cells;
    }
}
