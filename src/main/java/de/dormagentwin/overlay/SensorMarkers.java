package de.dormagentwin.overlay;

import de.dormagentwin.live.store.Latest;
import de.dormagentwin.model.primitive.FloatList;
import de.dormagentwin.model.primitive.IntList;
import de.dormagentwin.scene.CityLayer;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A marker above every city object that carries sensors: all markers in one mesh (an upside-down pyramid each,
 * pointing at its object), each with a texel of its own in a palette, so a marker changes colour by a pixel write,
 * like the city. Coloured by the active rule's value, neutral where the object has no stream of that property.
 */
public final class SensorMarkers {
    private static final int NEUTRAL = 0xFF5A6470;
    /** Half the marker's width and its height, in metres; large enough to find from the district view. */
    private static final float HALF = 9;
    private static final float TALL = 22;
    private static final float FLOAT = 12;

    private final MeshView view = new MeshView();
    private final List<String> objectIds = new ArrayList<>();
    private WritableImage palette;
    private int[] current = new int[0];

    public MeshView node() {
        return view;
    }

    public int count() {
        return objectIds.size();
    }

    /** Puts a marker above each object that has values; rebuilt only when the set of objects changes. */
    public void update(CityLayer city, Map<String, List<Latest>> valuesByObject, ColorRule rule) {
        List<String> ids = valuesByObject.keySet().stream()
                .filter(id -> city.meshes().objectIndex(id) >= 0 && city.objectCentre(city.meshes().objectIndex(id)) != null).sorted().toList();
        if (!ids.equals(objectIds)) {
            build(city, ids);
        }
        PixelWriter writer = palette == null ? null : palette.getPixelWriter();
        for (int marker = 0; marker < objectIds.size(); marker++) {
            int argb = NEUTRAL;
            if (rule != null) {
                for (Latest value : valuesByObject.get(objectIds.get(marker))) {
                    if (value.datastream().observedProperty().equals(rule.observedProperty()) && value.hasValue() && !Double.isNaN(value.number())) {
                        argb = rule.colorOf(value.number());
                    }
                }
            }
            if (current[marker] != argb) {
                current[marker] = argb;
                int width = (int) palette.getWidth();
                writer.setArgb(marker % width, marker / width, argb);
            }
        }
    }

    private void build(CityLayer city, List<String> ids) {
        objectIds.clear();
        objectIds.addAll(ids);
        int width = Math.max(1, Math.min(256, ids.size()));
        int height = Math.max(1, (ids.size() + width - 1) / width);
        palette = new WritableImage(width, height);
        current = new int[ids.size()];
        Arrays.fill(current, 0);
        FloatList points = new FloatList(ids.size() * 15);
        FloatList texCoords = new FloatList(ids.size() * 2);
        IntList faces = new IntList(ids.size() * 36);
        int marker = 0;
        for (String id : ids) {
            double[] centre = city.objectCentre(city.meshes().objectIndex(id));
            // objectCentre: x, y, z of the centre, then the extent's sizes; y points down, so the top is y - size/2.
            float x = (float) centre[0];
            float z = (float) centre[2];
            float tip = (float) (centre[1] - centre[4] / 2) - FLOAT;
            float base = tip - TALL;
            int first = points.size() / 3;
            points.add(x, tip, z);
            points.add(x - HALF, base, z - HALF);
            points.add(x + HALF, base, z - HALF);
            points.add(x + HALF, base, z + HALF);
            points.add(x - HALF, base, z + HALF);
            texCoords.add((marker % width + 0.5f) / width, (marker / width + 0.5f) / height);
            int texel = marker;
            int[][] triangles = {{0, 2, 1}, {0, 3, 2}, {0, 4, 3}, {0, 1, 4}, {1, 2, 3}, {1, 3, 4}};
            for (int[] triangle : triangles) {
                for (int corner : triangle) {
                    faces.add(first + corner);
                    faces.add(texel);
                }
            }
            marker++;
        }
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().setAll(points.toArray());
        mesh.getTexCoords().setAll(texCoords.toArray());
        mesh.getFaces().setAll(faces.toArray());
        view.setMesh(mesh);
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(palette);
        material.setSpecularColor(Color.gray(0.3));
        view.setMaterial(material);
        view.setMouseTransparent(true);
    }
}
