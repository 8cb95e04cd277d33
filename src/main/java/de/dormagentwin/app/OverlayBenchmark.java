package de.dormagentwin.app;

import de.dormagentwin.live.Classification;
import de.dormagentwin.live.Datastream;
import de.dormagentwin.live.Observation;
import de.dormagentwin.live.Thing;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.live.store.LiveStore;
import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.io.CityJsonReader;
import de.dormagentwin.overlay.ColorRule;
import de.dormagentwin.overlay.OverlayRules;
import de.dormagentwin.overlay.SensorMarkers;
import de.dormagentwin.sample.SyntheticCity;
import de.dormagentwin.scene.CityLayer;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.MeshBuilder;
import de.dormagentwin.scene.MeshPart;
import de.dormagentwin.ui.BackgroundWork;
import de.dormagentwin.ui.CityViewport;
import de.dormagentwin.ui.LiveFeed;
import de.dormagentwin.ui.ValueLabels;
import de.dormagentwin.ui.ViewerPane;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code twin bench overlay}: recolouring every object of a large city by value, through the palette texture,
 * against a baseline that recolours by rewriting the faces array (each face pointing at a colour's texture
 * coordinate), measured in the same run on the same meshes.
 */
final class OverlayBenchmark {
    private static final int UPDATES = 10;
    private static final int MARKERS = 2000;
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;

    private OverlayBenchmark() {
    }

    static int run(int buildings) throws Exception {
        FxToolkit.start();
        SceneFactory.requireScene3D();
        Path file = Files.createTempFile("twin-bench-overlay", ".city.jsonl");
        CityModel model;
        try {
            SyntheticCity.write(file, buildings, 11);
            model = CityJsonReader.read(file);
        } finally {
            Files.delete(file);
        }
        CityMeshes meshes = MeshBuilder.build(List.of(model), LodChoice.HIGHEST);
        int objects = meshes.objects().size();
        ColorRule rule = OverlayRules.named("PM10").orElseThrow();
        System.out.printf(Locale.ROOT, "Overlay benchmark: %d cores, %s %s; %,d objects in %d meshes, %,d triangles, %d updates each%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                objects, meshes.parts().size(), meshes.triangles(), UPDATES);

        CityScene city = FxToolkit.call(() -> new CityScene(meshes));
        CityViewport viewport = FxToolkit.call(() -> new CityViewport(city));
        Scene scene = FxToolkit.call(() -> layOut(new Scene(viewport, WIDTH, HEIGHT)));
        FxToolkit.call(() -> scene.snapshot(null));
        long[] palette = new long[UPDATES];
        long[] paletteFrame = new long[UPDATES];
        int[] facesBefore = FxToolkit.call(() -> faceChecksums(city));
        for (int update = 0; update < UPDATES; update++) {
            int round = update;
            palette[update] = FxToolkit.call(() -> {
                long start = System.nanoTime();
                CityLayer layer = city.city();
                for (int object = 0; object < objects; object++) {
                    layer.setOverlayColor(object, rule.colorOf(value(object, round)));
                }
                return System.nanoTime() - start;
            });
            paletteFrame[update] = FxToolkit.call(() -> timed(() -> scene.snapshot(null)));
        }
        boolean facesUntouched = Arrays.equals(facesBefore, FxToolkit.call(() -> faceChecksums(city)));

        // Frames with 2,000 sensor markers (one merged mesh) against the same view without them.
        long[] plainFrames = new long[UPDATES];
        for (int update = 0; update < UPDATES; update++) {
            plainFrames[update] = FxToolkit.call(() -> {
                city.camera().orbit(360.0 / UPDATES, 0);
                return timed(() -> scene.snapshot(null));
            });
        }
        Map<String, List<Latest>> sensors = new HashMap<>();
        Datastream pm10 = new Datastream("bench", "pm10", null, "PM10", rule.observedProperty(), "", "", "µg/m³", Classification.PUBLIC);
        for (int object = 0; object < Math.min(MARKERS, objects); object++) {
            String id = meshes.objects().get(object).id();
            sensors.put(id, List.of(new Latest(object, pm10, id, Instant.now(), value(object, 0), null, 1, null)));
        }
        SensorMarkers markers = new SensorMarkers();
        FxToolkit.call(() -> {
            city.addLayer(markers.node());
            markers.update(city.city(), sensors, rule, Instant.now());
            // The viewer's value labels too: placed from the markers' projected positions, decluttered and capped.
            viewport.valueLabels().update(sensors, rule, markers::top, Instant.now());
            return null;
        });
        long[] markerFrames = new long[UPDATES];
        int[] placed = new int[UPDATES];
        for (int update = 0; update < UPDATES; update++) {
            int round = update;
            markerFrames[update] = FxToolkit.call(() -> {
                city.camera().orbit(360.0 / UPDATES, 0);
                // Labels follow the camera, as in the viewer, and their placing counts in the frame.
                long time = timed(() -> {
                    viewport.valueLabels().update(sensors, rule, markers::top, Instant.now());
                    scene.snapshot(null);
                });
                placed[round] = viewport.valueLabels().shown();
                return time;
            });
        }

        // The baseline: the same viewport, lights and nodes, but each mesh's faces point at one of the rule's
        // colours in a small colour table, so that recolouring rewrites every faces array and Prism rebuilds every
        // mesh.
        List<TriangleMesh> baselineMeshes = new ArrayList<>();
        Scene baselineScene = FxToolkit.call(() -> {
            CityScene frame = new CityScene(meshes);
            WritableImage table = new WritableImage(rule.bands().size(), 1);
            float[] texCoords = new float[rule.bands().size() * 2];
            for (int band = 0; band < rule.bands().size(); band++) {
                table.getPixelWriter().setArgb(band, 0, rule.bands().get(band).argb());
                texCoords[band * 2] = (band + 0.5f) / rule.bands().size();
                texCoords[band * 2 + 1] = 0.5f;
            }
            PhongMaterial material = new PhongMaterial();
            material.setDiffuseMap(table);
            List<Node> views = ((Group) frame.city().node()).getChildren();
            for (int part = 0; part < meshes.parts().size(); part++) {
                TriangleMesh mesh = new TriangleMesh();
                mesh.getPoints().setAll(meshes.parts().get(part).points());
                mesh.getTexCoords().setAll(texCoords);
                mesh.getFaces().setAll(baselineFaces(meshes.parts().get(part), new int[objects]));
                baselineMeshes.add(mesh);
                MeshView view = (MeshView) views.get(part);
                view.setMesh(mesh);
                view.setMaterial(material);
            }
            return layOut(new Scene(new CityViewport(frame), WIDTH, HEIGHT));
        });
        FxToolkit.call(() -> baselineScene.snapshot(null));
        long[] faces = new long[UPDATES];
        long[] facesFrame = new long[UPDATES];
        for (int update = 0; update < UPDATES; update++) {
            int round = update;
            faces[update] = FxToolkit.call(() -> {
                long start = System.nanoTime();
                int[] band = new int[objects];
                for (int object = 0; object < objects; object++) {
                    band[object] = bandOf(rule, value(object, round));
                }
                for (int part = 0; part < meshes.parts().size(); part++) {
                    baselineMeshes.get(part).getFaces().setAll(baselineFaces(meshes.parts().get(part), band));
                }
                return System.nanoTime() - start;
            });
            facesFrame[update] = FxToolkit.call(() -> timed(() -> baselineScene.snapshot(null)));
        }

        double[] latency = writeToScreen(meshes, rule);

        System.out.println("| recolouring every object | FX thread per update, ms | next frame, ms | faces arrays changed |");
        System.out.println("|---|---:|---:|---|");
        System.out.printf(Locale.ROOT, "| palette texture (the twin) | %.1f | %.0f | %s |%n", median(palette), median(paletteFrame), facesUntouched ? "none" : "SOME");
        System.out.printf(Locale.ROOT, "| faces rewritten (baseline) | %.1f | %.0f | all %d |%n", median(faces), median(facesFrame), meshes.parts().size());
        System.out.println();
        int labelsShown = Arrays.stream(placed).max().orElse(0);
        System.out.println("| orbiting the city | frame, ms |");
        System.out.println("|---|---:|");
        System.out.printf(Locale.ROOT, "| without markers | %.0f |%n", median(plainFrames));
        System.out.printf(Locale.ROOT, "| with %,d sensor markers and their value labels (%d placed, cap %d) | %.0f |%n", markers.count(),
                labelsShown, ValueLabels.CAP, median(markerFrames));
        System.out.println();
        System.out.println("| from a cache write to the object's colour on screen | median, ms | worst, ms | viewer's poll period, ms |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| one PM10 observation crossing a band (%d writes) | %.0f | %.0f | %d |%n", UPDATES, latency[0], latency[1],
                ViewerApp.LIVE_POLL.toMillis());
        return 0;
    }

    /**
     * The viewer's whole path: a write to the cache, the live feed's poll, the pane's overlay, the palette, and the
     * next frame that shows it (a pulse sees the colour). Alternates between two bands so every write changes it.
     */
    private static double[] writeToScreen(CityMeshes meshes, ColorRule rule) throws Exception {
        Path folder = Files.createTempDirectory("twin-bench-latency");
        String objectId = meshes.objects().get(0).id();
        try (LiveStore store = LiveStore.open(folder, null); BackgroundWork background = new BackgroundWork("bench-background", 2)) {
            store.putThing(new Thing("bench", "box", "Box", "", Map.of(), objectId, Double.NaN, Double.NaN));
            store.putDatastream(new Datastream("bench", "box/pm10", "box", "PM10", rule.observedProperty(), "", "", "µg/m³", Classification.PUBLIC));
            SceneFactory.Prepared prepared = new SceneFactory.Prepared(new ModelFiles.Loaded(List.of(), List.of()), meshes);
            ViewerPane pane = FxToolkit.call(() -> {
                ViewerPane viewer = new ViewerPane(SceneFactory.viewport(prepared), "bench", background);
                new Scene(viewer, WIDTH, HEIGHT);
                return viewer;
            });
            try (LiveFeed feed = new LiveFeed(store, ViewerApp.LIVE_POLL, background)) {
                FxToolkit.call(() -> {
                    pane.attachFeed(feed);
                    return null;
                });
                CityLayer layer = pane.viewport().cityScene().city();
                int index = meshes.objectIndex(objectId);
                long[] millis = new long[UPDATES];
                for (int update = 0; update < UPDATES; update++) {
                    double value = update % 2 == 0 ? 10 : 45;
                    int expected = rule.colorOf(value);
                    long start = System.nanoTime();
                    // Stamped now, so the value is fresh and drawn in its own colour.
                    store.write(List.of(Observation.number("bench", "box/pm10", Instant.now(), value)));
                    while (FxToolkit.call(() -> layer.overlayColor(index)) != expected) {
                        if (System.nanoTime() - start > 30_000_000_000L) {
                            throw new IllegalStateException("a written value did not reach the screen within 30 s");
                        }
                        Thread.sleep(5);
                    }
                    millis[update] = (System.nanoTime() - start) / 1_000_000;
                }
                Arrays.sort(millis);
                return new double[]{millis[UPDATES / 2], millis[UPDATES - 1]};
            }
        } finally {
            CacheBenchmark.delete(folder);
        }
    }

    /** A PM10-like value that changes between updates, so every update really recolours. */
    private static double value(int object, int round) {
        return Math.floorMod(object * 7919 + round * 104729, 70);
    }

    private static int bandOf(ColorRule rule, double value) {
        int band = 0;
        for (int i = 0; i < rule.bands().size(); i++) {
            if (value >= rule.bands().get(i).from()) {
                band = i;
            }
        }
        return band;
    }

    /** The part's faces with each corner's texture index set to its object's colour band. */
    private static int[] baselineFaces(MeshPart part, int[] bandOfObject) {
        int[] source = part.faces();
        int[] faceToObject = part.faceToObject();
        int[] faces = new int[faceToObject.length * 6];
        for (int face = 0; face < faceToObject.length; face++) {
            int band = bandOfObject[faceToObject[face]];
            for (int corner = 0; corner < 3; corner++) {
                faces[face * 6 + corner * 2] = source[face * 9 + corner * 3];
                faces[face * 6 + corner * 2 + 1] = band;
            }
        }
        return faces;
    }

    /** A hash of every faces array the city draws, to show that recolouring changed none of them. */
    private static int[] faceChecksums(CityScene city) {
        return ((Group) city.city().node()).getChildren().stream()
                .map(node -> ((TriangleMesh) ((MeshView) node).getMesh()).getFaces().toArray(null))
                .mapToInt(Arrays::hashCode).toArray();
    }

    private static Scene layOut(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return scene;
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

}
