package de.dormagentwin.sample;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed sample is exactly what the generator writes: a change to the generator must come with a new sample. */
class SampleAssetTest {

    @Test
    void committedSampleMatchesTheGenerator() throws Exception {
        Path committed = Path.of("assets/dormagen.city.jsonl");
        assertTrue(Files.isRegularFile(committed), "the sample is committed at " + committed.toAbsolutePath());
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        DormagenSample.write(generated);
        assertTrue(Arrays.equals(Files.readAllBytes(committed), generated.toByteArray()),
                "assets/dormagen.city.jsonl differs from the generator's output: run bin/twin generate-sample and commit the result");
    }
}
