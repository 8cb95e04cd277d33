package de.dormagentwin.app;

import de.dormagentwin.testing.Display3D;
import de.dormagentwin.testing.Rendering;
import de.dormagentwin.testing.Slow;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The latency benchmark's harness, with a real Mosquitto, under Xvfb; what it measures is the bench's, not asserted here. */
@Rendering
@Slow
class LatencyBenchmarkTest {
    private static final int PUBLISHES = 3;

    @Test
    void everyPublishOfEachCaseReachesTheSceneGraphInItsBandsColour() throws Exception {
        Display3D.require();
        Optional<Path> mosquitto = LoopbackUpstream.mosquitto();
        String missing = "mosquitto is not installed (apt-get install mosquitto): the latency benchmark needs a real broker";
        if (mosquitto.isEmpty() && "true".equals(System.getenv("CI"))) {
            Assertions.fail("CI=true but " + missing);
        }
        Assumptions.assumeTrue(mosquitto.isPresent(), missing);

        List<LatencyBenchmark.Outcome> outcomes = LatencyBenchmark.measure(mosquitto.get(), PUBLISHES);

        assertEquals(List.of(LatencyBenchmark.Case.values()), outcomes.stream().map(LatencyBenchmark.Outcome::kind).toList());
        for (LatencyBenchmark.Outcome outcome : outcomes) {
            // A publish counts only once the object shows its value's colour.
            assertEquals(PUBLISHES, outcome.reached(), outcome.kind() + ": " + outcome.publishes());
        }
    }

    @Test
    void withoutMosquittoTheBenchSaysSoInOneLineAndFails() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = LatencyBenchmark.run(Optional.empty(), PUBLISHES);
        } finally {
            System.setErr(original);
        }
        assertEquals(1, code);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("mosquitto is not installed"), lines.get(0));
    }

    @Test
    void fewerThanOnePublishIsAUsageError() {
        TwinRun run = TwinRun.twin("bench", "latency", "--publishes", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--publishes must be at least 1"), run.err());
    }

    @Test
    void eachPublishMovesTheObjectIntoAnotherBand() {
        int before = LatencyBenchmark.RULE.colorOf(LatencyBenchmark.BACKFILLED);
        for (int i = 0; i < 20; i++) {
            int colour = LatencyBenchmark.RULE.colorOf(LatencyBenchmark.value(i));
            assertNotEquals(before, colour, "publish " + i);
            before = colour;
        }
    }
}
