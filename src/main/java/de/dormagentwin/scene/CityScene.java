package de.dormagentwin.scene;

import javafx.scene.AmbientLight;
import javafx.scene.DirectionalLight;
import javafx.scene.Group;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Box;
import javafx.geometry.Point3D;

/**
 * The 3D view: sky, ground, light and the city layer under an orbit camera, in a SubScene that the UI places
 * and sizes. Views are named after what they show (home, top, chempark) and computed from the model's extent.
 */
public final class CityScene {
    private final CityLayer city;
    private final OrbitCamera camera = new OrbitCamera();
    private final SubScene subScene;
    private final double[] halfSize;

    public CityScene(CityMeshes meshes) {
        city = new CityLayer(meshes);
        halfSize = halfSize(meshes);
        Group world = new Group();
        world.getChildren().addAll(ground(), city.node(), lights());
        subScene = new SubScene(world, 800, 600, true, SceneAntialiasing.BALANCED);
        subScene.setCamera(camera.camera());
        subScene.setFill(new LinearGradient(0, 0, 0, 1, true, CycleMethod.NO_CYCLE,
                new Stop(0, Color.web("#5f93c9")), new Stop(0.6, Color.web("#bcd6ec")), new Stop(1, Color.web("#e6eef3"))));
        camera.set(homeView());
    }

    private double[] halfSize(CityMeshes meshes) {
        double halfX = 100;
        double halfZ = 100;
        for (MeshPart part : meshes.parts()) {
            float[] points = part.points();
            for (int i = 0; i < points.length; i += 3) {
                halfX = Math.max(halfX, Math.abs(points[i]));
                halfZ = Math.max(halfZ, Math.abs(points[i + 2]));
            }
        }
        return new double[]{halfX, halfZ};
    }

    /** A ground plane a little below the model's lowest point, reaching well past it so no edge shows. */
    private Box ground() {
        double width = halfSize[0] * 6;
        double depth = halfSize[1] * 6;
        Box ground = new Box(width, 1, depth);
        // Its top a metre under the ground height: far enough below water and road surfaces that the depth
        // buffer keeps them apart at city scale.
        ground.setTranslateY(1.5);
        PhongMaterial material = new PhongMaterial(Color.web("#a9b88f"));
        material.setSpecularColor(Color.BLACK);
        ground.setMaterial(material);
        ground.setMouseTransparent(true);
        return ground;
    }

    /** Three lights at most affect a shape: a warm sun from the south-west, a cool fill and ambient light. */
    private Group lights() {
        DirectionalLight sun = new DirectionalLight(Color.web("#fff4e0").deriveColor(0, 1, 0.75, 1));
        sun.setDirection(new Point3D(0.45, 1, 0.6));
        DirectionalLight fill = new DirectionalLight(Color.web("#c8d8ff").deriveColor(0, 1, 0.3, 1));
        fill.setDirection(new Point3D(-0.5, 0.4, -0.7));
        AmbientLight ambient = new AmbientLight(Color.gray(0.42));
        return new Group(sun, fill, ambient);
    }

    public SubScene subScene() {
        return subScene;
    }

    public CityLayer city() {
        return city;
    }

    public OrbitCamera camera() {
        return camera;
    }

    public OrbitCamera.View homeView() {
        double radius = Math.max(halfSize[0], halfSize[1]);
        return new OrbitCamera.View(0, 0, 0, 0, 50, radius * 2.4);
    }

    public OrbitCamera.View topView() {
        double radius = Math.max(halfSize[0], halfSize[1]);
        return new OrbitCamera.View(0, 0, 0, 0, 89.9, radius * 2.6);
    }

    /** A view of an object, close enough that it fills about a third of the screen; null if it draws nothing. */
    public OrbitCamera.View viewOf(int objectIndex) {
        double[] centre = city.objectCentre(objectIndex);
        if (centre == null) {
            return null;
        }
        double size = Math.max(centre[3], Math.max(centre[4], centre[5]));
        return new OrbitCamera.View(centre[0], centre[1], centre[2], camera.view().yawDegrees(), 40, Math.max(60, size * 4));
    }

    /** A view of the objects whose attribute {@code site} is the given value (the CHEMPARK), or null. */
    public OrbitCamera.View viewOfSite(String site) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minZ = Double.POSITIVE_INFINITY, maxZ = Double.NEGATIVE_INFINITY;
        for (MeshPart part : city.meshes().parts()) {
            int[] faces = part.faces();
            int[] faceToObject = part.faceToObject();
            float[] points = part.points();
            for (int face = 0; face < faceToObject.length; face++) {
                if (!site.equals(city.meshes().objects().get(faceToObject[face]).textAttribute("site"))) {
                    continue;
                }
                int point = faces[face * 9] * 3;
                minX = Math.min(minX, points[point]);
                maxX = Math.max(maxX, points[point]);
                minZ = Math.min(minZ, points[point + 2]);
                maxZ = Math.max(maxZ, points[point + 2]);
            }
        }
        if (minX == Double.POSITIVE_INFINITY) {
            return null;
        }
        double size = Math.max(maxX - minX, maxZ - minZ);
        return new OrbitCamera.View((minX + maxX) / 2, 0, (minZ + maxZ) / 2, 20, 45, size * 1.6);
    }

    /** Resolves a view name for snapshots and bookmarks: home, top, chempark, or an object id. */
    public OrbitCamera.View namedView(String name) {
        OrbitCamera.View view = switch (name) {
            case "home" -> homeView();
            case "top" -> topView();
            case "chempark" -> viewOfSite("CHEMPARK");
            default -> {
                int index = city.meshes().objectIndex(name);
                yield index < 0 ? null : viewOf(index);
            }
        };
        if (view == null) {
            throw new IllegalArgumentException("unknown camera '" + name + "': use home, top, chempark or an object id that the model draws");
        }
        return view;
    }
}
