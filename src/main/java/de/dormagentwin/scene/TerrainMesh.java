package de.dormagentwin.scene;

import de.dormagentwin.model.TerrainGrid;
import de.dormagentwin.model.primitive.FloatList;
import de.dormagentwin.model.primitive.IntList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Terrain grids as merged triangle meshes, one per tile, in the city scene's coordinates and decimated to what a
 * screen can show. Plain arrays, no JavaFX: it is built on a worker thread.
 *
 * <p>Resolution. Tiles are squares of 1 km, the size of a DGM1 tile, on the EPSG:25832 kilometre grid; where that
 * makes more than {@value #MOST_TILES} tiles they grow to 2, 4, ... km, so that terrain and city together stay
 * under a hundred or so scene nodes. The grids are resampled onto a lattice whose step is a whole number of the
 * finest grid's cells, the smallest step that keeps both
 * <ul>
 *   <li>at most {@value #MOST_CELLS_PER_TILE_EDGE} cells along a tile's edge: a 1 km tile that fills a 1,600-pixel
 *   view then has a cell every 6 pixels, where smooth shading already hides the facets; a 1 m DGM1 tile is drawn
 *   with a 4 m step; and</li>
 *   <li>at most {@value #TRIANGLE_BUDGET} triangles in all: two to three times the bundled sample's city (112,000),
 *   so that on a software renderer the ground costs frames in proportion to what it shows. The sample's 25 m grid
 *   over 11.5 x 16 km is drawn with a 50 m step, 16 DGM1 tiles with a 10 m step.</li>
 * </ul>
 *
 * <p>Decimation keeps the shape. A lattice point takes the grid's height there (the finest grid's, interpolated
 * where no grid point falls on it), which keeps slopes and planes exact; but where the highest (or lowest) of the
 * grid points within half a step is higher (lower) than those around every neighbouring lattice point, it takes
 * that extreme instead, so summits, pits and the terrain's overall highest and lowest heights survive. At the
 * grids' outer edges, where the lattice reaches past the last grid points, a lattice point takes the mean of the
 * grid points near it, so that neighbouring tiles' grids meet without a gap.
 *
 * <p>Cells are split into two triangles along the diagonal whose ends differ less in height, which follows
 * valleys and ridges better than a fixed diagonal; a cell with one corner missing keeps the triangle of the
 * other three. {@link #heightAt} interpolates on exactly these triangles, so it is the height of the drawn ground.
 */
public final class TerrainMesh {
    static final double BASE_TILE_SIZE = 1000;
    public static final int MOST_TILES = 64;
    public static final int MOST_CELLS_PER_TILE_EDGE = 256;
    public static final int TRIANGLE_BUDGET = 300_000;
    /** Sparse tiles far apart would make a large, empty lattice: beyond this, the step grows instead. */
    private static final long MOST_LATTICE_POINTS = 4L * TRIANGLE_BUDGET;
    /** The height tint spans at least this many metres, so that flat ground is not tinted like a mountain. */
    static final double LEAST_TINT_SPAN = 40;
    /** The height tint's stops, from the lowest ground up. */
    private static final int[] TINT_ARGB = {0xFF8FAE72, 0xFFA3B578, 0xFFBDB98A, 0xFFCBB894};
    /** Against rounding where a position falls on a lattice line or a tile edge. */
    private static final double EPSILON = 1e-6;
    /** Corners of a lattice cell, counter-clockwise seen from above: south-west, south-east, north-east, north-west. */
    private static final int[] CORNER_EAST = {0, 1, 1, 0};
    private static final int[] CORNER_NORTH = {0, 0, 1, 1};

    /**
     * One tile's mesh for a {@code TriangleMesh} with {@code POINT_NORMAL_TEXCOORD}: a point, its normal and its
     * texture coordinate share one index, so {@code faces} holds each corner's index three times.
     *
     * @param column the tile's column: its west edge is {@code column * tileSize} metres east
     * @param row    the tile's row: its south edge is {@code row * tileSize} metres north
     */
    public record Tile(long column, long row, float[] points, float[] normals, float[] texCoords, int[] faces) {
        public int triangles() {
            return faces.length / 9;
        }
    }

    private final double[] origin;
    private final double tileSize;
    /** The decimated terrain: a grid of the lattice's points, NaN where there is no terrain. */
    private final TerrainGrid lattice;
    private final List<Tile> tiles;
    private final double lowest;
    private final double highest;
    /** The ground's image last painted, and the areas it was painted with. */
    private GroundImage painted;
    private List<GroundArea> paintedAreas;

    private TerrainMesh(double[] origin, double tileSize, TerrainGrid lattice) {
        this.origin = origin.clone();
        this.tileSize = tileSize;
        this.lattice = lattice;
        double[] range = lattice.heightRange();
        lowest = range[0];
        highest = range[1];
        tiles = lowest <= highest ? buildTiles() : List.of();
    }

    /**
     * Meshes terrain grids around a city scene's origin ({@link CityMeshes#origin()}: east, north, height). Grids
     * must share the city model's CRS; they may overlap, touch or lie apart.
     */
    public static TerrainMesh build(List<TerrainGrid> grids, double[] origin) {
        if (grids.isEmpty()) {
            throw new IllegalArgumentException("no terrain grids to mesh");
        }
        TerrainGrid finest = grids.get(0);
        double west = Double.POSITIVE_INFINITY;
        double south = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        for (TerrainGrid grid : grids) {
            finest = grid.cellSize() < finest.cellSize() ? grid : finest;
            west = Math.min(west, grid.originEast());
            south = Math.min(south, grid.originNorth());
            east = Math.max(east, grid.lastEast());
            north = Math.max(north, grid.lastNorth());
        }
        double tileSize = BASE_TILE_SIZE;
        int tileCount = tileCount(grids, tileSize);
        while (tileCount > MOST_TILES) {
            tileSize *= 2;
            tileCount = tileCount(grids, tileSize);
        }
        int cellsPerEdge = (int) Math.min(MOST_CELLS_PER_TILE_EDGE, Math.floor(Math.sqrt(TRIANGLE_BUDGET / (2.0 * tileCount))));
        int stride = Math.max(1, (int) Math.ceil(tileSize / (finest.cellSize() * cellsPerEdge) - EPSILON));
        while (true) {
            double step = stride * finest.cellSize();
            long firstColumn = (long) Math.floor((west - finest.originEast()) / step + EPSILON);
            long firstRow = (long) Math.floor((south - finest.originNorth()) / step + EPSILON);
            long columns = (long) Math.ceil((east - finest.originEast()) / step - EPSILON) - firstColumn + 1;
            long rows = (long) Math.ceil((north - finest.originNorth()) / step - EPSILON) - firstRow + 1;
            if (columns * rows <= MOST_LATTICE_POINTS) {
                double anchorEast = finest.originEast() + firstColumn * step;
                double anchorNorth = finest.originNorth() + firstRow * step;
                float[] heights = new Resampling(anchorEast, anchorNorth, step, (int) columns, (int) rows).run(grids);
                return new TerrainMesh(origin, tileSize, new TerrainGrid(anchorEast, anchorNorth, step, (int) columns, (int) rows, heights));
            }
            stride++;
        }
    }

    /** How many tiles of the given size hold grid cells. */
    private static int tileCount(List<TerrainGrid> grids, double tileSize) {
        Set<Long> tiles = new HashSet<>();
        for (TerrainGrid grid : grids) {
            // A grid's last column of points closes the cells of the tile before; it starts no cell of its own.
            double half = grid.cellSize() / 2;
            long west = (long) Math.floor(grid.originEast() / tileSize);
            long east = (long) Math.floor((Math.max(grid.originEast(), grid.lastEast() - half)) / tileSize);
            long south = (long) Math.floor(grid.originNorth() / tileSize);
            long north = (long) Math.floor((Math.max(grid.originNorth(), grid.lastNorth() - half)) / tileSize);
            for (long column = west; column <= east; column++) {
                for (long row = south; row <= north; row++) {
                    tiles.add(column * 1_000_003L + row);
                }
            }
        }
        return tiles.size();
    }

    /** Grid points gathered onto lattice points: their count, sum, lowest and highest; then one height each. */
    private static final class Resampling {
        private final double anchorEast;
        private final double anchorNorth;
        private final double step;
        private final int columns;
        private final int rows;
        private final int[] count;
        private final double[] sum;
        private final float[] low;
        private final float[] high;

        Resampling(double anchorEast, double anchorNorth, double step, int columns, int rows) {
            this.anchorEast = anchorEast;
            this.anchorNorth = anchorNorth;
            this.step = step;
            this.columns = columns;
            this.rows = rows;
            count = new int[columns * rows];
            sum = new double[columns * rows];
            low = new float[columns * rows];
            high = new float[columns * rows];
            Arrays.fill(low, Float.POSITIVE_INFINITY);
            Arrays.fill(high, Float.NEGATIVE_INFINITY);
        }

        float[] run(List<TerrainGrid> grids) {
            for (TerrainGrid grid : grids) {
                gather(grid);
            }
            List<TerrainGrid> finestFirst = grids.stream().sorted(Comparator.comparingDouble(TerrainGrid::cellSize)).toList();
            float[] heights = new float[columns * rows];
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    heights[row * columns + column] = height(column, row, finestFirst);
                }
            }
            return heights;
        }

        /**
         * Adds each grid point to every lattice point within half a step of it: one, or two or four where it lies
         * halfway between, so that an even stride gathers symmetrically around each lattice point.
         */
        private void gather(TerrainGrid grid) {
            int[] firstColumn = new int[grid.columns()];
            int[] lastColumn = new int[grid.columns()];
            for (int column = 0; column < grid.columns(); column++) {
                double at = (grid.east(column) - anchorEast) / step;
                firstColumn[column] = Math.max(0, (int) Math.ceil(at - 0.5 - EPSILON));
                lastColumn[column] = Math.min(columns - 1, (int) Math.floor(at + 0.5 + EPSILON));
            }
            for (int row = 0; row < grid.rows(); row++) {
                double at = (grid.north(row) - anchorNorth) / step;
                int firstRow = Math.max(0, (int) Math.ceil(at - 0.5 - EPSILON));
                int lastRow = Math.min(rows - 1, (int) Math.floor(at + 0.5 + EPSILON));
                for (int column = 0; column < grid.columns(); column++) {
                    float height = grid.height(column, row);
                    if (Float.isNaN(height)) {
                        continue;
                    }
                    for (int latticeRow = firstRow; latticeRow <= lastRow; latticeRow++) {
                        for (int latticeColumn = firstColumn[column]; latticeColumn <= lastColumn[column]; latticeColumn++) {
                            int index = latticeRow * columns + latticeColumn;
                            count[index]++;
                            sum[index] += height;
                            low[index] = Math.min(low[index], height);
                            high[index] = Math.max(high[index], height);
                        }
                    }
                }
            }
        }

        /** The grids' height, or the extreme where it stands out from the eight neighbours, or else the mean. */
        private float height(int column, int row, List<TerrainGrid> finestFirst) {
            int index = row * columns + column;
            double own = Double.NaN;
            for (int grid = 0; grid < finestFirst.size() && Double.isNaN(own); grid++) {
                own = finestFirst.get(grid).heightAt(anchorEast + column * step, anchorNorth + row * step);
            }
            if (count[index] == 0) {
                return (float) own;
            }
            if (Double.isNaN(own)) {
                own = sum[index] / count[index];
            }
            boolean summit = high[index] > own;
            boolean hollow = low[index] < own;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int x = column + dx;
                    int y = row + dy;
                    if ((dx == 0 && dy == 0) || x < 0 || y < 0 || x >= columns || y >= rows || count[y * columns + x] == 0) {
                        continue;
                    }
                    summit &= high[index] >= high[y * columns + x];
                    hollow &= low[index] <= low[y * columns + x];
                }
            }
            if (summit && hollow) {
                return high[index] - own >= own - low[index] ? high[index] : low[index];
            }
            return summit ? high[index] : hollow ? low[index] : (float) own;
        }
    }

    /**
     * The triangles of a lattice cell with corner heights south-west, south-east, north-east, north-west: corner
     * numbers (0 to 3) in threes, counter-clockwise seen from above; none where fewer than three corners have a
     * height.
     */
    static int[] cellTriangles(float southWest, float southEast, float northEast, float northWest) {
        int missing = -1;
        int missingCount = 0;
        float[] corners = {southWest, southEast, northEast, northWest};
        for (int corner = 0; corner < 4; corner++) {
            if (Float.isNaN(corners[corner])) {
                missing = corner;
                missingCount++;
            }
        }
        if (missingCount > 1) {
            return new int[0];
        }
        if (missingCount == 1) {
            int[] triangle = new int[3];
            for (int i = 0; i < 3; i++) {
                triangle[i] = (missing + 1 + i) % 4;
            }
            return triangle;
        }
        return Math.abs(southWest - northEast) <= Math.abs(southEast - northWest)
                ? new int[]{0, 1, 2, 0, 2, 3}
                : new int[]{0, 1, 3, 1, 2, 3};
    }

    private List<Tile> buildTiles() {
        // Cells belong to the tile that holds their south-west corner; cells in a column of tiles are contiguous.
        int columns = lattice.columns();
        int rows = lattice.rows();
        int[] tileOfColumn = new int[columns];
        int[] tileOfRow = new int[rows];
        long firstTileColumn = tileIndex(lattice.originEast());
        long firstTileRow = tileIndex(lattice.originNorth());
        for (int column = 0; column < columns; column++) {
            tileOfColumn[column] = (int) (tileIndex(lattice.east(column)) - firstTileColumn);
        }
        for (int row = 0; row < rows; row++) {
            tileOfRow[row] = (int) (tileIndex(lattice.north(row)) - firstTileRow);
        }
        List<Tile> built = new ArrayList<>();
        int columnStart = 0;
        while (columnStart < columns - 1) {
            int columnEnd = columnStart;
            while (columnEnd < columns - 1 && tileOfColumn[columnEnd] == tileOfColumn[columnStart]) {
                columnEnd++;
            }
            int rowStart = 0;
            while (rowStart < rows - 1) {
                int rowEnd = rowStart;
                while (rowEnd < rows - 1 && tileOfRow[rowEnd] == tileOfRow[rowStart]) {
                    rowEnd++;
                }
                Tile tile = tile(firstTileColumn + tileOfColumn[columnStart], firstTileRow + tileOfRow[rowStart],
                        columnStart, columnEnd, rowStart, rowEnd);
                if (tile != null) {
                    built.add(tile);
                }
                rowStart = rowEnd;
            }
            columnStart = columnEnd;
        }
        return List.copyOf(built);
    }

    private long tileIndex(double coordinate) {
        return (long) Math.floor(coordinate / tileSize + EPSILON);
    }

    /** The tile of the cells from lattice column {@code columnStart} to before {@code columnEnd}, and so for rows. */
    private Tile tile(long tileColumn, long tileRow, int columnStart, int columnEnd, int rowStart, int rowEnd) {
        int width = columnEnd - columnStart + 1;
        int[] pointOf = new int[width * (rowEnd - rowStart + 1)];
        Arrays.fill(pointOf, -1);
        FloatList points = new FloatList(pointOf.length * 3);
        FloatList normals = new FloatList(pointOf.length * 3);
        FloatList texCoords = new FloatList(pointOf.length * 2);
        IntList faces = new IntList(pointOf.length * 18);
        for (int row = rowStart; row < rowEnd; row++) {
            for (int column = columnStart; column < columnEnd; column++) {
                int[] triangles = cellTriangles(height(column, row), height(column + 1, row),
                        height(column + 1, row + 1), height(column, row + 1));
                for (int corner : triangles) {
                    int x = column + CORNER_EAST[corner];
                    int y = row + CORNER_NORTH[corner];
                    int local = (y - rowStart) * width + (x - columnStart);
                    if (pointOf[local] < 0) {
                        pointOf[local] = points.size() / 3;
                        addPoint(x, y, points, normals, texCoords);
                    }
                    faces.add(pointOf[local]);
                    faces.add(pointOf[local]);
                    faces.add(pointOf[local]);
                }
            }
        }
        if (faces.size() == 0) {
            return null;
        }
        return new Tile(tileColumn, tileRow, points.toArray(), normals.toArray(), texCoords.toArray(), faces.toArray());
    }

    private void addPoint(int column, int row, FloatList points, FloatList normals, FloatList texCoords) {
        double height = height(column, row);
        // Relative to the origin in double before going to float, as the city's points are.
        points.add((float) (lattice.originEast() - origin[0] + column * lattice.cellSize()), (float) -(height - origin[2]),
                (float) (lattice.originNorth() - origin[1] + row * lattice.cellSize()));
        double slopeEast = slope(column, row, 1, 0);
        double slopeNorth = slope(column, row, 0, 1);
        // The model's normal (-dh/de, -dh/dn, 1) in scene axes (x east, y down, z north).
        double length = Math.sqrt(slopeEast * slopeEast + 1 + slopeNorth * slopeNorth);
        normals.add((float) (-slopeEast / length), (float) (-1 / length), (float) (-slopeNorth / length));
        // The ground's image lies over the whole lattice, seen from above, its top row along the northern edge.
        texCoords.add((float) (column / (double) (lattice.columns() - 1)), (float) (1 - row / (double) (lattice.rows() - 1)));
    }

    /** The rise per metre along a lattice axis, by central differences where both neighbours have a height. */
    private double slope(int column, int row, int dx, int dy) {
        double before = height(column - dx, row - dy);
        double after = height(column + dx, row + dy);
        double here = height(column, row);
        if (!Double.isNaN(before) && !Double.isNaN(after)) {
            return (after - before) / (2 * lattice.cellSize());
        }
        if (!Double.isNaN(after)) {
            return (after - here) / lattice.cellSize();
        }
        return Double.isNaN(before) ? 0 : (here - before) / lattice.cellSize();
    }

    private float height(int column, int row) {
        if (column < 0 || row < 0 || column >= lattice.columns() || row >= lattice.rows()) {
            return Float.NaN;
        }
        return lattice.height(column, row);
    }

    /** The height in metres of the drawn ground at a point in the model's CRS, NaN where there is none. */
    public double heightAt(double east, double north) {
        TerrainGrid.Cell cell = lattice.cellAt(east, north);
        if (cell == null) {
            return Double.NaN;
        }
        int column = cell.column();
        int row = cell.row();
        float[] corners = {height(column, row), height(column + 1, row), height(column + 1, row + 1), height(column, row + 1)};
        int[] triangles = cellTriangles(corners[0], corners[1], corners[2], corners[3]);
        for (int t = 0; t < triangles.length; t += 3) {
            double height = onTriangle(corners, triangles[t], triangles[t + 1], triangles[t + 2], cell.eastShare(), cell.northShare());
            if (!Double.isNaN(height)) {
                return height;
            }
        }
        return Double.NaN;
    }

    /** The height of a point of the unit cell on the plane of a triangle of its corners; NaN outside the triangle. */
    private static double onTriangle(float[] heights, int a, int b, int c, double fx, double fy) {
        double ax = CORNER_EAST[a];
        double ay = CORNER_NORTH[a];
        double bx = CORNER_EAST[b] - ax;
        double by = CORNER_NORTH[b] - ay;
        double cx = CORNER_EAST[c] - ax;
        double cy = CORNER_NORTH[c] - ay;
        double px = fx - ax;
        double py = fy - ay;
        double determinant = bx * cy - by * cx;
        double u = (px * cy - py * cx) / determinant;
        double v = (bx * py - by * px) / determinant;
        if (u < -EPSILON || v < -EPSILON || u + v > 1 + EPSILON) {
            return Double.NaN;
        }
        return heights[a] + u * (heights[b] - heights[a]) + v * (heights[c] - heights[a]);
    }

    /** The scene y (down) of the drawn ground under a scene point, NaN where there is none. */
    public double sceneYAt(double sceneX, double sceneZ) {
        return -(heightAt(origin[0] + sceneX, origin[1] + sceneZ) - origin[2]);
    }

    /** The city scene's origin the points are relative to: east, north, height. */
    public double[] origin() {
        return origin.clone();
    }

    public List<Tile> tiles() {
        return tiles;
    }

    public long triangles() {
        long triangles = 0;
        for (Tile tile : tiles) {
            triangles += tile.triangles();
        }
        return triangles;
    }

    /** The ground as drawn, one grid of the decimated heights: what casts and receives the shadow study's shadows. */
    public TerrainGrid lattice() {
        return lattice;
    }

    /** The distance between neighbouring lattice points in metres: what the decimation chose. */
    public double step() {
        return lattice.cellSize();
    }

    public double tileSize() {
        return tileSize;
    }

    /** The lowest and highest drawn heights in metres; {NaN, NaN} without terrain. */
    public double[] heightRange() {
        return lowest <= highest ? new double[]{lowest, highest} : new double[]{Double.NaN, Double.NaN};
    }

    /**
     * The rectangle the lattice covers in scene coordinates, {west, south, east, north} (x, z): the ground's image
     * ({@link GroundImage}) is laid over it.
     */
    public double[] sceneExtent() {
        double west = lattice.originEast() - origin[0];
        double south = lattice.originNorth() - origin[1];
        return new double[]{west, south, west + (lattice.columns() - 1) * lattice.cellSize(),
            south + (lattice.rows() - 1) * lattice.cellSize()};
    }

    /**
     * The image of this terrain's ground with these areas of land use painted on it ({@link GroundImage}). It is
     * painted once for a list of areas, by the first thread that asks: painting takes a few hundred milliseconds,
     * which the thread that prepares the city spends, not the FX thread that lays it.
     */
    public synchronized GroundImage groundImage(List<GroundArea> areas) {
        if (painted == null || !paintedAreas.equals(areas)) {
            double[] extent = sceneExtent();
            painted = GroundImage.paint(extent[0], extent[1], extent[2], extent[3], (x, z) -> {
                double height = heightAt(origin[0] + x, origin[1] + z);
                return Double.isNaN(height) ? 0 : tintArgb(height);
            }, areas);
            paintedAreas = List.copyOf(areas);
        }
        return painted;
    }

    /**
     * The tint of bare ground at a height, opaque ARGB: meadow green in the lowlands to light loam on the highest
     * ground, over at least {@link #LEAST_TINT_SPAN} metres so that flat land is not tinted like a mountain.
     */
    public int tintArgb(double height) {
        double span = Math.max(LEAST_TINT_SPAN, highest - lowest);
        double along = Math.max(0, Math.min(1, (height - lowest) / span)) * (TINT_ARGB.length - 1);
        int stop = Math.min(TINT_ARGB.length - 2, (int) along);
        return GroundImage.mix(TINT_ARGB[stop], TINT_ARGB[stop + 1], along - stop);
    }

    /** The scene y (down) of the lowest drawn ground, the largest y; NaN without terrain. */
    public double lowestSceneY() {
        return lowest <= highest ? -(lowest - origin[2]) : Double.NaN;
    }
}
