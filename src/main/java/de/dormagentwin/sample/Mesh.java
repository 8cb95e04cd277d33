package de.dormagentwin.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small boundary representation: shared vertices and planar faces, each face one outer
 * ring of vertex indices, optionally tagged with a semantic surface type.
 *
 * <p>Rings are counter-clockwise seen from outside the object, the CityJSON rule, so a
 * ground face is clockwise seen from above. Meshes hold one city object's geometry at a
 * time; whole documents are never held in memory.
 */
final class Mesh {

    /** One face: the ring of vertex indices and its semantic type, or null for none. */
    record Face(int[] ring, SurfaceType surfaceType) {
    }

    private double[] coordinates = new double[3 * 16];
    private int vertexCount;
    private final List<Face> faces = new ArrayList<>();

    int addVertex(double easting, double northing, double height) {
        if (3 * vertexCount + 3 > coordinates.length) {
            coordinates = Arrays.copyOf(coordinates, coordinates.length * 2);
        }
        coordinates[3 * vertexCount] = easting;
        coordinates[3 * vertexCount + 1] = northing;
        coordinates[3 * vertexCount + 2] = height;
        return vertexCount++;
    }

    void addFace(SurfaceType surfaceType, int... ring) {
        faces.add(new Face(ring, surfaceType));
    }

    int vertexCount() {
        return vertexCount;
    }

    double easting(int vertex) {
        return coordinates[3 * vertex];
    }

    double northing(int vertex) {
        return coordinates[3 * vertex + 1];
    }

    double height(int vertex) {
        return coordinates[3 * vertex + 2];
    }

    List<Face> faces() {
        return faces;
    }

    boolean hasSemantics() {
        for (Face face : faces) {
            if (face.surfaceType() != null) {
                return true;
            }
        }
        return false;
    }
}
