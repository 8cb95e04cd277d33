package de.dormagentwin.overlay;

import de.dormagentwin.live.SafetyQuantities;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.primitive.FloatList;
import de.dormagentwin.model.primitive.IntList;
import de.dormagentwin.scene.CityLayer;
import de.dormagentwin.scene.CityMeshes;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CHEMPARK safety view: the ground footprint of the plume of the stack that emits most now, turned by the
 * weather mast's wind and scaled by the emission, and rings around the facilities of each hazard class. An
 * illustration, never a dispersion forecast: the caption says so.
 */
public final class SafetyLayer {
    /** A hazard class's ring: its radius around each facility of the class, and its colour. */
    public record Hazard(String hazardClass, double radiusMetres, String colour, String colourName) {
    }

    /** The rings drawn, widest first; the radii are illustrative defaults, not the park's planning zones. */
    public static final List<Hazard> HAZARDS = List.of(new Hazard("explosive", 250, "#b0179b", "purple"),
            new Hazard("toxic", 120, "#d7261e", "red"), new Hazard("flammable", 50, "#f08a1c", "orange"));
    private static final String RINGS = HAZARDS.stream()
            .map(hazard -> String.format(Locale.ROOT, "%s %.0f m (%s)", hazard.hazardClass(), hazard.radiusMetres(), hazard.colourName()))
            .collect(Collectors.joining(", ", "Rings: ", "."));
    /** Flue gas per stack, to turn an in-stack concentration (mg/m³) into an emission rate (g/s): an assumption. */
    static final double FLUE_GAS_CUBIC_METRES_PER_SECOND = 60;
    /** Added to a stack's height for the plume's rise above it. */
    static final double PLUME_RISE_METRES = 25;
    private static final double PLUME_LENGTH = 4000;
    private static final double PLUME_HALF_WIDTH = 600;
    private static final int ALONG = 80;
    private static final int ACROSS = 40;
    /** Above the ground plane and the roads, below anything a person would stand on. */
    private static final float LIFT = -0.6f;

    private final CityLayer city;
    private final Group root = new Group();
    private final MeshView plume = new MeshView();
    private final PhongMaterial plumeMaterial = new PhongMaterial();

    public SafetyLayer(CityLayer city) {
        this.city = city;
        plume.setMouseTransparent(true);
        plume.setCullFace(CullFace.NONE);
        // Lit like the buildings, a flat overlay on the ground came out dark: it glows in its own colours instead.
        WritableImage colours = plumeColours();
        plumeMaterial.setDiffuseColor(Color.BLACK);
        plumeMaterial.setDiffuseMap(colours);
        plumeMaterial.setSelfIlluminationMap(colours);
        plumeMaterial.setSpecularColor(Color.BLACK);
        plume.setMaterial(plumeMaterial);
        root.getChildren().add(plume);
        for (Hazard hazard : HAZARDS) {
            MeshView rings = new MeshView(rings(hazard.hazardClass(), hazard.radiusMetres()));
            WritableImage colour = new WritableImage(1, 1);
            colour.getPixelWriter().setColor(0, 0, Color.web(hazard.colour()));
            PhongMaterial material = new PhongMaterial(Color.BLACK);
            material.setSelfIlluminationMap(colour);
            material.setSpecularColor(Color.BLACK);
            rings.setMaterial(material);
            rings.setMouseTransparent(true);
            rings.setCullFace(CullFace.NONE);
            root.getChildren().add(rings);
        }
        root.setVisible(false);
    }

    public Node node() {
        return root;
    }

    public void setVisible(boolean visible) {
        root.setVisible(visible);
    }

    public boolean isVisible() {
        return root.isVisible();
    }

    /** What a plume is drawn from: the stack's value that emits most, and the mast's wind; null where none is. */
    record Inputs(Latest strongest, Latest speed, Latest direction) {
    }

    /** Finds the plume's inputs among the values by their observed properties. */
    static Inputs inputs(Map<String, List<Latest>> valuesByObject) {
        Latest strongest = null;
        Latest speed = null;
        Latest direction = null;
        for (List<Latest> values : valuesByObject.values()) {
            for (Latest value : values) {
                if (!value.hasValue() || Double.isNaN(value.number())) {
                    continue;
                }
                switch (value.datastream().observedProperty()) {
                    case SafetyQuantities.NOX -> strongest = strongest == null || value.number() > strongest.number() ? value : strongest;
                    case SafetyQuantities.WIND_SPEED -> speed = value;
                    case SafetyQuantities.WIND_DIRECTION -> direction = value;
                    default -> {
                    }
                }
            }
        }
        return new Inputs(strongest, speed, direction);
    }

    /** What the plume drawn stands for: the stack with the highest NOx now and the mast's wind. */
    public record Plume(String stackId, double noxMilligramsPerCubicMetre, double windMetresPerSecond, double windFromDegrees) {
    }

    /**
     * Redraws the plume from the values: the stack with the highest NOx now, the mast's wind. Returns the caption
     * for the screen: what is drawn and that it is an illustration, or why nothing is.
     */
    public String update(Map<String, List<Latest>> valuesByObject) {
        Plume drawn = redraw(valuesByObject);
        if (drawn == null) {
            return "Safety view: no stack emission or wind data in the cache. " + RINGS + " Illustration, not a forecast.";
        }
        return String.format(Locale.ROOT, "Safety view: plume of %s (NOx %.0f mg/m³), wind %.1f m/s from %.0f°, class D. %s%n"
                + "Illustration, not a dispersion forecast.", drawn.stackId(), drawn.noxMilligramsPerCubicMetre(), drawn.windMetresPerSecond(),
                drawn.windFromDegrees(), RINGS);
    }

    /**
     * Redraws the plume from the values, as {@link #update} does, and says what it stands for: null where no stack
     * emission or no wind is in the values and nothing is drawn. For a caption in the viewer's own words.
     */
    public Plume redraw(Map<String, List<Latest>> valuesByObject) {
        Inputs inputs = inputs(valuesByObject);
        Latest strongest = inputs.strongest();
        Latest speed = inputs.speed();
        Latest direction = inputs.direction();
        int stack = strongest == null ? -1 : city.meshes().objectIndex(strongest.objectId());
        if (stack < 0 || speed == null || direction == null) {
            plume.setMesh(null);
            return null;
        }
        double grams = strongest.number() * FLUE_GAS_CUBIC_METRES_PER_SECOND / 1000;
        CityObject object = city.meshes().objects().get(stack);
        double height = (object.attributes().get("measuredHeight") instanceof Number number ? number.doubleValue() : 60) + PLUME_RISE_METRES;
        GaussianPlume model = new GaussianPlume(grams, speed.number(), height, GaussianPlume.Stability.D);
        double[] centre = city.objectCentre(stack);
        plume.setMesh(footprint(model, centre[0], centre[2], direction.number()).toMesh());
        return new Plume(object.id(), strongest.number(), speed.number(), direction.number());
    }

    /**
     * The ground footprint as a grid in the wind's frame, each point's texture coordinate its concentration on a
     * logarithmic scale. {@code fromDegrees} is where the wind comes from, clockwise from north, as masts report.
     */
    static Footprint footprint(GaussianPlume model, double east, double north, double fromDegrees) {
        double towards = Math.toRadians(fromDegrees + 180);
        double alongEast = Math.sin(towards);
        double alongNorth = Math.cos(towards);
        double peak = 0;
        for (int i = 1; i <= ALONG; i++) {
            peak = Math.max(peak, model.groundConcentration(PLUME_LENGTH * i / ALONG, 0));
        }
        FloatList points = new FloatList((ALONG + 1) * (ACROSS + 1) * 3);
        FloatList texCoords = new FloatList((ALONG + 1) * (ACROSS + 1) * 2);
        for (int i = 0; i <= ALONG; i++) {
            double down = PLUME_LENGTH * i / ALONG;
            for (int j = 0; j <= ACROSS; j++) {
                double across = PLUME_HALF_WIDTH * (2.0 * j / ACROSS - 1);
                double x = east + down * alongEast + across * alongNorth;
                double z = north + down * alongNorth - across * alongEast;
                points.add((float) x, LIFT, (float) z);
                double share = peak > 0 ? model.groundConcentration(down, across) / peak : 0;
                // Three decades of concentration across the colour scale: the footprint's edge is at a thousandth.
                double level = share <= 0 ? 0 : Math.max(0, 1 + Math.log10(share) / 3);
                texCoords.add((float) (0.02 + 0.96 * level), 0.5f);
            }
        }
        IntList faces = new IntList(ALONG * ACROSS * 12);
        for (int i = 0; i < ALONG; i++) {
            for (int j = 0; j < ACROSS; j++) {
                int a = i * (ACROSS + 1) + j;
                int b = a + 1;
                int c = a + ACROSS + 1;
                int d = c + 1;
                for (int corner : new int[]{a, c, b, b, c, d}) {
                    faces.add(corner);
                    faces.add(corner);
                }
            }
        }
        return new Footprint(points.toArray(), texCoords.toArray(), faces.toArray());
    }

    /** A plume's ground footprint: mesh arrays (points in scene coordinates), built without the FX toolkit. */
    record Footprint(float[] points, float[] texCoords, int[] faces) {
        TriangleMesh toMesh() {
            TriangleMesh mesh = new TriangleMesh();
            mesh.getPoints().setAll(points);
            mesh.getTexCoords().setAll(texCoords);
            mesh.getFaces().setAll(faces);
            return mesh;
        }
    }

    /** Transparent at the footprint's edge through yellow to red at its peak. */
    private static WritableImage plumeColours() {
        WritableImage image = new WritableImage(64, 1);
        for (int x = 0; x < 64; x++) {
            double t = x / 63.0;
            int alpha = t < 0.05 ? 0 : (int) Math.round(70 + 120 * t);
            int colour = Colors.mix(0xFFF2D024, 0xFFD7261E, t) & 0xFFFFFF;
            image.getPixelWriter().setArgb(x, 0, alpha << 24 | colour);
        }
        return image;
    }

    /** Flat rings, a few metres wide, around every facility of one hazard class. */
    private TriangleMesh rings(String hazardClass, double radius) {
        CityMeshes meshes = city.meshes();
        FloatList points = new FloatList(1024);
        IntList faces = new IntList(1024);
        int segments = 72;
        double width = Math.max(2, radius * 0.025);
        for (int index = 0; index < meshes.objects().size(); index++) {
            if (!hazardClass.equals(meshes.objects().get(index).textAttribute("hazardClass"))) {
                continue;
            }
            double[] centre = city.objectCentre(index);
            if (centre == null) {
                continue;
            }
            int first = points.size() / 3;
            for (int s = 0; s < segments; s++) {
                double angle = 2 * Math.PI * s / segments;
                for (double r : new double[]{radius - width / 2, radius + width / 2}) {
                    points.add((float) (centre[0] + r * Math.cos(angle)), LIFT - 0.1f, (float) (centre[2] + r * Math.sin(angle)));
                }
            }
            for (int s = 0; s < segments; s++) {
                int inner = first + s * 2;
                int outer = inner + 1;
                int nextInner = first + (s + 1) % segments * 2;
                int nextOuter = nextInner + 1;
                for (int corner : new int[]{inner, nextInner, outer, outer, nextInner, nextOuter}) {
                    faces.add(corner);
                    faces.add(0);
                }
            }
        }
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().setAll(points.toArray());
        mesh.getTexCoords().setAll(0, 0);
        mesh.getFaces().setAll(faces.toArray());
        return mesh;
    }
}
