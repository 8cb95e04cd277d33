package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.io.CityJsonReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the bundled sample lives, and loading of the files a user names. */
final class ModelFiles {
    static final String SAMPLE_FILE = "assets/dormagen.city.jsonl";
    /** Beside the sample: which city object each of the simulator's datastreams belongs to. */
    static final String SAMPLE_BINDINGS_NAME = "dormagen.bindings.json";

    private ModelFiles() {
    }

    /** The project's folder: set by bin/twin, else the working directory. */
    static Path home() {
        String home = System.getProperty("twin.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    static Path sample() {
        return home().resolve(SAMPLE_FILE);
    }

    static Path sampleBindings() {
        return sample().resolveSibling(SAMPLE_BINDINGS_NAME);
    }

    /** The result of loading several files: the models that loaded and a message for each that did not. */
    record Loaded(List<CityModel> models, List<String> failures) {
        int skippedObjects() {
            return models.stream().mapToInt(CityModel::skippedObjects).sum() + failures.size();
        }
    }

    static Loaded load(List<Path> files) {
        List<CityModel> models = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                models.add(CityJsonReader.read(file));
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        return new Loaded(models, failures);
    }
}
