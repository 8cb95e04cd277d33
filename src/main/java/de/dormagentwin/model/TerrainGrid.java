package de.dormagentwin.model;

/**
 * A digital terrain model on a regular square grid: a height in metres above sea level (NHN in NRW) at each grid
 * point, NaN where the source has none. Points lie at {@code originEast + column * cellSize} east and
 * {@code originNorth + row * cellSize} north, in the city model's CRS (EPSG:25832 for NRW); row 0 is the southern
 * row, and {@code heights[row * columns + column]} is the height of that point.
 *
 * <p>The heights array is shared, not copied: a 1 km DGM1 tile holds a million of them. Whoever builds a grid
 * hands the array over and does not change it afterwards.
 */
public record TerrainGrid(double originEast, double originNorth, double cellSize, int columns, int rows, float[] heights) {

    public TerrainGrid {
        if (!(cellSize > 0) || !Double.isFinite(cellSize)) {
            throw new IllegalArgumentException("the cell size must be a positive number of metres, not " + cellSize);
        }
        if (!Double.isFinite(originEast) || !Double.isFinite(originNorth)) {
            throw new IllegalArgumentException("the origin must be finite, not " + originEast + ", " + originNorth);
        }
        if (columns < 1 || rows < 1 || (long) columns * rows != heights.length) {
            throw new IllegalArgumentException(columns + " x " + rows + " points do not match " + heights.length + " heights");
        }
    }

    /** The height at a grid point, NaN where there is none. */
    public float height(int column, int row) {
        return heights[row * columns + column];
    }

    public double east(int column) {
        return originEast + column * cellSize;
    }

    public double north(int row) {
        return originNorth + row * cellSize;
    }

    /** The easting of the last column: the grid's points span {@code originEast} to this. */
    public double lastEast() {
        return east(columns - 1);
    }

    public double lastNorth() {
        return north(rows - 1);
    }

    /**
     * A place in the grid: the cell whose south-west point is ({@code column}, {@code row}), and how far into it,
     * from 0 to 1, east and north. On the grid's last column or row the cell is the one before it.
     */
    public record Cell(int column, int row, double eastShare, double northShare) {
    }

    /** The cell a point falls in, null outside the grid. */
    public Cell cellAt(double east, double north) {
        double x = (east - originEast) / cellSize;
        double y = (north - originNorth) / cellSize;
        if (!(x >= 0 && y >= 0 && x <= columns - 1 && y <= rows - 1)) {
            return null;
        }
        int column = Math.min((int) x, Math.max(0, columns - 2));
        int row = Math.min((int) y, Math.max(0, rows - 2));
        return new Cell(column, row, x - column, y - row);
    }

    /**
     * The height at any point inside the grid, interpolated bilinearly from the four grid points around it; NaN
     * outside the grid or where one of the points it needs has no height. A point on a grid line needs only the
     * two points of that line, so a height next to a gap is still found where it can be.
     */
    public double heightAt(double east, double north) {
        Cell cell = cellAt(east, north);
        if (cell == null) {
            return Double.NaN;
        }
        double fx = cell.eastShare();
        double fy = cell.northShare();
        return weighted(cell.column(), cell.row(), (1 - fx) * (1 - fy))
                + weighted(cell.column() + 1, cell.row(), fx * (1 - fy))
                + weighted(cell.column(), cell.row() + 1, (1 - fx) * fy)
                + weighted(cell.column() + 1, cell.row() + 1, fx * fy);
    }

    /** A point's share of an interpolated height: nothing for a weight of 0, even off the grid or without height. */
    private double weighted(int column, int row, double weight) {
        if (weight == 0) {
            return 0;
        }
        return weight * height(column, row);
    }

    /** The lowest and the highest height, {NaN, NaN} when the grid has none. */
    public double[] heightRange() {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (float height : heights) {
            if (height < low) {
                low = height;
            }
            if (height > high) {
                high = height;
            }
        }
        return low > high ? new double[]{Double.NaN, Double.NaN} : new double[]{low, high};
    }

    /** How many points have a height. */
    public int pointsWithHeight() {
        int count = 0;
        for (float height : heights) {
            if (!Float.isNaN(height)) {
                count++;
            }
        }
        return count;
    }
}
