package de.dormagentwin.scene;

import de.dormagentwin.model.Chempark;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.sun.SunPosition;
import javafx.scene.AmbientLight;
import javafx.scene.DirectionalLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PerspectiveCamera;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.geometry.Point3D;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The 3D view: sky, ground (the city's terrain where it has one, else a flat ground), light and the city layer
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
    /** The flat ground reaches this share of the city's half-size beyond it, and at least the least margin in metres. */
    private static final double FLAT_GROUND_MARGIN = 0.6;
    private static final double FLAT_GROUND_LEAST_MARGIN = 400;
    private static final int FLAT_GROUND_ARGB = 0xFFA9B88F;
    /** Under terrain the ground lies this far below its lowest point, for the depth buffer's sake. */
    private static final double GROUND_BELOW_TERRAIN = 2;
    /** The far ground's half-size in metres at least: the horizon of a view from a few kilometres up. */
    private static final double FAR_GROUND_REACH = 60_000;
    /** The far ground's haze is made again when the daylight has changed by more than this: a step no eye sees. */
    private static final double DAYLIGHT_STEP = 0.04;
    /** The largest object, east-west and north-south in metres, that the town's views frame (a CHEMPARK plant's size). */
    private static final double FRAMED_SIZE = 500;
    /**
     * How much of the view one object's box may take: most of it, with room for its neighbours and for the sensor
     * marker and label that stand above its roof.
     */
    private static final double OBJECT_FILL = 0.65;
    private final CityLayer city;
    /** The home view, and the city's size and the view's width and height it was framed for. */
    private OrbitCamera.View home;
    private List<Double> homeKey;
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
    /** The flat ground under a city without terrain; hidden under terrain, which fades into the haze by itself. */
    private final MeshView ground = new MeshView();
    /** The countryside beyond the ground or the terrain, fading into the haze at the horizon. */
    private final MeshView farGround = new MeshView();
    /** The rectangle the flat ground covers: {west, south, east, north} in scene x and z. */
    private double[] groundExtent;
    private TerrainLayer terrain;
    private SunPosition sun;
    /** How much daylight the sky shows: 1 by day and for the fixed default light, 0 at night. */
    private double daylight = 1;
    /** The daylight the far ground's haze was made for: it is made again when the light has changed much. */
    private double farGroundDaylight = Double.NaN;
    private final List<Runnable> skyListeners = new ArrayList<>();
    private final List<Runnable> sunListeners = new ArrayList<>();

    public CityScene(CityMeshes meshes) {
        city = new CityLayer(meshes);
        halfSize = halfSize(meshes);
        flatGroundTop = flatGroundTop(meshes);
        anchors = new float[meshes.objects().size() * 2];
        Arrays.fill(anchors, Float.NaN);
        fillAnchors(meshes, anchors);
        for (MeshView sheet : List.of(ground, farGround)) {
            sheet.setMouseTransparent(true);
            sheet.setCullFace(CullFace.NONE);
        }
        ground.setId("ground");
        farGround.setId("far-ground");
        layFlatGround();
        world.getChildren().addAll(farGround, ground, city.node(), lights());
        subScene = new SubScene(world, 800, 600, true, SceneAntialiasing.BALANCED);
        subScene.setCamera(camera.camera());
        // The sky is the background behind a transparent SubScene: a gradient fill of a 3D SubScene is not drawn.
        subScene.setFill(Color.TRANSPARENT);
        camera.addListener(this::updateView);
        subScene.widthProperty().addListener((property, before, after) -> updateView());
        subScene.heightProperty().addListener((property, before, after) -> updateView());
        camera.set(homeView());
        if (meshes.terrain() != null) {
            setTerrain(new TerrainLayer(meshes.terrain(), meshes.groundAreas()));
        }
    }

    /**
     * Adds a chunk of the city, meshed on this city's grid after the objects already here: a tile of a folder that
     * loads in the background. The flat ground grows to take it in, and its land use is painted on the ground.
     */
    public void append(CityMeshes chunk) {
        int known = anchors.length;
        city.append(chunk);
        anchors = Arrays.copyOf(anchors, city.meshes().objects().size() * 2);
        Arrays.fill(anchors, known, anchors.length, Float.NaN);
        fillAnchors(chunk, anchors);
        double[] grown = halfSize(chunk);
        boolean reaches = grown[0] > halfSize[0] || grown[1] > halfSize[1];
        halfSize[0] = Math.max(halfSize[0], grown[0]);
        halfSize[1] = Math.max(halfSize[1], grown[1]);
        if (reaches || !chunk.groundAreas().isEmpty()) {
            layFlatGround();
            if (terrain != null && !chunk.groundAreas().isEmpty()) {
                setTerrain(new TerrainLayer(terrain.mesh(), city.meshes().groundAreas()));
            }
        }
    }

    /** Lays terrain meshed around the city's origin under it, for a city whose tiles loaded first. */
    public void setGround(TerrainMesh mesh) {
        city.setTerrainMesh(mesh);
        setTerrain(mesh == null ? null : new TerrainLayer(mesh, city.meshes().groundAreas()));
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

    private static double[] halfSize(CityMeshes meshes) {
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

    /**
     * Lays the flat ground (see {@link #flatGroundTop}) under the city and a margin around it, with the land use
     * painted on it, fading into the haze towards its edges: the town stands in its countryside, which vanishes
     * into the distance instead of ending at an edge.
     */
    private void layFlatGround() {
        double margin = Math.max(FLAT_GROUND_LEAST_MARGIN, FLAT_GROUND_MARGIN * Math.max(halfSize[0], halfSize[1]));
        groundExtent = new double[]{-halfSize[0] - margin, -halfSize[1] - margin, halfSize[0] + margin, halfSize[1] + margin};
        List<GroundArea> areas = city.meshes().groundAreas();
        // Without land use the image is one colour and its fade: a small one draws it as well.
        GroundImage image = GroundImage.paint(groundExtent[0], groundExtent[1], groundExtent[2], groundExtent[3],
                margin, areas.isEmpty() ? 256 : GroundImage.MOST_TEXELS, (x, z) -> FLAT_GROUND_ARGB, areas);
        ground.setMesh(sheet(image));
        ground.setMaterial(TerrainLayer.material(image));
        ground.setTranslateY(flatGroundTop);
        layFarGround();
    }

    /**
     * Lays the far ground around the terrain, or the flat ground where there is none, a little below it: far
     * enough that the depth buffer keeps them apart, near enough that the step at their meeting does not show.
     */
    private void layFarGround() {
        double[] extent = terrain != null ? terrain.mesh().sceneExtent() : groundExtent;
        double clear = Math.max(Math.hypot(extent[0], extent[1]), Math.hypot(extent[2], extent[3]));
        clear = Math.max(clear, Math.max(Math.hypot(extent[0], extent[3]), Math.hypot(extent[2], extent[1])));
        GroundImage image = GroundImage.farGround(clear, Math.max(FAR_GROUND_REACH, 8 * clear), Sky.hazeArgb(daylight));
        farGroundDaylight = daylight;
        farGround.setMesh(sheet(image));
        farGround.setMaterial(TerrainLayer.material(image));
        double lowest = terrain == null ? Double.NaN : terrain.mesh().lowestSceneY();
        farGround.setTranslateY(Double.isNaN(lowest) ? flatGroundTop + GROUND_TOP : Math.max(GROUND_TOP, lowest + GROUND_BELOW_TERRAIN));
    }

    /** A level rectangle at y 0 under a ground image, its top row along the northern edge. */
    private static TriangleMesh sheet(GroundImage image) {
        float west = (float) image.west();
        float south = (float) image.south();
        float east = (float) image.east();
        float north = (float) image.north();
        TriangleMesh sheet = new TriangleMesh();
        sheet.getPoints().setAll(west, 0, south, east, 0, south, east, 0, north, west, 0, north);
        sheet.getTexCoords().setAll(0, 1, 1, 1, 1, 0, 0, 0);
        // Counter-clockwise seen from above (y points down), so that the faces face up, towards the sun.
        sheet.getFaces().setAll(0, 0, 1, 1, 2, 2, 0, 0, 2, 2, 3, 3);
        return sheet;
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
        sunListeners.forEach(Runnable::run);
        double before = daylight;
        daylight = position == null ? 1 : smoothStep(-6, 6, position.elevationDegrees());
        if (Math.abs(daylight - farGroundDaylight) > DAYLIGHT_STEP || (daylight != before && (daylight == 0 || daylight == 1))) {
            layFarGround();
        }
        if (daylight != before) {
            skyListeners.forEach(Runnable::run);
        }
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
     * Lays terrain under the city in place of the flat ground, which it hides; terrain fades into the haze at its
     * own edges. Replaces terrain set before; null takes it away and shows the flat ground again.
     */
    public void setTerrain(TerrainLayer layer) {
        if (terrain != null) {
            world.getChildren().remove(terrain.node());
        }
        terrain = layer;
        if (layer != null) {
            world.getChildren().add(world.getChildren().indexOf(ground) + 1, layer.node());
            updateView();
        }
        ground.setVisible(layer == null);
        layFarGround();
    }

    /** The terrain under the city, or null where there is none. */
    public TerrainLayer terrain() {
        return terrain;
    }

    /** Adds a layer drawn in the city's coordinates (an overlay's meshes), under the same camera and lights. */
    public void addLayer(Node layer) {
        world.getChildren().add(layer);
    }

    /**
     * The sky behind the view as the camera looks now and as light as the sun makes it, for a view
     * {@code heightPixels} high (see {@link Sky}).
     */
    public LinearGradient sky(double heightPixels) {
        return Sky.gradient(camera.view().pitchDegrees(), camera.camera().getFieldOfView(), heightPixels, daylight);
    }

    /** Hears every change of the sun: its position, or its turning on and off. */
    public void addSunListener(Runnable listener) {
        sunListeners.add(listener);
    }

    /** Hears every change of the sky: the camera's moves and the sun's. */
    public void addSkyListener(Runnable listener) {
        skyListeners.add(listener);
        camera.addListener(listener);
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
     * The whole town: the objects within the middle 90 % of the objects' positions east-west and north-south, so
     * that a stray far object (a motorway's end, a distant gauge) does not shrink the town to a speck.
     */
    public OrbitCamera.View homeView() {
        // Tens of milliseconds for 100,000 buildings, asked at every reset and tour of a kiosk: kept until the city
        // or the view's shape changes.
        List<Double> key = List.of((double) city.meshes().objects().size(), subScene.getWidth(), subScene.getHeight());
        if (!key.equals(homeKey)) {
            Central town = centralObjects(0.05);
            // Across the screen's long side: a town that runs north-south (Dormagen along the Rhine) is seen from the
            // west, the river behind it, not foreshortened from its southern end.
            boolean northSouth = town.range() != null && town.range()[3] - town.range()[1] > 1.2 * (town.range()[2] - town.range()[0]);
            home = orOrigin(frame(town.objects(), northSouth ? 90 : 0, 30, 0.95, town.range()), 30);
            homeKey = key;
        }
        return home;
    }

    /** An empty scene is looked at from above its origin. */
    private static OrbitCamera.View orOrigin(OrbitCamera.View view, double pitchDegrees) {
        return view != null ? view : new OrbitCamera.View(0, 0, 0, 0, pitchDegrees, 500);
    }

    /** Low over the town with the horizon and sky in view, as a visitor would look across it. */
    public OrbitCamera.View panoramaView() {
        OrbitCamera.View home = homeView();
        return new OrbitCamera.View(home.targetX(), home.targetY(), home.targetZ(), home.yawDegrees(), 14, home.distance() * 0.55);
    }

    public OrbitCamera.View topView() {
        Central town = centralObjects(0);
        return orOrigin(frame(town.objects(), 0, 89.9, 0.95, town.range()), 89.9);
    }

    /** A view of an object, whole and filling most of the view, from the current yaw; null if it draws nothing. */
    public OrbitCamera.View viewOf(int objectIndex) {
        return frame(new int[]{objectIndex}, camera.view().yawDegrees(), 35, OBJECT_FILL, null);
    }

    /** A view of these objects (by index), whole and filling the view, from the current yaw; null if none draws. */
    public OrbitCamera.View viewOfObjects(int[] objects) {
        return frame(objects, camera.view().yawDegrees(), 45, 0.9, null);
    }

    /** A view of a point in scene coordinates with something of the given size there, from the current yaw. */
    public OrbitCamera.View viewAround(double x, double y, double z, double size) {
        return new OrbitCamera.View(x, y, z, camera.view().yawDegrees(), 40, Math.max(60, size * 4));
    }

    /** A view of the objects whose text attribute {@code name} equals {@code value} (ignoring case), or null. */
    public OrbitCamera.View viewOfAttribute(String name, String value) {
        List<CityObject> objects = city.meshes().objects();
        int[] matching = IntStream.range(0, objects.size()).filter(index -> value.equalsIgnoreCase(objects.get(index).textAttribute(name))).toArray();
        return frame(matching, 20, 45, 0.9, null);
    }

    /**
     * A view of the object with this id: of its own geometry, or where it has none (a 3D BAG Pand, an NRW building
     * drawn by its parts) of its parts', and theirs; null when neither draws anything.
     */
    public OrbitCamera.View viewOfId(String id) {
        List<CityObject> objects = city.meshes().objects();
        // A part names its parent, and a parent with no geometry is not among the drawn objects at all.
        Map<String, List<Integer>> parts = new HashMap<>();
        for (int index = 0; index < objects.size(); index++) {
            for (String parent : objects.get(index).parents()) {
                parts.computeIfAbsent(parent, key -> new ArrayList<>()).add(index);
            }
        }
        IntStream.Builder drawn = IntStream.builder();
        Set<String> seen = new HashSet<>();
        Deque<String> open = new ArrayDeque<>(List.of(id));
        while (!open.isEmpty()) {
            String next = open.pop();
            if (!seen.add(next)) {
                continue;
            }
            int index = city.meshes().objectIndex(next);
            if (index >= 0) {
                drawn.add(index);
            }
            parts.getOrDefault(next, List.of()).forEach(part -> open.add(objects.get(part).id()));
        }
        int[] found = drawn.build().toArray();
        return frame(found, camera.view().yawDegrees(), 35, OBJECT_FILL, null);
    }

    /**
     * The objects whose anchor lies within the middle of all anchors, leaving out a share at each end, and that
     * middle (min x, min z, max x, max z). Only objects of a building's size count: a road, a railway or a river
     * runs for kilometres through and past a town and would frame the fields around it.
     */
    private record Central(int[] objects, double[] range) {
    }

    private Central centralObjects(double trim) {
        int[] compact = IntStream.range(0, anchors.length / 2).filter(object -> !Float.isNaN(anchors[object * 2])).filter(object -> {
            double[] box = city.objectCentre(object);
            return box != null && box[3] <= FRAMED_SIZE && box[5] <= FRAMED_SIZE;
        }).toArray();
        if (compact.length == 0) {
            compact = IntStream.range(0, anchors.length / 2).filter(object -> !Float.isNaN(anchors[object * 2])).toArray();
        }
        if (compact.length == 0) {
            return new Central(compact, null);
        }
        float[] xs = new float[compact.length];
        float[] zs = new float[compact.length];
        for (int i = 0; i < compact.length; i++) {
            xs[i] = anchors[compact[i] * 2];
            zs[i] = anchors[compact[i] * 2 + 1];
        }
        Arrays.sort(xs);
        Arrays.sort(zs);
        int low = (int) (compact.length * trim);
        int high = compact.length - 1 - low;
        double[] range = {xs[low], zs[low], xs[high], zs[high]};
        int[] inside = IntStream.of(compact).filter(object -> anchors[object * 2] >= range[0] && anchors[object * 2] <= range[2]
                && anchors[object * 2 + 1] >= range[1] && anchors[object * 2 + 1] <= range[3]).toArray();
        return new Central(inside, range);
    }

    /**
     * A view of objects from a yaw and a pitch: aimed at the centre of their boxes and just far enough that every
     * corner of every object's own box lies within {@code fill} of the view's half-width and half-height. The
     * objects' boxes, not the box around them all: a town's box has empty corners, which would push the camera
     * back. With a {@code range} (min x, min z, max x, max z) each box is cut to it. Null when none of the objects
     * draws anything.
     */
    private OrbitCamera.View frame(int[] objects, double yawDegrees, double pitchDegrees, double fill, double[] range) {
        List<double[]> boxes = new ArrayList<>();
        double[] all = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int object : objects) {
            double[] c = city.objectCentre(object);
            if (c == null) {
                continue;
            }
            double[] box = {c[0] - c[3] / 2, c[1] - c[4] / 2, c[2] - c[5] / 2, c[0] + c[3] / 2, c[1] + c[4] / 2, c[2] + c[5] / 2};
            // The town's range cuts down only what is larger than a building (a motorway, the river): a house's box
            // is framed whole, even where the range of a few houses' positions is one point.
            if (range != null && (c[3] > FRAMED_SIZE || c[5] > FRAMED_SIZE)) {
                box[0] = Math.max(box[0], range[0]);
                box[2] = Math.max(box[2], range[1]);
                box[3] = Math.min(box[3], range[2]);
                box[5] = Math.min(box[5], range[3]);
            }
            boxes.add(box);
            for (int axis = 0; axis < 3; axis++) {
                all[axis] = Math.min(all[axis], box[axis]);
                all[axis + 3] = Math.max(all[axis + 3], box[axis + 3]);
            }
        }
        if (boxes.isEmpty()) {
            return null;
        }
        double x = (all[0] + all[3]) / 2;
        double y = (all[1] + all[4]) / 2;
        double z = (all[2] + all[5]) / 2;
        double width = subScene.getWidth() > 0 ? subScene.getWidth() : 800;
        double height = subScene.getHeight() > 0 ? subScene.getHeight() : 600;
        double fov = camera.camera().getFieldOfView();
        // The corners in the frame of a camera at the target: at distance d, each lies d further along the view.
        ViewFrustum atTarget = new ViewFrustum(new OrbitCamera.View(x, y, z, yawDegrees, pitchDegrees, 0), fov, width, height, 1, 2);
        double tanHalfHeight = Math.tan(Math.toRadians(fov / 2)) * fill;
        double tanHalfWidth = tanHalfHeight * width / height;
        double distance = 0;
        for (double[] box : boxes) {
            for (int corner = 0; corner < 8; corner++) {
                double[] point = atTarget.toCamera(box[(corner & 1) == 0 ? 0 : 3], box[(corner & 2) == 0 ? 1 : 4], box[(corner & 4) == 0 ? 2 : 5]);
                distance = Math.max(distance, Math.max(Math.abs(point[0]) / tanHalfWidth, Math.abs(point[1]) / tanHalfHeight) - point[2]);
            }
        }
        return new OrbitCamera.View(x, y, z, yawDegrees, pitchDegrees, distance);
    }

    /** Resolves a view name for snapshots and bookmarks: home, top, chempark, or an object id. */
    public OrbitCamera.View namedView(String name) {
        OrbitCamera.View view = switch (name) {
            case "home" -> homeView();
            case "top" -> topView();
            case "panorama" -> panoramaView();
            case "chempark" -> viewOfAttribute(Chempark.SITE_ATTRIBUTE, Chempark.SITE);
            default -> {
                OrbitCamera.View object = viewOfId(name);
                yield object != null ? object : viewOfAttribute("district", name);
            }
        };
        if (view == null) {
            throw new UnknownCameraException("unknown camera '" + name + "': use home, panorama, top, chempark, a district name or an object id that the model draws");
        }
        return view;
    }
}
