package de.dormagentwin.app;

import de.dormagentwin.model.TerrainGrid;
import de.dormagentwin.model.io.TerrainReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which terrain lies under which city model, and its loading. By default a model file brings its own: the file
 * beside it named like it with {@code .terrain.asc} for everything after the first dot, as
 * {@code dormagen.terrain.asc} is beside {@code dormagen.city.jsonl}. Named files (DGM1 tiles, an ESRI grid)
 * take the place of that, and none can be asked for.
 *
 * @param files        terrain files to draw, whatever the models
 * @param besideModels whether to draw the terrain file beside each model file, where there is one
 */
record TerrainFiles(List<Path> files, boolean besideModels) {
    static final String SUFFIX = ".terrain.asc";
    static final TerrainFiles BESIDE_MODELS = new TerrainFiles(List.of(), true);
    static final TerrainFiles NONE = new TerrainFiles(List.of(), false);

    TerrainFiles {
        files = List.copyOf(files);
    }

    /** From the command line: {@code --no-terrain}, or the {@code --terrain} files, or else those beside the models. */
    static TerrainFiles of(List<Path> named, boolean none) {
        if (none) {
            return NONE;
        }
        return named == null || named.isEmpty() ? BESIDE_MODELS : new TerrainFiles(named, false);
    }

    /** The terrain file that belongs beside a model file, whether or not it exists. */
    static Path besideModel(Path model) {
        String name = model.getFileName().toString();
        int dot = name.indexOf('.', 1);
        return model.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + SUFFIX);
    }

    /** The terrain files to load for these model files. */
    List<Path> resolve(List<Path> models) {
        List<Path> resolved = new ArrayList<>(files);
        if (besideModels) {
            for (Path model : models) {
                Path terrain = besideModel(model);
                if (Files.isRegularFile(terrain) && !resolved.contains(terrain)) {
                    resolved.add(terrain);
                }
            }
        }
        return resolved;
    }

    /** The grids that loaded and, for each file that did not, why. */
    record Loaded(List<TerrainGrid> grids, List<String> failures) {
    }

    static Loaded load(List<Path> files) {
        List<TerrainGrid> grids = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                grids.add(TerrainReader.read(file));
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        return new Loaded(List.copyOf(grids), List.copyOf(failures));
    }
}
