package de.dormagentwin.scene;

import de.dormagentwin.model.CityObject;

import java.util.List;

/**
 * What the mesh builder made of one or more city models: merged mesh parts around a common origin, the objects by
 * scene-wide index, and the size of what is drawn.
 *
 * @param origin      the real-world point (x east, y north, z up) that is the scene's zero; kept in double precision
 * @param tileSize    the edge length of a tile in metres
 * @param surfaceArea the area of all drawn triangles, in CRS units squared
 */
public record CityMeshes(double[] origin, double tileSize, List<MeshPart> parts, List<CityObject> objects,
                         long triangles, double surfaceArea) {

    public int objectIndex(String id) {
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
