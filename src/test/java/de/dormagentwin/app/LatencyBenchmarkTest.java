package de.dormagentwin.app;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The latency benchmark's harness, with a real Mosquitto, under Xvfb; what it measures is the bench's, not asserted here. */
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
    void eachPublishMovesTheObjectIntoAnotherBand() {
        int before = LatencyBenchmark.RULE.colorOf(LatencyBenchmark.BACKFILLED);
        for (int i = 0; i < 20; i++) {
            int colour = LatencyBenchmark.RULE.colorOf(LatencyBenchmark.value(i));
            assertNotEquals(before, colour, "publish " + i);
            before = colour;
        }
    }
}
