package de.dormagentwin.model;

import de.dormagentwin.model.text.SafeText;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded city model: objects, the shared vertex array (real-world coordinates, transform already applied,
 * x y z interleaved in one primitive array) and the problems met while loading.
 */
public final class CityModel {
    private final String name;
    private final String referenceSystem;
    private final Map<String, Object> metadata;
    private final double[] vertices;
    private final int vertexCount;
    private final List<CityObject> objects;
    /** Room for a file name, an id and the reason, however long the file's own names are. */
    private static final int PROBLEM_LIMIT = 1_000;

    private final List<String> problems;
    private final List<String> notes;
    private final int skippedObjects;
    private final Map<String, CityObject> byId;
    private final List<Path> textures;

    public CityModel(String name, String referenceSystem, Map<String, Object> metadata, double[] vertices, int vertexCount,
                     List<CityObject> objects, List<String> problems, int skippedObjects) {
        this(name, referenceSystem, metadata, vertices, vertexCount, objects, problems, List.of(), skippedObjects);
    }

    /**
     * @param notes what the file holds that is not drawn although the file is sound (textures, say): said to the
     *              user, but no problem, so {@code info} still exits 0
     */
    public CityModel(String name, String referenceSystem, Map<String, Object> metadata, double[] vertices, int vertexCount,
                     List<CityObject> objects, List<String> problems, List<String> notes, int skippedObjects) {
        this(name, referenceSystem, metadata, vertices, vertexCount, objects, problems, notes, skippedObjects, List.of());
    }

    /**
     * @param textures the texture images the geometries' {@link Geometry#surfaceTexture} indexes: files the reader
     *                 found next to the model and checked, never a URL or a path out of the model's folder
     */
    public CityModel(String name, String referenceSystem, Map<String, Object> metadata, double[] vertices, int vertexCount,
                     List<CityObject> objects, List<String> problems, List<String> notes, int skippedObjects, List<Path> textures) {
        this.name = name;
        this.referenceSystem = referenceSystem;
        this.metadata = metadata;
        this.vertices = vertices;
        this.vertexCount = vertexCount;
        this.objects = List.copyOf(objects);
        // Problems quote ids and text from the file; they go to logs, terminals and the planner's note, so a file
        // cannot forge a line or hide behind a control character there. Idempotent for text already made safe.
        this.problems = problems.stream().map(problem -> SafeText.of(problem, PROBLEM_LIMIT)).toList();
        this.notes = notes.stream().map(note -> SafeText.of(note, PROBLEM_LIMIT)).toList();
        this.skippedObjects = skippedObjects;
        this.textures = List.copyOf(textures);
        this.byId = new HashMap<>(objects.size() * 2);
        for (CityObject object : objects) {
            byId.put(object.id(), object);
        }
    }

    public String name() {
        return name;
    }

    /** The CRS as written in the file (an OGC URL such as .../EPSG/0/25832), or null. */
    public String referenceSystem() {
        return referenceSystem;
    }

    public Map<String, Object> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    public int vertexCount() {
        return vertexCount;
    }

    public double x(int vertex) {
        return vertices[vertex * 3];
    }

    public double y(int vertex) {
        return vertices[vertex * 3 + 1];
    }

    public double z(int vertex) {
        return vertices[vertex * 3 + 2];
    }

    public List<CityObject> objects() {
        return objects;
    }

    public CityObject object(String id) {
        return byId.get(id);
    }

    /** Messages naming the file, the object and the problem; empty for a clean file. */
    public List<String> problems() {
        return problems;
    }

    /** What the file holds that is not drawn, though it is no problem (see the constructor). */
    public List<String> notes() {
        return notes;
    }

    /** The texture images, by the index {@link Geometry#surfaceTexture} gives; empty for an untextured model. */
    public List<Path> textures() {
        return textures;
    }

    /** How many objects were left out because of problems. */
    public int skippedObjects() {
        return skippedObjects;
    }

    /** [minx, miny, minz, maxx, maxy, maxz] of all vertices; all NaN for a model without vertices. */
    public double[] extent() {
        double[] extent = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        if (vertexCount == 0) {
            Arrays.fill(extent, Double.NaN);
            return extent;
        }
        for (int v = 0; v < vertexCount; v++) {
            for (int axis = 0; axis < 3; axis++) {
                double value = vertices[v * 3 + axis];
                // A reader marks a vertex it could not make finite with NaN, and leaves out the objects using it.
                if (Double.isFinite(value)) {
                    extent[axis] = Math.min(extent[axis], value);
                    extent[axis + 3] = Math.max(extent[axis + 3], value);
                }
            }
        }
        if (extent[0] > extent[3]) {
            Arrays.fill(extent, Double.NaN);
        }
        return extent;
    }

    /** The vertex array itself, not a copy: meshing reads it without allocating. Callers must not write to it. */
    public double[] vertexArray() {
        return vertices;
    }
}
