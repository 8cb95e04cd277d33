package de.dormagentwin.scene;

import de.dormagentwin.model.TerrainGrid;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerrainMeshTest {
    private static final double[] ORIGIN = {280_500, 5_652_500, 40};

    /** A grid of {@code columns} x {@code rows} points {@code cell} metres apart from a south-west point, heights from a function. */
    private static TerrainGrid grid(double west, double south, double cell, int columns, int rows, DoubleBinaryOperator height) {
        float[] heights = new float[columns * rows];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                heights[row * columns + column] = (float) height.applyAsDouble(west + column * cell, south + row * cell);
            }
        }
        return new TerrainGrid(west, south, cell, columns, rows, heights);
    }

    /** A DGM1 tile: 1,000 x 1,000 points 1 m apart. */
    private static TerrainGrid dgm1Tile(int eastKilometre, int northKilometre, DoubleBinaryOperator height) {
        return grid(eastKilometre * 1000.0, northKilometre * 1000.0, 1, 1000, 1000, height);
    }

    private static final DoubleBinaryOperator ROLLING = (east, north) -> 45 + 3 * Math.sin(east / 90) * Math.cos(north / 130);

    @Test
    void oneDgm1TileIsOneMeshWithA4MetreStepAndTwoTrianglesACell() {
        TerrainMesh mesh = TerrainMesh.build(List.of(dgm1Tile(280, 5652, ROLLING)), ORIGIN);
        assertEquals(1, mesh.tiles().size());
        assertEquals(1000, mesh.tileSize());
        assertEquals(4, mesh.step());
        // 999 m of points make 250 cells of 4 m a side: the last lattice line, at 1,000 m, gathers the points of 998 and 999 m.
        assertEquals(250 * 250 * 2, mesh.triangles());
        assertEquals(251 * 251, mesh.tiles().get(0).points().length / 3);
    }

    @Test
    void manyTilesGrowLargerAndStayWithinTheTriangleBudget() {
        // 10 x 10 km at 10 m: a hundred 1 km tiles, more than a viewer wants as nodes.
        TerrainMesh mesh = TerrainMesh.build(List.of(grid(280_000, 5_652_000, 10, 1000, 1000, ROLLING)), ORIGIN);
        assertEquals(2000, mesh.tileSize());
        assertEquals(25, mesh.tiles().size());
        assertTrue(mesh.triangles() <= TerrainMesh.TRIANGLE_BUDGET, "triangles " + mesh.triangles());
        assertTrue(mesh.triangles() > TerrainMesh.TRIANGLE_BUDGET / 2, "the budget is used, not wasted: " + mesh.triangles());
        assertEquals(30, mesh.step(), "a whole number of cells, the smallest within the budget");
    }

    @Test
    void decimationKeepsTheHighestAndLowestPointsThatAveragingWouldLose() {
        TerrainGrid tile = dgm1Tile(280, 5652, ROLLING);
        // Between lattice points (every 4 m), where sampling at the lattice would step over them.
        tile.heights()[503 * 1000 + 202] = 80;
        tile.heights()[707 * 1000 + 611] = 20;
        TerrainMesh mesh = TerrainMesh.build(List.of(tile), ORIGIN);
        assertArrayEquals(tile.heightRange(), mesh.heightRange());
        assertEquals(80, mesh.heightAt(280_200, 5_652_504), 1e-3, "the summit moves to the nearest lattice point");
        assertEquals(20, mesh.heightAt(280_612, 5_652_708), 1e-3);
    }

    @Test
    void aPlaneStaysTheSamePlaneAndLiesInTheScenesCoordinates() {
        DoubleBinaryOperator plane = (east, north) -> 40 + 0.01 * (east - 280_000) - 0.02 * (north - 5_652_000);
        TerrainMesh mesh = TerrainMesh.build(List.of(dgm1Tile(280, 5652, plane)), ORIGIN);
        for (double[] point : new double[][]{{280_000, 5_652_000}, {280_123.4, 5_652_876.5}, {280_996, 5_652_001}, {280_500, 5_652_500}}) {
            assertEquals(plane.applyAsDouble(point[0], point[1]), mesh.heightAt(point[0], point[1]), 1e-3);
        }
        assertEquals(-(plane.applyAsDouble(280_600, 5_652_400) - ORIGIN[2]), mesh.sceneYAt(100, -100), 1e-3, "y points down from the origin");
        float[] points = mesh.tiles().get(0).points();
        for (int i = 0; i < points.length; i += 3) {
            assertEquals(mesh.sceneYAt(points[i], points[i + 2]), points[i + 1], 1e-3);
        }
        assertTrue(Double.isNaN(mesh.heightAt(279_990, 5_652_500)), "no terrain west of the tile");
    }

    @Test
    void everyTriangleFacesUp() {
        TerrainMesh mesh = TerrainMesh.build(List.of(dgm1Tile(280, 5652, ROLLING)), ORIGIN);
        TerrainMesh.Tile tile = mesh.tiles().get(0);
        float[] p = tile.points();
        int[] faces = tile.faces();
        for (int face = 0; face < faces.length; face += 9) {
            int a = faces[face] * 3;
            int b = faces[face + 3] * 3;
            int c = faces[face + 6] * 3;
            double ux = p[b] - p[a], uz = p[b + 2] - p[a + 2];
            double vx = p[c] - p[a], vz = p[c + 2] - p[a + 2];
            // The y of (b - a) x (c - a): negative is up, since y points down.
            assertTrue(uz * vx - ux * vz < 0, "triangle " + face / 9 + " faces down");
        }
        for (int n = 0; n < tile.normals().length; n += 3) {
            assertTrue(tile.normals()[n + 1] < -0.9, "normals point up on gentle ground");
        }
    }

    @Test
    void neighbouringTilesShareTheirEdgeSoNoCrackOpens() {
        TerrainGrid west = dgm1Tile(280, 5652, ROLLING);
        TerrainGrid east = dgm1Tile(281, 5652, (e, n) -> ROLLING.applyAsDouble(e, n) + 0.5);
        TerrainMesh mesh = TerrainMesh.build(List.of(west, east), ORIGIN);
        assertEquals(2, mesh.tiles().size());
        Map<String, Float> edgeOfWest = new HashMap<>();
        float edgeX = (float) (281_000 - ORIGIN[0]);
        float[] westPoints = mesh.tiles().get(0).points();
        for (int i = 0; i < westPoints.length; i += 3) {
            if (westPoints[i] == edgeX) {
                edgeOfWest.put(Float.toString(westPoints[i + 2]), westPoints[i + 1]);
            }
        }
        float[] eastPoints = mesh.tiles().get(1).points();
        int shared = 0;
        for (int i = 0; i < eastPoints.length; i += 3) {
            if (eastPoints[i] == edgeX) {
                assertEquals(edgeOfWest.get(Float.toString(eastPoints[i + 2])), eastPoints[i + 1], "the same height from both sides");
                shared++;
            }
        }
        assertEquals(edgeOfWest.size(), shared);
        assertTrue(shared > 100, "points on the shared edge: " + shared);
    }

    @Test
    void whereTheGridHasNoHeightsThereIsNoGroundAndAroundItTrianglesCloseUp() {
        TerrainGrid tile = grid(280_000, 5_652_000, 10, 11, 11, (east, north) -> 50);
        tile.heights()[5 * 11 + 5] = Float.NaN;
        TerrainMesh mesh = TerrainMesh.build(List.of(tile), ORIGIN);
        assertEquals(10, mesh.step());
        assertTrue(Double.isNaN(mesh.heightAt(280_050, 5_652_050)), "the hole");
        // 100 cells: the four around the hole keep one triangle each.
        assertEquals(2 * 100 - 4, mesh.triangles());
        assertEquals(50, mesh.heightAt(280_041, 5_652_041), 1e-6, "inside the kept triangle of a cell at the hole");
    }

    @Test
    void aCellIsSplitAlongItsFlatterDiagonal() {
        assertArrayEquals(new int[]{0, 1, 2, 0, 2, 3}, TerrainMesh.cellTriangles(40, 45, 40, 30));
        assertArrayEquals(new int[]{0, 1, 3, 1, 2, 3}, TerrainMesh.cellTriangles(30, 40, 45, 40));
        assertArrayEquals(new int[]{1, 2, 3}, TerrainMesh.cellTriangles(Float.NaN, 40, 45, 40));
        assertEquals(0, TerrainMesh.cellTriangles(Float.NaN, 40, Float.NaN, 40).length);
    }
}
