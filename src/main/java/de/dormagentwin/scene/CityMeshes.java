package de.dormagentwin.scene;

import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.geo.Utm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the mesh builder made of one or more city models: merged mesh parts around a common origin, the objects by
 * scene-wide index, and the size of what is drawn.
 *
 * @param origin      the real-world point (x east, y north, z up) that is the scene's zero; kept in double precision
 * @param tileSize    the edge length of a tile in metres
 * @param surfaceArea the area of all drawn triangles, in CRS units squared
 * @param indexById   each object's index by its id: overlays look objects up by id many times a second
 */
public record CityMeshes(double[] origin, double tileSize, List<MeshPart> parts, List<CityObject> objects,
                         long triangles, double surfaceArea, Map<String, Integer> indexById) {

    public CityMeshes(double[] origin, double tileSize, List<MeshPart> parts, List<CityObject> objects, long triangles, double surfaceArea) {
        this(origin, tileSize, parts, objects, triangles, surfaceArea, indexOf(objects));
    }

    private static Map<String, Integer> indexOf(List<CityObject> objects) {
        Map<String, Integer> index = new HashMap<>(objects.size() * 2);
        for (int i = objects.size() - 1; i >= 0; i--) {
            // Backwards, so that of two objects with one id (two files) the first wins, as a scan would find it.
            index.put(objects.get(i).id(), i);
        }
        return Map.copyOf(index);
    }

    /** Scene x and z of a WGS84 position, for a model in EPSG:25832 (ETRS89 / UTM 32N), the CRS of NRW's data. */
    public double[] sceneXZ(double longitude, double latitude) {
        double[] utm = Utm.wgs84ToEtrs89Utm32(latitude, longitude);
        return new double[]{utm[0] - origin[0], utm[1] - origin[1]};
    }

    public int objectIndex(String id) {
        return id == null ? -1 : indexById.getOrDefault(id, -1);
    }
}
