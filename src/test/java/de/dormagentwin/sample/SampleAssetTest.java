package de.dormagentwin.sample;

import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed sample and its terrain are exactly what the generator writes: a change to it must come with new ones. */
@Slow
class SampleAssetTest {

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void assertCommittedAsGenerated(String asset, Writer generator) throws IOException {
        Path committed = Path.of(asset);
        assertTrue(Files.isRegularFile(committed), asset + " is committed at " + committed.toAbsolutePath());
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        generator.write(generated);
        assertTrue(Arrays.equals(Files.readAllBytes(committed), generated.toByteArray()),
                asset + " differs from the generator's output: run bin/twin generate-sample and commit the result");
    }

    @Test
    void committedSampleMatchesTheGenerator() throws IOException {
        assertCommittedAsGenerated("assets/dormagen.city.jsonl", DormagenSample::write);
    }

    @Test
    void committedTerrainMatchesTheGenerator() throws IOException {
        assertCommittedAsGenerated("assets/dormagen.terrain.asc", DormagenSample::writeTerrain);
    }
}
