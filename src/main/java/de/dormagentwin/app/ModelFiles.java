package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.io.CityModelReader;
import de.dormagentwin.model.io.ModelInput;
import de.dormagentwin.model.io.ModelLoadException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Where the bundled sample lives, and loading of the files a user names. */
final class ModelFiles {
    private static final System.Logger LOG = System.getLogger(ModelFiles.class.getName());
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

    /**
     * Refuses a path that names something other than a regular file or a folder (a FIFO, a device such as /dev/zero),
     * which would block or never end when read. A missing path passes, for the reader to report.
     */
    static void requireFileOrFolder(Path path) throws ModelLoadException {
        if (!Files.isDirectory(path)) {
            ModelInput.requireRegularFile(path);
        }
    }

    /**
     * The result of loading several files: the models that loaded (in the first one's CRS) and a message for each
     * that did not; {@code transformed} says which were transformed from another CRS, null where none was.
     */
    record Loaded(List<CityModel> models, List<String> failures, String transformed) {
        Loaded(List<CityModel> models, List<String> failures) {
            this(models, failures, null);
        }

        int skippedObjects() {
            return models.stream().mapToInt(CityModel::skippedObjects).sum() + failures.size();
        }
    }

    /**
     * Whether a file is a planning variant (GeoJSON) rather than a city model: by its name ending in .geojson, or for
     * a .json file by its first kilobytes naming a GeoJSON type and no CityJSON. CityJSON files end in .json too.
     */
    static boolean isPlanningVariant(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson")) {
            return true;
        }
        if (!name.endsWith(".json")) {
            return false;
        }
        String text = head(file);
        return !text.contains("CityJSON") && text.matches("(?s).*\"type\"\\s*:\\s*\"(FeatureCollection|Feature|Polygon|MultiPolygon)\".*");
    }

    /**
     * The first 4 KB of a file as text; empty when it cannot be read, which the reader will then report. Only a regular
     * file is opened: this runs on the FX thread for a dropped file, and opening a FIFO would block it.
     */
    private static String head(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        byte[] head = new byte[4096];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return "";
        }
        return new String(head, 0, read, StandardCharsets.UTF_8);
    }

    /**
     * The city models in a folder, by name: NRW's tiles (.gml) and CityJSON files. A .xml or .json is taken only when
     * its start shows CityGML or CityJSON, so a download's metadata, index or GeoJSON files beside the tiles stay out.
     */
    static List<Path> modelFilesIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(ModelFiles::isCityModelFile).sorted().toList();
        }
    }

    private static boolean isCityModelFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gml")) {
            return true;
        }
        if (name.endsWith(".xml")) {
            return head(file).contains("opengis.net/citygml");
        }
        return (name.endsWith(".json") || name.endsWith(".jsonl")) && head(file).contains("CityJSON");
    }

    /**
     * The files named and the model files in the folders named, read whole, each brought into the first one's CRS;
     * what would not load is added to {@code failures}. For the commands that work on models rather than meshes.
     */
    static List<CityModel> readAligned(List<Path> paths, List<String> failures) {
        CrsAlignment crs = new CrsAlignment();
        List<CityModel> loaded = new ArrayList<>();
        for (Path file : TileLoader.expand(paths, failures)) {
            try {
                ModelFiles.requireFileOrFolder(file);
                CityModel model = crs.align(CityModelReader.read(file));
                model.problems().forEach(problem -> LOG.log(System.Logger.Level.WARNING, problem));
                loaded.add(model);
            } catch (IOException e) {
                failures.add(e.getMessage() == null ? file + ": " + e : e.getMessage());
            }
        }
        return loaded;
    }
}
