package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.TerrainMesh;
import de.dormagentwin.ui.CityViewport;
import de.dormagentwin.ui.PlannerLanguage;
import de.dormagentwin.ui.Texts;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** The notes on the view, in the planner's language: a synthetic model says so, and what did not load says why. */
    static void addNotes(CityViewport viewport, Prepared prepared) {
        Texts texts = PlannerLanguage.texts();
        for (CityModel model : prepared.loaded().models()) {
            if (Boolean.TRUE.equals(model.metadata().get("synthetic"))) {
                viewport.addNote(texts.get("load.synthetic", model.metadata().getOrDefault("title", model.name())), false);
            }
        }
        Stream.concat(prepared.loaded().models().stream().flatMap(model -> model.notes().stream()), prepared.meshes().notes().stream())
                .findFirst().ifPresent(note -> viewport.addNote(note, false));
        List<String> failures = prepared.loaded().failures();
        if (!failures.isEmpty()) {
            viewport.addNote(texts.get("load.notLoaded", texts.get("load.files", failures.size()), failures.get(0)), true);
        }
        int skipped = prepared.loaded().models().stream().mapToInt(CityModel::skippedObjects).sum();
        if (skipped > 0) {
            Object firstProblem = prepared.loaded().models().stream().flatMap(model -> model.problems().stream()).findFirst().orElse("");
            viewport.addNote(texts.get("load.skipped", texts.get("load.objects", skipped), String.valueOf(firstProblem)), true);
        }
        if (!prepared.terrainFailures().isEmpty()) {
            viewport.addNote(texts.get("load.terrainFailed", texts.get("load.files", prepared.terrainFailures().size()),
                    prepared.terrainFailures().get(0)), true);
        }
    }

    /** What was loaded, in English: "a.city.json  ·  1,234 objects  ·  ...". */
    static String statusText(Prepared prepared) {
        return statusText(prepared, new Texts(Texts.ENGLISH));
    }

    /** What was loaded, for the status bar, in the language of {@code texts}. */
    static String statusText(Prepared prepared, Texts texts) {
        List<CityModel> models = prepared.loaded().models();
        // A folder of tiles would fill the bar with names: the first two say which kind of files they are.
        String names = models.size() <= 3 ? models.stream().map(CityModel::name).collect(Collectors.joining(", "))
                : texts.get("load.moreFiles", models.get(0).name(), models.get(1).name(), models.size() - 2);
        List<String> parts = new ArrayList<>(List.of(names, texts.get("load.objects", prepared.meshes().objects().size()),
                texts.get("load.triangles", prepared.meshes().triangles()), texts.get("load.meshes", prepared.meshes().parts().size())));
        if (prepared.loaded().transformed() != null) {
            parts.add(prepared.loaded().transformed());
        }
        TerrainMesh terrain = prepared.meshes().terrain();
        if (terrain != null) {
            parts.add(texts.get("load.terrain", terrain.tiles().size(),
                    BigDecimal.valueOf(Math.round(terrain.step() * 10) / 10.0).stripTrailingZeros().toPlainString()));
        }
        return String.join("  ·  ", parts);
    }

    /** 3D needs an OpenGL pipeline; without one the scene would stay empty, so say so plainly. */
    static void requireScene3D() {
        if (!Platform.isSupported(ConditionalFeature.SCENE3D)) {
            throw new IllegalStateException("this display has no 3D support (JavaFX SCENE3D is off); on a machine without a GPU run under "
                    + "Xvfb with Mesa (see README) and -Dprism.order=es2 -Dprism.forceGPU=true");
        }
    }
}
