package de.dormagentwin.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes part of the loaded city models to a file other tools open: glTF binary for a name ending in .glb, CityJSON
 * for one ending in .json. The app supplies it, as the models and their writers are its business
 * (docs/decisions/0021-model-exports.md). Runs off the FX thread.
 */
public interface ModelExporter {
    /**
     * Writes the objects of {@code ids} with their parts, or (with {@code ids} null) those in {@code area}, a box
     * {minE, minN, maxE, maxN} in the models' CRS, to {@code file}, whole or not at all.
     *
     * @return how many objects were written
     * @throws Exception with a message for the user: nothing selected, or the file could not be written
     */
    int export(List<String> ids, double[] area, Path file) throws Exception;
}
