package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.ui.CityViewport;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code twin snapshot}: renders the 3D view to a PNG with no one at the controls. */
@Command(name = "snapshot", description = "Render the view to a PNG without user interaction.")
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.png")
    Path out;

    @Option(names = "--model", arity = "1..*", paramLabel = "FILE", description = "City model files (default: the bundled sample).")
    List<Path> models;

    @Option(names = "--size", defaultValue = "1600x900", description = "Image size, WIDTHxHEIGHT (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--camera", defaultValue = "home", description = "home, panorama, top, chempark, a district name or an object id (default ${DEFAULT-VALUE}).")
    String camera;

    @Option(names = "--lod", description = "Level of detail to draw (default: each object's highest).")
    LodChoice lod = LodChoice.HIGHEST;

    @Override
    public Integer call() throws Exception {
        int[] dimensions = parseSize(size);
        List<Path> files = models == null || models.isEmpty() ? List.of(ModelFiles.sample()) : models;
        SceneFactory.Prepared prepared = SceneFactory.prepare(files, lod);
        if (prepared.loaded().models().isEmpty()) {
            prepared.loaded().failures().forEach(failure -> System.err.println("twin: " + failure));
            return 1;
        }
        WritableImage image = render(prepared, dimensions[0], dimensions[1], camera);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        System.out.println("wrote " + out);
        Platform.exit();
        return prepared.loaded().skippedObjects() > 0 ? 1 : 0;
    }

    private int[] parseSize(String text) {
        String[] parts = text.toLowerCase().split("x");
        try {
            int width = Integer.parseInt(parts[0]);
            int height = Integer.parseInt(parts[1]);
            if (parts.length == 2 && width >= 16 && height >= 16 && width <= 8192 && height <= 8192) {
                return new int[]{width, height};
            }
        } catch (RuntimeException e) {
            // falls through to the usage error below
        }
        throw new ParameterException(spec.commandLine(), "--size must be WIDTHxHEIGHT between 16 and 8192, such as 1600x900, not '" + text + "'");
    }

    /** Renders on the FX thread and waits for the image; the toolkit starts here if it is not running yet. */
    static WritableImage render(SceneFactory.Prepared prepared, int width, int height, String cameraName) throws Exception {
        FxToolkit.start();
        CompletableFuture<WritableImage> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                SceneFactory.requireScene3D();
                CityViewport viewport = SceneFactory.viewport(prepared);
                viewport.cityScene().camera().set(viewport.cityScene().namedView(cameraName));
                Scene scene = new Scene(viewport, width, height);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                result.complete(scene.snapshot(null));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
