package de.dormagentwin.sample;

import de.dormagentwin.model.TerrainGrid;
import de.dormagentwin.model.geo.Utm;
import de.dormagentwin.model.io.TerrainReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DormagenTerrainTest {
    @TempDir
    Path folder;

    @Test
    void theValleyRunsFromAbout31MetresAtTheRiverToAbout72OnTheSouthWesternTerraces() {
        TerrainGrid grid = DormagenTerrain.GRID;
        double[] range = grid.heightRange();
        assertEquals(31, range[0], 0.5, "lowest");
        assertEquals(72, range[1], 1.5, "highest");
        int lowest = 0;
        int highest = 0;
        for (int index = 0; index < grid.heights().length; index++) {
            lowest = grid.heights()[index] < grid.heights()[lowest] ? index : lowest;
            highest = grid.heights()[index] > grid.heights()[highest] ? index : highest;
        }
        assertTrue(lowest % grid.columns() > grid.columns() / 2, "the lowest ground, the river's bed, lies in the east");
        assertTrue(highest % grid.columns() < grid.columns() / 4 && highest / grid.columns() < grid.rows() / 4,
                "the highest ground lies in the south-west");
    }

    @Test
    void theTownStandsOnTheLowTerraceAndTheVillagesOnTheWestHigher() {
        double mitte = heightAtWgs84(51.094, 6.84);
        double zons = heightAtWgs84(51.1219, 6.8428);
        double nievenheim = heightAtWgs84(51.1142, 6.7686);
        double hackenbroich = heightAtWgs84(51.0556, 6.8172);
        assertTrue(zons > 35 && zons < mitte, "Zons by the river " + zons + " m, Dormagen-Mitte " + mitte + " m");
        assertTrue(nievenheim > mitte + 2 && hackenbroich > mitte + 2,
                "Nievenheim " + nievenheim + " m and Hackenbroich " + hackenbroich + " m above the town's " + mitte + " m");
    }

    private static double heightAtWgs84(double latitude, double longitude) {
        double[] utm = Utm.wgs84ToEtrs89Utm32(latitude, longitude);
        return DormagenTerrain.heightAt(utm[0], utm[1]);
    }

    @Test
    void theTerrainFileIsTheSameOnEveryRunUnderTwoAndAHalfMegabytesAndReadsBackAsWhatTheSampleStandsOn() throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        DormagenSample.writeTerrain(first);
        DormagenSample.writeTerrain(second);
        assertArrayEquals(first.toByteArray(), second.toByteArray());
        assertTrue(first.size() < 2_500_000, "size " + first.size());
        Path file = folder.resolve("dormagen.terrain.asc");
        Files.write(file, first.toByteArray());
        TerrainGrid read = TerrainReader.read(file);
        assertEquals(DormagenTerrain.WEST, read.originEast());
        assertEquals(DormagenTerrain.SOUTH, read.originNorth());
        assertArrayEquals(DormagenTerrain.GRID.heights(), read.heights());
    }
}
