package de.dormagentwin.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.ingest.Simulator;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.sample.DormagenSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code twin generate-sample}: writes the synthetic Dormagen sample, the terrain it stands on beside it and the
 * bindings of its simulated sensors; the same bytes on every run.
 */
@Command(name = "generate-sample", description = "Generate the synthetic Dormagen sample model (CityJSONSeq) and its terrain (ESRI ASCII grid).")
final class GenerateSampleCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Output file (default: ${DEFAULT-VALUE}).", defaultValue = ModelFiles.SAMPLE_FILE)
    Path out;

    @Override
    public Integer call() throws IOException {
        Path target = out.isAbsolute() ? out : ModelFiles.home().resolve(out);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        DormagenSample.write(target);
        System.out.printf("wrote %s (%.1f MB)%n", target, Files.size(target) / 1e6);
        Path terrain = TerrainFiles.besideModel(target);
        try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(terrain), 1 << 16)) {
            DormagenSample.writeTerrain(output);
        }
        System.out.printf("wrote %s (%.1f MB)%n", terrain, Files.size(terrain) / 1e6);
        Path bindings = target.resolveSibling(ModelFiles.SAMPLE_BINDINGS_NAME);
        writeBindings(CityJsonReader.read(target), bindings);
        System.out.printf("wrote %s%n", bindings);
        return 0;
    }

    /**
     * The sample's Rhine gauge is simulated, and Dormagen has no gauge of its own: its marks for low and high water
     * are those of gauge KÖLN (Rhine km 688, the nearest upstream, whose range the simulated level follows), as
     * PEGELONLINE gives them: MNW 114 cm and MHW 725 cm over 2010-11-01 to 2020-10-31.
     */
    static final int RHINE_LOW_WATER_CM = 114;
    static final int RHINE_HIGH_WATER_CM = 725;

    /** The simulator's network as a bindings file: what a planner edits to bind real sensors the same way. */
    static void writeBindings(CityModel model, Path file) throws IOException {
        Simulator simulator = new Simulator(model, Simulator.DEFAULT_SEED, Clock.systemUTC(), Duration.ZERO);
        Map<String, Thing> things = new HashMap<>();
        simulator.things().forEach(thing -> things.put(thing.remoteId(), thing));
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode list = mapper.createArrayNode();
        for (Datastream datastream : simulator.datastreams()) {
            Thing thing = things.get(datastream.thingRemoteId());
            ObjectNode binding = mapper.createObjectNode().put("source", datastream.source()).put("datastream", datastream.remoteId());
            if (thing.objectId() != null) {
                binding.put("object", thing.objectId());
            } else if (thing.hasPosition()) {
                binding.putArray("position").add(round(thing.longitudeDegrees())).add(round(thing.latitudeDegrees()));
            } else {
                continue;
            }
            if (datastream.observedProperty().equals("water level")) {
                binding.put("lowWater", RHINE_LOW_WATER_CM).put("highWater", RHINE_HIGH_WATER_CM);
            }
            list.add(binding);
        }
        ObjectNode root = mapper.createObjectNode();
        root.put("comment", "Which city object each datastream of the sample's simulated network belongs to. "
                + "Bind real datastreams the same way, by object id or by \"position\": [longitude, latitude]. "
                + "A river gauge may give its marks for low and high water (\"lowWater\", \"highWater\", in its unit): "
                + "the Rhine gauge's are PEGELONLINE's MNW and MHW of gauge KÖLN, 2010-11-01 to 2020-10-31.");
        root.set("bindings", list);
        Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /** To a micro-degree, about 0.1 m: a bindings file is edited by people. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
