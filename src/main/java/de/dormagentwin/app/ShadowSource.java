package de.dormagentwin.app;

import de.dormagentwin.model.CityModel;
import de.dormagentwin.model.sun.Occluders;
import de.dormagentwin.scene.TerrainMesh;
import de.dormagentwin.ui.ShadowTools;

import java.util.List;

/**
 * What casts shadows in the planner: the models shown and the ground as drawn, triangulated on the first request
 * (a shadow or a study asks; most sessions never do) and kept for every later one.
 */
final class ShadowSource implements ShadowTools.Source {
    private final List<CityModel> models;
    private final TerrainMesh terrain;
    private Occluders occluders;

    ShadowSource(List<CityModel> models, TerrainMesh terrain) {
        this.models = List.copyOf(models);
        this.terrain = terrain;
    }

    @Override
    public synchronized Occluders occluders() {
        if (occluders == null) {
            occluders = Occluders.of(models, terrain == null ? null : terrain.lattice(), null);
        }
        return occluders;
    }
}
