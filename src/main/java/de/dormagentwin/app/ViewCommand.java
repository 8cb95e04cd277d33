package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code twin view}: the planner's viewer window, on the bundled sample unless files are named. */
@Command(name = "view", description = "Open the 3D viewer (the bundled Dormagen sample by default).")
final class ViewCommand implements Callable<Integer> {
    @Option(names = "--model", arity = "1..*", paramLabel = "FILE", description = "City model files to show.")
    List<Path> models;

    @Option(names = "--lod", description = "Level of detail to draw (default: each object's highest).")
    LodChoice lod = LodChoice.HIGHEST;

    @Option(names = "--camera", defaultValue = "home", description = "Start view: home, panorama, top, chempark, a district name or an object id (default ${DEFAULT-VALUE}).")
    String camera;

    @Mixin
    CacheOptions cache = new CacheOptions();

    @Option(names = "--bindings", paramLabel = "FILE", description = "Which city object each datastream belongs to (default: the sample's, with the sample).")
    Path bindings;

    @Option(names = "--no-simulator", description = "Do not run the sample's simulated sensor network; show what the cache holds.")
    boolean noSimulator;

    @Override
    public Integer call() {
        ViewerApp.cache = cache;
        ViewerApp.bindingsFile = bindings != null ? bindings : models == null || models.isEmpty() ? ModelFiles.sampleBindings() : null;
        ViewerApp.simulate = !noSimulator;
        ViewerApp.camera = camera;
        ViewerApp.files = models == null || models.isEmpty() ? List.of(ModelFiles.sample()) : models;
        ViewerApp.lod = lod;
        Application.launch(ViewerApp.class);
        return 0;
    }
}
