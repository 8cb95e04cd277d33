package de.dormagentwin.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerrainGridTest {
    private static final float NaN = Float.NaN;

    /**
     * 3 x 2 points 10 m apart from (1000, 2000); the southern row first.
     * <pre>
     *   north  40  50  NaN
     *   south  10  20  30
     * </pre>
     */
    private static TerrainGrid grid() {
        return new TerrainGrid(1000, 2000, 10, 3, 2, new float[]{10, 20, 30, 40, 50, NaN});
    }

    @Test
    void aGridPointHasItsOwnHeight() {
        TerrainGrid grid = grid();
        assertEquals(10, grid.heightAt(1000, 2000));
        assertEquals(20, grid.heightAt(1010, 2000));
        assertEquals(50, grid.heightAt(1010, 2010));
        assertEquals(50f, grid.height(1, 1));
        assertEquals(1020, grid.lastEast());
        assertEquals(2010, grid.lastNorth());
    }

    @Test
    void heightsBetweenGridPointsAreBilinear() {
        TerrainGrid grid = grid();
        assertEquals(15, grid.heightAt(1005, 2000), 1e-9);
        assertEquals(25, grid.heightAt(1000, 2005), 1e-9);
        // (10 + 20 + 40 + 50) / 4 in the middle of the first cell; a quarter in, weights 9, 3, 3, 1 sixteenths.
        assertEquals(30, grid.heightAt(1005, 2005), 1e-9);
        assertEquals((9 * 10 + 3 * 20 + 3 * 40 + 50) / 16.0, grid.heightAt(1002.5, 2002.5), 1e-9);
    }

    @Test
    void aCellWithAPointWithoutHeightHasNoneInsideButItsOtherEdgesDo() {
        TerrainGrid grid = grid();
        assertTrue(Double.isNaN(grid.heightAt(1015, 2005)), "the north-east point has no height");
        assertEquals(25, grid.heightAt(1015, 2000), 1e-9, "the southern edge needs only its two points");
        assertEquals(35, grid.heightAt(1010, 2005), 1e-9, "nor does the western edge of that cell");
    }

    @Test
    void outsideTheGridThereIsNoHeight() {
        TerrainGrid grid = grid();
        assertTrue(Double.isNaN(grid.heightAt(999.9, 2000)));
        assertTrue(Double.isNaN(grid.heightAt(1000, 2010.1)));
        assertTrue(Double.isNaN(grid.heightAt(Double.NaN, 2000)));
    }

    @Test
    void theRangeLeavesOutPointsWithoutHeight() {
        assertArrayEquals(new double[]{10, 50}, grid().heightRange());
        assertEquals(5, grid().pointsWithHeight());
        TerrainGrid empty = new TerrainGrid(0, 0, 1, 1, 1, new float[]{NaN});
        assertTrue(Double.isNaN(empty.heightRange()[0]));
    }

    @Test
    void heightsMustFitTheGridsSize() {
        assertThrows(IllegalArgumentException.class, () -> new TerrainGrid(0, 0, 1, 2, 2, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new TerrainGrid(0, 0, 0, 1, 1, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> new TerrainGrid(Double.NaN, 0, 1, 1, 1, new float[1]));
    }
}
