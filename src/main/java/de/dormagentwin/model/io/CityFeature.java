package de.dormagentwin.model.io;

import de.dormagentwin.model.CityObject;

import java.util.List;

/**
 * One top-level city object with its parts, as a streaming reader hands it on: what one CityJSONFeature holds.
 * The objects' geometries index {@code vertices} (x y z interleaved, {@code vertexCount} of them).
 */
public record CityFeature(List<CityObject> objects, double[] vertices, int vertexCount) {

    /** The top-level object; its parts follow it in {@link #objects()}. */
    public CityObject root() {
        return objects.get(0);
    }
}
