package de.dormagentwin.model;

import java.util.Arrays;

/**
 * One geometry of a city object, flattened to surfaces and rings over the model's shared vertex array.
 * Shells and solids are not kept apart: the viewer draws surfaces, and a solid's surfaces are its shells' surfaces.
 *
 * <p>Surface {@code s} owns rings {@code surfaceRingStart[s] .. surfaceRingStart[s+1]-1}; ring {@code r} owns
 * {@code vertexIndices[ringVertexStart[r] .. ringVertexStart[r+1]-1]}; the first ring of a surface is its outer ring.
 */
public final class Geometry {
    /** Marks a surface without a material colour. */
    public static final int NO_COLOR = 0;

    private final GeometryType type;
    private final String lod;
    private final int[] surfaceRingStart;
    private final int[] ringVertexStart;
    private final int[] vertexIndices;
    private final String[] semanticTypes;
    private final int[] surfaceColors;

    /**
     * @param semanticTypes per surface, the semantic surface type (such as {@code RoofSurface}) or null; the array may be null
     * @param surfaceColors per surface, an opaque ARGB material colour or {@link #NO_COLOR}; the array may be null
     */
    public Geometry(GeometryType type, String lod, int[] surfaceRingStart, int[] ringVertexStart, int[] vertexIndices,
                    String[] semanticTypes, int[] surfaceColors) {
        this.type = type;
        this.lod = lod;
        this.surfaceRingStart = surfaceRingStart;
        this.ringVertexStart = ringVertexStart;
        this.vertexIndices = vertexIndices;
        this.semanticTypes = semanticTypes;
        this.surfaceColors = surfaceColors;
    }

    public GeometryType type() {
        return type;
    }

    /** The level of detail as written in the file ("2", "2.2"), or an empty string where the file gave none. */
    public String lod() {
        return lod;
    }

    public int surfaceCount() {
        return surfaceRingStart.length - 1;
    }

    public int firstRing(int surface) {
        return surfaceRingStart[surface];
    }

    public int endRing(int surface) {
        return surfaceRingStart[surface + 1];
    }

    public int firstVertex(int ring) {
        return ringVertexStart[ring];
    }

    public int endVertex(int ring) {
        return ringVertexStart[ring + 1];
    }

    /** The model vertex index at position {@code position} of the flattened ring list. */
    public int vertexIndex(int position) {
        return vertexIndices[position];
    }

    public int vertexIndexCount() {
        return vertexIndices.length;
    }

    public String semanticType(int surface) {
        return semanticTypes == null ? null : semanticTypes[surface];
    }

    public int surfaceColor(int surface) {
        return surfaceColors == null ? NO_COLOR : surfaceColors[surface];
    }

    /** The largest vertex index this geometry refers to, or -1 when it has none. */
    public int maxVertexIndex() {
        return Arrays.stream(vertexIndices).max().orElse(-1);
    }
}
