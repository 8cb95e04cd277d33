package de.dormagentwin.model;

import java.util.Arrays;
import java.util.List;

/**
 * Where the ground lies under a city without terrain: the lower quartile of the objects' lowest points, so that a few
 * deep objects (a quay wall, a basement) do not sink it under every building. The 3D view lays its ground plane
 * there and the shadow study its receivers, so both agree on what "the ground" is.
 */
public final class GroundHeight {
    private GroundHeight() {
    }

    /** The ground height of these models under {@code lod}; 0 where no object has a point. */
    public static double of(List<CityModel> models, LodChoice lod) {
        double[] lowest = new double[models.stream().mapToInt(model -> model.objects().size()).sum()];
        int count = 0;
        for (CityModel model : models) {
            for (CityObject object : model.objects()) {
                Geometry geometry = object.geometryFor(lod);
                if (geometry == null || geometry.vertexIndexCount() == 0) {
                    continue;
                }
                double low = Double.POSITIVE_INFINITY;
                for (int i = 0; i < geometry.vertexIndexCount(); i++) {
                    low = Math.min(low, model.z(geometry.vertexIndex(i)));
                }
                lowest[count++] = low;
            }
        }
        if (count == 0) {
            return 0;
        }
        Arrays.sort(lowest, 0, count);
        return lowest[count / 4];
    }
}
