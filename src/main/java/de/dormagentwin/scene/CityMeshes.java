package de.dormagentwin.scene;

import de.dormagentwin.model.CityObject;
import de.dormagentwin.model.geo.Utm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the mesh builder made of one or more city models: merged mesh parts around a common origin, the objects by
 * scene-wide index, the size of what is drawn, and the terrain the city stands on, meshed around the same origin.
 *
 * @param origin      the real-world point (x east, y north, z up) that is the scene's zero; kept in double precision
 * @param tileSize    the edge length of a tile in metres
 * @param surfaceArea the area of all drawn triangles, in CRS units squared
 * @param indexById   each object's index by its id: overlays look objects up by id many times a second
 * @param terrain     the ground under the city, null where only the flat ground plane is drawn; it travels with the
 *                    city's meshes so that every view built from them, planner or kiosk, stands on it
 * @param groundAreas land use, in file order, painted on the ground rather than drawn as objects
 * @param notes       what meshing did not draw as the files meant (textures over the budget, images that would not
 *                    decode), for the user as the models' notes are
 */
public record CityMeshes(double[] origin, double tileSize, List<MeshPart> parts, List<CityObject> objects,
                         long triangles, double surfaceArea, Map<String, Integer> indexById, TerrainMesh terrain,
                         List<GroundArea> groundAreas, List<String> notes) {

    public CityMeshes(double[] origin, double tileSize, List<MeshPart> parts, List<CityObject> objects, long triangles, double surfaceArea) {
        this(origin, tileSize, parts, objects, triangles, surfaceArea, List.of());
    }

    public CityMeshes(double[] origin, double tileSize, List<MeshPart> parts, List<CityObject> objects, long triangles,
                      double surfaceArea, List<GroundArea> groundAreas) {
        this(origin, tileSize, parts, objects, triangles, surfaceArea, groundAreas, List.of());
    }

    public CityMeshes(double[] origin, double tileSize, List<MeshPart> parts, List<CityObject> objects, long triangles,
                      double surfaceArea, List<GroundArea> groundAreas, List<String> notes) {
        this(origin, tileSize, parts, objects, triangles, surfaceArea, indexOf(objects), null, groundAreas, notes);
    }

    /** These meshes on a terrain meshed around their origin ({@link TerrainMesh#build(List, double[])} with {@link #origin()}). */
    public CityMeshes withTerrain(TerrainMesh ground) {
        if (ground != null && !Arrays.equals(ground.origin(), origin)) {
            throw new IllegalArgumentException("the terrain is meshed around " + Arrays.toString(ground.origin())
                    + ", not around the city's origin " + Arrays.toString(origin));
        }
        return new CityMeshes(origin, tileSize, parts, objects, triangles, surfaceArea, indexById, ground, groundAreas, notes);
    }

    /** The grid these meshes lie on, for meshing more of the city onto it. */
    public MeshBuilder.Grid grid() {
        return new MeshBuilder.Grid(origin, tileSize);
    }

    /**
     * This chunk, meshed with its objects numbered from 0 ({@link MeshBuilder#build(List, de.dormagentwin.model.LodChoice,
     * MeshBuilder.Grid, int)} with 0), as if meshed with them numbered from {@code firstObject} on: the same arrays but
     * the parts' object indexes, which name objects city-wide. Meshing tiles side by side on a pool, the count of the
     * objects before a tile is known only once the tiles before it are meshed.
     */
    public CityMeshes numberedFrom(int firstObject) {
        if (firstObject == 0) {
            return this;
        }
        List<MeshPart> renumbered = new ArrayList<>(parts.size());
        for (MeshPart part : parts) {
            renumbered.add(part.renumbered(firstObject));
        }
        return new CityMeshes(origin, tileSize, Collections.unmodifiableList(renumbered), objects, triangles, surfaceArea, indexById, terrain,
                groundAreas, notes);
    }

    /**
     * These meshes and a chunk meshed after them on the same grid, its objects numbered on from these
     * ({@link MeshBuilder#build(List, de.dormagentwin.model.LodChoice, MeshBuilder.Grid, int)} with
     * {@code objects().size()}). The terrain stays as it is.
     */
    public CityMeshes append(CityMeshes chunk) {
        return join(List.of(this, chunk));
    }

    /**
     * Chunks meshed one after another on one grid, each numbering its objects on from the chunks before it, as one
     * city; the first chunk's terrain goes with it. Of two objects with one id, the first keeps it.
     */
    public static CityMeshes join(List<CityMeshes> chunks) {
        CityMeshes first = chunks.get(0);
        List<MeshPart> allParts = new ArrayList<>();
        List<CityObject> allObjects = new ArrayList<>();
        List<GroundArea> allAreas = new ArrayList<>();
        List<String> allNotes = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        long triangles = 0;
        double area = 0;
        for (CityMeshes chunk : chunks) {
            if (!Arrays.equals(chunk.origin, first.origin) || chunk.tileSize != first.tileSize) {
                throw new IllegalArgumentException("a chunk must be meshed on the same grid as the city it joins");
            }
            allParts.addAll(chunk.parts);
            allAreas.addAll(chunk.groundAreas);
            allNotes.addAll(chunk.notes);
            for (CityObject object : chunk.objects) {
                index.putIfAbsent(object.id(), allObjects.size());
                allObjects.add(object);
            }
            triangles += chunk.triangles;
            area += chunk.surfaceArea;
        }
        return new CityMeshes(first.origin, first.tileSize, Collections.unmodifiableList(allParts), Collections.unmodifiableList(allObjects),
                triangles, area, Collections.unmodifiableMap(index), first.terrain, List.copyOf(allAreas), List.copyOf(allNotes));
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
