package de.dormagentwin.overlay;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A river gauge's binding may give its marks for low and high water; marks no gauge could have are refused. */
class WaterMarksTest {
    @TempDir
    Path folder;

    private Path file(String json) throws IOException {
        Path file = folder.resolve("gauges.bindings.json");
        Files.writeString(file, json);
        return file;
    }

    private static Datastream level(String source, String id) {
        return new Datastream(source, id, "gauge", "Gauge: water level", "water level", "river gauge", "centimetre", "cm", Classification.PUBLIC);
    }

    @Test
    void aGaugesBindingGivesItsMarksAndABindingWithoutThemGivesNone() throws Exception {
        Bindings bindings = Bindings.load(file("""
                {"bindings": [
                  {"source": "pegelonline", "datastream": "koeln/W", "position": [6.9633, 50.9369], "lowWater": 114, "highWater": 725},
                  {"datastream": "any/W", "object": "house-a", "lowWater": -20.5, "highWater": 669},
                  {"datastream": "plain/W", "position": [6.8, 51.1]}
                ]}"""));
        assertEquals(new WaterMarks(114, 725), bindings.waterMarks(level("pegelonline", "koeln/W")));
        assertNull(bindings.waterMarks(level("other", "koeln/W")), "a binding of one source is not another's");
        assertEquals(new WaterMarks(-20.5, 669), bindings.waterMarks(level("csv", "any/W")), "a binding without a source binds any");
        assertNull(bindings.waterMarks(level("pegelonline", "plain/W")), "no marks given, none made up");
        assertNull(bindings.waterMarks(level("pegelonline", "unbound/W")));
    }

    @Test
    void levelsAtOrBeyondAMarkAreLowOrHighWaterAndThoseBetweenMeanWater() {
        WaterMarks koeln = new WaterMarks(114, 725);
        assertEquals(WaterMarks.Stage.LOW, koeln.stageOf(53));
        assertEquals(WaterMarks.Stage.LOW, koeln.stageOf(114));
        assertEquals(WaterMarks.Stage.MEAN, koeln.stageOf(115));
        assertEquals(WaterMarks.Stage.MEAN, koeln.stageOf(724.9));
        assertEquals(WaterMarks.Stage.HIGH, koeln.stageOf(725));
        assertEquals(WaterMarks.Stage.HIGH, koeln.stageOf(1069));
    }

    @Test
    void marksNoGaugeCouldHaveAreRefusedNamingTheBindingAndNothingIsLoaded() {
        IOException error = assertThrows(IOException.class, () -> Bindings.load(file("""
                {"bindings": [
                  {"datastream": "fine/W", "object": "house-a", "lowWater": 114, "highWater": 725},
                  {"datastream": "swapped/W", "object": "house-a", "lowWater": 725, "highWater": 114},
                  {"datastream": "equal/W", "object": "house-a", "lowWater": 300, "highWater": 300},
                  {"datastream": "text/W", "object": "house-a", "lowWater": "NaN", "highWater": 725},
                  {"datastream": "half/W", "object": "house-a", "highWater": 725},
                  {"datastream": "below-zero/W", "object": "house-a", "lowWater": -700, "highWater": -100},
                  {"datastream": "huge/W", "object": "house-a", "lowWater": 114, "highWater": 1e999}
                ]}""")));
        String message = error.getMessage();
        assertTrue(message.contains("gauges.bindings.json: binding 2: datastream swapped/W: low water (725.0) must lie below high water (114.0)"), message);
        assertTrue(message.contains("binding 3: datastream equal/W: low water"), message);
        assertTrue(message.contains("binding 4: datastream text/W: give both 'lowWater' and 'highWater' as numbers"), message);
        assertTrue(message.contains("binding 5: datastream half/W: give both"), message);
        assertTrue(message.contains("binding 6: datastream below-zero/W: high water (-100.0) must lie above the gauge's zero"), message);
        assertTrue(message.contains("binding 7: datastream huge/W: low and high water must be finite numbers"), message);
        assertEquals(6, message.lines().count(), message);
        assertThrows(IllegalArgumentException.class, () -> new WaterMarks(Double.NaN, 725));
    }
}
