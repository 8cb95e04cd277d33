package de.dormagentwin.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.dormagentwin.sample.CityJsonSequence.CityObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCityTest {

    @TempDir
    Path directory;

    @Test
    void writesTheRequestedNumberOfUniquelyNamedLod22Buildings() throws IOException {
        Path file = directory.resolve("synthetic.city.jsonl");
        SyntheticCity.write(file, 1_000, 7L);
        CityJsonSequence city = new CityJsonSequence(Files.readAllBytes(file));

        assertEquals("2.0", city.header.get("version").asText());
        assertTrue(city.header.get("metadata").get("synthetic").asBoolean());
        assertEquals(1_000, city.features.size());
        Set<String> ids = new HashSet<>();
        Set<String> roofTypes = new HashSet<>();
        for (CityObject building : city.objects) {
            assertEquals("Building", building.type());
            assertEquals("2.2", building.geometries().get(0).get("lod").asText());
            assertTrue(ids.add(building.id()));
            roofTypes.add(building.attribute("roofType"));
        }
        assertEquals(Set.of("gable", "hip", "flat"), roofTypes);
    }

    @Test
    void everyBuildingIsAClosedOutwardFacingSolidOnItsOwnLot() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        SyntheticCity.write(output, 400, 3L);
        CityJsonSequence city = new CityJsonSequence(output.toByteArray());

        OccupancyIndex placed = new OccupancyIndex();
        for (CityObject building : city.objects) {
            JsonNode geometry = building.geometries().get(0);
            List<int[]> rings = new ArrayList<>();
            for (JsonNode surface : CityJsonSequence.surfaces(geometry)) {
                rings.add(CityJsonSequence.indices(surface.get(0)));
            }
            assertTrue(SolidCheck.isClosedAndConsistentlyOriented(rings), building.id());
            assertTrue(SolidCheck.signedVolume(building.vertices(), rings) > 0, building.id());
            double[][] ground = CityJsonSequence.plan(building.vertices(), Shapes.reversed(rings.get(0)));
            assertTrue(placed.isFree(ground, 0.0), building.id() + " overlaps a neighbour");
            placed.add(ground);
        }
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDifferentOnes() throws IOException {
        assertArrayEquals(bytes(500, 11L), bytes(500, 11L));
        assertFalse(Arrays.equals(bytes(500, 11L), bytes(500, 12L)));
    }

    @Test
    void aHundredThousandBuildingsAllStreamOut() throws IOException {
        // How fast is for `bin/twin bench scale`; here only that the whole city streams out.
        CountingOutputStream output = new CountingOutputStream();
        SyntheticCity.write(output, 100_000, 1L);

        assertTrue(output.count > 50_000_000L, "wrote " + output.count + " bytes");
    }

    private static byte[] bytes(int buildingCount, long seed) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        SyntheticCity.write(output, buildingCount, seed);
        return output.toByteArray();
    }

    /** Discards what it is given, keeping only the count, so the benchmark measures generation alone. */
    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int value) {
            count++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            count += length;
        }
    }
}
