package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code twin view} was asked for, checked by {@link ViewCommand} and handed to {@link ViewerApp} once. The
 * viewer reads its settings from here and from nowhere else, so what one viewer was told never leaks into the next
 * (a test's), and nothing changes them while the window is open.
 *
 * @param files          the city models (files or folders of them) to show first: at least one
 * @param lod            the level of detail to draw
 * @param terrain        the terrain under those models
 * @param camera         the start view: a named view, a district or an object id (checked once the model is loaded)
 * @param cacheFolder    the live cache's folder
 * @param configFile     the configuration file (the sources, the retention, the kiosk's PIN)
 * @param simulate       whether the sample's simulated sensor network runs into the cache where no source is configured
 * @param throughService only through {@code twin serve}: a display that must never take the cache from it
 * @param bindingsFile   which city object each datastream belongs to; null for none
 * @param variantFiles   planning variants to show from the start
 * @param kiosk          the kiosk's settings in kiosk mode (with a PIN); null for the planner
 * @param language       the planner's language for this run; null for the one kept in its settings file, else the system's
 */
record ViewerSettings(List<Path> files, LodChoice lod, TerrainFiles terrain, String camera, Path cacheFolder, Path configFile,
                      boolean simulate, boolean throughService, Path bindingsFile, List<Path> variantFiles, TwinConfig.Kiosk kiosk,
                      Locale language) {
    ViewerSettings {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("the viewer needs a model to show");
        }
        Objects.requireNonNull(lod, "lod");
        Objects.requireNonNull(terrain, "terrain");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(cacheFolder, "cacheFolder");
        Objects.requireNonNull(configFile, "configFile");
        variantFiles = List.copyOf(variantFiles);
        if (kiosk != null && kiosk.pin() == null) {
            // Fail closed: a kiosk that no PIN locks is a desktop on a public screen.
            throw new IllegalArgumentException("kiosk mode needs a PIN to leave it");
        }
    }

    /** The planner on these models, with the command's defaults otherwise: what {@code twin view --model ...} asks for. */
    static ViewerSettings planner(List<Path> files, Path cacheFolder, Path configFile) {
        return new ViewerSettings(files, LodChoice.HIGHEST, TerrainFiles.BESIDE_MODELS, "home", cacheFolder, configFile, true, false,
                null, List.of(), null, null);
    }

    /** These settings with the terrain from another source. */
    ViewerSettings withTerrain(TerrainFiles other) {
        return new ViewerSettings(files, lod, other, camera, cacheFolder, configFile, simulate, throughService, bindingsFile, variantFiles, kiosk, language);
    }

    /** These settings with or without the simulator. */
    ViewerSettings withSimulator(boolean on) {
        return new ViewerSettings(files, lod, terrain, camera, cacheFolder, configFile, on, throughService, bindingsFile, variantFiles, kiosk, language);
    }

    boolean isKiosk() {
        return kiosk != null;
    }
}
