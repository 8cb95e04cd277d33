package de.dormagentwin.scene;

import de.dormagentwin.model.CityObject;
import javafx.scene.AmbientLight;
import javafx.scene.DirectionalLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PerspectiveCamera;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.geometry.Point3D;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The 3D view: sky, ground (the city's terrain where it has one, over a flat plane), light and the city layer
 * under an orbit camera, in a SubScene that the UI places and sizes. Views are named after what they show (home,
 * top, chempark) and computed from the model's extent.
 */
public final class CityScene {
    private static final Color DEFAULT_SUN_COLOR = Color.web("#fff4e0").deriveColor(0, 1, 0.75, 1);
    private static final Point3D DEFAULT_SUN_DIRECTION = new Point3D(0.45, 1, 0.6);
    private static final Color DEFAULT_FILL_COLOR = Color.web("#c8d8ff").deriveColor(0, 1, 0.3, 1);
    private static final Point3D DEFAULT_FILL_DIRECTION = new Point3D(-0.5, 0.4, -0.7);
    private static final Color DEFAULT_AMBIENT_COLOR = Color.gray(0.42);
    /** A setting sun's light, reddened by the long way through the air. */
    private static final Color LOW_SUN_COLOR = Color.web("#ffa860").deriveColor(0, 1, 0.75, 1);
    /** Brighter than the day's ambient, since it is all the light there is at night, and bluish as moonlight looks. */
    private static final Color NIGHT_AMBIENT_COLOR = Color.color(0.46, 0.52, 0.66);
    /**
     * The ground plane's top a metre under the ground height (y points down): far enough below water and road
     * surfaces that the depth buffer keeps them apart at city scale.
     */
    private static final double GROUND_TOP = 1;
    /** Under terrain the plane lies this far below its lowest point, for the same reason. */
    private static final double GROUND_BELOW_TERRAIN = 2;
    private final CityLayer city;
    private final OrbitCamera camera = new OrbitCamera();
    private final SubScene subScene;
    private final Group world = new Group();
    private final double[] halfSize;
    /** Per object, x and z of one of its points in scene coordinates (NaN when it draws nothing): for framing views. */
    private float[] anchors;
    /** Where the plane's top lies without terrain: under the ground height, and under any water lower than that. */
    private final double flatGroundTop;
    private final DirectionalLight sunLight = new DirectionalLight();
    private final DirectionalLight fillLight = new DirectionalLight();
    private final AmbientLight ambientLight = new AmbientLight();
    private final Box ground;
    private TerrainLayer terrain;
    private SunPosition sun;

    public CityScene(CityMeshes meshes) {
        city = new CityLayer(meshes);
        halfSize = halfSize(meshes);
        flatGroundTop = flatGroundTop(meshes);
        anchors = new float[meshes.objects().size() * 2];
        Arrays.fill(anchors, Float.NaN);
        fillAnchors(meshes, anchors);
        ground = ground();
        world.getChildren().addAll(ground, city.node(), lights());
        subScene = new SubScene(world, 800, 600, true, SceneAntialiasing.BALANCED);
        subScene.setCamera(camera.camera());
        // The sky is the background behind a transparent SubScene: a gradient fill of a 3D SubScene is not drawn.
        subScene.setFill(Color.TRANSPARENT);
        camera.addListener(this::updateView);
        subScene.widthProperty().addListener((property, before, after) -> updateView());
        subScene.heightProperty().addListener((property, before, after) -> updateView());
        camera.set(homeView());
        if (meshes.terrain() != null) {
            setTerrain(new TerrainLayer(meshes.terrain()));
        }
    }

    /**
     * Adds a chunk of the city, meshed on this city's grid after the objects already here: a tile of a folder that
     * loads in the background. The ground plane keeps the size it was given for the first chunk, which reaches
     * tens of kilometres beyond it.
     */
    public void append(CityMeshes chunk) {
        int known = anchors.length;
        city.append(chunk);
        anchors = Arrays.copyOf(anchors, city.meshes().objects().size() * 2);
        Arrays.fill(anchors, known, anchors.length, Float.NaN);
        fillAnchors(chunk, anchors);
    }

    /** Lays terrain meshed around the city's origin under it, for a city whose tiles loaded first. */
    public void setGround(TerrainMesh mesh) {
        city.setTerrainMesh(mesh);
        setTerrain(mesh == null ? null : new TerrainLayer(mesh));
    }

    /** Tells the city what the camera sees, so that it draws only the tiles in view, near or far. */
    private void updateView() {
        PerspectiveCamera lens = camera.camera();
        ViewFrustum view = new ViewFrustum(camera.view(), lens.getFieldOfView(), subScene.getWidth(), subScene.getHeight(), lens.getNearClip(), lens.getFarClip());
        city.setView(view);
        if (terrain != null) {
            terrain.setView(view);
        }
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

    /** Sets the anchor of each object of {@code meshes} (by scene-wide index) that has none yet. */
    private static void fillAnchors(CityMeshes meshes, float[] anchors) {
        for (MeshPart part : meshes.parts()) {
            for (int face = 0; face < part.faceToObject().length; face++) {
                int object = part.faceToObject()[face];
                if (Float.isNaN(anchors[object * 2])) {
                    int point = part.faces()[face * 9] * 3;
                    anchors[object * 2] = part.points()[point];
                    anchors[object * 2 + 1] = part.points()[point + 2];
                }
            }
        }
    }

    /**
     * A metre under the ground height, or a metre under the lowest water surface where that lies deeper: a river
     * in its valley (the Rhine runs 5 m and more below the town) would otherwise vanish under a flat plane.
     */
    private static double flatGroundTop(CityMeshes meshes) {
        double top = GROUND_TOP;
        for (MeshPart part : meshes.parts()) {
            if (part.surfaceClass() == SurfaceClass.WATER) {
                float[] points = part.points();
                for (int i = 1; i < points.length; i += 3) {
                    top = Math.max(top, points[i] + GROUND_TOP);
                }
            }
        }
        return top;
    }

    /** A ground plane under the city (see {@link #flatGroundTop}), reaching well past it so no edge shows. */
    private Box ground() {
        // Far beyond the model, so that its edge lies at the horizon rather than in view.
        double width = Math.max(halfSize[0] * 20, 200_000);
        double depth = Math.max(halfSize[1] * 20, 200_000);
        Box plane = new Box(width, 1, depth);
        plane.setTranslateY(flatGroundTop + plane.getHeight() / 2);
        PhongMaterial material = new PhongMaterial(Color.web("#a9b88f"));
        material.setSpecularColor(Color.BLACK);
        plane.setMaterial(material);
        plane.setMouseTransparent(true);
        return plane;
    }

    /**
     * Three lights at most affect a shape: a sun, a cool fill from the other side and ambient light. Without a sun
     * time the sun is a fixed warm light from the south-west, which shows every roof and two walls of each house.
     */
    private Group lights() {
        sunLight.setId("sun");
        fillLight.setId("fill");
        ambientLight.setId("ambient");
        setSunPosition(null);
        return new Group(sunLight, fillLight, ambientLight);
    }

    /**
     * Lights the city as the sun stands over Dormagen at an instant, or with the fixed default light for null.
     * Returns where the sun stands (null for the default), for a caption such as "sun 152°, 34° high".
     */
    public SunPosition setSun(Instant when) {
        setSunPosition(when == null ? null : SunPosition.atDormagen(when));
        return sun;
    }

    /**
     * Lights the city from a sun at the given place in the sky, or with the fixed default light for null. By day
     * the sun shines from its azimuth and elevation and turns orange when low; in twilight it fades and the
     * ambient light turns to a brighter, bluish night light, so that the town stays readable, flat and cool.
     *
     * <p>Scene z is UTM grid north, which at Dormagen lies 1.7° west of true north: too little to see in shading,
     * so the azimuth is used as it is.
     */
    public void setSunPosition(SunPosition position) {
        sun = position;
        if (position == null) {
            sunLight.setColor(DEFAULT_SUN_COLOR);
            sunLight.setDirection(DEFAULT_SUN_DIRECTION);
            fillLight.setColor(DEFAULT_FILL_COLOR);
            fillLight.setDirection(DEFAULT_FILL_DIRECTION);
            ambientLight.setColor(DEFAULT_AMBIENT_COLOR);
            return;
        }
        double elevation = position.elevationDegrees();
        // Direct light fades out as the sun sinks from 4° above the apparent horizon to 1° below it; the sky's
        // light lasts through civil twilight, to 6° below it.
        double direct = smoothStep(-1, 4, elevation);
        double daylight = smoothStep(-6, 6, elevation);
        double azimuth = Math.toRadians(position.azimuthDegrees());
        double height = Math.toRadians(elevation);
        double east = Math.sin(azimuth);
        double north = Math.cos(azimuth);
        // Light travels away from the sun: towards the opposite azimuth and downwards (+y).
        sunLight.setDirection(new Point3D(-east * Math.cos(height), Math.sin(height), -north * Math.cos(height)));
        Color sunColor = LOW_SUN_COLOR.interpolate(DEFAULT_SUN_COLOR, smoothStep(0, 20, elevation));
        sunLight.setColor(Color.BLACK.interpolate(sunColor, direct));
        // The fill stands for the sky opposite the sun, as the default fill stands opposite the default sun.
        fillLight.setDirection(new Point3D(east, 0.45, north));
        fillLight.setColor(Color.BLACK.interpolate(DEFAULT_FILL_COLOR, daylight));
        ambientLight.setColor(NIGHT_AMBIENT_COLOR.interpolate(DEFAULT_AMBIENT_COLOR, daylight));
    }

    /** Where the sun stands for the current light, or null for the fixed default light. */
    public SunPosition sun() {
        return sun;
    }

    /** 0 up to {@code from}, 1 from {@code to}, an S-curve between. */
    private static double smoothStep(double from, double to, double value) {
        double t = Math.max(0, Math.min(1, (value - from) / (to - from)));
        return t * t * (3 - 2 * t);
    }

    /**
     * Lays terrain under the city, in place of the flat ground plane wherever it reaches: the plane sinks below
     * the terrain's lowest point and stays as a far ground beyond its edges. Replaces terrain set before; null
     * takes it away and raises the plane again.
     */
    public void setTerrain(TerrainLayer layer) {
        if (terrain != null) {
            world.getChildren().remove(terrain.node());
        }
        terrain = layer;
        double groundTop = flatGroundTop;
        if (layer != null) {
            world.getChildren().add(world.getChildren().indexOf(ground) + 1, layer.node());
            updateView();
            double lowest = layer.mesh().lowestSceneY();
            if (!Double.isNaN(lowest)) {
                groundTop = Math.max(GROUND_TOP, lowest + GROUND_BELOW_TERRAIN);
            }
        }
        ground.setTranslateY(groundTop + ground.getHeight() / 2);
    }

    /** The terrain under the city, or null where there is none. */
    public TerrainLayer terrain() {
        return terrain;
    }

    /** Adds a layer drawn in the city's coordinates (an overlay's meshes), under the same camera and lights. */
    public void addLayer(Node layer) {
        world.getChildren().add(layer);
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

    /**
     * The whole town: the middle 90 % of the objects' positions, so that a stray far object (a motorway's end, a
     * distant gauge) does not shrink the town to a speck.
     */
    public OrbitCamera.View homeView() {
        return framing(anchorsWhere(object -> true), 0.05, 1.0, 0, 30);
    }

    /** Low over the town with the horizon and sky in view, as a visitor would look across it. */
    public OrbitCamera.View panoramaView() {
        OrbitCamera.View home = homeView();
        return new OrbitCamera.View(home.targetX(), home.targetY(), home.targetZ(), home.yawDegrees(), 14, home.distance() * 0.55);
    }

    public OrbitCamera.View topView() {
        return framing(anchorsWhere(object -> true), 0, 1.3, 0, 89.9);
    }

    /** A view of an object, close enough that it fills about a third of the screen; null if it draws nothing. */
    public OrbitCamera.View viewOf(int objectIndex) {
        double[] centre = city.objectCentre(objectIndex);
        if (centre == null) {
            return null;
        }
        return viewAround(centre[0], centre[1], centre[2], Math.max(centre[3], Math.max(centre[4], centre[5])));
    }

    /** A view of a point in scene coordinates with something of the given size there, from the current yaw. */
    public OrbitCamera.View viewAround(double x, double y, double z, double size) {
        return new OrbitCamera.View(x, y, z, camera.view().yawDegrees(), 40, Math.max(60, size * 4));
    }

    /** A view of the objects whose text attribute {@code name} equals {@code value} (ignoring case), or null. */
    public OrbitCamera.View viewOfAttribute(String name, String value) {
        float[] anchors = anchorsWhere(object -> value.equalsIgnoreCase(object.textAttribute(name)));
        return anchors.length == 0 ? null : framing(anchors, 0, 1.4, 20, 45);
    }

    /** x and z of each matching object's anchor, interleaved. */
    private float[] anchorsWhere(Predicate<CityObject> filter) {
        List<CityObject> objects = city.meshes().objects();
        float[] matching = new float[anchors.length];
        int count = 0;
        for (int object = 0; object < objects.size(); object++) {
            if (!Float.isNaN(anchors[object * 2]) && filter.test(objects.get(object))) {
                matching[count++] = anchors[object * 2];
                matching[count++] = anchors[object * 2 + 1];
            }
        }
        return Arrays.copyOf(matching, count);
    }

    /** Frames points (x, z interleaved) leaving out a share at each end, from the given yaw and pitch. */
    private static OrbitCamera.View framing(float[] points, double trim, double margin, double yawDegrees, double pitchDegrees) {
        int count = points.length / 2;
        if (count == 0) {
            return new OrbitCamera.View(0, 0, 0, yawDegrees, pitchDegrees, 500);
        }
        double[] xs = new double[count];
        double[] zs = new double[count];
        for (int i = 0; i < count; i++) {
            xs[i] = points[i * 2];
            zs[i] = points[i * 2 + 1];
        }
        Arrays.sort(xs);
        Arrays.sort(zs);
        int low = (int) (count * trim);
        int high = count - 1 - low;
        double width = xs[high] - xs[low];
        double depth = zs[high] - zs[low];
        double distance = Math.max(150, Math.max(width, depth) * margin);
        return new OrbitCamera.View((xs[low] + xs[high]) / 2, 0, (zs[low] + zs[high]) / 2, yawDegrees, pitchDegrees, distance);
    }

    /** Resolves a view name for snapshots and bookmarks: home, top, chempark, or an object id. */
    public OrbitCamera.View namedView(String name) {
        OrbitCamera.View view = switch (name) {
            case "home" -> homeView();
            case "top" -> topView();
            case "panorama" -> panoramaView();
            case "chempark" -> viewOfAttribute("site", "CHEMPARK");
            default -> {
                int index = city.meshes().objectIndex(name);
                yield index >= 0 ? viewOf(index) : viewOfAttribute("district", name);
            }
        };
        if (view == null) {
            throw new IllegalArgumentException("unknown camera '" + name + "': use home, panorama, top, chempark, a district name or an object id that the model draws");
        }
        return view;
    }
}
