package de.dormagentwin.app;

import de.dormagentwin.live.store.CacheException;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.sun.SunHours;
import de.dormagentwin.model.sun.SunPosition;
import de.dormagentwin.model.text.SafeText;
import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.OverlayRules;
import de.dormagentwin.overlay.SafetyLayer;
import de.dormagentwin.overlay.ThematicOverlay;
import de.dormagentwin.scene.CastShadows;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.scene.TerrainMesh;
import de.dormagentwin.scene.UnknownCameraException;
import de.dormagentwin.ui.CityViewport;
import de.dormagentwin.ui.OverlayView;
import de.dormagentwin.ui.ShadowTools;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import javax.imageio.ImageIO;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code twin snapshot}: renders the 3D view to a PNG with no one at the controls. */
@Command(name = "snapshot", description = "Render the view to a PNG without user interaction.")
final class SnapshotCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(SnapshotCommand.class.getName());

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

    @Option(names = "--terrain", arity = "1..*", paramLabel = "FILE", description = "Terrain under the models: ESRI ASCII grids (.asc) or "
            + "gridded XYZ such as NRW's DGM1 tiles (.xyz, .xyz.gz) (default: the NAME.terrain.asc beside each model file, if any).")
    List<Path> terrain;

    @Option(names = "--no-terrain", description = "Draw the flat ground plane only, not even the terrain beside the models.")
    boolean noTerrain;

    @Mixin
    CacheOptions cache = new CacheOptions();

    @Option(names = "--at", paramLabel = "ISO-TIME", description = "With --cache: colour by the values as of this time, e.g. 2026-11-28T08:00:00Z (default: the latest).")
    Instant at;

    @Option(names = "--safety", description = "With --cache: draw the CHEMPARK safety view (plume and hazard zones).")
    boolean safety;

    @Option(names = "--theme", defaultValue = "PM10", description = "With --cache: the colour rule, e.g. PM10, Noise, Temperature (default ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--sun", paramLabel = "LOCAL-TIME", description = "Light the city by the sun at Dormagen at this local time, e.g. 2027-03-21T15:00.")
    LocalDateTime sun;

    @Option(names = "--shadows", description = "With --sun: draw the shadows the sun casts around the camera's target, as the planner's Shadows button does.")
    boolean shadows;

    @Override
    public Integer call() throws Exception {
        int[] dimensions = parseSize(size);
        if (shadows && sun == null) {
            throw new ParameterException(spec.commandLine(), "--shadows needs --sun LOCAL-TIME");
        }
        ColorRule rule = OverlayRules.named(theme).orElseThrow(() -> new ParameterException(spec.commandLine(), "--theme must be one of "
                + OverlayRules.defaults().stream().map(ColorRule::name).toList() + ", not '" + theme + "'"));
        if (at != null && cache.folder == null) {
            throw new ParameterException(spec.commandLine(), "--at needs --cache DIR");
        }
        Consumer<CityViewport> overlay = cache.folder == null ? viewport -> { } : overlay(rule);
        List<Path> files = models == null || models.isEmpty() ? List.of(ModelFiles.sample()) : models;
        if (noTerrain && terrain != null) {
            throw new ParameterException(spec.commandLine(), "--terrain and --no-terrain contradict each other");
        }
        SceneFactory.Prepared prepared = SceneFactory.prepare(files, TerrainFiles.of(terrain, noTerrain), lod);
        prepared.terrainFailures().forEach(failure -> LOG.log(System.Logger.Level.WARNING, "terrain not shown: " + failure));
        if (prepared.loaded().models().isEmpty()) {
            prepared.loaded().failures().forEach(failure -> System.err.println("twin: " + failure));
            return 1;
        }
        WritableImage image;
        try {
            image = render(prepared, dimensions[0], dimensions[1], camera, overlay.andThen(sunlight(prepared, sun, shadows)));
        } catch (UnknownCameraException e) {
            // Known only once the model is read, but a wrong option all the same: exit 2, as the viewer does.
            throw new ParameterException(spec.commandLine(), SafeText.of(e.getMessage(), 1_000));
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        // No Platform.exit(): main() ends the process, and in-process callers (tests) keep using the toolkit.
        System.out.println("wrote " + out);
        return prepared.loaded().skippedObjects() > 0 ? 1 : 0;
    }

    /** The sun of --sun, and with --shadows its shadows around the camera's target as the planner draws them (FX thread). */
    static Consumer<CityViewport> sunlight(SceneFactory.Prepared prepared, LocalDateTime sun, boolean shadows) {
        if (sun == null) {
            return viewport -> { };
        }
        return viewport -> {
            CityScene city = viewport.cityScene();
            SunPosition position = city.setSun(sun.atZone(SunHours.ZONE).toInstant());
            if (!shadows) {
                return;
            }
            if (!position.isAboveHorizon()) {
                viewport.addNote("no shadows: the sun is below the horizon at " + sun, false);
                return;
            }
            OrbitCamera.View view = city.camera().view();
            double edge = Math.max(ShadowTools.SMALLEST_SHADOW_AREA, Math.min(ShadowTools.LARGEST_SHADOW_AREA, view.distance() * ShadowTools.SHADOW_AREA_PER_DISTANCE));
            CastShadows.Area area = CastShadows.Area.around(view.targetX(), view.targetZ(), edge);
            TerrainMesh ground = city.terrain() == null ? null : city.terrain().mesh();
            CastShadows layer = new CastShadows();
            city.addLayer(layer.node());
            layer.show(CastShadows.shade(new ShadowSource(prepared.loaded().models(), ground).occluders(), position, city.city().meshes().parts(),
                    city.city().meshes().origin(), ground, area), ground);
        };
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

    /** Reads the cache once, latest or as of --at, and returns what colours a viewport by it (on the FX thread). */
    private Consumer<CityViewport> overlay(ColorRule rule) throws IOException {
        List<Latest> values;
        try (LiveStore store = cache.open()) {
            if (store.movedAside().isPresent()) {
                // The fresh cache is empty: a picture from it would show "no data" where the city has data.
                throw new CacheException("the cache in " + cache.folder() + " would not open and was moved to "
                        + store.movedAside().get() + "; no snapshot of an empty cache", null);
            }
            values = at == null ? store.latest() : store.asOf(at);
        }
        Map<String, List<Latest>> byObject = ThematicOverlay.byObject(values);
        Instant when = at != null ? at : Instant.now();
        String caption = (at != null ? "as of " : "latest, ") + DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC).format(when);
        return viewport -> {
            new OverlayView(viewport).show(byObject, rule, when, caption, Set.of(), false, null);
            if (safety) {
                SafetyLayer layer = new SafetyLayer(viewport.cityScene().city());
                viewport.cityScene().addLayer(layer.node());
                layer.setVisible(true);
                viewport.addNote(layer.update(byObject), false);
            }
        };
    }

    static WritableImage render(SceneFactory.Prepared prepared, int width, int height, String cameraName) throws Exception {
        return render(prepared, width, height, cameraName, viewport -> { });
    }

    /** Renders on the FX thread and waits for the image; the toolkit starts here if it is not running yet. */
    static WritableImage render(SceneFactory.Prepared prepared, int width, int height, String cameraName,
                                Consumer<CityViewport> decorate) throws Exception {
        FxToolkit.start();
        CompletableFuture<WritableImage> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                SceneFactory.requireScene3D();
                CityViewport viewport = SceneFactory.viewport(prepared);
                viewport.cityScene().camera().set(viewport.cityScene().namedView(cameraName));
                decorate.accept(viewport);
                Scene scene = new Scene(viewport, width, height);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                result.complete(scene.snapshot(null));
            } catch (RuntimeException | Error e) {
                // An Error too: uncaught on the FX thread it would leave the caller waiting for minutes.
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException("rendering failed: " + e.getCause(), e.getCause());
        }
    }
}
