package de.dormagentwin.scene;

import de.dormagentwin.model.CityObject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurfaceClassTest {

    private static CityObject house(String id, String roofType) {
        return new CityObject(id, "Building", roofType == null ? Map.of() : Map.of("roofType", roofType), List.of(), List.of(), List.of());
    }

    private static double saturation(int argb) {
        int red = argb >> 16 & 0xFF;
        int green = argb >> 8 & 0xFF;
        int blue = argb & 0xFF;
        int max = Math.max(red, Math.max(green, blue));
        int min = Math.min(red, Math.min(green, blue));
        return max == 0 ? 0 : (max - min) / (double) max;
    }

    private static double lightness(int argb) {
        return 0.299 * (argb >> 16 & 0xFF) + 0.587 * (argb >> 8 & 0xFF) + 0.114 * (argb & 0xFF);
    }

    @Test
    void aStreetOfHousesHasRoofsAndWallsOfSeveralColoursThatStayTheSameFromRunToRun() {
        Set<Integer> roofs = new HashSet<>();
        Set<Integer> walls = new HashSet<>();
        for (int number = 1; number <= 40; number++) {
            CityObject house = house("mitte-b" + number, "gable");
            roofs.add(SurfaceClass.styleArgb(house, SurfaceClass.ROOF));
            walls.add(SurfaceClass.styleArgb(house, SurfaceClass.WALL));
            assertEquals(SurfaceClass.styleArgb(house, SurfaceClass.ROOF), SurfaceClass.styleArgb(house("mitte-b" + number, "gable"), SurfaceClass.ROOF));
        }
        assertTrue(roofs.size() >= 4, "roofs " + roofs.size());
        assertTrue(walls.size() >= 4, "walls " + walls.size());
    }

    @Test
    void flatRoofsAreGreyAndPitchedOnesTiled() {
        for (int number = 1; number <= 20; number++) {
            for (String flat : List.of("flat", "1000")) {
                assertTrue(saturation(SurfaceClass.styleArgb(house("b" + number, flat), SurfaceClass.ROOF)) < 0.4,
                        "a flat roof (" + flat + ") is gravel, bitumen or planted, never tiles");
            }
        }
        boolean anyTiled = false;
        for (int number = 1; number <= 20; number++) {
            int roof = SurfaceClass.styleArgb(house("b" + number, "3100"), SurfaceClass.ROOF);
            anyTiled |= saturation(roof) > 0.4;
        }
        assertTrue(anyTiled, "some gable roofs (3100) are red tiles");
    }

    @Test
    void windowsAndDoorsHaveTheirOwnLookWhateverTheirClass() {
        CityObject house = house("b1", "gable");
        int window = SurfaceClass.styleArgb(house, SurfaceClass.WALL, "Window");
        int door = SurfaceClass.styleArgb(house, SurfaceClass.WALL, "Door");
        int wall = SurfaceClass.styleArgb(house, SurfaceClass.WALL, "WallSurface");
        assertEquals(SurfaceClass.styleArgb(house, SurfaceClass.WALL), wall);
        assertTrue((window & 0xFF) > (window >> 16 & 0xFF), "glass is bluish: " + Integer.toHexString(window));
        assertTrue(lightness(door) < lightness(wall) - 60, "a door is darker than its wall");
    }

    @Test
    void theMutedContextIsGreyishButKeepsRoofsDarkerThanWallsAndWaterBlue() {
        int roof = 0xFFA9503D;
        int wall = 0xFFEDE6D8;
        int mutedRoof = CityLayer.muted(roof, SurfaceClass.ROOF);
        int mutedWall = CityLayer.muted(wall, SurfaceClass.WALL);
        assertTrue(saturation(mutedRoof) < 0.2, "a muted roof is no longer red: " + Integer.toHexString(mutedRoof));
        assertTrue(lightness(mutedWall) - lightness(mutedRoof) > 40, "roofs stay darker than walls");
        assertTrue(lightness(mutedRoof) < 200, "and the town is not washed out to white");
        int water = CityLayer.muted(SurfaceClass.WATER.defaultArgb(), SurfaceClass.WATER);
        assertTrue((water & 0xFF) - (water >> 16 & 0xFF) > 40, "the Rhine stays blue: " + Integer.toHexString(water));
        assertFalse(saturation(water) < saturation(mutedRoof));
    }
}
