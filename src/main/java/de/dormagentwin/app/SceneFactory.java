package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.TerrainMesh;
import de.dormagentwin.ui.CityViewport;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds what the viewer and the snapshot command show, the same way for both. */
final class SceneFactory {
    private SceneFactory() {
    }

    /**
     * Loading and meshing: runs off the FX thread.
     *
     * @param meshes          the city's meshes, on their terrain where there is one ({@link CityMeshes#terrain()})
     * @param terrainFailures why each terrain file that did not load did not
     */
    record Prepared(ModelFiles.Loaded loaded, CityMeshes meshes, List<String> terrainFailures) {
        Prepared(ModelFiles.Loaded loaded, CityMeshes meshes) {
            this(loaded, meshes, List.of());
        }
    }

    /** The models with the terrain file beside each, where there is one. */
    static Prepared prepare(List<Path> files, LodChoice lod) {
        return prepare(files, TerrainFiles.BESIDE_MODELS, lod);
    }

    static Prepared prepare(List<Path> files, TerrainFiles terrainFiles, LodChoice lod) {
        return TileLoader.load(files, terrainFiles, lod, chunk -> { });
    }

    /** The viewport with its notes: must run on the FX thread. */
    static CityViewport viewport(Prepared prepared) {
        CityViewport viewport = new CityViewport(new CityScene(prepared.meshes()));
        addNotes(viewport, prepared);
        return viewport;
    }

    /** The notes on the view: a synthetic model says so, and what did not load says why. */
    static void addNotes(CityViewport viewport, Prepared prepared) {
        for (CityModel model : prepared.loaded().models()) {
            if (Boolean.TRUE.equals(model.metadata().get("synthetic"))) {
                viewport.addNote(model.metadata().getOrDefault("title", model.name()) + ": synthetic buildings on real geography", false);
            }
        }
        Stream.concat(prepared.loaded().models().stream().flatMap(model -> model.notes().stream()), prepared.meshes().notes().stream())
                .findFirst().ifPresent(note -> viewport.addNote(note, false));
        List<String> failures = prepared.loaded().failures();
        if (!failures.isEmpty()) {
            viewport.addNote(count(failures.size(), "file") + " not loaded (" + failures.get(0) + ")", true);
        }
        int skipped = prepared.loaded().models().stream().mapToInt(CityModel::skippedObjects).sum();
        if (skipped > 0) {
            Object firstProblem = prepared.loaded().models().stream().flatMap(model -> model.problems().stream()).findFirst().orElse("");
            viewport.addNote(count(skipped, "object") + " skipped (" + firstProblem + ")", true);
        }
        if (!prepared.terrainFailures().isEmpty()) {
            viewport.addNote("Terrain not shown from " + count(prepared.terrainFailures().size(), "file") + " ("
                    + prepared.terrainFailures().get(0) + ")", true);
        }
    }

    static String statusText(Prepared prepared) {
        List<CityModel> models = prepared.loaded().models();
        // A folder of tiles would fill the bar with names: the first two say which kind of files they are.
        String names = models.size() <= 3 ? models.stream().map(CityModel::name).collect(Collectors.joining(", "))
                : models.get(0).name() + ", " + models.get(1).name() + " and " + (models.size() - 2) + " more files";
        String text = String.format(Locale.ROOT, "%s  ·  %s  ·  %s  ·  %s", names, count(prepared.meshes().objects().size(), "object"),
                count(prepared.meshes().triangles(), "triangle"), count(prepared.meshes().parts().size(), "mesh"));
        if (prepared.loaded().transformed() != null) {
            text += "  ·  " + prepared.loaded().transformed();
        }
        TerrainMesh terrain = prepared.meshes().terrain();
        return terrain == null ? text : text + String.format(Locale.ROOT, "  ·  terrain %s at %s m", count(terrain.tiles().size(), "tile"),
                BigDecimal.valueOf(Math.round(terrain.step() * 10) / 10.0).stripTrailingZeros().toPlainString());
    }

    private static String count(long count, String noun) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? noun : noun.endsWith("sh") ? noun + "es" : noun + "s");
    }

    /** 3D needs an OpenGL pipeline; without one the scene would stay empty, so say so plainly. */
    static void requireScene3D() {
        if (!Platform.isSupported(ConditionalFeature.SCENE3D)) {
            throw new IllegalStateException("this display has no 3D support (JavaFX SCENE3D is off); on a machine without a GPU run under "
                    + "Xvfb with Mesa (see README) and -Dprism.order=es2 -Dprism.forceGPU=true");
        }
    }
}
