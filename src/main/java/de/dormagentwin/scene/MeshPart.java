package de.dormagentwin.scene;

/**
 * The arrays of one merged mesh (one tile, one surface class), ready for a {@code TriangleMesh} with
 * {@code POINT_NORMAL_TEXCOORD}. Every face of an object samples one texel of the part's palette, so an object is
 * recoloured by writing its texels, never by touching {@link #faces()}.
 *
 * @param detail       when the part is drawn: always, near the camera only (a building's own LoD2) or far from it only
 *                     (the same buildings as LoD1 blocks)
 * @param lowWalls     whether the part holds the walls of buildings no taller than {@link MeshBuilder#LOW_WALL_METRES}, which
 *                     are left out where such a wall would cover less than a pixel
 * @param points       x, y, z per point in scene coordinates (metres from the scene origin, y down)
 * @param normals      one flat normal per source surface
 * @param texCoords    u, v per texel centre
 * @param faces        point, normal, texcoord index per corner, three corners per triangle
 * @param faceToObject per triangle, the scene-wide object index (for picking)
 * @param texelObject  per texel, the scene-wide object index
 * @param texelArgb    per texel, its base colour
 * @param atlas        for a part of textured surfaces, the tile's texture atlas, which is its diffuse map instead of a
 *                     palette: its texCoords are then per corner, each object's contiguous, and each object has one
 *                     texel in the atlas (base colour 0: its textures) for its overlay or selection colour; null for a
 *                     palette part
 */
public record MeshPart(int tileColumn, int tileRow, SurfaceClass surfaceClass, Detail detail, boolean lowWalls, float[] points, float[] normals,
                       float[] texCoords, int[] faces, int[] faceToObject, int[] texelObject, int[] texelArgb,
                       int paletteWidth, int paletteHeight, TextureAtlas atlas) {

    /** Which camera distance a part is drawn at. */
    public enum Detail {
        ALWAYS, NEAR, FAR
    }

    public int triangleCount() {
        return faceToObject.length;
    }

    /**
     * This part with every object index moved on by {@code by}: a chunk meshed from object 0 on a worker, before the
     * count of the chunks ahead of it was known, takes its place in the city. The other arrays are shared.
     */
    public MeshPart renumbered(int by) {
        if (by == 0) {
            return this;
        }
        return new MeshPart(tileColumn, tileRow, surfaceClass, detail, lowWalls, points, normals, texCoords, faces, movedOn(faceToObject, by),
                movedOn(texelObject, by), texelArgb, paletteWidth, paletteHeight, atlas);
    }

    private static int[] movedOn(int[] objects, int by) {
        int[] moved = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            moved[i] = objects[i] + by;
        }
        return moved;
    }
}
