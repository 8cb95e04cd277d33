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
    /** Marks a surface without a texture. */
    public static final int NO_TEXTURE = -1;

    private final GeometryType type;
    private final String lod;
    private final int[] surfaceRingStart;
    private final int[] ringVertexStart;
    private final int[] vertexIndices;
    private final String[] semanticTypes;
    private final int[] surfaceColors;
    /** Per surface, an index into {@link CityModel#textures()} or {@link #NO_TEXTURE}; null for an untextured geometry. */
    private final int[] surfaceTextures;
    /** u, v per position of {@link #vertexIndices}; null for an untextured geometry, the common case, which so pays nothing. */
    private final float[] textureCoordinates;

    public Geometry(GeometryType type, String lod, int[] surfaceRingStart, int[] ringVertexStart, int[] vertexIndices,
                    String[] semanticTypes, int[] surfaceColors) {
        this(type, lod, surfaceRingStart, ringVertexStart, vertexIndices, semanticTypes, surfaceColors, null, null);
    }

    /**
     * @param semanticTypes per surface, the semantic surface type (such as {@code RoofSurface}) or null; the array may be null
     * @param surfaceColors per surface, an opaque ARGB material colour or {@link #NO_COLOR}; the array may be null
     * @param surfaceTextures per surface, the index of its image in the model's {@link CityModel#textures()} or
     *                        {@link #NO_TEXTURE}; null where no surface has one, and then so is {@code textureCoordinates}
     * @param textureCoordinates u, v per position of {@code vertexIndices} (v up, as CityGML and CityJSON write it);
     *                           read only for textured surfaces
     */
    public Geometry(GeometryType type, String lod, int[] surfaceRingStart, int[] ringVertexStart, int[] vertexIndices,
                    String[] semanticTypes, int[] surfaceColors, int[] surfaceTextures, float[] textureCoordinates) {
        if ((surfaceTextures == null) != (textureCoordinates == null)
                || textureCoordinates != null && textureCoordinates.length != vertexIndices.length * 2) {
            throw new IllegalArgumentException("texture coordinates must come with surface textures, two per position");
        }
        this.type = type;
        this.lod = lod;
        this.surfaceRingStart = surfaceRingStart;
        this.ringVertexStart = ringVertexStart;
        this.vertexIndices = vertexIndices;
        this.semanticTypes = semanticTypes;
        this.surfaceColors = surfaceColors;
        this.surfaceTextures = surfaceTextures;
        this.textureCoordinates = textureCoordinates;
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

    /** The surface's image, an index into {@link CityModel#textures()}, or {@link #NO_TEXTURE}. */
    public int surfaceTexture(int surface) {
        return surfaceTextures == null ? NO_TEXTURE : surfaceTextures[surface];
    }

    /** Whether any surface has a texture. */
    public boolean hasTextures() {
        return surfaceTextures != null;
    }

    /** The texture's u at position {@code position} of the flattened ring list; meaningful on a textured surface only. */
    public float textureU(int position) {
        return textureCoordinates[position * 2];
    }

    /** The texture's v (up from the image's bottom edge) at position {@code position}; meaningful on a textured surface only. */
    public float textureV(int position) {
        return textureCoordinates[position * 2 + 1];
    }

    /** The largest vertex index this geometry refers to, or -1 when it has none. */
    public int maxVertexIndex() {
        return Arrays.stream(vertexIndices).max().orElse(-1);
    }
}
