package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.MeshBuilder;
import de.dormagentwin.ui.CityViewport;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Builds what the viewer and the snapshot command show, the same way for both. */
final class SceneFactory {
    private SceneFactory() {
    }

    /** Loading and meshing: runs off the FX thread. */
    record Prepared(ModelFiles.Loaded loaded, CityMeshes meshes) {
    }

    static Prepared prepare(List<Path> files, LodChoice lod) {
        ModelFiles.Loaded loaded = ModelFiles.load(files);
        return new Prepared(loaded, MeshBuilder.build(loaded.models(), lod));
    }

    /** The viewport with its notes: must run on the FX thread. */
    static CityViewport viewport(Prepared prepared) {
        CityViewport viewport = new CityViewport(new CityScene(prepared.meshes()));
        for (CityModel model : prepared.loaded().models()) {
            if (Boolean.TRUE.equals(model.metadata().get("synthetic"))) {
                viewport.addNote(model.metadata().getOrDefault("title", model.name()) + ": synthetic buildings on real geography", false);
            }
        }
        int skipped = prepared.loaded().skippedObjects();
        if (skipped > 0) {
            Object firstProblem = prepared.loaded().failures().isEmpty()
                    ? prepared.loaded().models().stream().flatMap(model -> model.problems().stream()).findFirst().orElse("")
                    : prepared.loaded().failures().get(0);
            viewport.addNote(count(skipped, "object") + " skipped (" + firstProblem + ")", true);
        }
        return viewport;
    }

    static String statusText(Prepared prepared) {
        String names = prepared.loaded().models().stream().map(CityModel::name).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s  ·  %s  ·  %s  ·  %s", names, count(prepared.meshes().objects().size(), "object"),
                count(prepared.meshes().triangles(), "triangle"), count(prepared.meshes().parts().size(), "mesh"));
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
