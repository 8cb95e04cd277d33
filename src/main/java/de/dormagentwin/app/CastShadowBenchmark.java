package de.dormagentwin.app;

import de.dormagentwin.model.LodChoice;
import de.dormagentwin.model.sun.Occluders;
import de.dormagentwin.model.sun.SunHours;
import de.dormagentwin.model.sun.SunPosition;
import de.dormagentwin.scene.CastShadows;
import de.dormagentwin.scene.CityMeshes;
import de.dormagentwin.scene.CityScene;
import de.dormagentwin.scene.MeshPart;
import de.dormagentwin.scene.OrbitCamera;
import de.dormagentwin.scene.TerrainMesh;
import de.dormagentwin.ui.CityViewport;
import de.dormagentwin.ui.ShadowTools;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The two ways to draw cast shadows that issue 16 names, measured on the sample in one run (ADR 20): a CPU shadow map
 * whose answers become a film over shaded surfaces and an image on the ground (the twin), against shadow polygons,
 * each sunward triangle of the near parts projected along the sun onto the ground, drawn as one translucent mesh.
 * Both are timed for the square the planner shades from two camera distances, and the frames of an orbit are timed
 * without shadows, with each.
 */
final class CastShadowBenchmark {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final int FRAMES = 12;
    private static final LocalDateTime WHEN = LocalDateTime.of(2027, 3, 21, 16, 0);

    private CastShadowBenchmark() {
    }

    static int run(String district) throws Exception {
        FxToolkit.start();
        SceneFactory.requireScene3D();
        SceneFactory.Prepared prepared = SceneFactory.prepare(List.of(ModelFiles.sample()), LodChoice.HIGHEST);
        CityMeshes meshes = prepared.meshes();
        TerrainMesh terrain = meshes.terrain();
        SunPosition sun = SunPosition.atDormagen(WHEN.atZone(SunHours.ZONE).toInstant());
        long start = System.nanoTime();
        Occluders occluders = new ShadowSource(prepared.loaded().models(), terrain).occluders();
        double occluderMs = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "Cast shadows: %d cores, %s %s; the sample, %,d objects, %,d triangles; sun on %s (%s); occluders %,d triangles "
                        + "in %.0f ms (once per city)%n%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), meshes.objects().size(), meshes.triangles(), WHEN, sun.describe(), occluders.triangleCount(), occluderMs);

        CityScene city = FxToolkit.call(() -> new CityScene(meshes));
        Scene scene = FxToolkit.call(() -> {
            CityViewport viewport = new CityViewport(city);
            city.setSun(WHEN.atZone(SunHours.ZONE).toInstant());
            return new Scene(viewport, WIDTH, HEIGHT);
        });
        OrbitCamera.View around = FxToolkit.call(() -> city.namedView(district));
        System.out.println("| square around " + district + " | way | made in, ms (median of 3) | triangles drawn | ground pixels | frame, ms (median of " + FRAMES + ") |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (double distance : new double[] {300, 1333}) {
            OrbitCamera.View view = new OrbitCamera.View(around.targetX(), around.targetY(), around.targetZ(), 30, 40, distance);
            double edge = Math.max(ShadowTools.SMALLEST_SHADOW_AREA, Math.min(ShadowTools.LARGEST_SHADOW_AREA, distance * ShadowTools.SHADOW_AREA_PER_DISTANCE));
            CastShadows.Area area = CastShadows.Area.around(view.targetX(), view.targetZ(), edge);
            String square = String.format(Locale.ROOT, "%.0f m (camera %.0f m away)", edge, distance);

            double plain = frames(city, scene, view, null);
            System.out.printf(Locale.ROOT, "| %s | no shadows | - | - | - | %.0f |%n", square, plain);

            CastShadows.Shade[] shade = new CastShadows.Shade[1];
            double mapMs = median(3, () -> shade[0] = CastShadows.shade(occluders, sun, meshes.parts(), meshes.origin(), terrain, area));
            CastShadows film = new CastShadows();
            FxToolkit.call(() -> {
                film.show(shade[0], terrain);
                return null;
            });
            double filmFrame = frames(city, scene, view, film.node());
            System.out.printf(Locale.ROOT, "| %s | shadow map, film and ground image (the twin) | %.0f | %,d | %,d | %.0f |%n", square, mapMs,
                    shade[0].filmTriangles(), shade[0].groundArgb().length, filmFrame);

            float[][] polygons = new float[1][];
            double projectMs = median(3, () -> polygons[0] = projected(meshes.parts(), area, CastShadows.towardsTheSun(sun), occluders, meshes.origin()));
            MeshView polygonView = FxToolkit.call(() -> polygonMesh(polygons[0]));
            double polygonFrame = frames(city, scene, view, polygonView);
            System.out.printf(Locale.ROOT, "| %s | shadow polygons on the ground (baseline) | %.0f | %,d | - | %.0f |%n", square, projectMs,
                    polygons[0].length / 9, polygonFrame);
        }
        return 0;
    }

    /**
     * Shadow polygons: every triangle of the near parts whose box meets the area (widened by the longest shadow the
     * margin allows) and that faces the sun, each corner moved along the sun's rays down to the ground under it. They
     * overlap where neighbouring walls and roofs throw the same shadow, and fall on the ground only: roofs and walls
     * of other buildings receive nothing.
     */
    private static float[] projected(List<MeshPart> parts, CastShadows.Area area, double[] toSun, Occluders occluders, double[] origin) {
        double margin = Math.min(1000, 100 / Math.max(0.05, -toSun[1]));
        float[] out = new float[1 << 16];
        int used = 0;
        for (MeshPart part : parts) {
            if (part.detail() == MeshPart.Detail.FAR) {
                continue;
            }
            float[] points = part.points();
            int[] faces = part.faces();
            for (int face = 0; face < faces.length / 9; face++) {
                int a = faces[face * 9] * 3;
                int b = faces[face * 9 + 3] * 3;
                int c = faces[face * 9 + 6] * 3;
                double minX = Math.min(points[a], Math.min(points[b], points[c]));
                double maxX = Math.max(points[a], Math.max(points[b], points[c]));
                double minZ = Math.min(points[a + 2], Math.min(points[b + 2], points[c + 2]));
                double maxZ = Math.max(points[a + 2], Math.max(points[b + 2], points[c + 2]));
                if (maxX < area.minX() - margin || minX > area.maxX() + margin || maxZ < area.minZ() - margin || minZ > area.maxZ() + margin) {
                    continue;
                }
                double ux = points[b] - points[a], uy = points[b + 1] - points[a + 1], uz = points[b + 2] - points[a + 2];
                double vx = points[c] - points[a], vy = points[c + 1] - points[a + 1], vz = points[c + 2] - points[a + 2];
                double towards = (uy * vz - uz * vy) * toSun[0] + (uz * vx - ux * vz) * toSun[1] + (ux * vy - uy * vx) * toSun[2];
                if (Math.abs(towards) < 1e-9) {
                    continue;
                }
                if (used + 9 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                for (int corner : new int[] {a, b, c}) {
                    double ground = -(occluders.groundAt(origin[0] + points[corner], origin[1] + points[corner + 2]) - origin[2]) - 0.3;
                    double t = (ground - points[corner + 1]) / toSun[1];
                    out[used++] = (float) (points[corner] + toSun[0] * t);
                    out[used++] = (float) ground;
                    out[used++] = (float) (points[corner + 2] + toSun[2] * t);
                }
            }
        }
        return Arrays.copyOf(out, used);
    }

    private static MeshView polygonMesh(float[] corners) {
        TriangleMesh mesh = CastShadows.triangles(corners);
        MeshView view = new MeshView(mesh);
        view.setMaterial(new PhongMaterial(Color.color(0, 0, 0, CastShadows.OPACITY)));
        view.setCullFace(CullFace.NONE);
        return view;
    }

    /** The median time of a frame while the camera orbits the view, with a layer added for the while (null: none). */
    private static double frames(CityScene city, Scene scene, OrbitCamera.View view, javafx.scene.Node layer) throws Exception {
        Group holder = new Group();
        FxToolkit.call(() -> {
            if (layer != null) {
                holder.getChildren().add(layer);
            }
            city.addLayer(holder);
            city.camera().set(view);
            scene.snapshot(null);
            return null;
        });
        long[] nanos = new long[FRAMES];
        for (int frame = 0; frame < FRAMES; frame++) {
            nanos[frame] = FxToolkit.call(() -> {
                city.camera().orbit(360.0 / FRAMES, 0);
                long start = System.nanoTime();
                scene.snapshot(null);
                return System.nanoTime() - start;
            });
        }
        FxToolkit.call(() -> {
            holder.getChildren().clear();
            ((Group) holder.getParent()).getChildren().remove(holder);
            return null;
        });
        Arrays.sort(nanos);
        return nanos[FRAMES / 2] / 1e6;
    }

    private static double median(int runs, Runnable work) {
        long[] nanos = new long[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            work.run();
            nanos[run] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[runs / 2] / 1e6;
    }
}
