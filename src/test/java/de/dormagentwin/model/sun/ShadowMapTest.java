package de.dormagentwin.model.sun;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.TerrainGrid;
import org.junit.jupiter.api.Test;

import static de.dormagentwin.model.sun.Blocks.EAST;
import static de.dormagentwin.model.sun.Blocks.NORTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One sun direction over a 30 m cube standing on the ground at 40 m: with the sun in the south at 45 degrees its
 * shadow reaches 30 m north of its north wall, with the sun in the west at 30 degrees 30 / tan 30 = 52 m east.
 */
class ShadowMapTest {
    private static final double GROUND = 40;
    private static final double[] AREA = {EAST - 200, NORTH - 200, EAST + 230, NORTH + 230};
    private final Occluders cube = Occluders.of(Blocks.boxes(new double[]{EAST, NORTH, GROUND, 30, 30, 30}), null, null);

    private static boolean litOnGround(ShadowMap map, double east, double north) {
        return map.lit(east, north, GROUND + 0.05);
    }

    @Test
    void theSouthernSunShadesTheGroundNorthOfTheCubeAsFarAsItIsHigh() {
        ShadowMap map = ShadowMap.of(cube, SunPosition.fromDegrees(180, 45), AREA, 1);
        assertFalse(litOnGround(map, EAST + 15, NORTH + 31), "right behind the north wall");
        assertFalse(litOnGround(map, EAST + 15, NORTH + 58), "2 m short of the shadow's end");
        assertTrue(litOnGround(map, EAST + 15, NORTH + 62), "2 m past the shadow's end");
        assertTrue(litOnGround(map, EAST + 15, NORTH - 1), "in front of the sunlit south wall");
        assertTrue(litOnGround(map, EAST + 32, NORTH + 40), "beside the shadow");
        assertTrue(litOnGround(map, EAST - 2, NORTH + 40), "on the shadow's other side");
    }

    @Test
    void theGroundUnderTheCubeIsInItsShadow() {
        ShadowMap map = ShadowMap.of(cube, SunPosition.fromDegrees(180, 45), AREA, 1);
        assertFalse(litOnGround(map, EAST + 15, NORTH + 15));
    }

    @Test
    void theWesternSunShadesTheGroundToTheEast() {
        ShadowMap map = ShadowMap.of(cube, SunPosition.fromDegrees(270, 30), AREA, 1);
        assertFalse(litOnGround(map, EAST + 30 + 48, NORTH + 15));
        assertTrue(litOnGround(map, EAST + 30 + 56, NORTH + 15));
        assertTrue(litOnGround(map, EAST - 10, NORTH + 15));
        assertTrue(litOnGround(map, EAST + 15, NORTH + 45));
    }

    @Test
    void aLowSunCastsALongShadowFromOccludersOutsideTheArea() {
        // The area lies 200 to 230 m east of the cube; at 8 degrees its shadow reaches 30 / tan 8 = 213 m.
        double[] east = {EAST + 230, NORTH, EAST + 260, NORTH + 30};
        ShadowMap map = ShadowMap.of(cube, SunPosition.fromDegrees(270, 8), east, 1);
        assertFalse(litOnGround(map, EAST + 235, NORTH + 15));
        assertTrue(litOnGround(map, EAST + 250, NORTH + 15));
    }

    @Test
    void aVariantShadesOnlyWithTheVariant() {
        Occluders withTower = cube.with(Blocks.tower(EAST - 100, NORTH - 100, 20, 20, 60));
        ShadowMap map = ShadowMap.of(withTower, SunPosition.fromDegrees(180, 45), AREA, 1);
        assertFalse(litOnGround(map, EAST - 90, NORTH - 70));
        assertTrue(map.litWithoutVariant(EAST - 90, NORTH - 70, GROUND + 0.05));
        assertFalse(map.litWithoutVariant(EAST + 15, NORTH + 40, GROUND + 0.05), "the city's shadow is there either way");
    }

    @Test
    void nothingIsLitWithTheSunBelowTheHorizon() {
        ShadowMap map = ShadowMap.of(cube, SunPosition.fromDegrees(180, -5), AREA, 1);
        assertFalse(map.daylight());
        assertFalse(litOnGround(map, EAST - 100, NORTH - 100));
    }

    @Test
    void aSurfaceIsLitWhereItFacesTheSunAndNothingHidesIt() {
        ShadowMap map = ShadowMap.of(cube, SunPosition.fromDegrees(180, 45), AREA, 1);
        assertTrue(map.lit(EAST + 15, NORTH + 15, GROUND + 30, 0, 0, 1), "the roof");
        assertTrue(map.lit(EAST + 15, NORTH, GROUND + 15, 0, -1, 0), "the south wall");
        assertFalse(map.lit(EAST + 15, NORTH + 30, GROUND + 15, 0, 1, 0), "the north wall faces away");
    }

    @Test
    void aSecondCubeInTheShadowIsShadedUpToWhereTheSunClearsTheFirst() {
        // A 30 m cube 10 m north of the first: the sun at 45 degrees clears the first at 30 - 10 = 20 m up its south wall.
        Occluders two = Occluders.of(Blocks.boxes(new double[]{EAST, NORTH, GROUND, 30, 30, 30},
                new double[]{EAST, NORTH + 40, GROUND, 30, 30, 30}), null, null);
        ShadowMap map = ShadowMap.of(two, SunPosition.fromDegrees(180, 45), AREA, 1);
        assertFalse(map.lit(EAST + 15, NORTH + 40, GROUND + 17, 0, -1, 0));
        assertTrue(map.lit(EAST + 15, NORTH + 40, GROUND + 23, 0, -1, 0));
    }

    @Test
    void aRidgeShadesTheGroundNorthOfItButNotItself() {
        // 30 m high from 200 to 180 m south of the point; at 10 degrees it shades 30 / tan 10 = 170 m beyond its crest.
        TerrainGrid ridge = Blocks.ridge(GROUND, NORTH - 200, NORTH - 180, 30);
        Occluders terrain = Occluders.of(Blocks.boxes(), ridge, null);
        ShadowMap map = ShadowMap.of(terrain, SunPosition.fromDegrees(180, 10), new double[]{EAST - 50, NORTH - 400, EAST + 50, NORTH + 100}, 2);
        assertFalse(map.lit(EAST, NORTH - 100, ridge.heightAt(EAST, NORTH - 100) + 0.05));
        assertFalse(map.lit(EAST, NORTH - 30, ridge.heightAt(EAST, NORTH - 30) + 0.05));
        assertTrue(map.lit(EAST, NORTH + 20, ridge.heightAt(EAST, NORTH + 20) + 0.05));
        assertTrue(map.lit(EAST, NORTH - 190, ridge.heightAt(EAST, NORTH - 190) + 0.05), "the crest");
        assertTrue(map.lit(EAST, NORTH - 205, ridge.heightAt(EAST, NORTH - 205) + 0.05), "the sunlit slope");
        assertTrue(map.lit(EAST, NORTH - 300, ridge.heightAt(EAST, NORTH - 300) + 0.05), "south of the ridge");
    }

    @Test
    void flatTerrainDoesNotShadeItselfUnderALowSun() {
        Occluders flat = Occluders.of(Blocks.boxes(), Blocks.ridge(GROUND, NORTH + 5000, NORTH + 5000, 0), null);
        for (double azimuth : new double[]{80, 135, 200, 280}) {
            ShadowMap map = ShadowMap.of(flat, SunPosition.fromDegrees(azimuth, 2), new double[]{EAST - 100, NORTH - 100, EAST + 100, NORTH + 100}, 2);
            for (double east = EAST - 99; east < EAST + 100; east += 3.7) {
                for (double north = NORTH - 99; north < NORTH + 100; north += 3.7) {
                    assertTrue(map.lit(east, north, GROUND + 0.05), "at azimuth " + azimuth + ", " + east + ", " + north);
                }
            }
        }
    }

    @Test
    void aMapBeyondItsBoundIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShadowMap.of(cube, SunPosition.fromDegrees(180, 45), new double[]{0, 0, 1e6, 1e6}, 1));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShadowMap.of(cube, SunPosition.fromDegrees(180, 45), new double[]{1, 0, 0, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> ShadowMap.of(cube, SunPosition.fromDegrees(180, 45), AREA, Double.NaN));
    }

    @Test
    void occludersLeaveOutWhatLiesFlatOnTheGround() {
        CityModel flat = Blocks.boxes(new double[]{EAST, NORTH, GROUND, 30, 30, 0.3});
        assertEquals(0, Occluders.of(flat, null, null).triangleCount());
        assertEquals(12, cube.triangleCount());
    }

    @Test
    void occludersLeaveOutRoadsThatRiseAndFallWithTheTerrain() {
        // A road draped over a slope spans metres of height, yet lies on the ground.
        CityModel road = Blocks.typed("Road", new double[]{EAST, NORTH, GROUND, 300, 8, 3});
        assertEquals(0, Occluders.of(road, null, null).triangleCount());
        assertEquals(12, Occluders.of(Blocks.typed("OtherConstruction", new double[]{EAST, NORTH, GROUND, 3, 3, 3}), null, null).triangleCount());
    }

    @Test
    void aMapFilledInBandsOnThePoolAnswersAsOneFilledByOneThread() {
        // 1.2 km at 1 m is well over the texels from which a map is filled in bands of rows, in parallel.
        double[] large = {EAST - 600, NORTH - 600, EAST + 600, NORTH + 600};
        Occluders town = Occluders.of(Blocks.boxes(new double[]{EAST, NORTH, GROUND, 30, 30, 30},
                new double[]{EAST - 300, NORTH + 200, GROUND, 12, 40, 18}, new double[]{EAST + 250, NORTH - 400, GROUND, 60, 8, 45}), null, null);
        SunPosition sun = SunPosition.fromDegrees(150, 25);
        ShadowMap banded = ShadowMap.of(town, sun, large, 1);
        ShadowMap single = ShadowMap.of(town, sun, large, 1, GROUND, GROUND + 45);
        int shaded = 0;
        for (double east = large[0]; east < large[2]; east += 1.7) {
            for (double north = large[1]; north < large[3]; north += 1.7) {
                boolean lit = single.lit(east, north, GROUND + 0.05);
                assertEquals(lit, banded.lit(east, north, GROUND + 0.05), east + ", " + north);
                shaded += lit ? 0 : 1;
            }
        }
        assertTrue(shaded > 1000, "the shadows are there to compare: " + shaded);
    }

    @Test
    void aVariantStandsOnTheTerrainUnderIt() {
        // A 10 m tower on the ridge's crest, 30 m above the flat ground: standing at the flat ground's height, it would
        // be buried in the ridge and shade nothing on the crest.
        TerrainGrid ridge = Blocks.ridge(GROUND, NORTH - 100, NORTH + 100, 30);
        Occluders onRidge = Occluders.of(Blocks.boxes(), ridge, Blocks.tower(EAST, NORTH, 10, 10, 10));
        ShadowMap map = ShadowMap.of(onRidge, SunPosition.fromDegrees(180, 45), new double[]{EAST - 50, NORTH - 50, EAST + 50, NORTH + 50}, 1);
        assertFalse(map.lit(EAST + 5, NORTH + 15, GROUND + 30.05), "5 m north of the tower, on the crest");
        assertTrue(map.litWithoutVariant(EAST + 5, NORTH + 15, GROUND + 30.05));
        assertTrue(map.lit(EAST + 5, NORTH + 25, GROUND + 30.05), "past its 10 m shadow");
    }
}
