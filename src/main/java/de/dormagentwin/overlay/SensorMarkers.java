package de.dormagentwin.overlay;

import de.dormagentwin.live.Place;
import de.dormagentwin.live.store.Latest;
import de.dormagentwin.model.primitive.FloatList;
import de.dormagentwin.model.primitive.IntList;
import de.dormagentwin.scene.CityLayer;
import javafx.scene.Node;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.PickResult;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A marker at every place that carries sensors: above its object, or on a pole at a point of its own where the
 * sensor has no object. All markers are one mesh (an upside-down pyramid each), each with a texel of its own in a
 * palette, so a marker changes colour by a pixel write, like the city. Coloured as the city is, by the active rule's
 * value (faded when stale, grey without data); neutral where the place has no stream of that property; red while
 * pulsing for an alert; the selection's cyan when selected. Markers can be picked.
 */
public final class SensorMarkers {
    private static final int NEUTRAL = 0xFF5A6470;
    /** Half the marker's width and its height, in metres; large enough to find from the district view. */
    private static final float HALF = 9;
    private static final float TALL = 22;
    /** How far the tip stays above a roof, and how high a point's pole stands. */
    private static final float FLOAT = 12;
    private static final float POLE = 16;
    private static final float POLE_HALF = 1.2f;
    private static final int[][] PYRAMID = {{0, 2, 1}, {0, 3, 2}, {0, 4, 3}, {0, 1, 4}, {1, 2, 3}, {1, 3, 4}};

    private final MeshView view = new MeshView();
    private final List<String> places = new ArrayList<>();
    private final Map<String, double[]> tops = new HashMap<>();
    private int[] markerOfFace = new int[0];
    private WritableImage palette;
    private int[] current = new int[0];
    private Set<String> pulsing = Set.of();
    private boolean pulseOn;
    private String selected;

    public MeshView node() {
        return view;
    }

    public int count() {
        return places.size();
    }

    /** Places with an unacknowledged alert, and the pulse's phase; takes effect at the next {@link #update}. */
    public void setPulse(Set<String> placeIds, boolean on) {
        pulsing = Set.copyOf(placeIds);
        pulseOn = on;
    }

    /** The place whose marker is highlighted, or null; takes effect at the next {@link #update}. */
    public void setSelected(String place) {
        selected = place;
    }

    /** The place whose marker is under a pick, or null. */
    public String placeAt(PickResult pick) {
        Node node = pick == null ? null : pick.getIntersectedNode();
        int face = node == view ? pick.getIntersectedFace() : -1;
        return face >= 0 && face < markerOfFace.length ? places.get(markerOfFace[face]) : null;
    }

    /** Scene x, y and z of the top of a place's marker (y points down), or null where it has none. */
    public double[] top(String place) {
        return tops.get(place);
    }

    /** The colour a place's marker shows now (opaque ARGB), or 0 where it has none. */
    public int colourOf(String place) {
        int marker = places.indexOf(place);
        return marker < 0 ? 0 : current[marker];
    }

    /**
     * Puts a marker at each place that has values and that the scene can show, and colours them as of {@code now};
     * the mesh is rebuilt only when the set of places changes.
     */
    public void update(CityLayer city, Map<String, List<Latest>> valuesByPlace, ColorRule rule, Instant now) {
        List<String> shown = valuesByPlace.keySet().stream().filter(place -> foot(city, place) != null).sorted().toList();
        if (!shown.equals(places)) {
            build(city, shown);
        }
        for (int marker = 0; marker < places.size(); marker++) {
            String place = places.get(marker);
            int argb = NEUTRAL;
            if (place.equals(selected)) {
                argb = CityLayer.SELECTION_ARGB;
            } else if (pulseOn && pulsing.contains(place)) {
                argb = ThematicOverlay.ALERT_ARGB;
            } else if (rule != null) {
                for (Latest value : valuesByPlace.get(place)) {
                    if (value.datastream().observedProperty().equals(rule.observedProperty())) {
                        argb = ThematicOverlay.colourOf(value, rule, now);
                    }
                }
            }
            if (current[marker] != argb) {
                current[marker] = argb;
                int width = (int) palette.getWidth();
                palette.getPixelWriter().setArgb(marker % width, marker / width, argb);
            }
        }
    }

    /**
     * Where a place's marker points: x, the height of the tip's base and z, with {@code true} in the last slot
     * for a free-standing point that needs a pole; null for a place the scene cannot show.
     */
    private static double[] foot(CityLayer city, String place) {
        double[] lonLat = Place.lonLat(place);
        if (lonLat != null) {
            double[] xz = city.meshes().sceneXZ(lonLat[0], lonLat[1]);
            // On the terrain where there is one; its y points down, like the pole's.
            double ground = city.meshes().terrain() == null ? Double.NaN : city.meshes().terrain().sceneYAt(xz[0], xz[1]);
            return new double[]{xz[0], (Double.isNaN(ground) ? 0 : ground) - POLE, xz[1], 1};
        }
        int index = city.meshes().objectIndex(place);
        double[] centre = index < 0 ? null : city.objectCentre(index);
        // objectCentre: x, y, z of the centre, then the extent's sizes; y points down, so the top is y - size/2.
        return centre == null ? null : new double[]{centre[0], centre[1] - centre[4] / 2 - FLOAT, centre[2], 0};
    }

    private void build(CityLayer city, List<String> shown) {
        places.clear();
        places.addAll(shown);
        tops.clear();
        int width = Math.max(1, Math.min(256, shown.size()));
        int height = Math.max(1, (shown.size() + width - 1) / width);
        palette = new WritableImage(width, height);
        current = new int[shown.size()];
        FloatList points = new FloatList(shown.size() * 15);
        FloatList texCoords = new FloatList(shown.size() * 2);
        IntList faces = new IntList(shown.size() * 36);
        IntList faceMarkers = new IntList(shown.size() * 6);
        for (int marker = 0; marker < shown.size(); marker++) {
            double[] foot = foot(city, shown.get(marker));
            float x = (float) foot[0];
            float tip = (float) foot[1];
            float z = (float) foot[2];
            float base = tip - TALL;
            tops.put(shown.get(marker), new double[]{x, base, z});
            texCoords.add((marker % width + 0.5f) / width, (marker / width + 0.5f) / height);
            int first = points.size() / 3;
            points.add(x, tip, z);
            points.add(x - HALF, base, z - HALF);
            points.add(x + HALF, base, z - HALF);
            points.add(x + HALF, base, z + HALF);
            points.add(x - HALF, base, z + HALF);
            addTriangles(faces, faceMarkers, first, PYRAMID, marker);
            if (foot[3] == 1) {
                // A square pole from the ground up to the tip: four sides, bottom corners 0-3, top corners 4-7.
                int pole = points.size() / 3;
                for (float y : new float[]{tip + POLE, tip}) {
                    points.add(x - POLE_HALF, y, z - POLE_HALF);
                    points.add(x + POLE_HALF, y, z - POLE_HALF);
                    points.add(x + POLE_HALF, y, z + POLE_HALF);
                    points.add(x - POLE_HALF, y, z + POLE_HALF);
                }
                int[][] sides = new int[8][];
                for (int side = 0; side < 4; side++) {
                    int next = (side + 1) % 4;
                    sides[side * 2] = new int[]{side, next, next + 4};
                    sides[side * 2 + 1] = new int[]{side, next + 4, side + 4};
                }
                addTriangles(faces, faceMarkers, pole, sides, marker);
            }
        }
        markerOfFace = faceMarkers.toArray();
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().setAll(points.toArray());
        mesh.getTexCoords().setAll(texCoords.toArray());
        mesh.getFaces().setAll(faces.toArray());
        view.setMesh(mesh);
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(palette);
        material.setSpecularColor(Color.gray(0.3));
        view.setMaterial(material);
        // Both sides: a marker is a handful of triangles, and the poles need no winding care.
        view.setCullFace(CullFace.NONE);
    }

    /** Adds triangles over the vertices from {@code first} on, all with the marker's texel. */
    private static void addTriangles(IntList faces, IntList faceMarkers, int first, int[][] triangles, int marker) {
        for (int[] triangle : triangles) {
            for (int corner : triangle) {
                faces.add(first + corner);
                faces.add(marker);
            }
            faceMarkers.add(marker);
        }
    }
}
