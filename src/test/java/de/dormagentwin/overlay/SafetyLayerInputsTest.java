package de.dormagentwin.overlay;

import de.dormagentwin.live.ingest.IngestService;
import de.dormagentwin.live.ingest.Simulator;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.model.Chempark;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.io.CityJsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The safety view and the simulator name the same quantities: what the simulator writes is enough for a plume. */
class SafetyLayerInputsTest {
    @TempDir
    Path cache;

    /**
     * An hour of the sample's simulated data, through a real cache, holds every value the plume is drawn from, the
     * emission at a stack of the park: a quantity renamed on one side only would leave the safety view empty.
     */
    @Test
    void theSimulatorsDataOnTheSampleHoldsEverythingThePlumeIsDrawnFrom() throws Exception {
        CityModel model = CityJsonReader.read(Path.of("assets/dormagen.city.jsonl"));
        Clock clock = Clock.fixed(Instant.parse("2025-03-26T12:00:00Z"), ZoneOffset.UTC);
        try (LiveStore store = LiveStore.open(cache, null)) {
            Simulator simulator = new Simulator(model, Simulator.DEFAULT_SEED, clock, Duration.ofHours(1));
            assertTrue(new IngestService(store, List.of(simulator), Duration.ofSeconds(1), Duration.ofMillis(10), clock).runOnce());

            SafetyLayer.Inputs inputs = SafetyLayer.inputs(ThematicOverlay.byObject(store.changedSince(-1).values()));

            assertNotNull(inputs.strongest(), "no stack emission among the simulator's values");
            assertNotNull(inputs.speed(), "no wind speed among the simulator's values");
            assertNotNull(inputs.direction(), "no wind direction among the simulator's values");
            CityObject stack = model.objects().stream().filter(object -> object.id().equals(inputs.strongest().objectId()))
                    .findFirst().orElseThrow();
            assertTrue(Chempark.contains(stack) && "stack".equals(stack.textAttribute("function")), stack.id());
        }
    }
}
